import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { coverageText, sameChoice } from '../src/fontsdialog';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue } from './fixtures';

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('设置 › 字体', () => {
  let fake: FakeApi;
  let root: HTMLElement;
  let app: App;

  beforeEach(async () => {
    vi.useFakeTimers();
    fake = new FakeApi();
    fake.add('a1', sampleIssue());
    root = page();
    app = new App(root, fake.api());
    await app.start();
    await app.openIssue('a1');
    root.querySelector<HTMLButtonElement>('#fonts')!.click();
    await settle();
  });
  afterEach(() => {
    app.dispose();
    vi.useRealTimers();
  });

  const select = (role: string) => document.querySelector<HTMLSelectElement>(`#font-${role}`)!;
  const row = (role: string) => document.querySelector<HTMLElement>(`.font-role[data-role="${role}"]`)!;

  it('lists every role in its bundled face with a sample, and the installed faces', () => {
    expect(document.querySelector('#fonts-dialog')).not.toBeNull();
    for (const role of ['XiaoBiaoSong', 'FangSong', 'Hei', 'Kai', 'Song']) {
      expect(select(role).value).toBe('bundled');
      expect(row(role).querySelector('img.font-sample')?.getAttribute('src')).toMatch(/^blob:/);
    }
    const labels = [...select('Kai').options].map((o) => o.textContent);
    expect(labels[0]).toBe('内置 FandolKai（默认）');
    expect(labels.some((l) => l?.startsWith('文鼎ＰＬ简中楷（TrueType'))).toBe(true);
    // Skipped font files are named.
    expect(document.querySelector('#font-warnings')!.textContent).toContain('damaged.ttf');
  });

  it('offers a face whose licence forbids embedding greyed out, with the reason', () => {
    const restricted = [...select('Kai').options].find((o) => o.textContent?.startsWith('Restricted Kai'))!;
    expect(restricted.disabled).toBe(true);
    expect(restricted.textContent).toContain('授权不允许嵌入');
  });

  it('stores a choice, shows what falls back, and redraws the preview', async () => {
    const previews = fake.previews.length;
    const s = select('Kai');
    s.value = [...s.options].find((o) => o.textContent?.startsWith('文鼎'))!.value;
    s.dispatchEvent(new Event('change'));
    await settle();
    expect(fake.fontCalls).toEqual([{ role: 'Kai', choice: { kind: 'family', name: '文鼎ＰＬ简中楷' } }]);
    expect(select('Kai').value).not.toBe('bundled');
    expect(row('Kai').textContent).toContain('当前：文鼎ＰＬ简中楷');
    expect(row('Kai').querySelector('.font-coverage')!.textContent).toContain('「堃」「喆」');
    expect(document.querySelector('#font-status')!.textContent).toContain('已改用 文鼎ＰＬ简中楷');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.previews.length).toBeGreaterThan(previews);

    // Back to the bundled face.
    select('Kai').value = 'bundled';
    select('Kai').dispatchEvent(new Event('change'));
    await settle();
    expect(fake.fontCalls.at(-1)).toEqual({ role: 'Kai', choice: null });
    expect(row('Kai').textContent).toContain('当前：FandolKai');
  });
});

describe('the fonts dialog text', () => {
  it('says the share and what falls back', () => {
    expect(coverageText({ has: 5, total: 5, missing: [] }, ['Noto Serif CJK SC'])).toBe(
      '本期用到的 5 个字中有 5 个（100%）。',
    );
    expect(
      coverageText({ has: 610, total: 612, missing: ['堃', '喆'] }, ['FandolFang', 'Noto Serif CJK SC']),
    ).toBe(
      '本期用到的 612 个字中有 610 个（99.7%）；缺「堃」「喆」，改用 FandolFang → Noto Serif CJK SC 印出。',
    );
  });

  it('compares choices by family or by file', () => {
    expect(sameChoice({ kind: 'family', name: 'A' }, { kind: 'family', name: 'A' })).toBe(true);
    expect(sameChoice({ kind: 'family', name: 'A' }, { kind: 'file', path: 'A', index: 0 })).toBe(false);
    expect(sameChoice(null, null)).toBe(true);
  });
});
