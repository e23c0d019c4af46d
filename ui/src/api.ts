// The engine's commands (src-tauri/commands.rs over src/desktop.rs). Every command rejects with
// a plain Chinese message that can be shown as is.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  Exported,
  ExportKind,
  Finding,
  Issue,
  IssueRow,
  OpenedIssue,
  Preview,
  SearchRow,
} from './types';

export interface ImportReport {
  imported: string[];
  failed: { path: string; message: string }[];
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
  importFiles: (paths: string[]) => invoke<ImportReport>('import_files', { paths }),
  preview: (issue: Issue) => invoke<Preview>('preview_issue', { issue }),
  check: (id: string, issue: Issue) => invoke<Finding[]>('check_issue', { id, issue }),
  pickExportPath: (kind: ExportKind, suggestedName: string) =>
    invoke<string | null>('pick_export_path', { kind, suggestedName }),
  exportIssue: (kind: ExportKind, issue: Issue, path: string) =>
    invoke<Exported>('export_issue', { kind, issue, path }),
  reveal: (path: string) => invoke<void>('reveal_path', { path }),
  closeWindow: () => invoke<void>('close_main_window'),
  /** Tells the shell the archive is usable (it logs the start-up time). */
  ready: () => invoke<number>('app_ready'),
};

export type Api = typeof api;
