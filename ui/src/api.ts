// The engine's commands (src-tauri/commands.rs over src/desktop.rs). Every command rejects with
// a plain Chinese message that can be shown as is.

import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AppInfo,
  ArchiveDir,
  BackedUp,
  ExportKind,
  Exported,
  FaceChoice,
  Finding,
  FontRole,
  FontSettings,
  Fixed,
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
  PreviewUpdate,
  ProofRound,
  Published,
  Restored,
  ReviewImported,
  ReviewItem,
  CommentStatus,
  SearchRow,
  Verified,
  Version,
  VolumeExported,
} from './types';

/** A file of an import, with what there is to say about it. */
export interface FileNote {
  path: string;
  message: string;
}

export interface ImportReport {
  imported: string[];
  /** Files whose issue the archive already holds word for word: not stored again. */
  already_stored: FileNote[];
  /** Files stored beside another issue with the same 总第M期 but other content. */
  same_total: FileNote[];
  failed: FileNote[];
  /** Every file taken, refused ones too: its result, what was recognised, what to check. */
  files: FileReport[];
  /** Files in the folders that are no past issue by their extension, not read. */
  skipped: number;
}

/** What became of a file of an import (`desktop::importing::FileStatus`). */
export type FileStatus = 'new' | 'already_stored' | 'read' | 'refused';

/** How far an import is: file `done + 1` of `total` is being read (`desktop::importing::Progress`). */
export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

/** What was read from one file of an import (`desktop::FileReport`). */
export interface FileReport {
  path: string;
  /** 「温州科协信息 第4期（总第245期） 2020年4月30日」, the articles with bylines, the briefs with sources. */
  recognised: string[];
  /** 「第204行：最后一段…没有结束标点，请核对是否完整」. */
  warnings: string[];
  status: FileStatus;
  /** 「已导入」, 「总第245期已在档案中…，未重复导入」, or why it was refused. */
  message: string;
}

export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  listIssues: () => invoke<IssueRow[]>('list_issues'),
  listDeleted: () => invoke<IssueRow[]>('list_deleted'),
  search: (query: string) => invoke<SearchRow[]>('search_issues', { query }),
  open: (id: string) => invoke<OpenedIssue>('open_issue', { id }),
  save: (id: string, issue: Issue) => invoke<string>('save_issue', { id, issue }),
  newNext: () => invoke<string>('new_next_issue'),
  remove: (id: string) => invoke<void>('delete_issue', { id }),
  restore: (id: string) => invoke<void>('restore_issue', { id }),
  pickImportFiles: () => invoke<string[]>('pick_import_files'),
  pickImportFolder: () => invoke<string | null>('pick_import_folder'),
  importFiles: (paths: string[]) => invoke<ImportReport>('import_files', { paths }),
  /** Calls `seen` before each file of a running import. */
  onImportProgress: (seen: (p: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>('bulletin://import-progress', (e) => seen(e.payload)),
  /** The preview after a change: every page's hash, drawings of the pages `session` lacks. */
  previewUpdate: (session: string, issue: Issue) =>
    invoke<PreviewUpdate>('preview_update', { session, issue }),
  /** The drawings of the pages at `indices` of `session`'s last update. */
  previewPages: (session: string, indices: number[]) =>
    invoke<PreviewUpdate>('preview_pages', { session, indices }),
  check: (id: string, issue: Issue) => invoke<Finding[]>('check_issue', { id, issue }),
  readPasted: (text: string, kind: PasteKind) => invoke<Pasted>('read_pasted', { text, kind }),
  pickExportPath: (kind: ExportKind, suggestedName: string) =>
    invoke<string | null>('pick_export_path', { kind, suggestedName }),
  exportIssue: (kind: ExportKind, issue: Issue, path: string) =>
    invoke<Exported>('export_issue', { kind, issue, path }),
  reveal: (path: string) => invoke<void>('reveal_path', { path }),
  closeWindow: () => invoke<void>('close_main_window'),
  // proofing and the archive
  startProof: (id: string, issue: Issue, note: string) =>
    invoke<ProofRound>('start_proof', { id, issue, note }),
  listProofs: (id: string) => invoke<ProofRound[]>('list_proofs', { id }),
  exportProof: (id: string, round: number, path: string) =>
    invoke<Exported>('export_proof', { id, round, path }),
  diff: (id: string, from: Version, to: Version, current: Issue) =>
    invoke<PartDiff[]>('diff_versions', { id, from, to, current }),
  lint: (id: string, issue: Issue) => invoke<LintItem[]>('lint_issue', { id, issue }),
  fixOne: (issue: Issue, place: LintPlace, fix: LintFix) => invoke<Issue>('fix_lint', { issue, place, fix }),
  fixAll: (id: string, issue: Issue) => invoke<Fixed>('fix_all_lint', { id, issue }),
  // 设置 › 字体
  fontSettings: (issue: Issue | null) => invoke<FontSettings>('font_settings', { issue }),
  setFont: (role: FontRole, choice: FaceChoice | null, issue: Issue | null) =>
    invoke<FontSettings>('set_font', { role, choice, issue }),
  archiveDir: () => invoke<ArchiveDir>('archive_dir'),
  pickArchiveDir: () => invoke<ArchiveDir | null>('pick_archive_dir'),
  setArchiveDir: (dir: string | null) => invoke<ArchiveDir>('set_archive_dir', { dir }),
  publish: (id: string, issue: Issue) => invoke<Published>('publish_issue', { id, issue }),
  correct: (id: string) => invoke<OpenedIssue>('correct_issue', { id }),
  verify: () => invoke<Verified>('verify_archive'),
  /** Tells the shell the archive is usable (it logs the start-up time). */
  ready: () => invoke<number>('app_ready'),
  // 年度合订本
  volumeYears: () => invoke<number[]>('volume_years'),
  exportVolume: (year: number, path: string) => invoke<VolumeExported>('export_volume', { year, path }),
  // 备份数据
  pickBackupPath: (suggestedName: string) => invoke<string | null>('pick_backup_path', { suggestedName }),
  backup: (path: string) => invoke<BackedUp>('backup_store', { path }),
  pickRestoreFile: () => invoke<string | null>('pick_restore_file'),
  restoreBackup: (path: string) => invoke<Restored>('restore_store', { path }),
  // 审阅意见
  pickReviewFile: () => invoke<string | null>('pick_review_file'),
  importReview: (id: string, path: string, current: Issue) =>
    invoke<ReviewImported>('import_review', { id, path, current }),
  reviewComments: (id: string, current: Issue) => invoke<ReviewItem[]>('review_comments', { id, current }),
  applyComment: (id: string, comment: number, current: Issue) =>
    invoke<Issue>('apply_comment', { id, comment, current }),
  // 图片 (src/desktop/images.rs)
  /** The file chooser for 插入图片 (JPEG, PNG, WebP); null when cancelled. */
  pickImageFile: () => invoke<string | null>('pick_image_file'),
  /** Adds the picture at `path` to the store (the file itself is left as it is). */
  addImageFile: (path: string) => invoke<ImageInfo>('add_image_file', { path }),
  /** Adds a picture given as bytes (pasted, dropped from another program): sent raw, not as JSON. */
  addImageBytes: (bytes: Uint8Array) => invoke<ImageInfo>('add_image_bytes', bytes),
  /** The window's copy of image `id` (for the form's thumbnail and the preview's pages). */
  imagePreview: (id: string) => invoke<ImagePreview>('image_preview', { id }),
  setCommentStatus: (id: string, comment: number, status: CommentStatus, reply: string) =>
    invoke<void>('set_comment_status', { id, comment, status, reply }),
  answeredComments: (id: string, from: Version, to: Version, current: Issue) =>
    invoke<string[]>('answered_comments', { id, from, to, current }),
};

export type Api = typeof api;
