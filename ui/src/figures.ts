// Photos in articles (issue 24): 插入图片 through the file chooser, a file dropped on an article, an
// image pasted from the clipboard; the figure block in the form (thumbnail, caption 「图为……」,
// width, and the block tools the editor gives every block). The engine adds the image to the store
// and answers with its id, or with a message saying what is wrong with the file; a bad file
// changes nothing. Every change goes through the editor's `change`, so it is one undo step.

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h } from './dom';
import type { ImageCache } from './imagecache';
import type { FigureBlock, ImageInfo, Issue } from './types';

/** What the figure controls need from the editor and the app. */
export interface FigureHost {
  /** The editor's change (undo history, autosave, preview). */
  change(mutate: (issue: Issue) => void, key: string | null, rebuild?: boolean): void;
  /** Focuses the form field with this data-path. */
  focus(path: string): void;
  /** Shows a message (an error in red). */
  notify(message: string, kind?: 'info' | 'error'): void;
  api: Pick<Api, 'pickImageFile' | 'addImageFile' | 'addImageBytes'>;
  images: ImageCache;
}

/** The files the chooser offers and a drop takes: JPEG, PNG, WebP. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;

/** Whether a dropped path is a picture (by its extension; the engine checks the content). */
export function isImagePath(path: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

/** The width choices: percent of the column (docs/layout.md, the figure rules). */
export const WIDTH_CHOICES: readonly { width: number; label: string }[] = [
  { width: 100, label: '整栏' },
  { width: 75, label: '3/4 栏' },
  { width: 50, label: '1/2 栏' },
];

/** The narrowest and widest figure, percent of the column. */
export const MIN_WIDTH = 25;
export const MAX_WIDTH = 100;

/** A new figure block for the image `id`, full column, caption still to write. */
export function newFigure(id: string): FigureBlock {
  return { kind: 'figure', text: '', figure: { image: id, width: 100 } };
}

/** A width typed as a number, or null when it is not a whole number in 25–100. */
export function figureWidth(text: string): number | null {
  const t = text.trim().replace(/[%％]$/, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= MIN_WIDTH && n <= MAX_WIDTH ? n : null;
}

/** The image files among `items` (a paste's clipboard items or a drop's files). */
export function imageFiles(files: Iterable<File>): File[] {
  return [...files].filter((f) => /^image\//.test(f.type) || isImagePath(f.name));
}

export class Figures {
  constructor(private readonly host: FigureHost) {}

  /** 插入图片: the file chooser, then the picture after block `at` of article `article`. */
  async choose(article: number, at: number): Promise<void> {
    let path: string | null;
    try {
      path = await this.host.api.pickImageFile();
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return;
    }
    if (path) await this.addPaths(article, at, [path]);
  }

  /** Adds the pictures at `paths` (the chooser's, or files dropped on the article) at `at`. */
  async addPaths(article: number, at: number, paths: string[]): Promise<void> {
    await this.add(
      article,
      at,
      paths.map((p) => () => this.host.api.addImageFile(p)),
    );
  }

  /** Adds pictures given as bytes (pasted from the clipboard, dropped from another program). */
  async addFiles(article: number, at: number, files: File[]): Promise<void> {
    await this.add(
      article,
      at,
      files.map((f) => async () => this.host.api.addImageBytes(new Uint8Array(await blobBytes(f)))),
    );
  }

  /** Each source in turn: a picture the engine took becomes a figure, one it refused is named. */
  private async add(article: number, at: number, sources: (() => Promise<ImageInfo>)[]): Promise<void> {
    const added: ImageInfo[] = [];
    for (const source of sources) {
      try {
        added.push(await source());
      } catch (e) {
        this.host.notify(errorText(e), 'error');
      }
    }
    if (added.length === 0) return;
    this.host.change(
      (iss) => {
        const blocks = iss.articles[article]?.blocks;
        if (!blocks) return;
        blocks.splice(Math.min(at, blocks.length), 0, ...added.map((img) => newFigure(img.id)));
      },
      null,
      true,
    );
    this.host.focus(`articles.${article}.blocks.${at}.text`);
  }

  /** The 插入图片 button of an article's block toolbar: the picture goes after its last block. */
  insertButton(article: number, blockCount: () => number): HTMLButtonElement {
    return button('＋ 图片', () => void this.choose(article, blockCount()), {
      class: 'small insert-figure',
      title: '插入图片（JPEG、PNG、WebP）；也可以把图片文件拖到文章上，或在文章中粘贴图片',
    });
  }

  /** Lets an article card take pictures pasted into it or dropped on it from the page. */
  acceptOn(card: HTMLElement, article: number, blockCount: () => number): void {
    // A published issue's form is read-only: it takes no pictures either.
    const readOnly = () => card.closest('.read-only') !== null;
    card.addEventListener('paste', (ev) => {
      const files = imageFiles(clipboardFiles(ev.clipboardData));
      if (files.length === 0 || readOnly()) return;
      ev.preventDefault();
      void this.addFiles(article, afterBlock(ev.target, article) ?? blockCount(), files);
    });
    card.addEventListener('dragover', (ev) => {
      if (!ev.dataTransfer?.types.includes('Files')) return;
      ev.preventDefault();
      card.classList.add('drop-target');
    });
    card.addEventListener('drop', (ev) => {
      const files = imageFiles(ev.dataTransfer?.files ?? []);
      if (files.length === 0 || readOnly()) return;
      ev.preventDefault();
      card.classList.remove('drop-target');
      void this.addFiles(article, blockCount(), files);
    });
  }

  /** The form of figure block `k` of article `i`: thumbnail, caption, width, and `tools`. */
  row(b: FigureBlock, i: number, k: number, tools: HTMLElement): HTMLElement {
    const base = `articles.${i}.blocks.${k}`;
    const thumb = h('img', {
      class: 'figure-thumb',
      attrs: { alt: b.text.trim() === '' ? '图片' : b.text, draggable: 'false' },
    });
    this.host.images.show(thumb, b.figure.image, 'src');
    const caption = h('textarea', {
      class: 'block-text figure-caption',
      data: { path: `${base}.text` },
      attrs: { rows: 1, placeholder: '图为……', spellcheck: 'false', 'aria-label': '图注' },
    });
    caption.value = b.text;
    caption.addEventListener('input', () => {
      thumb.alt = caption.value.trim() === '' ? '图片' : caption.value;
      const v = caption.value.replace(/\r?\n/g, '');
      this.host.change((iss) => {
        const blk = iss.articles[i]?.blocks[k];
        if (blk?.kind === 'figure') blk.text = v;
      }, `${base}.text`);
    });
    return h(
      'div',
      { class: 'block figure-block', data: { figure: b.figure.image } },
      thumb,
      h(
        'div',
        { class: 'figure-fields' },
        h('label', { class: 'field wide' }, h('span', { text: '图注' }), caption),
        this.widthField(b, i, k),
      ),
      tools,
    );
  }

  private widthField(b: FigureBlock, i: number, k: number): HTMLElement {
    const path = `articles.${i}.blocks.${k}.figure.width`;
    const set = (width: number) =>
      this.host.change(
        (iss) => {
          const blk = iss.articles[i]?.blocks[k];
          if (blk?.kind === 'figure') blk.figure.width = width;
        },
        null,
        true,
      );
    const choices = h(
      'select',
      {
        class: 'figure-width',
        title: '图片宽度（占栏宽的比例）',
        data: { path },
        on: { change: (ev) => set(Number((ev.target as HTMLSelectElement).value)) },
      },
      ...WIDTH_CHOICES.map((c) =>
        h('option', { attrs: { value: c.width, selected: c.width === b.figure.width }, text: c.label }),
      ),
      ...(WIDTH_CHOICES.some((c) => c.width === b.figure.width)
        ? []
        : [h('option', { attrs: { value: b.figure.width, selected: true }, text: `${b.figure.width}%` })]),
    );
    const exact = h('input', {
      class: 'figure-width-number',
      title: `宽度占栏宽的百分比（${MIN_WIDTH}–${MAX_WIDTH}）`,
      data: { path: `${path}.number` },
      attrs: { type: 'number', min: MIN_WIDTH, max: MAX_WIDTH, step: 5 },
    });
    exact.value = String(b.figure.width);
    const msg = h('small', { class: 'error-text' });
    exact.addEventListener('change', () => {
      const n = figureWidth(exact.value);
      if (n === null) {
        exact.classList.add('invalid');
        msg.textContent = `请填写 ${MIN_WIDTH} 到 ${MAX_WIDTH} 之间的整数`;
        return;
      }
      set(n);
    });
    return h(
      'label',
      { class: 'field figure-width-field' },
      h('span', { text: '宽度' }),
      choices,
      exact,
      h('span', { text: '%' }),
      msg,
    );
  }
}

/** The files a paste carries (clipboard items of kind file: a screenshot, a copied picture). */
function clipboardFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const fromItems = [...(data.items ?? [])]
    .filter((it) => it.kind === 'file')
    .map((it) => it.getAsFile())
    .filter((f): f is File => f !== null);
  return fromItems.length > 0 ? fromItems : [...(data.files ?? [])];
}

/** After which block a paste happened: the block its field belongs to, plus one. */
function afterBlock(target: EventTarget | null, article: number): number | null {
  const path = target instanceof HTMLElement ? (target.dataset.path ?? '') : '';
  const m = /^articles\.(\d+)\.blocks\.(\d+)\./.exec(path);
  return m && Number(m[1]) === article ? Number(m[2]) + 1 : null;
}

/** A blob's bytes (jsdom's Blob may lack arrayBuffer()). */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('无法读取粘贴的图片'));
    reader.readAsArrayBuffer(blob);
  });
}
