// Runs one task at a time and, while one runs, keeps only the newest request: the preview shows
// the latest text without queueing a layout per keystroke.

export class LatestOnly<A> {
  private running = false;
  private next: A | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly task: (arg: A) => Promise<void>,
    private readonly debounceMs = 120,
  ) {}

  /** Requests a run with `arg` after the debounce; earlier pending requests are dropped. */
  request(arg: A): void {
    this.next = arg;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pump();
    }, this.debounceMs);
  }

  /** Runs the newest request now (no debounce). */
  now(arg: A): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.next = arg;
    return this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.next !== null) {
        const arg = this.next;
        this.next = null;
        await this.task(arg);
      }
    } finally {
      this.running = false;
    }
  }
}
