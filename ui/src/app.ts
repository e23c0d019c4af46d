// The app: the archive and the editor, autosave, undo/redo, preview, pre-export check and export.

import type { Api } from './api';
import { ArchiveView } from './archive';
import { statsApi as tauriStatsApi, StatsView, type StatsApi } from './stats';
import { Autosaver, errorText, type SaveState } from './autosave';
import { button, h, replaceChildren } from './dom';
import { EditorForm } from './editor';
import { isImagePath } from './figures';
import { ImageCache } from './imagecache';
import { History } from './history';
import { importSummary, needsDialog, progressText, resultList } from './importreport';
import { exportFileName, issueLabel, STATUS_LABELS } from './issue';
import { modalIsOpen, notify, showModal } from './modal';
import { showFontsDialog } from './fontsdialog';
import { count, NOUNS, showPasteDialog } from './pastedialog';
import { PreviewPane } from './preview';
import { PreviewFeed } from './previewfeed';
import { DiffPanel } from './diffview';
import { LintPanel } from './lintpanel';
import { ProofPanel } from './proofpanel';
import { ReviewPanel } from './reviewpanel';
import { commandFor, type Command } from './shortcuts';
import type {
  ArchiveDir,
  Exported,
  ExportKind,
  Finding,
  Issue,
  PasteKind,
  ProofRound,
  Status,
  Verified,
} from './types';

type SideTab = 'preview' | 'proofs' | 'diff' | 'lint';

const SIDE_TABS: [SideTab, string, string][] = [
  ['preview', '预览', '与 PDF 完全一致的版面预览'],
  ['proofs', '校样', '送审记录与各次校样的 PDF'],
  ['diff', '比较', '比较两次校样或校样与当前稿的改动'],
  ['lint', '校对助手', '检查标点与格式，一键修正'],
];

/** The message shown when an archived issue is edited. */
export const LOCKED_MESSAGE =
  '本期已印发并归档，不能直接修改。如需修改，请点「更正」创建修订版（已归档的文件保持不变）。';

interface Current {
  id: string;
  issue: Issue;
  history: History<Issue>;
  saver: Autosaver<Issue>;
  /** Published (已印发): read-only until 更正. */
  locked: boolean;
}

export class App {
  private readonly archive: ArchiveView;
  private readonly form: EditorForm;
  /** The pictures' preview copies, fetched once per page load (form thumbnails and pages). */
  private readonly images: ImageCache;
  private readonly preview: PreviewPane;
  private readonly previewFeed: PreviewFeed;
  private readonly editorEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusSelect: HTMLSelectElement;
  private readonly saveStateEl: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly proofButton: HTMLButtonElement;
  private readonly publishButton: HTMLButtonElement;
  private readonly proofStateEl: HTMLElement;
  private readonly lockBanner: HTMLElement;
  private readonly proofs: ProofPanel;
  private readonly diff: DiffPanel;
  private readonly lint: LintPanel;
  private readonly review: ReviewPanel;
  private readonly tabButtons = new Map<SideTab, HTMLButtonElement>();
  private sideTab: SideTab = 'preview';
  private panelTimer: ReturnType<typeof setTimeout> | null = null;
  private current: Current | null = null;
  private screen: 'archive' | 'editor' = 'archive';
  private busy = false;

  private statsView: StatsView | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: Api,
    private readonly statsApi: StatsApi = tauriStatsApi,
  ) {
    this.images = new ImageCache(async (id) => (await api.imagePreview(id)).data_url);
    this.preview = new PreviewPane(this.images);
    this.archive = new ArchiveView({
      api,
      open: (id) => void this.openIssue(id),
      importFiles: () => void this.pickAndImport(),
      importFolder: () => void this.pickAndImport(true),
      verifyArchive: () => void this.verifyArchive(),
      archiveSettings: () => void this.archiveSettings(),
      exportVolume: () => void this.exportVolume(),
      showStats: () => void this.showStats(),
      backup: () => void this.backup(),
      restore: () => void this.restoreBackup(),
      notify,
    });
    const current = () =>
      this.current ? { id: this.current.id, issue: this.current.issue, locked: this.current.locked } : null;
    this.proofs = new ProofPanel({
      api,
      currentId: () => this.current?.id ?? null,
      fileName: (r) =>
        this.current
          ? exportFileName(this.current.issue, 'pdf').replace(/\.pdf$/, `（第${r.round}次校样）.pdf`)
          : '',
      exported: (done) => this.showExported('校样 PDF', done),
      notify,
    });
    this.diff = new DiffPanel({ api, current });
    this.lint = new LintPanel({
      api,
      current,
      apply: (fixed) => this.change((i) => Object.assign(i, structuredClone(fixed)), null, true),
      focus: (path, select) => this.form.focusField(path, select),
      notify,
    });
    this.review = new ReviewPanel({
      api,
      current,
      apply: (changed) => this.change((i) => Object.assign(i, structuredClone(changed)), null, true),
      focus: (path, select) => this.form.focusField(path, select),
      counted: (open) => this.showReviewCount(open),
      highlight: (spots) => this.preview.highlight(spots),
      notify,
    });
    // The comments sit under the rounds they were made on, in the 校样 tab.
    this.proofs.element.append(this.review.element);
    this.form = new EditorForm({
      change: (m, k, r) => this.change(m, k, r),
      paste: (kind) => this.paste(kind),
      notify,
      api,
      images: this.images,
    });
    this.previewFeed = new PreviewFeed(api, this.preview, (breaks) => this.form.showHeadlineBreaks(breaks));

    this.titleEl = h('h1', { attrs: { id: 'editor-title' } });
    this.statusSelect = h(
      'select',
      {
        title: '本期状态',
        attrs: { id: 'issue-status', 'aria-label': '状态' },
        on: {
          change: () => {
            const v = this.statusSelect.value as Status;
            if (v === 'published' && this.current?.issue.status !== 'published') {
              // 已印发 is what publishing does (archive, hashes, lock): never just a label.
              this.statusSelect.value = this.current?.issue.status ?? 'draft';
              void this.publish();
              return;
            }
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
    this.proofButton = button('送审', () => void this.startProof(), {
      id: 'start-proof',
      title: '把当前全文冻结为下一次校样，供审阅',
    });
    this.publishButton = button('已印发', () => void this.publish(), {
      id: 'publish',
      title: '标记为已印发：PDF、PDF/A 归档版、DOCX 写入归档目录并记录校验值',
    });
    this.proofStateEl = h('span', { class: 'proof-state', attrs: { id: 'proof-state', role: 'status' } });
    this.lockBanner = h(
      'div',
      { class: 'lock-banner', attrs: { id: 'lock-banner', role: 'note', hidden: true } },
      h('span', { text: LOCKED_MESSAGE }),
      button('更正', () => void this.correct(), {
        id: 'correct',
        class: 'small primary',
        title: '创建修订版：本期恢复为草稿可以修改，再次印发时归档为新的修订版',
      }),
    );
    const tabs = h(
      'div',
      { class: 'side-tabs', attrs: { role: 'tablist', 'aria-label': '侧栏' } },
      ...SIDE_TABS.map(([tab, label, title]) => {
        const b = button(label, () => void this.showTab(tab), { id: `tab-${tab}`, class: 'side-tab', title });
        b.setAttribute('role', 'tab');
        this.tabButtons.set(tab, b);
        return b;
      }),
    );
    const side = h(
      'div',
      { class: 'side', attrs: { id: 'side' } },
      tabs,
      this.preview.element,
      this.proofs.element,
      this.diff.element,
      this.lint.element,
    );
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
        this.proofStateEl,
        this.proofButton,
        this.publishButton,
        button('字体', () => void this.showFonts(), {
          id: 'fonts',
          title: '设置 › 字体：各角色使用内置字体或本机已安装的字体',
        }),
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
      this.lockBanner,
      h('div', { class: 'editor-body' }, nav, this.form.element, side),
    );
    this.selectTab('preview');
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

  /** 统计: the view of 信息采用情况 (ui/src/stats.ts), opened on the newest year with issues. */
  async showStats(): Promise<void> {
    await this.leaveEditor();
    this.statsView ??= new StatsView({ api: this.statsApi, back: () => void this.showArchive(), notify });
    const years = await this.api.volumeYears().catch(() => [] as number[]);
    if (years.length > 0 && !this.root.contains(this.statsView.element))
      this.statsView.setQuery({ year: years[0] });
    replaceChildren(this.root, this.statsView.element);
    await this.statsView.refresh();
    this.root.dataset.ready = 'stats';
  }

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
      this.current = {
        id: opened.id,
        issue: opened.issue,
        history: new History(opened.issue),
        saver,
        locked: opened.locked,
      };
      this.screen = 'editor';
      replaceChildren(this.root, this.editorEl);
      this.previewFeed.reset();
      this.proofStateEl.textContent = '';
      this.diff.reset();
      this.renderForm();
      this.form.element.scrollTop = 0;
      this.refreshToolbar();
      this.showSaveState('saved', null);
      this.root.dataset.ready = 'editor';
      await this.loadRounds();
      await this.review.refresh();
      if (this.sideTab !== 'preview') void this.showTab(this.sideTab);
      await this.previewFeed.now(structuredClone(this.current.issue));
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

  /** 设置 › 字体: the choice is stored by the engine; the preview redraws in the chosen faces. */
  private showFonts(): Promise<void> {
    const issue = () => (this.current ? structuredClone(this.current.issue) : null);
    return showFontsDialog({
      load: () => this.api.fontSettings(issue()),
      choose: (role, choice) => this.api.setFont(role, choice, issue()),
      changed: () => {
        const i = issue();
        if (i) void this.previewFeed.now(i);
      },
    });
  }

  /** 粘贴文章… / 粘贴简讯…: what the engine reads from the pasted text joins the end of the list. */
  private paste(kind: PasteKind): void {
    showPasteDialog(kind, {
      read: (text, k) => this.api.readPasted(text, k),
      add: (pasted) => {
        const cur = this.current;
        if (!cur) return;
        const first = count(cur.issue, kind);
        this.change(
          (iss) => {
            iss.articles.push(...pasted.articles);
            iss.briefs.push(...pasted.briefs);
          },
          null,
          true,
        );
        const added = count(cur.issue, kind) - first;
        if (added === 0) return; // a published issue: change() said why
        this.form.focusField(kind === 'articles' ? `articles.${first}.headline` : `briefs.${first}.text`);
        notify(`已添加 ${added} ${NOUNS[kind]}（Ctrl+Z 可撤销）`);
      },
    });
  }

  private change(mutate: (issue: Issue) => void, key: string | null, rebuild = false): void {
    const cur = this.current;
    if (!cur) return;
    if (cur.locked) {
      notify(LOCKED_MESSAGE, 'error', { label: '更正', run: () => void this.correct() });
      return;
    }
    mutate(cur.issue);
    cur.history.record(cur.issue, key);
    this.afterChange(rebuild);
  }

  private afterChange(rebuild: boolean): void {
    const cur = this.current;
    if (!cur) return;
    if (rebuild) this.renderForm();
    cur.saver.schedule(structuredClone(cur.issue));
    this.previewFeed.request(structuredClone(cur.issue));
    this.refreshToolbar();
    this.panelsSoon();
  }

  /** Builds the form; an archived issue's fields are read-only. */
  private renderForm(): void {
    const cur = this.current;
    if (!cur) return;
    this.form.render(cur.issue);
    this.form.setReadOnly(cur.locked);
  }

  /** Refreshes the open 比较 or 校对助手 panel shortly after edits stop. */
  private panelsSoon(): void {
    if (this.sideTab !== 'diff' && this.sideTab !== 'lint') return;
    if (this.panelTimer !== null) clearTimeout(this.panelTimer);
    this.panelTimer = setTimeout(() => {
      this.panelTimer = null;
      if (this.sideTab === 'diff') void this.diff.refresh();
      if (this.sideTab === 'lint') void this.lint.refresh();
    }, 400);
  }

  undo(): void {
    const cur = this.current;
    if (cur?.locked) return;
    const prev = cur?.history.undo();
    if (!cur || !prev) return;
    cur.issue = prev;
    this.afterChange(true);
  }

  redo(): void {
    const cur = this.current;
    if (cur?.locked) return;
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
    this.undoButton.disabled = cur.locked || !cur.history.canUndo;
    this.redoButton.disabled = cur.locked || !cur.history.canRedo;
    this.statusSelect.disabled = cur.locked;
    this.proofButton.disabled = cur.locked;
    this.publishButton.disabled = cur.locked;
    this.publishButton.textContent = cur.locked ? '已印发 ✓' : '已印发';
    this.lockBanner.hidden = !cur.locked;
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
    if (state === 'error' && error) {
      // The engine refuses saves of an archived issue: offer the way out.
      const action = error.includes('已印发') ? { label: '更正', run: () => void this.correct() } : undefined;
      notify(`保存失败：${error}`, 'error', action);
    }
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
              // A face chosen for a role is no field of the issue: the 字体 dialog is its place.
              if (f.place.section === 'fonts') void this.showFonts();
              else this.form.focusPlace(f.place);
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
      this.showExported(label, done);
    } catch (e) {
      progress.close();
      notify(`导出失败：${errorText(e)}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  private showExported(label: string, done: Exported): void {
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
  }

  private async reveal(path: string): Promise<void> {
    try {
      await this.api.reveal(path);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  // ---- side panels ----

  private selectTab(tab: SideTab): void {
    this.sideTab = tab;
    const panels: Record<SideTab, HTMLElement> = {
      preview: this.preview.element,
      proofs: this.proofs.element,
      diff: this.diff.element,
      lint: this.lint.element,
    };
    for (const [t, el] of Object.entries(panels) as [SideTab, HTMLElement][]) el.hidden = t !== tab;
    for (const [t, b] of this.tabButtons) {
      b.classList.toggle('active', t === tab);
      b.setAttribute('aria-selected', String(t === tab));
    }
  }

  /** Shows a side panel (预览, 校样, 比较, 校对助手) with fresh content. */
  async showTab(tab: SideTab): Promise<void> {
    this.selectTab(tab);
    if (tab === 'proofs') {
      await this.loadRounds();
      await this.review.refresh();
    }
    if (tab === 'diff') {
      await this.loadRounds();
      await this.diff.refresh();
    }
    if (tab === 'lint') await this.lint.refresh();
  }

  /** The open review comments, as a count on the 校样 tab. */
  private showReviewCount(open: number): void {
    const b = this.tabButtons.get('proofs');
    if (!b) return;
    const badge =
      open > 0 ? h('span', { class: 'tab-count', attrs: { id: 'review-count' }, text: String(open) }) : '';
    b.replaceChildren('校样', badge);
    b.title =
      open > 0
        ? `送审记录、各次校样的 PDF 和审阅意见（${open} 条待处理）`
        : '送审记录、各次校样的 PDF 和审阅意见';
  }

  private async loadRounds(): Promise<ProofRound[]> {
    const rounds = await this.proofs.refresh();
    this.diff.setRounds(rounds);
    const last = rounds[rounds.length - 1];
    if (last && !this.proofStateEl.textContent)
      this.proofStateEl.textContent = `第${last.round}次校样 ${last.date}`;
    return rounds;
  }

  // ---- proofing and the archive ----

  /** 送审: asks for a note, then freezes the current text as the next proof round. */
  async startProof(): Promise<void> {
    const cur = this.current;
    if (!cur || cur.locked || this.busy) return;
    const note = h('textarea', {
      attrs: {
        id: 'proof-note',
        rows: 3,
        placeholder: '例如：请主任审阅第一、二篇',
        'aria-label': '送审备注',
      },
    });
    showModal(
      '送审',
      [
        h('p', { text: '把当前全文冻结为下一次校样。之后的修改可以在「比较」中与这次校样逐字对照。' }),
        h('label', { class: 'field' }, h('span', { text: '备注（可不填）' }), note),
      ],
      [
        { label: '送审', primary: true, id: 'proof-confirm', run: () => void this.sendProof(note.value) },
        { label: '取消', id: 'proof-cancel' },
      ],
      { id: 'proof-dialog' },
    );
    note.focus();
  }

  private async sendProof(note: string): Promise<void> {
    const cur = this.current;
    if (!cur) return;
    this.busy = true;
    try {
      await cur.saver.flush();
      const round = await this.api.startProof(cur.id, structuredClone(cur.issue), note);
      // The engine set the status to 校对中; the editor's copy follows (one undoable step).
      if (cur.issue.status !== 'in_proof') this.change((i) => (i.status = 'in_proof'), null);
      this.proofStateEl.textContent = `已送审：第${round.round}次校样`;
      await this.review.refresh();
      const open = this.review.openCount;
      notify(
        `已送审：第${round.round}次校样（${round.stamp}）。` +
          (open > 0 ? `还有 ${open} 条审阅意见没有处理，见「校样」中的审阅意见。` : ''),
      );
      await this.loadRounds();
      if (this.sideTab === 'diff') await this.diff.refresh();
    } catch (e) {
      notify(`送审失败：${errorText(e)}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  /** 已印发: after confirmation, archives the files and makes the issue read-only. */
  async publish(): Promise<void> {
    const cur = this.current;
    if (!cur || cur.locked || this.busy) return;
    await this.flush();
    let dir: string | null = null;
    try {
      dir = (await this.api.archiveDir()).dir;
    } catch (e) {
      notify(errorText(e), 'error');
    }
    const dirEl = h('p', { class: 'path', attrs: { id: 'archive-dir' }, text: dir ?? '（未设置）' });
    const m = cur.issue.masthead;
    showModal(
      '标记为已印发',
      [
        h('p', {
          text: `${m.name} ${issueLabel(m.number, m.total_number)} 将标记为已印发：PDF、PDF/A-2b 归档版、DOCX 和 JSON 写入归档目录，并记录每个文件的 SHA-256 校验值。之后本期不能直接修改，如需改动请「更正」创建修订版。`,
        }),
        h('p', { text: '归档目录：' }),
        dirEl,
        ...this.archiveDirButtons(dirEl),
      ],
      [
        { label: '确认印发', primary: true, id: 'publish-confirm', run: () => void this.publishNow() },
        { label: '取消', id: 'publish-cancel' },
      ],
      { id: 'publish-dialog' },
    );
  }

  /** 「更改…」 and 「恢复默认」 for the archive folder shown in `dirEl`. */
  private archiveDirButtons(dirEl: HTMLElement): HTMLButtonElement[] {
    const shown = (p: Promise<ArchiveDir | null>) =>
      void p
        .then((d) => {
          if (d) dirEl.textContent = d.dir ?? '（未设置）';
        })
        .catch((e: unknown) => notify(errorText(e), 'error'));
    return [
      button('更改归档目录…', () => shown(this.api.pickArchiveDir()), {
        class: 'small',
        id: 'change-archive-dir',
      }),
      button('恢复默认', () => shown(this.api.setArchiveDir(null)), {
        class: 'small',
        id: 'reset-archive-dir',
        title: '使用默认目录：文档/温州科协信息',
      }),
    ];
  }

  /** 归档目录: where published issues are archived (the app's setting). */
  async archiveSettings(): Promise<void> {
    let dir: ArchiveDir;
    try {
      dir = await this.api.archiveDir();
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    const dirEl = h('p', { class: 'path', attrs: { id: 'archive-dir' }, text: dir.dir ?? '（未设置）' });
    showModal(
      '归档目录',
      [
        h('p', {
          text: '标记为已印发的期刊，其 PDF、PDF/A 归档版、DOCX 和 JSON 文件按「年份/第N期（总第M期）」存放在：',
        }),
        dirEl,
        ...this.archiveDirButtons(dirEl),
      ],
      [{ label: '好', primary: true }],
      { id: 'archive-dir-dialog' },
    );
  }

  private async publishNow(): Promise<void> {
    const cur = this.current;
    if (!cur) return;
    this.busy = true;
    const progress = showModal(
      '正在印发归档',
      [h('div', { class: 'progress', attrs: { role: 'progressbar' } }, h('div'))],
      [],
      {
        dismissable: false,
      },
    );
    try {
      const done = await this.api.publish(cur.id, structuredClone(cur.issue));
      progress.close();
      cur.locked = true;
      cur.issue.status = 'published';
      this.renderForm();
      this.refreshToolbar();
      if (this.sideTab === 'lint') void this.lint.refresh();
      showModal(
        done.revision > 1 ? `已印发（修订${done.revision}）` : '已印发',
        [
          h('p', { text: '已写入归档目录：' }),
          h('p', { class: 'path', attrs: { id: 'published-dir' }, text: done.dir }),
          h(
            'ul',
            { class: 'files' },
            ...done.files.map((f) =>
              h(
                'li',
                {},
                h('span', { text: f.path.split(/[\\/]/).pop() ?? f.path }),
                h('code', { title: 'SHA-256', text: f.sha256.slice(0, 16) + '…' }),
              ),
            ),
          ),
        ],
        [
          {
            label: '打开所在文件夹',
            primary: true,
            run: () => void this.reveal(done.files[0]?.path ?? done.dir),
          },
          { label: '关闭', id: 'close-published' },
        ],
        { id: 'published-dialog' },
      );
    } catch (e) {
      progress.close();
      notify(`印发失败：${errorText(e)}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  /** 更正: a new revision of an archived issue, editable again. */
  async correct(): Promise<void> {
    const cur = this.current;
    if (!cur) return;
    try {
      await this.api.correct(cur.id);
      await this.openIssue(cur.id);
      notify('已创建修订版：本期恢复为草稿，可以修改；再次印发时归档为新的修订版，原归档文件保持不变。');
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  /** 年度合订本: asks for the year (newest first), then where to save, then writes the PDF. */
  async exportVolume(): Promise<void> {
    let years: number[];
    try {
      years = await this.api.volumeYears();
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    if (years.length === 0) {
      notify('还没有已印发的期刊，无法生成合订本。请先把期刊标记为已印发。', 'error');
      return;
    }
    const select = h(
      'select',
      { attrs: { id: 'volume-year', 'aria-label': '年份' } },
      ...years.map((y) => h('option', { attrs: { value: String(y) }, text: `${y}年` })),
    ) as HTMLSelectElement;
    showModal(
      '年度合订本',
      [h('p', { text: '把这一年已印发的各期合成一个 PDF（封面、目录、各期正文，页码连续）：' }), select],
      [
        {
          label: '导出…',
          primary: true,
          id: 'volume-go',
          run: () => void this.exportVolumeOf(Number(select.value)),
        },
        { label: '取消', id: 'volume-cancel' },
      ],
      { id: 'volume-dialog' },
    );
  }

  private async exportVolumeOf(year: number): Promise<void> {
    let path: string | null;
    try {
      path = await this.api.pickExportPath('pdf', `温州科协信息 ${year}年合订本.pdf`);
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    if (!path) return;
    const progress = showModal(
      '正在生成合订本',
      [
        h('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': '导出进度' } }, h('div')),
        h('p', { text: path }),
      ],
      [],
      { id: 'export-progress', dismissable: false },
    );
    try {
      const done = await this.api.exportVolume(year, path);
      progress.close();
      this.showExported(`${year}年合订本（${done.issues} 期，${done.pages} 页）`, done);
      if (done.left_out.length > 0) {
        notify(`未印发的 ${done.left_out.join('、')} 没有收入合订本。`);
      }
    } catch (e) {
      progress.close();
      notify(`合订本导出失败：${errorText(e)}`, 'error');
    }
  }

  /** 备份数据: asks where, then copies the whole store there. */
  async backup(): Promise<void> {
    const today = new Date();
    const stamp = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
    let path: string | null;
    try {
      path = await this.api.pickBackupPath(`温州科协信息 数据备份 ${stamp}.sqlite3`);
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    if (!path) return;
    try {
      const done = await this.api.backup(path);
      showModal(
        '已备份数据',
        [
          h('p', { text: `${done.issues} 期简报（含回收站、校样和印发记录）已备份到：` }),
          h('p', { class: 'path', attrs: { id: 'backup-path' }, text: done.path }),
          h('p', {
            class: 'hint',
            text: '备份文件是完整的数据库。需要时在期刊档案中点「从备份恢复…」即可恢复。',
          }),
        ],
        [
          {
            label: '打开所在文件夹',
            primary: true,
            id: 'reveal-backup',
            run: () => void this.reveal(done.path),
          },
          { label: '关闭', id: 'close-backup' },
        ],
        { id: 'backup-done' },
      );
    } catch (e) {
      notify(`备份失败：${errorText(e)}`, 'error');
    }
  }

  /** 从备份恢复: asks for the backup file, confirms, then puts the store back from it. */
  async restoreBackup(): Promise<void> {
    let path: string | null;
    try {
      path = await this.api.pickRestoreFile();
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    if (!path) return;
    const chosen = path;
    showModal(
      '从备份恢复',
      [
        h('p', { text: '用这个备份文件中的数据替换当前的全部数据：' }),
        h('p', { class: 'path', text: chosen }),
        h('p', { class: 'hint', text: '当前数据会先另存一份在数据库旁边，恢复后仍可找回。' }),
      ],
      [
        { label: '恢复', primary: true, id: 'restore-confirm', run: () => void this.restoreFrom(chosen) },
        { label: '取消', id: 'restore-cancel' },
      ],
      { id: 'restore-dialog' },
    );
  }

  private async restoreFrom(path: string): Promise<void> {
    try {
      const done = await this.api.restoreBackup(path);
      await this.archive.refresh();
      showModal(
        '已从备份恢复',
        [
          h('p', { text: `现在共有 ${done.issues} 期简报。恢复前的数据另存为：` }),
          h('p', { class: 'path', attrs: { id: 'restore-kept' }, text: done.kept }),
        ],
        [{ label: '好', primary: true, id: 'restore-done-ok' }],
        { id: 'restore-done' },
      );
    } catch (e) {
      notify(`恢复失败：${errorText(e)}`, 'error');
    }
  }

  /** 校验存档: recomputes every archived file's hash and lists those changed or missing. */
  async verifyArchive(): Promise<void> {
    let report: Verified;
    try {
      report = await this.api.verify();
    } catch (e) {
      notify(errorText(e), 'error');
      return;
    }
    const ok = report.problems.length === 0;
    showModal(
      ok ? '存档完好' : `${report.problems.length} 个归档文件有问题`,
      ok
        ? [
            h('p', {
              text: report.checked
                ? `检查了 ${report.checked} 个归档文件，全部完好。`
                : '还没有已印发归档的文件。',
            }),
          ]
        : [
            h('p', { text: `检查了 ${report.checked} 个归档文件，以下文件与印发时记录的校验值不符：` }),
            h(
              'ul',
              { class: 'findings', attrs: { id: 'verify-problems' } },
              ...report.problems.map((p) =>
                h(
                  'li',
                  { class: `verify-${p.kind}` },
                  h('strong', { text: p.label }),
                  ' ',
                  h('span', { class: 'path', text: p.path }),
                ),
              ),
            ),
          ],
      [{ label: '好', primary: true }],
      { id: 'verify-dialog' },
    );
  }

  // ---- import ----

  async pickAndImport(folder = false): Promise<void> {
    try {
      const paths = folder
        ? [await this.api.pickImportFolder()].filter((p): p is string => !!p)
        : await this.api.pickImportFiles();
      if (paths.length) await this.importPaths(paths);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  }

  async importPaths(paths: string[], at?: { x: number; y: number }): Promise<void> {
    // Pictures dropped on an open issue go into the article under the pointer.
    if (this.screen === 'editor' && paths.length > 0 && paths.every(isImagePath)) {
      return this.form.dropImages(paths, at);
    }
    // A PDF dropped on an open issue is a commented proof: its marks become review comments.
    if (this.screen === 'editor' && paths.length > 0 && paths.every((p) => /\.pdf$/i.test(p))) {
      this.selectTab('proofs');
      for (const p of paths) await this.review.importPath(p);
      return;
    }
    // A folder or several files: 「正在导入 12/48：…」 as the engine reaches each file.
    const line = h('p', { text: `正在导入 ${paths.length} 个位置` });
    const progress = showModal('导入往期简报', [line, h('div', { class: 'progress' }, h('div'))], [], {
      dismissable: false,
    });
    const unlisten = await this.api.onImportProgress((p) => (line.textContent = progressText(p)));
    try {
      const report = await this.api.importFiles(paths);
      unlisten();
      progress.close();
      if (this.screen === 'editor') await this.showArchive();
      else await this.archive.refresh();
      notify(importSummary(report));
      if (needsDialog(report)) {
        showModal(
          report.failed.length ? `有 ${report.failed.length} 个文件没有导入` : '导入完成，有几期需要核对',
          resultList(report),
          [{ label: '好', primary: true }],
        );
      }
    } catch (e) {
      unlisten();
      progress.close();
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
      case 'fonts':
        void this.showFonts();
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
