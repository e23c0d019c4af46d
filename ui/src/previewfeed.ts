// Feeds the preview pane from the engine: one session per page load (the engine remembers the
// session's last layout and which outlines it has sent), latest-only scheduling (no debounce: a
// change after a pause is laid out at once, changes made meanwhile wait and only the newest
// runs), and pages the pane lacks asked for by index.

import type { Api } from './api';
import { LatestOnly } from './latest';
import type { PreviewPane } from './preview';
import type { Issue, PreviewUpdate } from './types';

/** What the last update cost, for the end-to-end test's figures. */
export interface UpdateFigures {
  /** Bytes of the update's JSON (what crossed the IPC bridge). */
  bytes: number;
  /** Pages that carried a drawing. */
  drawings: number;
  /** Milliseconds from the request to the pane updated. */
  ms: number;
}

/** How long an update runs before the pane says it is updating. */
const BUSY_AFTER_MS = 300;

function newSession(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c ? c.randomUUID() : `s-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export class PreviewFeed {
  private session = newSession();
  private readonly runner: LatestOnly<{ issue: Issue; follow: boolean }>;
  last: UpdateFigures | null = null;

  constructor(
    private readonly api: Api,
    private readonly pane: PreviewPane,
    /** Where layout broke each article's headline automatically (for the form's hint). */
    private readonly onHeadlines: (breaks: (string[] | null)[]) => void = () => {},
  ) {
    this.runner = new LatestOnly(({ issue, follow }) => this.run(issue, follow));
  }

  /** After an edit: the preview follows, scrolling to the page that changed. */
  request(issue: Issue): void {
    this.runner.request({ issue, follow: true });
  }

  /** Now (an issue opened, a font chosen), resolving once the preview shows it. */
  now(issue: Issue): Promise<void> {
    return this.runner.now({ issue, follow: false });
  }

  /** A new issue in the pane: forget the pages (the glyph sheet stays). */
  reset(): void {
    this.pane.clear();
  }

  private async run(issue: Issue, follow: boolean): Promise<void> {
    const t0 = performance.now();
    // 「正在更新…」 only when an update takes long enough to notice (not on every keystroke).
    const busy = setTimeout(() => this.pane.busy(), BUSY_AFTER_MS);
    try {
      const update = await this.api.previewUpdate(this.session, issue);
      const applied = this.pane.apply(update, follow);
      this.onHeadlines(update.headlines ?? []);
      let bytes = size(update);
      if (applied.missing.length > 0) {
        // Pages the engine took for unchanged but the pane no longer holds.
        const more = await this.pages(applied.missing, issue);
        bytes += size(more);
        this.pane.apply(more, follow);
      }
      this.last = {
        bytes,
        drawings: update.pages.filter((p) => p.drawing).length,
        ms: performance.now() - t0,
      };
      // Read by the end-to-end test (bytes per keystroke).
      this.pane.element.dataset.lastBytes = String(bytes);
      this.pane.element.dataset.lastMs = this.last.ms.toFixed(1);
    } catch (e) {
      this.pane.failed(e);
    } finally {
      clearTimeout(busy);
    }
  }

  /** The pages at `indices`; if the engine forgot the session, a new one sends everything. */
  private async pages(indices: number[], issue: Issue): Promise<PreviewUpdate> {
    try {
      return await this.api.previewPages(this.session, indices);
    } catch {
      this.session = newSession();
      return this.api.previewUpdate(this.session, issue);
    }
  }
}

function size(u: PreviewUpdate): number {
  return new TextEncoder().encode(JSON.stringify(u)).length;
}
