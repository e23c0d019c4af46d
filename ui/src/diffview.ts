// 比较: the changes between two versions of the issue (a proof round or 当前稿), per article and
// brief, character by character: insertions green and underlined, deletions red and struck
// through. Every piece of text is a text node inside <ins>, <del> or <span>.

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import type { Issue, PartDiff, ProofRound, Segment, Version } from './types';

/** One part's segments as nodes; a line break inside a change shows as 「↵」 so it can be seen. */
export function segmentNodes(segments: readonly Segment[]): Node[] {
  return segments.map((s) => {
    switch (s.op) {
      case 'equal':
        return h('span', { class: 'same', text: s.text });
      case 'insert':
        return h('ins', { title: '新增', text: s.text.replace(/\n/g, '↵\n') });
      case 'delete':
        return h('del', { title: '删除', text: s.text.replace(/\n/g, '↵\n') });
    }
  });
}

/** How many characters were inserted and deleted. */
export function changeCounts(parts: readonly PartDiff[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    for (const s of p.segments) {
      const n = [...s.text].length;
      if (s.op === 'insert') inserted += n;
      if (s.op === 'delete') deleted += n;
    }
  }
  return { inserted, deleted };
}

/** The value of a version in a <select>: 「r2」 or 「current」. */
export function versionValue(v: Version): string {
  return v === 'current' ? 'current' : `r${v.round}`;
}

export function parseVersion(value: string): Version {
  const m = /^r(\d+)$/.exec(value);
  return m ? { round: Number(m[1]) } : 'current';
}

export interface DiffHost {
  api: Pick<Api, 'diff' | 'answeredComments'>;
  /** The issue being edited and its id, or null. */
  current(): { id: string; issue: Issue } | null;
}

export class DiffPanel {
  readonly element: HTMLElement;
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly result: HTMLElement;
  private rounds: ProofRound[] = [];
  /** Whether the editor picked the versions (else they follow the newest round). */
  private chosen = false;

  constructor(private readonly host: DiffHost) {
    const onChange = {
      change: () => {
        this.chosen = true;
        void this.refresh();
      },
    };
    this.from = h('select', { attrs: { id: 'diff-from', 'aria-label': '从' }, on: onChange });
    this.to = h('select', { attrs: { id: 'diff-to', 'aria-label': '到' }, on: onChange });
    this.result = h('div', {
      class: 'diff-result',
      attrs: { id: 'diff-result', role: 'region', 'aria-live': 'polite' },
    });
    this.element = h(
      'div',
      { class: 'panel diff-panel', attrs: { id: 'diff-panel' } },
      h(
        'div',
        { class: 'panel-toolbar' },
        h('label', {}, '从 ', this.from),
        h('label', {}, ' 到 ', this.to),
        button('比较', () => void this.refresh(), { id: 'diff-run', class: 'small', title: '重新比较' }),
      ),
      h(
        'p',
        { class: 'hint' },
        h('ins', { text: '新增' }),
        ' 与 ',
        h('del', { text: '删除' }),
        ' 逐字标出。',
      ),
      this.result,
    );
  }

  /** Sets the rounds to choose from; unless the editor chose otherwise, the last round against
   * 当前稿. */
  setRounds(rounds: ProofRound[]): void {
    const keep = this.chosen ? [this.from.value, this.to.value] : null;
    this.rounds = rounds;
    const options = (sel: HTMLSelectElement) =>
      replaceChildren(
        sel,
        ...rounds.map((r) =>
          h('option', {
            attrs: { value: versionValue({ round: r.round }) },
            text: `第${r.round}次校样（${r.date}）`,
          }),
        ),
        h('option', { attrs: { value: 'current' }, text: '当前稿' }),
      );
    options(this.from);
    options(this.to);
    const values = [...this.from.options].map((o) => o.value);
    const last = rounds[rounds.length - 1];
    this.from.value = last ? versionValue({ round: last.round }) : 'current';
    this.to.value = 'current';
    if (keep && keep.every((v) => values.includes(v)))
      [this.from.value, this.to.value] = keep as [string, string];
  }

  /** Forgets the editor's choice of versions (another issue was opened). */
  reset(): void {
    this.chosen = false;
  }

  async refresh(): Promise<void> {
    const cur = this.host.current();
    if (!cur) return;
    if (this.rounds.length === 0) {
      replaceChildren(
        this.result,
        h('p', { class: 'empty', text: '这一期还没有送审过。点「送审」生成第1次校样后，可在这里比较改动。' }),
      );
      return;
    }
    const from = parseVersion(this.from.value);
    const to = parseVersion(this.to.value);
    try {
      const parts = await this.host.api.diff(cur.id, from, to, structuredClone(cur.issue));
      this.show(parts);
      // The review comments of the earlier round that these changes answered.
      const answered = await this.host.api
        .answeredComments(cur.id, from, to, structuredClone(cur.issue))
        .catch(() => [] as string[]);
      if (parts.length > 0 && answered.length > 0) {
        this.result.append(
          h(
            'section',
            { class: 'diff-answered', attrs: { id: 'diff-answered' } },
            h('h3', { text: '这些改动回应了审阅意见' }),
            h('ul', {}, ...answered.map((line) => h('li', { text: line }))),
          ),
        );
      }
    } catch (e) {
      replaceChildren(this.result, h('p', { class: 'error-text', text: errorText(e) }));
    }
  }

  private show(parts: PartDiff[]): void {
    if (parts.length === 0) {
      replaceChildren(this.result, h('p', { class: 'empty', text: '两个版本没有差别。' }));
      return;
    }
    const { inserted, deleted } = changeCounts(parts);
    replaceChildren(
      this.result,
      h('p', { class: 'count', text: `${parts.length} 处有改动：新增 ${inserted} 字，删除 ${deleted} 字。` }),
      ...parts.map((p) =>
        h(
          'section',
          { class: 'diff-part' },
          h('h3', { text: p.part }),
          h('div', { class: 'diff-text' }, ...segmentNodes(p.segments)),
        ),
      ),
    );
  }
}
