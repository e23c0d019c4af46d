import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { figureWidth, isImagePath } from '../src/figures';
import { dataUrlBytes, ImageCache, sniffMediaType } from '../src/imagecache';
import type { FigureBlock, Issue } from '../src/types';
import { FakeApi } from './fake-api';
import { sampleIssue } from './fixtures';
import { openedApp } from './page';

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

function draft(): Issue {
  return { ...sampleIssue(), status: 'draft' };
}

/** A paste event carrying `files` as clipboard items (jsdom has no ClipboardEvent data). */
function pasteFiles(target: HTMLElement, files: File[], text = ''): Event {
  const ev = new Event('paste', { bubbles: true, cancelable: true });
  const items = files.map((f) => ({ kind: 'file', type: f.type, getAsFile: () => f }));
  Object.defineProperty(ev, 'clipboardData', {
    value: { items, files, getData: (t: string) => (t === 'text/plain' ? text : '') },
  });
  target.dispatchEvent(ev);
  return ev;
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe('photos in the editor', () => {
  let fake: FakeApi;
  let root: HTMLElement;
  let app: App;

  beforeEach(async () => {
    vi.useFakeTimers();
    fake = new FakeApi();
    fake.add('a1', draft());
    ({ root, app } = await openedApp(fake, 'a1'));
    await settle();
  });
  afterEach(() => {
    app.dispose();
    vi.useRealTimers();
  });

  const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const field = (path: string) => q<HTMLTextAreaElement & HTMLInputElement>(`[data-path="${path}"]`);
  const insertButton = (article: number) =>
    root.querySelectorAll<HTMLButtonElement>('.card.article .insert-figure')[article]!;
  const saved = () => fake.saves.at(-1)!;
  const toast = () => document.querySelector('#toasts')!.textContent ?? '';

  it('插入图片 adds the chosen file as a figure after the article’s last block, caption focused', async () => {
    insertButton(0).click();
    await settle();
    expect(fake.imageAdds).toEqual(['/home/u/图片/峰会现场.jpg']);
    const caption = field('articles.0.blocks.2.text');
    expect(caption.placeholder).toBe('图为……');
    expect(document.activeElement).toBe(caption);
    type(caption, '图为峰会筹备会现场');
    await vi.advanceTimersByTimeAsync(1000);
    const fig = saved().articles[0]!.blocks[2] as FigureBlock;
    expect(fig.kind).toBe('figure');
    expect(fig.text).toBe('图为峰会筹备会现场');
    expect(fig.figure.width).toBe(100);
    expect(fig.figure.image).toMatch(/^[0-9a-f]{64}$/);
    // The text blocks before it are as they were.
    expect(saved().articles[0]!.blocks.slice(0, 2)).toEqual(draft().articles[0]!.blocks);
    // The thumbnail and the preview page show the stored picture by its object URL.
    const thumb = q<HTMLImageElement>('.figure-block .figure-thumb');
    expect(thumb.getAttribute('src')).toMatch(/^blob:/);
    const onPage = q('#preview-pages image.figure');
    expect(onPage.getAttribute('data-image')).toBe(fig.figure.image);
    expect(onPage.getAttribute('href')).toBe(thumb.getAttribute('src'));
  });

  it('fetches each picture’s preview copy once, however often the issue is typed in', async () => {
    insertButton(0).click();
    await settle();
    fake.imageFile = '/home/u/图片/对接.png';
    insertButton(1).click();
    await settle();
    const text = field('articles.0.blocks.0.text');
    for (const s of ['第', '第一', '第一段', '第一段。']) {
      type(text, s);
      await settle();
    }
    const ids = [...fake.images.keys()];
    expect(ids).toHaveLength(2);
    expect([...fake.imagePreviews].sort()).toEqual([...ids].sort());
    expect(root.querySelectorAll('#preview-pages image.figure[href^="blob:"]')).toHaveLength(2);
  });

  it('sets the width by the choices or as a number, refusing one out of range', async () => {
    insertButton(0).click();
    await settle();
    const choice = field('articles.0.blocks.2.figure.width') as unknown as HTMLSelectElement;
    expect([...choice.options].map((o) => o.textContent)).toEqual(['整栏', '3/4 栏', '1/2 栏']);
    choice.value = '50';
    choice.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    expect((saved().articles[0]!.blocks[2] as FigureBlock).figure.width).toBe(50);
    const exact = field('articles.0.blocks.2.figure.width.number');
    expect(exact.value).toBe('50');
    exact.value = '60';
    exact.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    expect((saved().articles[0]!.blocks[2] as FigureBlock).figure.width).toBe(60);
    // The select names the odd width too.
    expect((field('articles.0.blocks.2.figure.width') as unknown as HTMLSelectElement).value).toBe('60');
    const saves = fake.saves.length;
    const again = field('articles.0.blocks.2.figure.width.number');
    again.value = '20';
    again.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(again.classList.contains('invalid')).toBe(true);
    expect(again.parentElement!.textContent).toContain('请填写 25 到 100 之间的整数');
    expect(fake.saves.length).toBe(saves);
  });

  it('moves a figure up and deletes it; Ctrl+Z brings it back with its caption', async () => {
    insertButton(0).click();
    await settle();
    type(field('articles.0.blocks.2.text'), '图为会场');
    const id = [...fake.images.keys()][0]!;
    q<HTMLButtonElement>('.figure-block .block-up').click();
    expect(q('.blocks').children[1]!.classList.contains('figure-block')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved().articles[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'heading1']);
    q<HTMLButtonElement>('.figure-block .block-delete').click();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved().articles[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading1']);
    expect(root.querySelector('.figure-block')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    const back = saved().articles[0]!.blocks[1] as FigureBlock;
    expect(back).toEqual({ kind: 'figure', text: '图为会场', figure: { image: id, width: 100 } });
    expect(q('.figure-block').dataset.figure).toBe(id);
  });

  it('names a broken file in plain Chinese and changes nothing', async () => {
    type(field('articles.0.blocks.0.text'), '改过的第一段。');
    await vi.advanceTimersByTimeAsync(1000);
    const before = structuredClone(saved());
    fake.imageFile = '/home/u/图片/损坏.jpg';
    insertButton(0).click();
    await settle();
    expect(document.querySelector('#toasts .toast.error')!.textContent).toContain(
      '无法读取图片「损坏.jpg」：文件已损坏，或不是 JPEG、PNG、WebP 图片。请换一个文件。',
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(root.querySelector('.figure-block')).toBeNull();
    expect(saved()).toEqual(before);
    expect(field('articles.0.blocks.0.text').value).toBe('改过的第一段。');
  });

  it('a cancelled chooser adds nothing', async () => {
    fake.imageFile = null;
    insertButton(0).click();
    await settle();
    expect(fake.imageAdds).toEqual([]);
    expect(root.querySelector('.figure-block')).toBeNull();
  });

  it('a picture pasted into a paragraph goes in after that paragraph, as bytes', async () => {
    const para = field('articles.0.blocks.0.text');
    const ev = pasteFiles(para, [new File([JPEG], 'image.png', { type: 'image/png' })]);
    expect(ev.defaultPrevented).toBe(true);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.imageAdds).toEqual([`bytes:${JPEG.length}`]);
    expect(saved().articles[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'heading1']);
    expect(para.value).toBe('第一段。');
  });

  it('a paste of text alone is left to the text field', async () => {
    const ev = pasteFiles(field('articles.0.blocks.0.text'), [], '一句话');
    expect(ev.defaultPrevented).toBe(false);
    await settle();
    expect(fake.imageAdds).toEqual([]);
  });

  it('picture files dropped on the window go into the article being edited, not the import', async () => {
    field('articles.1.blocks.0.text').focus();
    const imports = vi.spyOn(fake, 'api');
    await app.importPaths(['/home/u/图片/a.png', '/home/u/图片/b.JPG']);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(imports).not.toHaveBeenCalled();
    expect(fake.imageAdds).toEqual(['/home/u/图片/a.png', '/home/u/图片/b.JPG']);
    expect(saved().articles[1]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'figure']);
    expect(saved().articles[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading1']);
    expect(toast()).toBe('');
  });
});

describe('picture helpers', () => {
  it('tells picture files by their extension', () => {
    expect(['a.jpg', 'b.JPEG', '/x/c.png', 'd.webp'].every(isImagePath)).toBe(true);
    expect(['a.pdf', 'b.docx', 'jpg', 'c.png.txt'].some(isImagePath)).toBe(false);
  });

  it('reads a typed width of 25–100 percent', () => {
    expect(figureWidth('60')).toBe(60);
    expect(figureWidth(' 75% ')).toBe(75);
    expect(figureWidth('100')).toBe(100);
    expect(figureWidth('24')).toBeNull();
    expect(figureWidth('101')).toBeNull();
    expect(figureWidth('50.5')).toBeNull();
  });

  it('knows a preview copy’s media type from its first bytes', () => {
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe('image/png');
    const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
    expect(sniffMediaType(webp)).toBe('image/webp');
  });
});

describe('the preview copies', () => {
  it('decodes a data URL into the bytes it holds', () => {
    expect([...dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(() => dataUrlBytes('data:image/png,raw')).toThrow();
  });

  it('fetches an image once, and again only after a failed fetch', async () => {
    const asked: string[] = [];
    let fail = true;
    const cache = new ImageCache(async (id) => {
      asked.push(id);
      if (fail) throw '找不到这张图片';
      return 'data:image/jpeg;base64,/9j/4A==';
    });
    await expect(cache.url('a')).rejects.toBe('找不到这张图片');
    fail = false;
    const first = await cache.url('a');
    expect(await cache.url('a')).toBe(first);
    expect(asked).toEqual(['a', 'a']);
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    cache.show(el, 'a');
    expect(el.getAttribute('href')).toBe(first);
    expect(cache.has('a')).toBe(true);
  });
});

describe('a published issue', () => {
  afterEach(() => vi.useRealTimers());

  it('takes no pictures: the button is off, a paste and a drop change nothing', async () => {
    vi.useFakeTimers();
    const fake = new FakeApi();
    fake.add('p1', sampleIssue());
    fake.locked.add('p1');
    const { root, app } = await openedApp(fake, 'p1');
    await settle();
    const insert = root.querySelector<HTMLButtonElement>('.card.article .insert-figure')!;
    expect(insert.disabled).toBe(true);
    const para = root.querySelector<HTMLTextAreaElement>('[data-path="articles.0.blocks.0.text"]')!;
    const ev = pasteFiles(para, [new File([JPEG], 'a.jpg', { type: 'image/jpeg' })]);
    expect(ev.defaultPrevented).toBe(false);
    await app.importPaths(['/home/u/图片/a.jpg']);
    await settle();
    expect(fake.imageAdds).toEqual([]);
    expect(root.querySelector('.figure-block')).toBeNull();
    expect(document.querySelector('#toasts .toast.error')!.textContent).toContain('已印发');
    app.dispose();
  });
});
