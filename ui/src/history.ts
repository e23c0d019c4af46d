// Undo/redo over an editing session: snapshots of the whole issue. Typing in one field is one step
// (consecutive changes with the same key within `coalesceMs` merge), as in Word and WPS.

export interface HistoryOptions {
  coalesceMs?: number;
  limit?: number;
  now?: () => number;
}

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private present: T;
  private lastKey: string | null = null;
  private lastTime = 0;
  private readonly coalesceMs: number;
  private readonly limit: number;
  private readonly now: () => number;

  constructor(initial: T, opts: HistoryOptions = {}) {
    this.present = structuredClone(initial);
    this.coalesceMs = opts.coalesceMs ?? 1000;
    this.limit = opts.limit ?? 500;
    this.now = opts.now ?? (() => Date.now());
  }

  get current(): T {
    return structuredClone(this.present);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records the state after a change. `key` names what changed (e.g. the field's path). */
  record(state: T, key: string | null = null): void {
    const t = this.now();
    const merge = key !== null && key === this.lastKey && t - this.lastTime <= this.coalesceMs;
    if (!merge) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = structuredClone(state);
    this.future = [];
    this.lastKey = key;
    this.lastTime = t;
  }

  /** The state before the last step, or null if there is none. */
  undo(): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(this.present);
    this.present = prev;
    this.lastKey = null;
    return structuredClone(prev);
  }

  /** The state after the last undone step, or null if there is none. */
  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.present);
    this.present = next;
    this.lastKey = null;
    return structuredClone(next);
  }
}
