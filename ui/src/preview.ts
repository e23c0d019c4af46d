// The live preview: the engine's pages (the same positioned pages the PDF draws) as inline SVG
// whose glyphs come from the session's glyph sheet, with page thumbnails and zoom. Only pages
// whose hash changed are redrawn; the page that changed is drawn first (and scrolled to when out
// of view), pages out of view are drawn when they come into view.

import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import { GlyphSheet } from './glyphsheet';
import { ImageCache } from './imagecache';
import { PageCache } from './pagecache';
import { drawPage, pageRef, pageText } from './pagedraw';
import { svg } from './svgdom';
import type { PageDrawing, PreviewUpdate } from './types';

/** A4 at 96 px per inch: 210 mm. */
const PAGE_WIDTH_PX = (210 / 25.4) * 96;
const ZOOMS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2];
/** How long typing pauses before the thumbnails of changed pages are drawn again. */
const THUMBS_AFTER_MS = 600;

/** What an update did to the pane. */
export interface Applied {
  /** Pages whose drawing the pane lacks: to ask the engine for. */
  missing: number[];
  /** Pages whose content changed. */
  changed: number[];
}

/** A4 in points, the proof PDF's page. */
const A4_WIDTH_PT = 595.28;
const A4_HEIGHT_PT = 841.89;

export class PreviewPane {
  readonly element: HTMLElement;
  readonly sheet = new GlyphSheet();
  private readonly cache = new PageCache();
  private readonly pages: HTMLElement;
  private readonly thumbs: HTMLElement;
  private readonly status: HTMLElement;
  private readonly zoomLabel: HTMLElement;
  private figures: HTMLElement[] = [];
  private thumbButtons: HTMLElement[] = [];
  /** Each page's hash as last updated. */
  private hashes: string[] = [];
  /** Pages in or near the view (all of them where IntersectionObserver is missing). */
  private readonly visible = new Set<number>();
  private readonly observer: IntersectionObserver | null;
  private thumbTimer: ReturnType<typeof setTimeout> | null = null;
  private zoom = 0; // 0 = fit width
  version = 0;

  /** `images`: where the pages' pictures come from (none held: pictures stay blank). */
  constructor(
    private readonly images: ImageCache = new ImageCache(() => Promise.reject(new Error('no images'))),
  ) {
    this.pages = h('div', { class: 'pages', attrs: { id: 'preview-pages' } });
    this.thumbs = h('nav', { class: 'thumbs', attrs: { id: 'preview-thumbs', 'aria-label': '页面缩略图' } });
    this.status = h('span', { class: 'preview-status', attrs: { id: 'preview-status', role: 'status' } });
    this.zoomLabel = h('span', { class: 'zoom-label', attrs: { id: 'zoom-label', title: '当前缩放比例' } });
    this.element = h(
      'aside',
      { class: 'preview', attrs: { id: 'preview', 'aria-label': '预览' } },
      h(
        'div',
        { class: 'preview-toolbar' },
        h('strong', { text: '预览' }),
        this.status,
        h('span', { class: 'spacer' }),
        button('−', () => this.stepZoom(-1), { class: 'icon', title: '缩小', shortcut: 'Ctrl+-' }),
        this.zoomLabel,
        button('＋', () => this.stepZoom(1), { class: 'icon', title: '放大', shortcut: 'Ctrl+=' }),
        button('适合宽度', () => this.setZoom(0), {
          class: 'small',
          title: '页面宽度与预览区一致',
          shortcut: 'Ctrl+0',
        }),
      ),
      h('div', { class: 'preview-body' }, this.thumbs, this.pages),
      this.sheet.element,
    );
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => this.seen(entries), {
            root: this.pages,
            rootMargin: '50% 0px',
          });
    new ResizeObserver(() => this.applyZoom()).observe(this.pages);
    this.applyZoom();
  }

  busy(): void {
    this.status.textContent = '正在更新…';
    this.status.className = 'preview-status busy';
  }

  failed(e: unknown): void {
    this.status.textContent = `预览失败：${errorText(e)}`;
    this.status.className = 'preview-status error';
  }

  /** Takes an update in: new outlines into the sheet, drawings into the cache, changed pages redrawn. */
  apply(update: PreviewUpdate, follow = false): Applied {
    this.sheet.add(update.glyphs);
    for (const p of update.pages) if (p.drawing) this.cache.put(p.hash, p.drawing);
    const before = this.hashes;
    const old = (i: number) => (before[i] === undefined ? undefined : this.cache.get(before[i]!));
    this.resize(update.pages.length);
    this.hashes = update.pages.map((p) => p.hash);
    const changed: number[] = [];
    const missing: number[] = [];
    this.hashes.forEach((hash, i) => {
      if (before[i] !== hash) changed.push(i);
      this.figures[i]!.dataset.hash = hash;
      const d = this.cache.get(hash);
      if (!d) {
        missing.push(i);
        return;
      }
      this.figures[i]!.setAttribute('aria-label', `第${i + 1}页：${pageText(d)}`);
    });
    // The page that changed first (the one being edited), then the others in view.
    const first = changed.find((i) => !missing.includes(i));
    if (first !== undefined) this.draw(first);
    for (const i of changed) if (this.isVisible(i)) this.draw(i);
    if (follow && first !== undefined) this.follow(first, old(first));
    this.thumbsLater(changed);
    this.version += 1;
    this.pages.dataset.version = String(this.version);
    this.pages.dataset.pageCount = String(this.hashes.length);
    const status = `共 ${this.hashes.length} 页`;
    // Unchanged text is left alone: each keystroke touches only the pages that changed.
    if (
      missing.length === 0 &&
      (this.status.textContent !== status || this.status.className !== 'preview-status')
    ) {
      this.status.textContent = status;
      this.status.className = 'preview-status';
    }
    return { missing, changed };
  }

  /** Thumbnails of changed pages show them again once typing pauses: a thumbnail is a <use> of
   * the page's drawing, and cloning it on every keystroke would double the cost of a redraw. */
  private thumbsLater(changed: number[]): void {
    for (const i of changed) this.thumbUse(i)?.removeAttribute('href');
    if (this.thumbTimer !== null) clearTimeout(this.thumbTimer);
    this.thumbTimer = setTimeout(() => {
      this.thumbTimer = null;
      this.thumbButtons.forEach((_, i) => {
        const use = this.thumbUse(i);
        if (use && !use.hasAttribute('href')) use.setAttribute('href', `#${pageRef(i + 1)}`);
      });
    }, THUMBS_AFTER_MS);
  }

  private thumbUse(i: number): SVGUseElement | null {
    return this.thumbButtons[i]?.querySelector('use') ?? null;
  }

  /** Brings the line that changed on page `i` (the caret's line) into view if it is out of it. */
  private follow(i: number, before: PageDrawing | undefined): void {
    const now = this.cache.get(this.hashes[i]!);
    if (!now) return;
    const k = now.lines.findIndex((l, j) => l.t !== before?.lines[j]?.t || l.y !== before?.lines[j]?.y);
    const y = k < 0 ? 0 : now.lines[k]!.y / now.height;
    const fig = this.figures[i]!.getBoundingClientRect();
    const view = this.pages.getBoundingClientRect();
    const at = fig.top + y * fig.height;
    if (at < view.top || at > view.bottom) this.pages.scrollTop += at - (view.top + view.height / 2);
  }

  clear(): void {
    this.resize(0);
    this.hashes = [];
    this.status.textContent = '';
  }

  /** Whether page `i` is drawn as last updated. */
  isDrawn(i: number): boolean {
    const f = this.figures[i];
    return f !== undefined && f.dataset.drawn === this.hashes[i];
  }

  private isVisible(i: number): boolean {
    return this.observer === null || this.visible.has(i);
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const i = Number((e.target as HTMLElement).dataset.page) - 1;
      if (e.isIntersecting) {
        this.visible.add(i);
        this.draw(i);
      } else {
        this.visible.delete(i);
      }
    }
  }

  /** Draws page `i` unless it shows its current hash already. */
  private draw(i: number): void {
    const fig = this.figures[i];
    const hash = this.hashes[i];
    if (!fig || hash === undefined || fig.dataset.drawn === hash) return;
    const d = this.cache.get(hash);
    if (!d) return;
    const sheet = fig.firstElementChild as HTMLElement;
    replaceChildren(sheet, drawPage({ ...d, number: i + 1 }, this.images));
    fig.dataset.drawn = hash;
  }

  /** Marks `spots` (points from a page's top-left, as the proof PDF has them) on the pages, and
   * scrolls to the first; no spots clears the marks. */
  highlight(spots: { page: number; area: { x0: number; y0: number; x1: number; y1: number } }[]): void {
    for (const old of this.pages.querySelectorAll('.review-spot')) old.remove();
    const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
    let first: HTMLElement | null = null;
    for (const { page, area } of spots) {
      const sheet = this.figures[page - 1]?.querySelector<HTMLElement>('.sheet');
      if (!sheet) continue;
      const mark = h('div', { class: 'review-spot', attrs: { 'aria-hidden': 'true' } });
      mark.style.left = pct(area.x0, A4_WIDTH_PT);
      mark.style.top = pct(area.y0, A4_HEIGHT_PT);
      mark.style.width = pct(area.x1 - area.x0, A4_WIDTH_PT);
      mark.style.height = pct(area.y1 - area.y0, A4_HEIGHT_PT);
      sheet.appendChild(mark);
      first ??= mark;
    }
    first?.scrollIntoView({ block: 'center' });
  }

  /** Keeps one figure and one thumbnail per page. */
  private resize(n: number): void {
    while (this.figures.length > n) {
      const f = this.figures.pop()!;
      this.observer?.unobserve(f);
      f.remove();
      this.thumbButtons.pop()!.remove();
      this.visible.delete(this.figures.length);
    }
    while (this.figures.length < n) {
      const i = this.figures.length;
      const fig = h(
        'figure',
        { class: 'page', attrs: { id: `page-${i + 1}` }, data: { page: i + 1 } },
        h('div', { class: 'sheet' }),
        h('figcaption', { text: `— ${i + 1} —` }),
      );
      const thumb = h(
        'button',
        {
          class: 'thumb',
          title: `第${i + 1}页`,
          attrs: { type: 'button' },
          on: { click: () => fig.scrollIntoView({ block: 'start' }) },
        },
        h('span', { class: 'thumb-sheet' }),
        h('span', { text: String(i + 1) }),
      );
      // The thumbnail shows the page's own drawing (no second copy of its glyphs).
      thumb.firstElementChild!.appendChild(
        svg(
          'svg',
          { viewBox: '0 0 595.28 841.89', 'aria-hidden': 'true' },
          svg('use', { href: `#${pageRef(i + 1)}` }),
        ),
      );
      this.figures.push(fig);
      this.thumbButtons.push(thumb);
      this.pages.appendChild(fig);
      this.thumbs.appendChild(thumb);
      this.observer?.observe(fig);
    }
    this.applyZoom();
  }

  stepZoom(dir: 1 | -1): void {
    const current = this.effectiveZoom();
    const next =
      dir > 0
        ? ZOOMS.find((z) => z > current + 0.001)
        : [...ZOOMS].reverse().find((z) => z < current - 0.001);
    this.setZoom(next ?? current);
  }

  setZoom(z: number): void {
    this.zoom = z;
    this.applyZoom();
  }

  private effectiveZoom(): number {
    if (this.zoom > 0) return this.zoom;
    const avail = this.pages.clientWidth - 32;
    return avail > 0 ? avail / PAGE_WIDTH_PX : 1;
  }

  private applyZoom(): void {
    const z = this.effectiveZoom();
    // The fit-width button says "fit"; the label always says how large the page is drawn.
    this.zoomLabel.textContent = `${Math.round(z * 100)}%`;
    const width = `${Math.round(PAGE_WIDTH_PX * z)}px`;
    for (const p of this.figures) p.style.width = width;
  }
}
