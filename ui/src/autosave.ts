// Saves the issue without asking: `delayMs` after the last change (well within the 1 s the issue
// promises), at once on flush (Ctrl+S, leaving the editor, closing the window).

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export class Autosaver<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: T | null = null;
  private running: Promise<void> | null = null;
  state: SaveState = 'saved';
  lastError: string | null = null;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onState: (state: SaveState, error: string | null) => void = () => {},
    private readonly delayMs = 400,
  ) {}

  /** Notes a change; it is saved `delayMs` later unless another change comes first. */
  schedule(value: T): void {
    this.pending = value;
    this.set('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Whether a change is not yet written. */
  get dirty(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** Saves any pending change now; resolves when everything scheduled so far is written. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // One save at a time, in order: wait for the one running, then write the newest value.
    while (this.running) await this.running;
    const value = this.pending;
    if (value === null) return;
    this.pending = null;
    this.set('saving');
    this.running = (async () => {
      try {
        await this.save(value);
        this.lastError = null;
        this.set(this.pending === null ? 'saved' : 'pending');
      } catch (e) {
        // Keep the unsaved value so the next change or flush retries it.
        if (this.pending === null) this.pending = value;
        this.lastError = errorText(e);
        this.set('error');
      } finally {
        this.running = null;
      }
    })();
    await this.running;
    if (this.pending !== null && this.timer === null && this.state !== 'error') await this.flush();
  }

  private set(state: SaveState): void {
    this.state = state;
    this.onState(state, this.lastError);
  }
}

/** A message for the editor from anything thrown: our commands reject with plain Chinese text. */
export function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error && e.message) return `出现意外问题：${e.message}`;
  return '出现意外问题，请重试。';
}
