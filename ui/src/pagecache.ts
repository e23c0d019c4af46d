// The drawings the preview has received, by hash: a page whose hash did not change is neither
// sent again nor redrawn. The least recently used beyond the limit are dropped (the engine sends
// a dropped page again when asked).

import type { PageDrawing } from './types';

export class PageCache {
  private readonly map = new Map<string, PageDrawing>();

  constructor(private readonly limit = 200) {}

  get(hash: string): PageDrawing | undefined {
    const d = this.map.get(hash);
    if (d) {
      // Most recently used last.
      this.map.delete(hash);
      this.map.set(hash, d);
    }
    return d;
  }

  put(hash: string, drawing: PageDrawing): void {
    this.map.delete(hash);
    this.map.set(hash, drawing);
    while (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  has(hash: string): boolean {
    return this.map.has(hash);
  }

  get size(): number {
    return this.map.size;
  }
}
