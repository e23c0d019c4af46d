import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { reviewSelection } from '../src/reviewpanel';
import type { ReviewItem } from '../src/types';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue, XSS } from './fixtures';

/** A reviewer's 「替换」 of 「第一段」 in the first paragraph (「第一段。」 in the sample). */
function replaceComment(): ReviewItem {
  return {
    id: 7,
    round: 1,
    kind_label: '替换',
    author: '审阅人甲',
    date: '2020-04-28 15:30',
    text: '首段',
    replies: [{ author: '编辑乙', date: null, text: '同意' }],
    page: 1,
    part: '第1篇文章 第1段',
    quote: '第一段',
    place: { kind: 'block', article: 0, block: 0 },
    start: 0,
    end: 3,
    changed: '',
    proposal: '“第一段”改为“首段”',
    applicable: true,
    status: 'open',
    status_label: '待处理',
    reply: '',
    spots: [{ page: 1, area: { x0: 111, y0: 200, x1: 160, y1: 216 } }],
  };
}

function press(key: string, mods: { ctrl?: boolean } = {}): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: mods.ctrl, bubbles: true }));
}

describe('审阅意见', () => {
  let fake: FakeApi;
  let root: HTMLElement;
  let app: App;
  const q = <T extends Element = HTMLElement>(sel: string) => root.ownerDocument.querySelector<T>(sel)!;
  const field = (path: string) => q<HTMLTextAreaElement>(`[data-path="${path}"]`);
  const settle = async () => {
    for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
  };

  beforeEach(async () => {
    vi.useFakeTimers();
    fake = new FakeApi();
    const issue = sampleIssue();
    issue.status = 'in_proof';
    fake.add('a1', issue);
    root = page();
    app = new App(root, fake.api());
    await app.start();
    await app.openIssue('a1');
  });
  afterEach(() => {
    press('Escape');
    app.dispose();
    vi.useRealTimers();
  });

  it('selects a headline line’s range inside the one headline textarea', () => {
    const c = {
      ...replaceComment(),
      place: { kind: 'headline' as const, article: 0, line: 1 },
      start: 1,
      end: 3,
    };
    expect(reviewSelection(c, '第一行\n第二行')).toEqual([5, 7]);
    expect(reviewSelection({ ...c, place: null }, 'abc')).toEqual([0, 0]);
  });

  it('imports a commented PDF, counts the open comments on the 校样 tab, jumps, applies and undoes', async () => {
    fake.reviewItems = [
      replaceComment(),
      { ...replaceComment(), id: 8, text: XSS, proposal: '', quote: XSS },
    ];
    fake.reviewReplacement = '首段';
    q<HTMLButtonElement>('#tab-proofs').click();
    await settle();
    q<HTMLButtonElement>('#review-import').click();
    await settle();
    expect(fake.reviewImports).toEqual(['/tmp/批注.pdf']);
    expect(q('#review-summary').textContent).toBe('共 2 条，待处理 2 条');
    expect(q('#review-count').textContent).toBe('2');
    expect(q('#review-list img')).toBeNull();
    const first = q('[data-comment="7"]');
    expect(first.querySelector('.review-who')!.textContent).toBe('替换 · 审阅人甲 · 2020-04-28 15:30');
    expect(first.querySelector('.review-quote')!.textContent).toBe('「第一段」');
    expect(first.querySelector('.review-reply')!.textContent).toBe('编辑乙：同意');
    expect(first.querySelector('.review-proposal')!.textContent).toBe('建议：“第一段”改为“首段”');

    // Click → the field, with the range selected.
    first.querySelector<HTMLButtonElement>('.review-place')!.click();
    const para = field('articles.0.blocks.0.text');
    expect(document.activeElement).toBe(para);
    expect([para.selectionStart, para.selectionEnd]).toEqual([0, 3]);
    // … and the preview marks where the comment lies on its page.
    const spot = q('#page-1 .review-spot');
    expect(spot.style.left).toBe(`${((111 / 595.28) * 100).toFixed(3)}%`);
    expect(spot.style.top).toBe(`${((200 / 841.89) * 100).toFixed(3)}%`);
    expect(root.ownerDocument.querySelectorAll('.review-spot')).toHaveLength(1);

    // 采纳: one undoable step; the comment is closed.
    first.querySelector<HTMLButtonElement>('.review-apply')!.click();
    await settle();
    expect(field('articles.0.blocks.0.text').value).toBe('首段。');
    expect(q('#review-count').textContent).toBe('1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.articles[0]!.blocks[0]!.text).toBe('首段。');
    press('z', { ctrl: true });
    expect(field('articles.0.blocks.0.text').value).toBe('第一段。');
  });

  it('不采纳 asks for a reason in the row and closes the comment with it', async () => {
    fake.reviewItems = [replaceComment()];
    q<HTMLButtonElement>('#tab-proofs').click();
    await settle();
    q<HTMLButtonElement>('[data-comment="7"] .review-reject').click();
    q<HTMLInputElement>('.review-reply-input').value = '原文无误';
    q<HTMLButtonElement>('.review-confirm').click();
    await settle();
    expect(q('[data-comment="7"] .review-status').textContent).toBe('不采纳：原文无误');
    expect(root.ownerDocument.querySelector('#review-count')).toBeNull();
    q<HTMLButtonElement>('[data-comment="7"] .review-reopen').click();
    await settle();
    expect(q('#review-count').textContent).toBe('1');
  });

  it('送审 of the next round says how many comments are still open', async () => {
    fake.reviewItems = [
      replaceComment(),
      { ...replaceComment(), id: 8, status: 'done', status_label: '已处理' },
    ];
    q<HTMLButtonElement>('#start-proof').click();
    q<HTMLButtonElement>('#proof-confirm').click();
    await settle();
    expect(document.body.textContent).toContain('还有 1 条审阅意见没有处理');
  });

  it('比较 names the review comments the changes answered', async () => {
    fake.rounds = [
      { round: 1, date: '2020-04-28', note: '', created_at: '', stamp: '校样 第1次 2020-04-28' },
    ];
    fake.diffResult = [{ part: '第1篇文章', segments: [{ op: 'delete', text: '第一' }] }];
    fake.answered = [`[删除线] 第1次校样 第1篇文章 第1段「${XSS}」（审阅人甲）`];
    q<HTMLButtonElement>('#tab-diff').click();
    await settle();
    expect(q('#diff-answered h3').textContent).toBe('这些改动回应了审阅意见');
    expect(q('#diff-answered li').textContent).toBe(fake.answered[0]);
    expect(q('#diff-answered img')).toBeNull();
  });

  it('a refused PDF is said in plain words and lists nothing', async () => {
    fake.reviewError = '这个 PDF 是另一期简报的校样（温州科协信息 2020年第3期（总第244期）），不是这一期的。';
    q<HTMLButtonElement>('#tab-proofs').click();
    await settle();
    await app.importPaths(['/tmp/另一期.pdf']);
    await settle();
    expect(document.body.textContent).toContain('另一期简报的校样');
    expect(q('#review-summary').textContent).toBe('还没有导入审阅意见');
  });
});
