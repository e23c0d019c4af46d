// 校对助手: the engine's punctuation and form findings, each with its place (click to go there)
// and its proposed fix. 「修正」 and 「全部修正」 return a new issue from the engine, which the app
// records as one step of its undo history (Ctrl+Z undoes it).

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import type { Issue, LintItem, LintPlace } from './types';

/** The data-path of the form field a finding is in. */
export function lintPath(place: LintPlace): string {
  switch (place.kind) {
    case 'masthead_name':
      return 'masthead.name';
    case 'masthead_editor':
      return 'masthead.editor';
    case 'masthead_numbers':
      return 'masthead.total_number';
    case 'headline':
      return `articles.${place.article}.headline`;
    case 'toc_text':
      return `articles.${place.article}.toc_text`;
    case 'block':
      return `articles.${place.article}.blocks.${place.block}.text`;
    case 'byline':
      return `articles.${place.article}.byline`;
    case 'brief_date':
      return `briefs.${place.brief}.date_text`;
    case 'brief_text':
      return `briefs.${place.brief}.text`;
    case 'brief_source':
      return `briefs.${place.brief}.source`;
  }
}

/** The selection in the field's value that shows the finding: a headline's lines are one
 * textarea, so its line's offset is added. */
export function lintSelection(item: LintItem, value: string): [number, number] {
  let offset = 0;
  if (item.place.kind === 'headline') {
    const lines = value.split('\n');
    offset = lines.slice(0, item.place.line).reduce((n, l) => n + l.length + 1, 0);
  }
  const clamp = (n: number) => Math.max(0, Math.min(n, value.length));
  return [clamp(offset + item.start), clamp(offset + item.end)];
}

export interface LintHost {
  api: Pick<Api, 'lint' | 'fixOne' | 'fixAll'>;
  current(): { id: string; issue: Issue; locked: boolean } | null;
  /** Replaces the issue with `fixed` as one undoable step. */
  apply(fixed: Issue, what: string): void;
  /** Scrolls to and focuses the field with `path`, selecting [start, end). */
  focus(path: string, select: (value: string) => [number, number]): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

export class LintPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly fixAllButton: HTMLButtonElement;
  private items: LintItem[] = [];

  constructor(private readonly host: LintHost) {
    this.list = h('ol', { class: 'lint-list', attrs: { id: 'lint-list' } });
    this.summary = h('span', { class: 'lint-summary', attrs: { id: 'lint-summary', role: 'status' } });
    this.fixAllButton = button('全部修正', () => void this.fixAll(), {
      id: 'lint-fix-all',
      class: 'small primary',
      title: '一次修正所有可以自动修正的问题（可以撤销，Ctrl+Z）',
    });
    this.element = h(
      'div',
      { class: 'panel lint-panel', attrs: { id: 'lint-panel' } },
      h(
        'div',
        { class: 'panel-toolbar' },
        this.summary,
        h('span', { class: 'spacer' }),
        button('重新检查', () => void this.refresh(), { id: 'lint-run', class: 'small' }),
        this.fixAllButton,
      ),
      h('p', {
        class: 'hint',
        text: '检查半角标点、括号引号配对、重复标点、破折号、全角数字、日期写法、汉字间空格和总期号接续。点位置可跳到原文。',
      }),
      this.list,
    );
  }

  async refresh(): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      this.items = await this.host.api.lint(cur.id, structuredClone(cur.issue));
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return;
    }
    this.show(cur.locked);
  }

  private show(locked: boolean): void {
    const fixable = this.items.filter((f) => f.fix).length;
    this.summary.textContent = this.items.length
      ? `发现 ${this.items.length} 处问题，其中 ${fixable} 处可以自动修正`
      : '没有发现标点或格式问题';
    this.fixAllButton.disabled = locked || fixable === 0;
    replaceChildren(
      this.list,
      ...this.items.map((f, i) =>
        h(
          'li',
          { class: 'lint-item', data: { index: i } },
          button(f.place_label, () => this.goTo(f), { class: 'lint-place link', title: '跳到原文' }),
          h('div', { class: 'lint-message', text: f.message }),
          h('div', { class: 'lint-excerpt', text: `「${f.excerpt}」` }),
          f.fix
            ? h(
                'div',
                { class: 'lint-fix' },
                h('span', { class: 'lint-proposal', text: `建议：${f.proposal}` }),
                button('修正', () => void this.fixOne(f), {
                  class: 'small lint-fix-one',
                  title: '按建议修正这一处（可以撤销，Ctrl+Z）',
                  disabled: locked,
                }),
              )
            : h('div', { class: 'lint-fix muted', text: '需要人工判断，请到原文修改。' }),
        ),
      ),
    );
  }

  private goTo(f: LintItem): void {
    this.host.focus(lintPath(f.place), (value) => lintSelection(f, value));
  }

  private async fixOne(f: LintItem): Promise<void> {
    const cur = this.host.current();
    if (!cur || !f.fix) return;
    try {
      const fixed = await this.host.api.fixOne(structuredClone(cur.issue), f.place, f.fix);
      this.host.apply(fixed, `修正${f.place_label}`);
      // Show the corrected text where it is.
      this.goTo(f);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
    await this.refresh();
  }

  private async fixAll(): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    try {
      const fixed = await this.host.api.fixAll(cur.id, structuredClone(cur.issue));
      if (fixed.applied > 0) {
        this.host.apply(fixed.issue, '全部修正');
        this.host.notify(`已修正 ${fixed.applied} 处（可以撤销，Ctrl+Z）。`);
      }
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
    await this.refresh();
  }
}
