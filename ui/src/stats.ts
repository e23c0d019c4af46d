// 统计: 信息采用情况 — per unit, the articles and briefs adopted in a year or some of its months
// (src/desktop/stats.rs): year and month pickers, the table, a bar chart, the items a count came
// from on click, XLSX / DOCX export through the save dialog, and the alias table editor with undo.

import { invoke } from '@tauri-apps/api/core';
import { errorText } from './autosave';
import { barChart } from './barchart';
import { button, h, replaceChildren } from './dom';
import { showModal } from './modal';

/** What the view asks for. */
export interface StatsQuery {
  year: number;
  from: number;
  to: number;
  all: boolean;
}

/** One item a count came from. */
export interface StatsItem {
  issue: string;
  date: string;
  kind: string;
  title: string;
  written: string;
}

/** One row: a unit or a person. */
export interface StatsRow {
  name: string;
  person: boolean;
  articles_by_month: number[];
  briefs_by_month: number[];
  articles: number;
  briefs: number;
  items: StatsItem[];
}

/** The counts of a period. */
export interface StatsData {
  label: string;
  months: number[];
  issues: number;
  articles: number;
  briefs: number;
  left_out: number;
  rows: StatsRow[];
  unsigned: StatsItem[];
}

/** One alias: a name and the unit it counts as. */
export interface UnitAlias {
  alias: string;
  unit: string;
}

/** The engine's 统计 commands (src-tauri/commands.rs). */
export interface StatsApi {
  statistics(query: StatsQuery): Promise<StatsData>;
  unitAliases(): Promise<UnitAlias[]>;
  setUnitAlias(alias: string, unit: string): Promise<UnitAlias[]>;
  deleteUnitAlias(alias: string): Promise<UnitAlias[]>;
  /** Asks where to save (or takes BULLETIN_EXPORT_DIR) and writes; null when cancelled. */
  exportStatistics(query: StatsQuery, file: 'xlsx' | 'docx', suggestedName: string): Promise<string | null>;
}

/** The commands over Tauri. */
export const statsApi: StatsApi = {
  statistics: (query) => invoke<StatsData>('statistics', { query }),
  unitAliases: () => invoke<UnitAlias[]>('unit_aliases'),
  setUnitAlias: (alias, unit) => invoke<UnitAlias[]>('set_unit_alias', { alias, unit }),
  deleteUnitAlias: (alias) => invoke<UnitAlias[]>('delete_unit_alias', { alias }),
  exportStatistics: (query, file, suggestedName) =>
    invoke<string | null>('export_statistics', { query, file, suggestedName }),
};

/** What the view needs from the app. */
export interface StatsHost {
  api: StatsApi;
  back(): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** An alias edit, and how to take it back. */
interface Edit {
  label: string;
  undo: () => Promise<UnitAlias[]>;
}

export class StatsView {
  readonly element: HTMLElement;
  private readonly year: HTMLInputElement;
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly all: HTMLInputElement;
  private readonly body: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly aliasList: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private aliases: UnitAlias[] = [];
  private readonly edits: Edit[] = [];
  data: StatsData | null = null;

  constructor(private readonly host: StatsHost) {
    const month = (id: string, value: number) =>
      h(
        'select',
        {
          attrs: { id, 'aria-label': id === 'stats-from' ? '起始月份' : '结束月份' },
          on: { change: () => void this.refresh() },
        },
        ...Array.from({ length: 12 }, (_, i) =>
          h('option', { attrs: { value: i + 1, selected: i + 1 === value }, text: `${i + 1}月` }),
        ),
      );
    this.year = h('input', {
      attrs: {
        id: 'stats-year',
        type: 'number',
        min: 1,
        max: 9999,
        value: new Date().getFullYear(),
        'aria-label': '年份',
      },
      on: { change: () => void this.refresh() },
    });
    this.from = month('stats-from', 1);
    this.to = month('stats-to', 12);
    this.all = h('input', {
      attrs: { id: 'stats-all', type: 'checkbox' },
      on: { change: () => void this.refresh() },
    });
    this.body = h('div', { class: 'stats-body', attrs: { id: 'stats-body' } });
    this.detail = h('div', { class: 'stats-detail', attrs: { id: 'stats-detail' } });
    this.aliasList = h('div', { class: 'alias-list', attrs: { id: 'alias-list' } });
    this.undoButton = button('撤销', () => void this.undo(), {
      id: 'alias-undo',
      shortcut: 'Ctrl+Z',
      title: '撤销上一次别名修改',
      disabled: true,
    });
    const aliasInput = h('input', {
      attrs: { id: 'alias-name', placeholder: '别名或人名，如 苍南科协', 'aria-label': '别名' },
    });
    const unitInput = h('input', {
      attrs: { id: 'alias-unit', placeholder: '计入单位，如 苍南县科协', 'aria-label': '计入单位' },
    });
    this.element = h(
      'section',
      { class: 'stats', attrs: { id: 'stats' } },
      h(
        'header',
        { class: 'toolbar' },
        button('← 期刊档案', () => host.back(), { id: 'stats-back' }),
        h('h1', { text: '信息采用统计' }),
        h('label', {}, '年份 ', this.year),
        h('label', {}, '从 ', this.from),
        h('label', {}, '到 ', this.to),
        h('label', { title: '包括草稿和送审中的各期' }, this.all, ' 含未印发'),
        button('导出 Excel…', () => void this.exportFile('xlsx'), { id: 'stats-xlsx' }),
        button('导出通报…', () => void this.exportFile('docx'), { id: 'stats-docx' }),
      ),
      this.body,
      this.detail,
      h(
        'section',
        { class: 'aliases', attrs: { id: 'aliases' } },
        h('h2', { text: '别名表' }),
        h(
          'p',
          { class: 'hint' },
          '规则：「科学技术协会」即「科协」；县（市、区）名可省略「县」「市」「区」；「市科协」即「温州市科协」；2—4 个汉字且不以单位用字结尾的署名算作个人。别名把简称、旧称或人名计入某个单位；把一个单位计入另一个即合并。',
        ),
        h(
          'div',
          { class: 'alias-form' },
          aliasInput,
          ' → ',
          unitInput,
          button(
            '添加/修改',
            () =>
              void this.setAlias(aliasInput.value, unitInput.value).then((ok) => {
                if (ok) aliasInput.value = unitInput.value = '';
              }),
            { id: 'alias-add' },
          ),
          this.undoButton,
        ),
        this.aliasList,
      ),
    );
    this.element.addEventListener('keydown', (e) => {
      if (e.ctrlKey && e.key.toLowerCase() === 'z' && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        void this.undo();
      }
    });
  }

  /** The query the pickers make. */
  query(): StatsQuery {
    return {
      year: Number(this.year.value) || new Date().getFullYear(),
      from: Number(this.from.value),
      to: Number(this.to.value),
      all: this.all.checked,
    };
  }

  /** Sets the pickers (the app opens the view on the newest year with issues). */
  setQuery(q: Partial<StatsQuery>): void {
    if (q.year !== undefined) this.year.value = String(q.year);
    if (q.from !== undefined) this.from.value = String(q.from);
    if (q.to !== undefined) this.to.value = String(q.to);
    if (q.all !== undefined) this.all.checked = q.all;
  }

  /** Counts again and redraws. */
  async refresh(): Promise<void> {
    try {
      const [data, aliases] = await Promise.all([
        this.host.api.statistics(this.query()),
        this.host.api.unitAliases(),
      ]);
      this.data = data;
      this.aliases = aliases;
      this.render();
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }

  private render(): void {
    const d = this.data!;
    replaceChildren(this.detail);
    const summary = h('p', {
      class: 'stats-summary',
      attrs: { id: 'stats-summary' },
      text:
        `${d.label}：${d.issues} 期，文章 ${d.articles} 篇、简讯 ${d.briefs} 条` +
        (d.left_out > 0 ? `（另有 ${d.left_out} 期尚未印发，未计入）` : ''),
    });
    if (d.rows.length === 0) {
      replaceChildren(this.body, summary, h('p', { class: 'empty', text: '这段时间没有可统计的简报。' }));
      this.renderAliases();
      return;
    }
    const head = h(
      'tr',
      {},
      h('th', { text: '序号' }),
      h('th', { text: '单位' }),
      ...d.months.map((m) => h('th', { text: `${m}月` })),
      h('th', { text: '文章' }),
      h('th', { text: '简讯' }),
      h('th', { text: '合计' }),
    );
    const rows = d.rows.map((r, i) =>
      h(
        'tr',
        {
          class: 'stats-row',
          data: { index: i },
          on: { click: () => this.showItems(i) },
          title: '点击查看来自哪几期',
        },
        h('td', { text: String(i + 1) }),
        h('td', { text: r.person ? `${r.name}（个人）` : r.name }),
        ...d.months.map((_, m) =>
          h('td', { text: String((r.articles_by_month[m] ?? 0) + (r.briefs_by_month[m] ?? 0) || '') }),
        ),
        h('td', { text: String(r.articles) }),
        h('td', { text: String(r.briefs) }),
        h('td', { class: 'total', text: String(r.articles + r.briefs) }),
      ),
    );
    const sum = (f: (r: StatsRow) => number) => d.rows.reduce((s, r) => s + f(r), 0);
    const foot = h(
      'tr',
      { class: 'stats-total' },
      h('td'),
      h('td', { text: '合计' }),
      ...d.months.map((_, m) =>
        h('td', { text: String(sum((r) => (r.articles_by_month[m] ?? 0) + (r.briefs_by_month[m] ?? 0))) }),
      ),
      h('td', { text: String(sum((r) => r.articles)) }),
      h('td', { text: String(sum((r) => r.briefs)) }),
      h('td', { text: String(sum((r) => r.articles + r.briefs)) }),
    );
    const table = h(
      'table',
      { class: 'stats-table', attrs: { id: 'stats-table' } },
      h('thead', {}, head),
      h('tbody', {}, ...rows, foot),
    );
    const chart = barChart(
      d.rows.map((r) => ({ name: r.name, articles: r.articles, briefs: r.briefs })),
      (i) => this.showItems(i),
    );
    replaceChildren(this.body, summary, table, chart);
    this.renderAliases();
  }

  /** The items row `i` was counted from. */
  showItems(i: number): void {
    const r = this.data?.rows[i];
    if (!r) return;
    replaceChildren(
      this.detail,
      h('h2', { text: `${r.name}：文章 ${r.articles} 篇、简讯 ${r.briefs} 条` }),
      h(
        'ul',
        { attrs: { id: 'stats-items' } },
        ...r.items.map((it) =>
          h('li', { text: `${it.issue}（${it.date}）${it.kind}：${it.title}，署名：${it.written}` }),
        ),
      ),
    );
  }

  private renderAliases(): void {
    if (this.aliases.length === 0) {
      replaceChildren(this.aliasList, h('p', { class: 'empty', text: '别名表为空。' }));
      return;
    }
    replaceChildren(
      this.aliasList,
      h(
        'table',
        { class: 'alias-table' },
        h('tr', {}, h('th', { text: '别名' }), h('th', { text: '计入单位' }), h('th')),
        ...this.aliases.map((a) =>
          h(
            'tr',
            { class: 'alias-row', data: { alias: a.alias } },
            h('td', { text: a.alias }),
            h('td', { text: a.unit }),
            h(
              'td',
              {},
              button('修改', () => this.editAlias(a), { class: 'alias-edit' }),
              button('删除', () => void this.deleteAlias(a), { class: 'alias-delete' }),
            ),
          ),
        ),
      ),
    );
  }

  /** Adds or changes an alias; whether it was saved. */
  async setAlias(alias: string, unit: string): Promise<boolean> {
    const before = this.aliases.map((a) => ({ ...a }));
    try {
      this.aliases = await this.host.api.setUnitAlias(alias, unit);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return false;
    }
    this.pushEdit(`别名 ${alias.trim()}`, before);
    await this.refresh();
    return true;
  }

  /** Asks, in the app's own dialog, which unit an alias counts as (Enter saves, Escape cancels). */
  editAlias(a: UnitAlias): void {
    const input = h('input', {
      attrs: { id: 'alias-edit-unit', type: 'text', value: a.unit, 'aria-label': '计入的单位' },
    });
    const save = () => {
      modal.close();
      const unit = input.value.trim();
      if (unit !== '' && unit !== a.unit) void this.setAlias(a.alias, unit);
    };
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        save();
      }
    });
    const modal = showModal(
      '修改别名',
      [h('label', { text: `「${a.alias}」计入的单位：` }, input)],
      [{ label: '取消' }, { label: '保存', primary: true, id: 'alias-save', run: save, stay: true }],
    );
    input.focus();
    input.select();
  }

  /** Deletes an alias (undoable). */
  async deleteAlias(a: UnitAlias): Promise<void> {
    const before = this.aliases.map((x) => ({ ...x }));
    try {
      this.aliases = await this.host.api.deleteUnitAlias(a.alias);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
      return;
    }
    this.pushEdit(`删除别名 ${a.alias}`, before);
    await this.refresh();
  }

  /** Remembers how to put the table back as `before`. */
  private pushEdit(label: string, before: UnitAlias[]): void {
    this.edits.push({
      label,
      undo: async () => {
        const now = await this.host.api.unitAliases();
        for (const a of now) {
          if (!before.some((b) => b.alias === a.alias)) await this.host.api.deleteUnitAlias(a.alias);
        }
        let table = now;
        for (const b of before) {
          const cur = table.find((a) => a.alias === b.alias);
          if (!cur || cur.unit !== b.unit) table = await this.host.api.setUnitAlias(b.alias, b.unit);
        }
        return this.host.api.unitAliases();
      },
    });
    this.undoButton.disabled = false;
  }

  /** Takes the last alias edit back. */
  async undo(): Promise<void> {
    const edit = this.edits.pop();
    this.undoButton.disabled = this.edits.length === 0;
    if (!edit) return;
    try {
      this.aliases = await edit.undo();
      this.host.notify(`已撤销：${edit.label}`);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
    await this.refresh();
  }

  /** 导出: the file through the save dialog. */
  async exportFile(file: 'xlsx' | 'docx'): Promise<void> {
    const q = this.query();
    const label = this.data?.label ?? `${q.year}年`;
    const name = file === 'xlsx' ? `${label}信息采用统计.xlsx` : `${label}信息采用情况通报.docx`;
    try {
      const path = await this.host.api.exportStatistics(q, file, name);
      if (path) this.host.notify(`已导出：${path}`);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }
}
