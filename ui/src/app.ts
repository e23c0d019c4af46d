// The app: the archive and the editor, autosave, undo/redo, preview, pre-export check and export.

import type { Api } from './api';
import { ArchiveView } from './archive';
import { Autosaver, errorText, type SaveState } from './autosave';
import { button, h, replaceChildren } from './dom';
import { EditorForm } from './editor';
import { History } from './history';
import { exportFileName, issueLabel, STATUS_LABELS } from './issue';
import { LatestOnly } from './latest';
import { modalIsOpen, notify, showModal } from './modal';
import { PreviewPane } from './preview';
import { commandFor, type Command } from './shortcuts';
import type { ExportKind, Finding, Issue, Status } from './types';

interface Current {
  id: string;
  issue: Issue;
  history: History<Issue>;
  saver: Autosaver<Issue>;
}

export class App {
  private readonly archive: ArchiveView;
  private readonly form: EditorForm;
  private readonly preview = new PreviewPane();
  private readonly previewRunner: LatestOnly<Issue>;
  private readonly editorEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusSelect: HTMLSelectElement;
  private readonly saveStateEl: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private current: Current | null = null;
  private screen: 'archive' | 'editor' = 'archive';
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: Api,
  ) {
    this.archive = new ArchiveView({
      api,
      open: (id) => void this.openIssue(id),
      importFiles: () => void this.pickAndImport(),
      notify,
    });
    this.form = new EditorForm({ change: (m, k, r) => this.change(m, k, r) });
    this.previewRunner = new LatestOnly(async (issue) => {
      this.preview.busy();
      try {
        this.preview.show(await this.api.preview(issue));
      } catch (e) {
        this.preview.failed(e);
      }
    }, 120);

    this.titleEl = h('h1', { attrs: { id: 'editor-title' } });
    this.statusSelect = h(
      'select',
      {
        title: '本期状态',
        attrs: { id: 'issue-status', 'aria-label': '状态' },
        on: {
          change: () => {
            const v = this.statusSelect.value as Status;
            this.change((i) => (i.status = v), null);
          },
        },
      },
      ...(Object.keys(STATUS_LABELS) as Status[]).map((s) =>
        h('option', { attrs: { value: s }, text: STATUS_LABELS[s] }),
      ),
    );
    this.saveStateEl = h('span', { class: 'save-state', attrs: { id: 'save-state', role: 'status' } });
    this.undoButton = button('撤销', () => this.undo(), { id: 'undo', shortcut: 'Ctrl+Z' });
    this.redoButton = button('重做', () => this.redo(), { id: 'redo', shortcut: 'Ctrl+Y / Ctrl+Shift+Z' });
    const nav = h(
      'nav',
      { class: 'section-nav', attrs: { 'aria-label': '表单分区' } },
      ...[
        ['报头', 'masthead'],
        ['本期要目', 'toc'],
        ['文章', 'articles'],
        ['简讯', 'briefs'],
        ['版记', 'closing'],
      ].map(([label, id]) =>
        button(
          label ?? '',
          () => document.getElementById(`section-${id}`)?.scrollIntoView({ block: 'start' }),
          {
            class: 'nav-link',
          },
        ),
      ),
    );
    this.editorEl = h(
      'section',
      { class: 'editor', attrs: { id: 'editor' } },
      h(
        'header',
        { class: 'toolbar' },
        button('← 期刊档案', () => void this.showArchive(), {
          id: 'back',
          title: '返回期刊档案（自动保存）',
        }),
        this.titleEl,
        this.statusSelect,
        h('span', { class: 'sep' }),
        this.undoButton,
        this.redoButton,
        button('保存', () => void this.saveNow(), {
          id: 'save',
          shortcut: 'Ctrl+S',
          title: '立即保存（修改会自动保存）',
        }),
        this.saveStateEl,
        h('span', { class: 'spacer' }),
        button('检查', () => void this.runCheck(), {
          id: 'check',
          shortcut: 'Ctrl+K',
          title: '导出前检查：空白的必填项、字体缺字、期号接续',
        }),
        button('导出 PDF', () => void this.exportIssue('pdf'), {
          id: 'export-pdf',
          class: 'primary',
          shortcut: 'Ctrl+E',
        }),
        button('导出 DOCX', () => void this.exportIssue('docx'), {
          id: 'export-docx',
          shortcut: 'Ctrl+Shift+E',
        }),
      ),
      h('div', { class: 'editor-body' }, nav, this.form.element, this.preview.element),
    );
    document.addEventListener('keydown', this.keyListener);
  }

  private readonly keyListener = (ev: KeyboardEvent) => this.onKey(ev);

  /** Stops listening to the keyboard (the app lives as long as its window; tests make many). */
  dispose(): void {
    document.removeEventListener('keydown', this.keyListener);
  }

  async start(): Promise<void> {
    replaceChildren(this.root, this.archive.element);
    await this.archive.refresh();
    this.root.dataset.ready = 'archive';
    // How long the start took, from the program's first instant to a usable archive (README).
    try {
      const info = await this.api.appInfo();
      this.root.dataset.startupMs = String(info.uptime_ms);
    } catch {
      // informational only
    }
  }

  // ---- screens ----

  async showArchive(): Promise<void> {
    await this.leaveEditor();
    this.screen = 'archive';
    replaceChildren(this.root, this.archive.element);
    await this.archive.refresh();
    this.root.dataset.ready = 'archive';
  }

  async openIssue(id: string): Promise<void> {
    await this.leaveEditor();
    try {
      const opened = await this.api.open(id);
      const saver = new Autosaver<Issue>(
        async (issue) => {
          await this.api.save(opened.id, issue);
        },
        (state, error) => this.showSaveState(state, error),
      );
      this.current = { id: opened.id, issue: opened.issue, history: new History(opened.issue), saver };
      this.screen = 'editor';
      replaceChildren(this.root, this.editorEl);
      this.preview.clear();
      this.form.render(this.current.issue);
      this.form.element.scrollTop = 0;
      this.refreshToolbar();
      this.showSaveState('saved', null);
      this.root.dataset.ready = 'editor';
      await this.previewRunner.now(structuredClone(this.current.issue));
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  private async leaveEditor(): Promise<void> {
    if (!this.current) return;
    await this.current.saver.flush();
    if (this.current.saver.state === 'error') {
      notify(`最近的修改还没有保存：${this.current.saver.lastError ?? ''}`, 'error');
      return;
    }
    this.current = null;
  }

  /** Writes any unsaved change now (Ctrl+S, closing the window). */
  async flush(): Promise<void> {
    await this.current?.saver.flush();
  }

  // ---- editing ----

  private change(mutate: (issue: Issue) => void, key: string | null, rebuild = false): void {
    const cur = this.current;
    if (!cur) return;
    mutate(cur.issue);
    cur.history.record(cur.issue, key);
    this.afterChange(rebuild);
  }

  private afterChange(rebuild: boolean): void {
    const cur = this.current;
    if (!cur) return;
    if (rebuild) this.form.render(cur.issue);
    cur.saver.schedule(structuredClone(cur.issue));
    this.previewRunner.request(structuredClone(cur.issue));
    this.refreshToolbar();
  }

  undo(): void {
    const cur = this.current;
    const prev = cur?.history.undo();
    if (!cur || !prev) return;
    cur.issue = prev;
    this.afterChange(true);
  }

  redo(): void {
    const cur = this.current;
    const next = cur?.history.redo();
    if (!cur || !next) return;
    cur.issue = next;
    this.afterChange(true);
  }

  private refreshToolbar(): void {
    const cur = this.current;
    if (!cur) return;
    const m = cur.issue.masthead;
    this.titleEl.textContent = `${m.name} ${issueLabel(m.number, m.total_number)}`;
    this.statusSelect.value = cur.issue.status;
    this.undoButton.disabled = !cur.history.canUndo;
    this.redoButton.disabled = !cur.history.canRedo;
  }

  private showSaveState(state: SaveState, error: string | null): void {
    const labels: Record<SaveState, string> = {
      saved: '已保存',
      pending: '有修改…',
      saving: '正在保存…',
      error: '保存失败',
    };
    this.saveStateEl.textContent = labels[state];
    this.saveStateEl.className = `save-state ${state}`;
    this.saveStateEl.title = error ?? '';
    if (state === 'error' && error) notify(`保存失败：${error}`, 'error');
  }

  private async saveNow(): Promise<void> {
    await this.flush();
  }

  // ---- check and export ----

  private async findings(): Promise<Finding[] | null> {
    const cur = this.current;
    if (!cur) return null;
    try {
      return await this.api.check(cur.id, structuredClone(cur.issue));
    } catch (e) {
      notify(errorText(e), 'error');
      return null;
    }
  }

  private showFindings(findings: Finding[], onExport?: () => void): void {
    const list = h(
      'ul',
      { class: 'findings', attrs: { id: 'findings' } },
      ...findings.map((f) =>
        h(
          'li',
          {},
          button(
            f.message,
            () => {
              modal.close();
              this.form.focusPlace(f.place);
            },
            { class: 'finding', title: '点击跳到出问题的地方' },
          ),
        ),
      ),
    );
    const modal = showModal(
      findings.length ? `发现 ${findings.length} 个问题` : '检查通过',
      findings.length
        ? [h('p', { text: '点击一个问题可跳到对应位置修改。' }), list]
        : [h('p', { text: '没有发现问题，可以导出。' })],
      onExport
        ? [
            { label: '返回修改', primary: true },
            { label: '仍然导出', id: 'export-anyway', run: onExport },
          ]
        : [{ label: '好', primary: true }],
      { id: 'check-dialog' },
    );
  }

  async runCheck(): Promise<void> {
    const findings = await this.findings();
    if (findings) this.showFindings(findings);
  }

  async exportIssue(kind: ExportKind): Promise<void> {
    const cur = this.current;
    if (!cur || this.busy) return;
    await this.flush();
    const findings = await this.findings();
    if (findings === null) return;
    if (findings.length > 0) {
      this.showFindings(findings, () => void this.exportChecked(kind));
      return;
    }
    await this.exportChecked(kind);
  }

  private async exportChecked(kind: ExportKind): Promise<void> {
    const cur = this.current;
    if (!cur) return;
    const label = kind === 'pdf' ? 'PDF' : 'DOCX';
    let path: string | null;
    try {
      path = await this.api.pickExportPath(kind, exportFileName(cur.issue, kind));
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    if (!path) return;
    this.busy = true;
    const progress = showModal(
      `正在导出 ${label}`,
      [
        h('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': '导出进度' } }, h('div')),
        h('p', { text: path }),
      ],
      [],
      { id: 'export-progress', dismissable: false },
    );
    try {
      const done = await this.api.exportIssue(kind, structuredClone(cur.issue), path);
      progress.close();
      showModal(
        `已导出 ${label}`,
        [
          h('p', { text: `已保存到：` }),
          h('p', { class: 'path', attrs: { id: 'exported-path' }, text: done.path }),
        ],
        [
          { label: '打开所在文件夹', primary: true, id: 'reveal', run: () => void this.reveal(done.path) },
          { label: '关闭', id: 'close-export' },
        ],
        { id: 'export-done' },
      );
    } catch (e) {
      progress.close();
      notify(`导出失败：${errorText(e)}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  private async reveal(path: string): Promise<void> {
    try {
      await this.api.reveal(path);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  // ---- import ----

  async pickAndImport(): Promise<void> {
    try {
      const paths = await this.api.pickImportFiles();
      if (paths.length) await this.importPaths(paths);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  async importPaths(paths: string[]): Promise<void> {
    const progress =
      paths.length > 1
        ? showModal(`正在导入 ${paths.length} 个文件`, [h('div', { class: 'progress' }, h('div'))], [], {
            dismissable: false,
          })
        : null;
    try {
      const report = await this.api.importFiles(paths);
      progress?.close();
      if (this.screen === 'editor') await this.showArchive();
      else await this.archive.refresh();
      if (report.imported.length) notify(`已导入 ${report.imported.length} 期简报。`);
      if (report.failed.length) {
        showModal(
          `有 ${report.failed.length} 个文件没有导入`,
          [h('ul', { class: 'findings' }, ...report.failed.map((f) => h('li', { text: f.message })))],
          [{ label: '好', primary: true }],
        );
      }
    } catch (e) {
      progress?.close();
      notify(errorText(e), 'error');
    }
  }

  // ---- keys ----

  private onKey(ev: KeyboardEvent): void {
    const cmd = commandFor(ev);
    if (!cmd || modalIsOpen()) return;
    ev.preventDefault();
    this.run(cmd);
  }

  run(cmd: Command): void {
    const editing = this.screen === 'editor';
    switch (cmd) {
      case 'save':
        if (editing) void this.saveNow();
        break;
      case 'undo':
        if (editing) this.undo();
        break;
      case 'redo':
        if (editing) this.redo();
        break;
      case 'exportPdf':
        if (editing) void this.exportIssue('pdf');
        break;
      case 'exportDocx':
        if (editing) void this.exportIssue('docx');
        break;
      case 'check':
        if (editing) void this.runCheck();
        break;
      case 'newIssue':
        void this.newIssue();
        break;
      case 'import':
        void this.pickAndImport();
        break;
      case 'search':
        if (!editing) this.archive.focusSearch();
        break;
      case 'zoomIn':
        if (editing) this.preview.stepZoom(1);
        break;
      case 'zoomOut':
        if (editing) this.preview.stepZoom(-1);
        break;
      case 'zoomFit':
        if (editing) this.preview.setZoom(0);
        break;
    }
  }

  private async newIssue(): Promise<void> {
    try {
      await this.flush();
      const id = await this.api.newNext();
      await this.openIssue(id);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }
}
