import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue } from './fixtures';

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(
  key: string,
  mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {},
  target: EventTarget = document,
): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      ctrlKey: mods.ctrl,
      shiftKey: mods.shift,
      altKey: mods.alt,
      bubbles: true,
    }),
  );
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('editing an issue', () => {
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
  });
  afterEach(() => {
    app.dispose();
    vi.useRealTimers();
  });

  const field = (path: string) =>
    root.querySelector<HTMLTextAreaElement & HTMLInputElement>(`[data-path="${path}"]`)!;

  it('autosaves within a second and refreshes the preview', async () => {
    type(field('articles.0.headline'), '新标题\n第二行');
    type(field('articles.0.blocks.0.text'), '新的一段。');
    expect(fake.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves).toHaveLength(1);
    expect(fake.saves[0]!.articles[0]!.headline).toEqual(['新标题', '第二行']);
    expect(fake.saves[0]!.articles[0]!.blocks[0]!.text).toBe('新的一段。');
    expect(fake.previews.at(-1)!.articles[0]!.headline).toEqual(['新标题', '第二行']);
    expect(root.querySelector('#save-state')!.textContent).toBe('已保存');
    // The derived 本期要目 entry follows the headline.
    expect(root.querySelector('[data-toc-index="0"]')!.textContent).toBe('新标题第二行');
  });

  it('shows under a headline where layout breaks it automatically', async () => {
    const hint = () => root.querySelector<HTMLElement>('[data-headline-breaks="0"]')!;
    await settle();
    expect(hint().hidden).toBe(true);
    type(field('articles.0.headline'), '市科协与温州理工学院就“科创中国”工作进行对接交流');
    await settle();
    expect(hint().hidden).toBe(false);
    // (The fake API halves a long line; the engine's breaks are tested in tests/layout_headlines.rs.)
    expect(hint().textContent).toBe('排版时自动转行为：市科协与温州理工学院就“科 ／ 创中国”工作进行对接交流');
    // The editor's own break: no automatic one to show.
    type(field('articles.0.headline'), '市科协与温州理工学院就“科创中国”\n工作进行对接交流');
    await settle();
    expect(hint().hidden).toBe(true);
  });

  it('a brief is switched to the title style and back', async () => {
    const box = root.querySelector<HTMLInputElement>('[data-path="briefs.0.style"]')!;
    expect(box.checked).toBe(false);
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.briefs[0]!.style).toBe('title');
    const again = root.querySelector<HTMLInputElement>('[data-path="briefs.0.style"]')!;
    expect(again.checked).toBe(true);
    again.checked = false;
    again.dispatchEvent(new Event('change'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.briefs[0]!.style).toBeUndefined();
  });

  it('Ctrl+S saves at once', async () => {
    type(field('masthead.editor'), '某某协会编');
    press('s', { ctrl: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.saves.at(-1)!.masthead.editor).toBe('某某协会编');
  });

  it('undo and redo over the session, typing in one field being one step', async () => {
    type(field('masthead.name'), '温州科协信息X');
    type(field('masthead.name'), '温州科协信息XY');
    root.querySelector<HTMLButtonElement>('[data-list="briefs"][data-index="0"] .move-down')!.click();
    expect(fake.issues.get('a1')!.issue.briefs[0]!.text).toBe('甲。'); // not saved yet
    press('z', { ctrl: true });
    expect(field('briefs.0.text').value).toBe('甲。');
    expect(field('masthead.name').value).toBe('温州科协信息XY');
    press('z', { ctrl: true });
    expect(field('masthead.name').value).toBe('温州科协信息');
    press('y', { ctrl: true });
    expect(field('masthead.name').value).toBe('温州科协信息XY');
    press('Z', { ctrl: true, shift: true });
    expect(field('briefs.0.text').value).toBe('乙。');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.briefs.map((b) => b.text)).toEqual(['乙。', '甲。', '丙。']);
  });

  it('reorders briefs with Alt+arrows, focus following the brief', async () => {
    const text = field('briefs.2.text');
    text.focus();
    press('ArrowUp', { alt: true }, text);
    expect(fake.previews.length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.briefs.map((b) => b.text)).toEqual(['甲。', '丙。', '乙。']);
    expect((document.activeElement as HTMLElement).dataset.path).toBe('briefs.1.text');
  });

  it('Enter splits a paragraph at the caret, as in Word', async () => {
    const p = field('articles.0.blocks.0.text');
    p.value = '前半。后半。';
    p.setSelectionRange(3, 3);
    press('Enter', {}, p);
    expect(field('articles.0.blocks.0.text').value).toBe('前半。');
    expect(field('articles.0.blocks.1.text').value).toBe('后半。');
    expect((document.activeElement as HTMLElement).dataset.path).toBe('articles.0.blocks.1.text');
  });

  it('refuses a zero issue number without losing the last good one', async () => {
    const n = field('masthead.number');
    type(n, '0');
    expect(n.classList.contains('invalid')).toBe(true);
    type(n, '7');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.masthead.number).toBe(7);
  });

  it('adds an article and types into it', async () => {
    root.querySelector<HTMLButtonElement>('#add-article')!.click();
    type(field('articles.2.headline'), '第三篇');
    type(field('articles.2.blocks.0.text'), '内容。');
    await vi.advanceTimersByTimeAsync(1000);
    const a = fake.saves.at(-1)!.articles[2]!;
    expect(a.headline).toEqual(['第三篇']);
    expect(a.blocks).toEqual([{ kind: 'paragraph', text: '内容。' }]);
  });

  it('粘贴文章: what the engine reads is shown, added at the end in one undo step', async () => {
    fake.pasteResult = {
      articles: [
        {
          headline: ['粘贴的标题'],
          toc_text: null,
          blocks: [
            { kind: 'paragraph', text: '第一段。' },
            { kind: 'heading1', text: '一、小标题' },
            { kind: 'paragraph', text: '第二段。' },
          ],
          byline: '王刚',
        },
      ],
      briefs: [],
    };
    root.querySelector<HTMLButtonElement>('#paste-articles')!.click();
    const area = document.querySelector<HTMLTextAreaElement>('#paste-text')!;
    expect(document.activeElement).toBe(area);
    type(area, '粘贴的标题\n第一段。\n一、小标题\n第二段。（王刚）');
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(fake.pasteReads.at(-1)).toEqual({ text: area.value, kind: 'articles' });
    const summary = document.querySelector('#paste-summary')!.textContent!;
    expect(summary).toContain('将添加 1 篇文章');
    expect(summary).toContain('「粘贴的标题」：2 段，1 个小标题，署名（王刚）');
    press('Enter', { ctrl: true }, area);
    await settle();
    expect(document.querySelector('#paste-dialog')).toBeNull();
    expect(field('articles.2.headline').value).toBe('粘贴的标题');
    expect(field('articles.2.blocks.1.text').value).toBe('一、小标题');
    expect((document.activeElement as HTMLElement).dataset.path).toBe('articles.2.headline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.articles.map((a) => a.headline[0])).toHaveLength(3);
    press('z', { ctrl: true });
    expect(field('articles.2.headline')).toBeNull();
  });

  it('粘贴简讯: a refused paste keeps the dialog and the text; briefs join the end', async () => {
    fake.pasteResult = '粘贴的内容是空的：请先复制文章或简讯的文字。';
    root.querySelector<HTMLButtonElement>('#paste-briefs')!.click();
    const area = document.querySelector<HTMLTextAreaElement>('#paste-text')!;
    type(area, '　');
    document.querySelector<HTMLButtonElement>('#paste-add')!.click();
    await settle();
    // Only spaces: nothing to add, the dialog stays.
    expect(document.querySelector('#paste-dialog')).not.toBeNull();
    type(area, '5月20日，市科协召开会议。（办公室）');
    document.querySelector<HTMLButtonElement>('#paste-add')!.click();
    await settle();
    const summary = document.querySelector('#paste-summary')!;
    expect(summary.classList.contains('error')).toBe(true);
    expect(summary.textContent).toContain('粘贴的内容是空的');
    expect(document.querySelector('#paste-dialog')).not.toBeNull();
    expect(area.value).toBe('5月20日，市科协召开会议。（办公室）');
    fake.pasteResult = {
      articles: [],
      briefs: [{ date_text: '5月20日', text: '市科协召开会议。', source: '办公室' }],
    };
    document.querySelector<HTMLButtonElement>('#paste-add')!.click();
    await settle();
    expect(document.querySelector('#paste-dialog')).toBeNull();
    expect(field('briefs.3.text').value).toBe('市科协召开会议。');
    expect(field('briefs.3.source').value).toBe('办公室');
    expect(document.querySelector('#toasts')!.textContent).toContain('已添加 1 条简讯');
  });

  it('export: problems listed with click-through, then progress and the file', async () => {
    fake.findings = [
      { place: { section: 'brief', index: 1, field: 'date_text' }, message: '第2条简讯没有日期。' },
    ];
    press('e', { ctrl: true });
    await settle();
    const finding = document.querySelector<HTMLButtonElement>('#check-dialog button.finding')!;
    expect(finding.textContent).toBe('第2条简讯没有日期。');
    finding.click();
    expect((document.activeElement as HTMLElement).dataset.path).toBe('briefs.1.date_text');
    expect(document.querySelector('#check-dialog')).toBeNull();
    // Export anyway.
    press('e', { ctrl: true });
    await settle();
    document.querySelector<HTMLButtonElement>('#export-anyway')!.click();
    await settle();
    expect(fake.exported).toHaveLength(1);
    expect(fake.exported[0]!.path).toBe('/tmp/out/温州科协信息2020年第4期（总第245期）.pdf');
    expect(document.querySelector('#exported-path')!.textContent).toBe(fake.exported[0]!.path);
    expect(document.querySelector('#reveal')!.textContent).toBe('打开所在文件夹');
  });

  it('going back to the archive saves first and lists the change', async () => {
    type(field('articles.0.headline'), '改过的标题');
    root.querySelector<HTMLButtonElement>('#back')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.saves.at(-1)!.articles[0]!.headline).toEqual(['改过的标题']);
    expect(root.querySelector('td.headline')!.textContent).toBe('改过的标题');
  });
});

describe('archive', () => {
  it('lists issues with numbers, status and date; deletes to the recycle bin and restores', async () => {
    const fake = new FakeApi();
    fake.add('a1', sampleIssue());
    const root = page();
    const app = new App(root, fake.api());
    await app.start();
    const cells = [...root.querySelectorAll('tr.issue-row td')].map((td) => td.textContent);
    // The status is a coloured pill inside its cell, not a coloured cell.
    expect(
      root.querySelector('tr.issue-row td.status-cell > span.status.status-published')?.textContent,
    ).toBe('已印发');
    expect(cells.slice(0, 5)).toEqual([
      '第4期',
      '总第245期',
      '2020年4月30日',
      '已印发',
      '市政府专题研究2020世界青年科学家峰会筹备进展情况',
    ]);
    root.querySelector<HTMLButtonElement>('button.delete')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('tr.issue-row')).toBeNull();
    root.querySelector<HTMLButtonElement>('#show-trash')!.click();
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector<HTMLButtonElement>('button.restore')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.issues.get('a1')!.deleted).toBe(false);
    app.dispose();
  });
});
