// The glyph sheet: each (face, glyph) outline the engine sends once per session becomes one
// <path id="bg-N"> in a hidden <svg>; pages then only place them with <use href="#bg-N">.

import { svg } from './svgdom';
import type { GlyphDef } from './types';

/** The id of glyph `n` in the document. */
export const glyphRef = (n: number): string => `bg-${n}`;

export class GlyphSheet {
  readonly element: SVGSVGElement;
  private readonly defs: SVGDefsElement;
  private readonly ids = new Set<number>();

  constructor() {
    this.defs = svg('defs');
    this.element = svg(
      'svg',
      { class: 'glyph-sheet', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' },
      this.defs,
    );
  }

  /** Adds the outlines not held yet (a repeated one is ignored). */
  add(glyphs: GlyphDef[]): void {
    for (const g of glyphs) {
      if (this.ids.has(g.id)) continue;
      this.ids.add(g.id);
      // The outline at 1 unit to the em, y down: a page scales it to the line's size.
      this.defs.appendChild(
        svg('path', { id: glyphRef(g.id), d: g.d, transform: `scale(${g.scale} ${-g.scale})` }),
      );
    }
  }

  /** Whether glyph `n` is held. */
  has(n: number): boolean {
    return this.ids.has(n);
  }

  /** How many outlines are held. */
  get size(): number {
    return this.ids.size;
  }
}
