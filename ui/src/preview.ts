// The live preview: the engine's SVG pages (the same positioned pages the PDF draws), shown as
// images, with page thumbnails and zoom. An SVG shown through <img> can run no script and load
// nothing, whatever text it holds.

import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import type { Preview } from './types';

/** A4 at 96 px per inch: 210 mm. */
const PAGE_WIDTH_PX = (210 / 25.4) * 96;
const ZOOMS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2];

export class PreviewPane {
  readonly element: HTMLElement;
  private readonly pages: HTMLElement;
  private readonly thumbs: HTMLElement;
  private readonly status: HTMLElement;
  private readonly zoomLabel: HTMLElement;
  private urls: string[] = [];
  private zoom = 0; // 0 = fit width
  version = 0;

  constructor() {
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
    );
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

  show(preview: Preview): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = preview.pages.map((p) => URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' })));
    this.version += 1;
    const pages = preview.pages.map((p, i) =>
      h(
        'figure',
        { class: 'page', attrs: { id: `page-${i + 1}` }, data: { page: i + 1 } },
        h('img', { attrs: { src: this.urls[i], alt: `第${i + 1}页：${p.text}`, draggable: 'false' } }),
        h('figcaption', { text: `— ${i + 1} —` }),
      ),
    );
    const thumbs = preview.pages.map((_, i) =>
      h(
        'button',
        {
          class: 'thumb',
          title: `第${i + 1}页`,
          attrs: { type: 'button' },
          on: { click: () => document.getElementById(`page-${i + 1}`)?.scrollIntoView({ block: 'start' }) },
        },
        h('img', { attrs: { src: this.urls[i], alt: '' } }),
        h('span', { text: String(i + 1) }),
      ),
    );
    replaceChildren(this.pages, ...pages);
    replaceChildren(this.thumbs, ...thumbs);
    this.pages.dataset.version = String(this.version);
    this.pages.dataset.pageCount = String(preview.pages.length);
    this.status.textContent = `共 ${preview.pages.length} 页`;
    this.status.className = 'preview-status';
    this.applyZoom();
  }

  clear(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    replaceChildren(this.pages);
    replaceChildren(this.thumbs);
    this.status.textContent = '';
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
    this.pages.querySelectorAll<HTMLElement>('.page').forEach((p) => (p.style.width = width));
  }
}
