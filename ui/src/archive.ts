// 期刊档案: every issue with its numbers, date, status, first headline and last change; search,
// 新建下一期, open, delete to 回收站 and restore, import.

import type { Api } from './api';
import { errorText } from './autosave';
import { button, h, replaceChildren } from './dom';
import { highlightNodes } from './highlight';
import { changedLabel, chineseDate, STATUS_LABELS } from './issue';
import type { IssueRow, SearchRow } from './types';

export interface ArchiveHost {
  api: Pick<Api, 'listIssues' | 'listDeleted' | 'search' | 'remove' | 'restore' | 'newNext'>;
  open(id: string): void;
  importFiles(): void;
  /** Picks a folder and imports every past issue in it (and its sub-folders). */
  importFolder(): void;
  /** 校验存档: checks every archived file against its recorded hash. */
  verifyArchive(): void;
  /** 归档目录: shows and changes where published issues are archived. */
  archiveSettings(): void;
  /** 年度合订本: one PDF of a year's published issues. */
  exportVolume(): void;
  /** 统计: 信息采用情况 per unit. */
  showStats(): void;
  /** 备份数据: a copy of the whole store in a file the office keeps elsewhere. */
  backup(): void;
  /** 从备份恢复: the store put back from such a copy. */
  restore(): void;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
}

type Mode = 'issues' | 'trash';

export class ArchiveView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly searchBox: HTMLInputElement;
  private readonly trashButton: HTMLButtonElement;
  private readonly heading: HTMLElement;
  private mode: Mode = 'issues';
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ArchiveHost) {
    this.searchBox = h('input', {
      class: 'search',
      title: '搜索所有简报的全部文字（Ctrl+F）',
      attrs: { id: 'archive-search', type: 'search', placeholder: '搜索全部内容…', 'aria-label': '搜索' },
      on: { input: () => this.searchSoon() },
    });
    this.trashButton = button('回收站', () => void this.setMode(this.mode === 'trash' ? 'issues' : 'trash'), {
      id: 'show-trash',
      title: '查看已删除的简报，可以恢复',
    });
    this.heading = h('h1', { text: '期刊档案' });
    this.list = h('div', { class: 'archive-list', attrs: { id: 'archive-list' } });
    this.element = h(
      'section',
      { class: 'archive', attrs: { id: 'archive' } },
      h(
        'header',
        { class: 'toolbar' },
        this.heading,
        button('新建下一期', () => void this.newNext(), {
          id: 'new-next',
          class: 'primary',
          shortcut: 'Ctrl+N',
          title: '以最新一期为基础新建下一期，期号自动接续',
        }),
        button('导入文件…', () => host.importFiles(), {
          id: 'import',
          shortcut: 'Ctrl+O',
          title: '导入纯文本、Word（.docx、.doc）或 JSON 格式的往期简报（也可以把文件拖进窗口）',
        }),
        button('导入文件夹…', () => host.importFolder(), {
          id: 'import-folder',
          title: '导入一个文件夹（含子文件夹）里所有的往期简报：纯文本、Word 或 JSON',
        }),
        button('校验存档', () => host.verifyArchive(), {
          id: 'verify-archive',
          title: '重新计算已印发归档文件的校验值，找出被改动或丢失的文件',
        }),
        button('归档目录…', () => host.archiveSettings(), {
          id: 'archive-settings',
          title: '已印发期刊的归档位置',
        }),
        button('年度合订本…', () => host.exportVolume(), {
          id: 'export-volume',
          title: '把一年中已印发的各期合成一个 PDF，带封面和目录',
        }),
        button('统计', () => host.showStats(), {
          id: 'show-stats',
          title: '信息采用统计：各单位被采用的文章和简讯数，按月和全年，可导出 Excel 和通报',
        }),
        button('备份数据…', () => host.backup(), {
          id: 'backup',
          title: '把全部期刊（含回收站、校样和印发记录）复制到一个备份文件，可存到 U 盘或网络盘',
        }),
        button('从备份恢复…', () => host.restore(), {
          id: 'restore-backup',
          title: '用备份文件替换当前数据；当前数据会先另存一份，不会丢失',
        }),
        h('span', { class: 'spacer' }),
        this.searchBox,
        this.trashButton,
      ),
      this.list,
    );
  }

  focusSearch(): void {
    this.searchBox.focus();
    this.searchBox.select();
  }

  async setMode(mode: Mode): Promise<void> {
    this.mode = mode;
    this.heading.textContent = mode === 'trash' ? '回收站' : '期刊档案';
    this.trashButton.textContent = mode === 'trash' ? '返回期刊档案' : '回收站';
    this.searchBox.value = '';
    await this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const query = this.searchBox.value.trim();
      if (query !== '') {
        this.showHits(query, await this.host.api.search(query));
      } else if (this.mode === 'trash') {
        this.showRows(await this.host.api.listDeleted(), true);
      } else {
        this.showRows(await this.host.api.listIssues(), false);
      }
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }

  private searchSoon(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.refresh(), 150);
  }

  private async newNext(): Promise<void> {
    try {
      const id = await this.host.api.newNext();
      this.host.open(id);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }

  private async remove(row: IssueRow): Promise<void> {
    try {
      await this.host.api.remove(row.id);
      await this.refresh();
      this.host.notify(`已把第${row.number}期（总第${row.total_number}期）移到回收站。`, 'info', {
        label: '撤销',
        run: () => void this.restore(row),
      });
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }

  private async restore(row: IssueRow): Promise<void> {
    try {
      await this.host.api.restore(row.id);
      await this.refresh();
      this.host.notify(`已恢复第${row.number}期（总第${row.total_number}期）。`);
    } catch (e) {
      this.host.notify(errorText(e), 'error');
    }
  }

  private showRows(rows: IssueRow[], trash: boolean): void {
    if (rows.length === 0) {
      replaceChildren(
        this.list,
        h('p', {
          class: 'empty',
          text: trash ? '回收站是空的。' : '还没有简报。点「新建下一期」或「导入文件…」开始。',
        }),
      );
      return;
    }
    const head = h(
      'tr',
      {},
      ...['期号', '总期号', '日期', '状态', '首篇标题', '最后修改', ''].map((t) => h('th', { text: t })),
    );
    const body = h('tbody');
    for (const row of rows) {
      const actions = trash
        ? [button('恢复', () => void this.restore(row), { class: 'restore', title: '恢复到期刊档案' })]
        : [
            button('打开', () => this.host.open(row.id), { class: 'open', title: '打开编辑（Enter）' }),
            button('删除', () => void this.remove(row), {
              class: 'delete danger',
              title: '移到回收站（可以恢复）',
            }),
          ];
      const tr = h(
        'tr',
        {
          class: 'issue-row',
          data: { id: row.id },
          attrs: { tabindex: 0 },
          on: {
            dblclick: () => !trash && this.host.open(row.id),
            keydown: (ev) => {
              if (ev.key === 'Enter' && !trash) this.host.open(row.id);
              if (ev.key === 'Delete' && !trash) void this.remove(row);
            },
          },
        },
        h('td', { class: 'number', text: `第${row.number}期` }),
        h('td', { class: 'total', text: `总第${row.total_number}期` }),
        h('td', { class: 'date', text: chineseDate(row.date) }),
        // A pill inside the cell, as in the search results; the cell itself stays a plain cell.
        h(
          'td',
          { class: 'status-cell' },
          h('span', { class: `status status-${row.status}`, text: STATUS_LABELS[row.status] }),
        ),
        h('td', { class: 'headline', text: row.first_headline ?? '（无标题）' }),
        h('td', { class: 'changed', text: changedLabel(row.updated_at) }),
        h('td', { class: 'actions' }, ...actions),
      );
      body.appendChild(tr);
    }
    replaceChildren(this.list, h('table', { class: 'issues' }, h('thead', {}, head), body));
  }

  private showHits(query: string, hits: SearchRow[]): void {
    if (hits.length === 0) {
      replaceChildren(this.list, h('p', { class: 'empty', text: `没有找到「${query}」。` }));
      return;
    }
    const items = hits.map((hit) =>
      h(
        'li',
        {
          class: 'hit',
          data: { id: hit.id },
          attrs: { tabindex: 0 },
          on: {
            click: () => !hit.deleted && this.host.open(hit.id),
            keydown: (ev) => ev.key === 'Enter' && !hit.deleted && this.host.open(hit.id),
          },
        },
        h(
          'div',
          { class: 'hit-title' },
          h('strong', { text: `第${hit.number}期（总第${hit.total_number}期）` }),
          ' ',
          chineseDate(hit.date),
          ' ',
          h('span', { class: `status status-${hit.status}`, text: STATUS_LABELS[hit.status] }),
          hit.deleted ? h('span', { class: 'tag', text: '在回收站中' }) : null,
        ),
        h('div', { class: 'hit-headline', text: hit.first_headline ?? '' }),
        h('div', { class: 'snippet' }, ...highlightNodes(hit.snippet, hit.highlights ?? [])),
      ),
    );
    replaceChildren(
      this.list,
      h('p', { class: 'count', text: `找到 ${hits.length} 期包含「${query}」的简报：` }),
      h('ul', { class: 'hits' }, ...items),
    );
  }
}
