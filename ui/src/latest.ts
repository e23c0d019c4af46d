// Runs one task at a time and, while one runs, keeps only the newest request: the preview shows
// the latest text without queueing a layout per keystroke. With no debounce (the default) a
// request after a pause runs at once; one made while a task runs waits for it, and only the
// newest of those runs next.

export class LatestOnly<A> {
  private running = false;
  private next: A | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly task: (arg: A) => Promise<void>,
    private readonly debounceMs = 0,
  ) {}

  /** Requests a run with `arg` (after the debounce, if any); earlier pending requests are dropped. */
  request(arg: A): void {
    this.next = arg;
    if (this.debounceMs <= 0) {
      void this.pump();
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pump();
    }, this.debounceMs);
  }

  /** Runs the newest request now (no debounce); resolves when no request is left. */
  now(arg: A): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.next = arg;
    return this.pump();
  }

  /** Whether a task is running. */
  get busy(): boolean {
    return this.running;
  }

  private async pump(): Promise<void> {
    if (this.running) return this.idle();
    this.running = true;
    try {
      while (this.next !== null) {
        const arg = this.next;
        this.next = null;
        await this.task(arg);
      }
    } finally {
      this.running = false;
      for (const r of this.waiters.splice(0)) r();
    }
  }

  private readonly waiters: (() => void)[] = [];

  /** Resolves when the running task and the newest request after it are done. */
  private idle(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
}
