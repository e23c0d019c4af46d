// An in-memory stand-in for the engine's commands, recording calls, for tests of the DOM side.
// (The commands themselves are tested in Rust against a real store: tests/desktop_commands.rs.)
import type { Api, ImportReport } from '../src/api';
import type { StatsApi, StatsData, StatsQuery, StatsRow, UnitAlias } from '../src/stats';
import type {
  BackedUp,
  Exported,
  FaceChoice,
  Finding,
  FontRole,
  FontSettings,
  ImageDrawing,
  ImageInfo,
  ImagePreview,
  Issue,
  IssueRow,
  LintFix,
  LintItem,
  LintPlace,
  OpenedIssue,
  PartDiff,
  PasteKind,
  Pasted,
  PageDrawing,
  PreviewUpdate,
  ProofRound,
  Published,
  Restored,
  SearchRow,
  Verified,
  Version,
  VolumeExported,
  ReviewItem,
  ReviewImported,
  CommentStatus,
} from '../src/types';

/** The text a lint place names, for the fake's fixes. */
function textAt(issue: Issue, p: LintPlace): { get: () => string; set: (v: string) => void } | null {
  switch (p.kind) {
    case 'brief_text': {
      const b = issue.briefs[p.brief];
      return b ? { get: () => b.text, set: (v) => (b.text = v) } : null;
    }
    case 'headline': {
      const a = issue.articles[p.article];
      return a ? { get: () => a.headline[p.line] ?? '', set: (v) => (a.headline[p.line] = v) } : null;
    }
    case 'block': {
      const b = issue.articles[p.article]?.blocks[p.block];
      return b ? { get: () => b.text, set: (v) => (b.text = v) } : null;
    }
    default:
      return null;
  }
}

const ROLES: [FontRole, string, string][] = [
  ['XiaoBiaoSong', '小标宋', 'FandolSong Bold'],
  ['FangSong', '仿宋', 'FandolFang'],
  ['Hei', '黑体', 'FandolHei'],
  ['Kai', '楷体', 'FandolKai'],
  ['Song', '宋体', 'FandolSong'],
];

/** Two installed faces: one that may be embedded, one whose licence forbids it. */
const FACES: FontSettings['faces'] = [
  {
    family: '文鼎ＰＬ简中楷',
    other_names: ['AR PL KaitiM GB'],
    path: '/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf',
    index: 0,
    format: 'TrueType',
    licence: '可嵌入（仅供预览和打印）',
    allowed: true,
    choice: { kind: 'family', name: '文鼎ＰＬ简中楷' },
    sample_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  },
  {
    family: 'Restricted Kai',
    other_names: [],
    path: '/fonts/restricted.ttf',
    index: 0,
    format: 'TrueType',
    licence: '授权不允许嵌入',
    allowed: false,
    choice: { kind: 'family', name: 'Restricted Kai' },
    sample_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  },
];

export class FakeApi {
  /** The font chosen per role, as the engine would store it. */
  fontChoices = new Map<FontRole, FaceChoice>();
  fontCalls: { role: FontRole; choice: FaceChoice | null }[] = [];
  /** The font settings the fake answers with. */
  fontSettings(): FontSettings {
    return {
      roles: ROLES.map(([role, label, bundled]) => {
        const choice = this.fontChoices.get(role) ?? null;
        const face = FACES.find(
          (f) =>
            choice && f.choice.kind === 'family' && choice.kind === 'family' && f.choice.name === choice.name,
        );
        return {
          role,
          label,
          bundled,
          choice,
          current: face ? face.family : bundled,
          problem: null,
          fallback: face ? [bundled, 'Noto Serif CJK SC'] : ['Noto Serif CJK SC'],
          sample_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
          coverage: face
            ? { has: 610, total: 612, missing: ['堃', '喆'] }
            : { has: 612, total: 612, missing: [] },
          options: FACES.map((_, k) => ({
            face: k,
            office: false,
            coverage: { has: 610, total: 612, missing: ['堃', '喆'] },
          })),
        };
      }),
      faces: structuredClone(FACES),
      warnings: ['字体文件 /fonts/damaged.ttf 无法读取（the hhea table is missing or malformed），已跳过'],
    };
  }

  issues = new Map<string, { issue: Issue; deleted: boolean; updated: string }>();
  saves: Issue[] = [];
  previews: Issue[] = [];
  previewSessions = new Map<string, string[]>();
  findings: Finding[] = [];
  exported: { kind: string; path: string; issue: Issue }[] = [];
  locked = new Set<string>();
  rounds: ProofRound[] = [];
  proofIssues: Issue[] = [];
  proofExports: { round: number; path: string }[] = [];
  diffs: { from: Version; to: Version; current: Issue }[] = [];
  diffResult: PartDiff[] = [];
  lintItems: LintItem[] = [];
  reviewItems: ReviewItem[] = [];
  /** What 采纳 puts in place of the comment's range. */
  reviewReplacement = '';
  reviewFile: string | null = '/tmp/批注.pdf';
  reviewImports: string[] = [];
  reviewError: string | null = null;
  answered: string[] = [];
  hits: SearchRow[] = [];
  verified: Verified = { checked: 0, problems: [] };
  years: number[] = [2020];
  volumes: { year: number; path: string }[] = [];
  backups: string[] = [];
  backupCancelled = false;
  backupError: string | null = null;
  restoreFile: string | null = '/media/u/备份.sqlite3';
  restoreError: string | null = null;
  restoredFrom: string[] = [];
  published: string[] = [];
  corrected: string[] = [];
  /** What readPasted answers (a string: the engine's refusal). */
  pasteResult: Pasted | string = { articles: [], briefs: [] };
  pasteReads: { text: string; kind: PasteKind }[] = [];

  /** The pictures the fake store holds: their bytes by id. */
  images = new Map<string, Uint8Array>();
  /** What 插入图片's file chooser answers (null: cancelled). */
  imageFile: string | null = '/home/u/图片/峰会现场.jpg';
  /** Every picture added: its path, or 「bytes:N」 for N pasted bytes. */
  imageAdds: string[] = [];
  /** The ids whose preview copy was asked for, in order. */
  imagePreviews: string[] = [];

  /** Takes a picture in as the engine would: JPEG or PNG bytes, else its refusal. */
  private addImage(bytes: Uint8Array, name: string): ImageInfo {
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    const png = bytes[0] === 0x89 && bytes[1] === 0x50;
    if (!jpeg && !png)
      throw `无法读取图片「${name}」：文件已损坏，或不是 JPEG、PNG、WebP 图片。请换一个文件。`;
    let hash = 0;
    for (const b of bytes) hash = (hash * 31 + b) >>> 0;
    const id = hash.toString(16).padStart(8, '0').repeat(8);
    this.images.set(id, bytes);
    return { id, media_type: jpeg ? 'image/jpeg' : 'image/png', width_px: 1600, height_px: 1200 };
  }

  add(id: string, issue: Issue): void {
    this.issues.set(id, { issue: structuredClone(issue), deleted: false, updated: '2026-11-24T10:00:00Z' });
  }

  private row(id: string): IssueRow {
    const e = this.issues.get(id)!;
    const m = e.issue.masthead;
    return {
      id,
      number: m.number,
      total_number: m.total_number,
      date: m.date,
      status: e.issue.status,
      first_headline: e.issue.articles[0]?.headline.join('') ?? null,
      updated_at: e.updated,
    };
  }

  api(): Api {
    return {
      appInfo: async () => ({ version: '0', db_path: '/tmp/x', fonts_dir: '/tmp/f', uptime_ms: 1 }),
      listIssues: async () =>
        [...this.issues.keys()].filter((k) => !this.issues.get(k)!.deleted).map((k) => this.row(k)),
      listDeleted: async () =>
        [...this.issues.keys()].filter((k) => this.issues.get(k)!.deleted).map((k) => this.row(k)),
      search: async () => this.hits,
      open: async (id: string): Promise<OpenedIssue> => {
        const e = this.issues.get(id);
        if (!e) throw '找不到这期简报。';
        return { id, issue: structuredClone(e.issue), updated_at: e.updated, locked: this.locked.has(id) };
      },
      save: async (id: string, issue: Issue) => {
        if (this.locked.has(id)) throw '编号为 x 的简报已印发，不能直接修改。';
        this.saves.push(structuredClone(issue));
        this.issues.get(id)!.issue = structuredClone(issue);
        return '2026-11-24T10:00:01Z';
      },
      newNext: async () => 'next',
      remove: async (id: string) => void (this.issues.get(id)!.deleted = true),
      restore: async (id: string) => void (this.issues.get(id)!.deleted = false),
      pickImportFiles: async () => [],
      pickImportFolder: async () => null,
      importFiles: async (): Promise<ImportReport> => ({
        imported: [],
        already_stored: [],
        same_total: [],
        failed: [],
        files: [],
        skipped: 0,
      }),
      onImportProgress: async () => () => {},
      previewUpdate: async (session: string, issue: Issue): Promise<PreviewUpdate> => {
        this.previews.push(structuredClone(issue));
        // One page per article: its headline as a line, a glyph per character (numbered by code).
        const drawings = issue.articles.map((a, i) =>
          fakePage(
            i + 1,
            a.headline.join(''),
            a.blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : [])),
          ),
        );
        const last = this.previewSessions.get(session) ?? [];
        const hashes = drawings.map((d) => JSON.stringify(d));
        this.previewSessions.set(session, hashes);
        const glyphs = [...new Set(drawings.flatMap((d) => d.lines.flatMap((l) => l.g)))]
          .filter((g) => g !== 0)
          .map((id) => ({ id, d: 'M0 0L1 1Z', scale: 0.001 }));
        // A headline line of more than 20 characters is "broken" in two, as layout would.
        const headlines = issue.articles.map((a) => {
          const long = a.headline.find((l) => [...l].length > 20);
          if (!long) return null;
          const c = [...long];
          return [c.slice(0, Math.ceil(c.length / 2)).join(''), c.slice(Math.ceil(c.length / 2)).join('')];
        });
        return {
          pages: drawings.map((d, i) => ({ hash: hashes[i]!, drawing: last[i] === hashes[i] ? null : d })),
          glyphs,
          headlines,
        };
      },
      previewPages: async (session: string, indices: number[]): Promise<PreviewUpdate> => {
        const hashes = this.previewSessions.get(session);
        if (!hashes) throw '预览已过期';
        return {
          pages: hashes.map((hash, i) => ({
            hash,
            drawing: indices.includes(i) ? (JSON.parse(hash) as PageDrawing) : null,
          })),
          glyphs: [],
        };
      },
      check: async (): Promise<Finding[]> => this.findings,
      readPasted: async (text: string, kind: PasteKind): Promise<Pasted> => {
        this.pasteReads.push({ text, kind });
        if (typeof this.pasteResult === 'string') throw this.pasteResult;
        return structuredClone(this.pasteResult);
      },
      pickExportPath: async (_kind: string, name: string) => `/tmp/out/${name}`,
      exportIssue: async (kind: string, issue: Issue, path: string): Promise<Exported> => {
        this.exported.push({ kind, path, issue: structuredClone(issue) });
        return { path, bytes: 1000 };
      },
      reveal: async () => {},
      closeWindow: async () => {},
      startProof: async (id: string, issue: Issue, note: string): Promise<ProofRound> => {
        this.issues.get(id)!.issue = { ...structuredClone(issue), status: 'in_proof' };
        const round = this.rounds.length + 1;
        const r = { round, date: '2020-04-28', note, created_at: '', stamp: `校样 第${round}次 2020-04-28` };
        this.rounds.push(r);
        this.proofIssues.push(structuredClone(issue));
        return r;
      },
      listProofs: async () => structuredClone(this.rounds),
      exportProof: async (_id: string, round: number, path: string): Promise<Exported> => {
        this.proofExports.push({ round, path });
        return { path, bytes: 100 };
      },
      diff: async (_id: string, from: Version, to: Version, current: Issue) => {
        this.diffs.push({ from, to, current: structuredClone(current) });
        return this.diffResult;
      },
      lint: async () => this.lintItems,
      fixOne: async (issue: Issue, place: LintPlace, fix: LintFix) => {
        const fixed = structuredClone(issue);
        const t = textAt(fixed, place);
        if (!t) throw '无法修正';
        const chars = [...t.get()];
        chars.splice(fix.start, fix.len, ...fix.with);
        t.set(chars.join(''));
        return fixed;
      },
      fixAll: async (_id: string, issue: Issue) => {
        let fixed = structuredClone(issue);
        let applied = 0;
        for (const f of [...this.lintItems].reverse()) {
          if (!f.fix) continue;
          fixed = await this.api().fixOne(fixed, f.place, f.fix);
          applied++;
        }
        return { issue: fixed, applied };
      },
      fontSettings: async () => this.fontSettings(),
      setFont: async (role: FontRole, choice: FaceChoice | null) => {
        this.fontCalls.push({ role, choice });
        const face = FACES.find(
          (f) =>
            choice && f.choice.kind === 'family' && choice.kind === 'family' && f.choice.name === choice.name,
        );
        if (face && !face.allowed)
          throw `字体「${face.family}」的授权不允许嵌入（OS/2 fsType），导出的 PDF 不能使用它。`;
        if (choice) this.fontChoices.set(role, choice);
        else this.fontChoices.delete(role);
        return this.fontSettings();
      },
      archiveDir: async () => ({
        dir: '/home/u/文档/温州科协信息',
        default_dir: '/home/u/文档/温州科协信息',
        is_default: true,
      }),
      pickArchiveDir: async () => null,
      setArchiveDir: async (dir: string | null) => ({
        dir: dir ?? '/home/u/文档/温州科协信息',
        default_dir: '/home/u/文档/温州科协信息',
        is_default: dir === null,
      }),
      publish: async (id: string): Promise<Published> => {
        this.published.push(id);
        this.locked.add(id);
        this.issues.get(id)!.issue.status = 'published';
        return {
          revision: 1,
          dir: '/a/2020/第4期（总第245期）',
          files: [{ path: '/a/x.pdf', sha256: 'ab'.repeat(32), bytes: 1 }],
        };
      },
      correct: async (id: string): Promise<OpenedIssue> => {
        this.corrected.push(id);
        this.locked.delete(id);
        const e = this.issues.get(id)!;
        e.issue.status = 'draft';
        return { id, issue: structuredClone(e.issue), updated_at: e.updated, locked: false };
      },
      verify: async () => this.verified,
      ready: async () => 0,
      volumeYears: async () => [...this.years],
      pickRestoreFile: async () => this.restoreFile,
      restoreBackup: async (path: string): Promise<Restored> => {
        if (this.restoreError) throw this.restoreError;
        this.restoredFrom.push(path);
        return { issues: 3, kept: '/data/bulletin.sqlite3.before-restore-20261124-101500.bak' };
      },
      pickBackupPath: async (name: string) => (this.backupCancelled ? null : `/tmp/out/${name}`),
      backup: async (path: string): Promise<BackedUp> => {
        if (this.backupError) throw this.backupError;
        this.backups.push(path);
        return { path, bytes: 4096, issues: this.issues.size };
      },
      pickReviewFile: async () => this.reviewFile,
      answeredComments: async () => [...this.answered],
      importReview: async (_id: string, path: string): Promise<ReviewImported> => {
        if (this.reviewError) throw this.reviewError;
        this.reviewImports.push(path);
        return {
          message: `第1次校样：读到 ${this.reviewItems.length} 条审阅意见，新增 ${this.reviewItems.length} 条`,
          warning: null,
          items: structuredClone(this.reviewItems),
        };
      },
      reviewComments: async () => structuredClone(this.reviewItems),
      applyComment: async (_id: string, comment: number, current: Issue) => {
        const item = this.reviewItems.find((i) => i.id === comment)!;
        const changed = structuredClone(current);
        const t = textAt(changed, item.place!)!;
        const text = t.get();
        t.set(text.slice(0, item.start) + this.reviewReplacement + text.slice(item.end));
        Object.assign(item, { status: 'done', status_label: '已处理', applicable: false });
        return changed;
      },
      setCommentStatus: async (_id: string, comment: number, status: CommentStatus, reply: string) => {
        const item = this.reviewItems.find((i) => i.id === comment)!;
        const label = { open: '待处理', done: '已处理', rejected: '不采纳' }[status];
        Object.assign(item, { status, status_label: label, reply: reply.trim() });
      },
      pickImageFile: async () => this.imageFile,
      addImageFile: async (path: string): Promise<ImageInfo> => {
        this.imageAdds.push(path);
        // The fake's "files": a path naming 损坏 holds no picture; others hold JPEG bytes of their name.
        const name = path.split('/').pop() ?? path;
        const bytes = /损坏|\.txt$/.test(path)
          ? new TextEncoder().encode('not a picture')
          : new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode(path)]);
        return this.addImage(bytes, name);
      },
      addImageBytes: async (bytes: Uint8Array): Promise<ImageInfo> => {
        this.imageAdds.push(`bytes:${bytes.length}`);
        return this.addImage(bytes, '粘贴的图片');
      },
      imagePreview: async (id: string): Promise<ImagePreview> => {
        this.imagePreviews.push(id);
        const bytes = this.images.get(id);
        if (!bytes) throw '找不到这张图片（可能已被删除）：请重新插入图片。';
        const data_url = `data:image/jpeg;base64,${btoa(String.fromCharCode(...bytes))}`;
        return { id, width_px: 1600, height_px: 1200, data_url };
      },
      exportVolume: async (year: number, path: string): Promise<VolumeExported> => {
        this.volumes.push({ year, path });
        return { path, bytes: 1000, pages: 14, issues: 1, left_out: ['第5期（总第246期）'] };
      },
    } as Api;
  }
}

/** A page with one line of `text` in the fake preview, and `figures` stacked under it. */
function fakePage(
  number: number,
  text: string,
  figures: { image: string; width: number }[] = [],
): PageDrawing {
  const chars = [...text];
  const images: ImageDrawing[] = figures.map((f, n) => ({
    id: f.image,
    x: 79.37,
    y: 250 + 220 * n,
    width: (436.53 * f.width) / 100,
    height: 200,
  }));
  return {
    ...(images.length ? { images } : {}),
    number,
    width: 595.28,
    height: 841.89,
    lines: [
      {
        e: 'headline',
        c: '#ff0000',
        s: 22,
        y: 200,
        t: text,
        x: chars.map((_, i) => 80 + 22 * i),
        g: chars.map((c) => (c === ' ' ? 0 : c.codePointAt(0)!)),
      },
    ],
    rules: [{ x0: 79.37, x1: 515.9, y: 180, thickness: 1, color: '#ff0000' }],
    frames: [],
  };
}

/** The 统计 commands over a fixed count (by hand: two issues of 2022, as tests/stats.rs). */
export class FakeStatsApi implements StatsApi {
  aliases: UnitAlias[] = [];
  queries: StatsQuery[] = [];
  exports: { file: string; name: string }[] = [];
  /** Set to make the next setUnitAlias fail with this message. */
  refuse: string | null = null;
  async statistics(query: StatsQuery): Promise<StatsData> {
    this.queries.push({ ...query });
    const item = (issue: string, kind: string, title: string, written: string) => ({
      issue,
      date: issue.includes('270') ? '2022-05-31' : '2022-06-30',
      kind,
      title,
      written,
    });
    const mapped = (name: string) => this.aliases.find((a) => a.alias === name)?.unit ?? name;
    const rows: StatsRow[] = [
      {
        name: '温州市科协学会部',
        person: false,
        articles_by_month: [1, 1],
        briefs_by_month: [1, 1],
        articles: 2,
        briefs: 2,
        items: [item('第5期（总第270期）', '文章', '学会工作会议', '市科协学会部')],
      },
      {
        name: mapped('苍南县科协'),
        person: false,
        articles_by_month: [0, 1],
        briefs_by_month: [1, 1],
        articles: 1,
        briefs: 2,
        items: [
          item('第5期（总第270期）', '简讯', '5月30日，苍南县开展…', '苍南县科协'),
          item('第6期（总第271期）', '文章', '走访慰问', '苍南县科协'),
          item('第6期（总第271期）', '简讯', '5月30日，苍南县开展…', '苍南县科协'),
        ],
      },
      {
        name: mapped('王刚'),
        person: mapped('王刚') === '王刚',
        articles_by_month: [0, 1],
        briefs_by_month: [0, 0],
        articles: 1,
        briefs: 0,
        items: [item('第6期（总第271期）', '文章', '科技工作者日', '王刚')],
      },
    ];
    return {
      label: '2022年5—6月',
      months: [5, 6],
      issues: 2,
      articles: 4,
      briefs: 4,
      left_out: 1,
      rows,
      unsigned: [],
    };
  }
  async unitAliases(): Promise<UnitAlias[]> {
    return this.aliases.map((a) => ({ ...a }));
  }
  async setUnitAlias(alias: string, unit: string): Promise<UnitAlias[]> {
    if (this.refuse) throw this.refuse;
    this.aliases = this.aliases.filter((a) => a.alias !== alias.trim());
    this.aliases.push({ alias: alias.trim(), unit: unit.trim() });
    return this.unitAliases();
  }
  async deleteUnitAlias(alias: string): Promise<UnitAlias[]> {
    this.aliases = this.aliases.filter((a) => a.alias !== alias);
    return this.unitAliases();
  }
  async exportStatistics(_query: StatsQuery, file: 'xlsx' | 'docx', name: string): Promise<string | null> {
    this.exports.push({ file, name });
    return `/tmp/${name}`;
  }
}
