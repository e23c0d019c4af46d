import { describe, expect, it } from 'vitest';
import { PreviewPane } from '../src/preview';
import { LatestOnly } from '../src/latest';
import { PageCache } from '../src/pagecache';
import type { PageDrawing, PreviewUpdate } from '../src/types';

function pane(width: number): { pane: PreviewPane; label: () => string; click: (text: string) => void } {
  const p = new PreviewPane();
  const pages = p.element.querySelector<HTMLElement>('#preview-pages')!;
  Object.defineProperty(pages, 'clientWidth', { value: width, configurable: true });
  const buttons = [...p.element.querySelectorAll<HTMLButtonElement>('.preview-toolbar button')];
  return {
    pane: p,
    label: () => p.element.querySelector('#zoom-label')!.textContent ?? '',
    click: (text) => buttons.find((b) => b.textContent === text)!.click(),
  };
}

describe('preview zoom', () => {
  it('shows the fitted width as a percentage, not the button’s own words', () => {
    const { pane: p, label } = pane(600);
    p.setZoom(0);
    // (600 − 32) px of room for a 793.7 px A4 page.
    expect(label()).toBe('72%');
  });

  it('steps from the fitted size to the next zoom and back to fit', () => {
    const { pane: p, label, click } = pane(600);
    p.setZoom(0);
    click('＋');
    expect(label()).toBe('75%');
    click('＋');
    expect(label()).toBe('90%');
    click('−');
    click('−');
    expect(label()).toBe('67%');
    click('适合宽度');
    expect(label()).toBe('72%');
  });
});

function drawing(number: number, text: string): PageDrawing {
  const chars = [...text];
  return {
    number,
    width: 595.28,
    height: 841.89,
    lines: [
      {
        e: 'body',
        c: '#000000',
        s: 16,
        y: 100,
        t: text,
        x: chars.map((_, i) => 80 + 16 * i),
        g: chars.map((_, i) => i + 1),
      },
    ],
    rules: [],
    frames: [],
  };
}

function update(pages: [string, PageDrawing | null][], glyphs = 0): PreviewUpdate {
  return {
    pages: pages.map(([hash, d]) => ({ hash, drawing: d })),
    glyphs: Array.from({ length: glyphs }, (_, i) => ({ id: i + 1, d: 'M0 0L10 10Z', scale: 0.001 })),
  };
}

describe('preview pages by hash', () => {
  it('redraws only the pages whose hash changed and asks for the ones it lacks', () => {
    const p = new PreviewPane();
    const first = p.apply(
      update(
        [
          ['a', drawing(1, '甲乙')],
          ['b', drawing(2, '丙丁')],
        ],
        2,
      ),
    );
    expect(first.changed).toEqual([0, 1]);
    expect(first.missing).toEqual([]);
    expect(p.sheet.size).toBe(2);
    const svgs = () => [...p.element.querySelectorAll('#preview-pages svg.page-svg')];
    const [one, two] = svgs();
    // Page 2 changed, page 1 did not: page 1 keeps its very element.
    const next = p.apply(
      update([
        ['a', null],
        ['c', drawing(2, '丙戊')],
      ]),
    );
    expect(next.changed).toEqual([1]);
    expect(svgs()[0]).toBe(one);
    expect(svgs()[1]).not.toBe(two);
    expect(svgs()[1]!.querySelector('text')!.textContent).toBe('丙戊');
    // Each glyph placed from the sheet, at x / size in the line's scaled group.
    const uses = [...svgs()[1]!.querySelectorAll('use')];
    expect(uses.map((u) => u.getAttribute('href'))).toEqual(['#bg-1', '#bg-2']);
    expect(uses.map((u) => u.getAttribute('x'))).toEqual(['5', '6']);
    expect(p.element.querySelector('#page-2')!.getAttribute('aria-label')).toBe('第2页：丙戊');
    // A third page whose drawing did not come: reported missing, not drawn.
    const third = p.apply(
      update([
        ['a', null],
        ['c', null],
        ['z', null],
      ]),
    );
    expect(third.missing).toEqual([2]);
    expect(p.isDrawn(2)).toBe(false);
    // Fewer pages: the figures and thumbnails follow.
    p.apply(update([['a', null]]));
    expect(p.element.querySelectorAll('figure.page').length).toBe(1);
    expect(p.element.querySelectorAll('.thumb').length).toBe(1);
  });

  it('keeps a repeated outline once in the glyph sheet', () => {
    const p = new PreviewPane();
    p.apply(update([['a', drawing(1, '甲')]], 3));
    p.apply(update([['a', null]], 3));
    expect(p.sheet.element.querySelectorAll('path').length).toBe(3);
  });

  it('drops the least recently used drawings beyond its limit', () => {
    const c = new PageCache(2);
    c.put('a', drawing(1, '甲'));
    c.put('b', drawing(2, '乙'));
    c.get('a');
    c.put('c', drawing(3, '丙'));
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([true, false, true]);
  });
});

describe('latest-only scheduling', () => {
  it('runs the first request at once and, while it runs, only the newest next', async () => {
    const ran: number[] = [];
    let release: () => void = () => {};
    const runner = new LatestOnly<number>(
      (n) =>
        new Promise<void>((r) => {
          ran.push(n);
          release = r;
        }),
    );
    runner.request(1);
    expect(ran).toEqual([1]); // no debounce in front
    runner.request(2);
    runner.request(3);
    expect(ran).toEqual([1]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toEqual([1, 3]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.busy).toBe(false);
  });
});
