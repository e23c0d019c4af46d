// 审阅意见: the marks reviewers made on a proof PDF (highlights, strike-outs, insertion marks,
// notes), read by the engine and anchored to the text. Each comment says who, when, the quoted
// text and where; clicking it selects the text in the editor; 「采纳」 applies its suggestion as one
// undoable step (Ctrl+Z); 「已处理」 and 「不采纳」 close it with a reply.

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import { lintPath, lintSelection } from './lintpanel';
import type { CommentStatus, Issue, LintItem, ReviewItem } from './types';

export interface ReviewHost {
  api: Pick<Api, 'pickReviewFile' | 'importReview' | 'reviewComments' | 'applyComment' | 'setCommentStatus'>;
  current(): { id: string; issue: Issue; locked: boolean } | null;
  /** Replaces the issue with `changed` as one undoable step. */
  apply(changed: Issue, what: string): void;
  /** Scrolls to and focuses the field with `path`, selecting [start, end). */
  focus(path: string, select: (value: string) => [number, number]): void;
  /** The number of open comments changed (the 校样 tab shows it). */
  counted(open: number): void;
  /** Marks where a comment lies on the preview's pages (none: clears the marks). */
  highlight(spots: ReviewItem['spots']): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** The selection a comment makes in its field's value (a headline's lines are one textarea). */
export function reviewSelection(item: ReviewItem, value: string): [number, number] {
  if (!item.place) return [0, 0];
  return lintSelection({ place: item.place, start: item.start, end: item.end } as LintItem, value);
}

export class ReviewPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;
  private items: ReviewItem[] = [];

  constructor(private readonly host: ReviewHost) {
    this.list = h('ol', { class: 'review-list', attrs: { id: 'review-list' } });
    this.summary = h('span', { class: 'review-summary', attrs: { id: 'review-summary', role: 'status' } });
    this.element = h(
      'section',
      { class: 'review-panel', attrs: { id: 'review-panel', 'aria-label': '审阅意见' } },
      h(
        'div',
        { class: 'panel-toolbar' },
        h('h3', { text: '审阅意见' }),
        this.summary,
        h('span', { class: 'spacer' }),
        button('导入审阅意见…', () => void this.pickAndImport(), {
          id: 'review-import',
          class: 'small primary',
          title: '选择审阅人批注过的校样 PDF（也可以把 PDF 拖到窗口上）',
        }),
      ),
      this.list,
    );
  }

  /** The open comments. */
  get openCount(): number {
    return this.items.filter((i) => i.status === 'open').length;
  }

  async refresh(): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      this.items = await this.host.api.reviewComments(cur.id, structuredClone(cur.issue));
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return;
    }
    this.show(cur.locked);
  }

  private async pickAndImport(): Promise<void> {
    const path = await this.host.api.pickReviewFile();
    if (path) await this.importPath(path);
  }

  /** Reads the commented proof at `path` into the issue's comments. */
  async importPath(path: string): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      const done = await this.host.api.importReview(cur.id, path, structuredClone(cur.issue));
      this.items = done.items;
      this.host.notify(done.warning ? `${done.message}。${done.warning}` : `${done.message}。`);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return;
    }
    this.show(cur.locked);
  }

  private show(locked: boolean): void {
    const open = this.openCount;
    this.host.counted(open);
    this.summary.textContent = this.items.length
      ? `共 ${this.items.length} 条，待处理 ${open} 条`
      : '还没有导入审阅意见';
    replaceChildren(this.list, ...this.items.map((c) => this.row(c, locked)));
  }

  private row(c: ReviewItem, locked: boolean): HTMLElement {
    const where = [`第${c.round}次校样 第${c.page}页`, c.part].filter(Boolean).join(' · ');
    const who = [c.kind_label, c.author, c.date].filter(Boolean).join(' · ');
    const closed = c.status !== 'open';
    return h(
      'li',
      { class: `review-item${closed ? ' closed' : ''}`, data: { comment: c.id } },
      h('div', { class: 'review-who', text: who }),
      c.place
        ? button(where, () => this.goTo(c), { class: 'review-place link', title: '跳到原文并选中' })
        : h('div', { class: 'review-place muted', text: where }),
      c.quote ? h('div', { class: 'review-quote', text: `「${c.quote}」` }) : h('span'),
      c.changed ? h('div', { class: 'review-changed warning', text: c.changed }) : h('span'),
      c.text ? h('div', { class: 'review-text', text: c.text }) : h('span'),
      ...c.replies.map((r) => h('div', { class: 'review-reply', text: `${r.author}：${r.text}` })),
      h(
        'div',
        { class: 'review-actions' },
        c.proposal ? h('span', { class: 'review-proposal', text: `建议：${c.proposal}` }) : h('span'),
        c.proposal
          ? button('采纳', () => void this.applyOne(c), {
              class: 'small review-apply',
              title: '按建议修改原文并标为已处理（可以撤销，Ctrl+Z）',
              disabled: locked || !c.applicable,
            })
          : h('span'),
        closed
          ? h('span', {
              class: 'review-status',
              text: c.reply ? `${c.status_label}：${c.reply}` : c.status_label,
            })
          : h('span'),
        closed
          ? button('重新打开', () => void this.setStatus(c, 'open', ''), { class: 'small review-reopen' })
          : button('已处理', () => void this.close(c, 'done'), { class: 'small review-done' }),
        closed
          ? h('span')
          : button('不采纳', () => void this.close(c, 'rejected'), { class: 'small review-reject' }),
      ),
    );
  }

  private goTo(c: ReviewItem): void {
    this.host.highlight(c.spots);
    if (!c.place) return;
    this.host.focus(lintPath(c.place), (value) => reviewSelection(c, value));
  }

  private async applyOne(c: ReviewItem): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      const changed = await this.host.api.applyComment(cur.id, c.id, structuredClone(cur.issue));
      this.host.apply(changed, `采纳审阅意见：${c.proposal}`);
      this.goTo(c);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
    await this.refresh();
  }

  /** Asks for a reply in the row, then closes the comment. */
  private async close(c: ReviewItem, status: CommentStatus): Promise<void> {
    const row = this.list.querySelector<HTMLElement>(`[data-comment="${c.id}"]`);
    if (!row) return;
    const input = h('input', {
      class: 'review-reply-input',
      attrs: {
        type: 'text',
        placeholder: status === 'done' ? '处理说明（可不填）' : '不采纳的理由（可不填）',
      },
    });
    const ok = button('确定', () => void this.setStatus(c, status, input.value), {
      class: 'small review-confirm',
    });
    const form = h('div', { class: 'review-reply-form' }, input, ok);
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') void this.setStatus(c, status, input.value);
      if (ev.key === 'Escape') form.remove();
    });
    row.querySelector('.review-reply-form')?.remove();
    row.appendChild(form);
    input.focus();
  }

  private async setStatus(c: ReviewItem, status: CommentStatus, reply: string): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      await this.host.api.setCommentStatus(cur.id, c.id, status, reply);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
    await this.refresh();
  }
}
