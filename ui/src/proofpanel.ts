// 校样: the proof rounds of the issue, each with the PDF that carries its stamp
// 「校样 第N次 日期」.

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import type { Exported, ProofRound } from './types';

export interface ProofHost {
  api: Pick<Api, 'listProofs' | 'pickExportPath' | 'exportProof'>;
  currentId(): string | null;
  /** The file name suggested for a round's PDF. */
  fileName(round: ProofRound): string;
  exported(done: Exported): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

export class ProofPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  rounds: ProofRound[] = [];

  constructor(private readonly host: ProofHost) {
    this.list = h('div', { class: 'proof-list', attrs: { id: 'proof-list' } });
    this.element = h(
      'div',
      { class: 'panel proof-panel', attrs: { id: 'proof-panel' } },
      h('p', {
        class: 'hint',
        text: '每次「送审」都把当时的全文冻结为一次校样；校样的 PDF 在页眉处印有「校样 第N次 日期」。',
      }),
      this.list,
    );
  }

  /** Reloads the rounds; returns them (the diff view offers them too). */
  async refresh(): Promise<ProofRound[]> {
    const id = this.host.currentId();
    if (!id) return [];
    try {
      this.rounds = await this.host.api.listProofs(id);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return this.rounds;
    }
    this.show();
    return this.rounds;
  }

  private show(): void {
    if (this.rounds.length === 0) {
      replaceChildren(
        this.list,
        h('p', { class: 'empty', text: '还没有送审过。点工具栏上的「送审」生成第1次校样。' }),
      );
      return;
    }
    const rows = [...this.rounds].reverse().map((r) =>
      h(
        'li',
        { class: 'proof-round', data: { round: r.round } },
        h('strong', { text: `第${r.round}次校样` }),
        h('span', { class: 'proof-date', text: r.date }),
        h('span', { class: 'proof-note', text: r.note || '（无备注）' }),
        button('导出 PDF', () => void this.exportRound(r), {
          class: 'small proof-export',
          title: `导出第${r.round}次校样的 PDF（带「${r.stamp}」字样）`,
        }),
      ),
    );
    replaceChildren(this.list, h('ul', { class: 'proof-rounds' }, ...rows));
  }

  private async exportRound(r: ProofRound): Promise<void> {
    const id = this.host.currentId();
    if (!id) return;
    try {
      const path = await this.host.api.pickExportPath('pdf', this.host.fileName(r));
      if (!path) return;
      this.host.exported(await this.host.api.exportProof(id, r.round, path));
    } catch (e) {
      this.host.notify(`导出失败：${errorText(e)}`, 'error');
    }
  }
}
