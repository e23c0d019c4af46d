// The one-line summary of an import of several files (a folder, say), shown as a notice; the
// progress while it runs; and the list of every file with its result and warnings for the dialog.

import type { FileReport, FileStatus, ImportProgress, ImportReport } from './api';
import { h } from './dom';

/** 「已导入 2 期简报；1 个文件已在档案中，未重复导入；1 个文件没有导入。」 */
export function importSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.imported.length) parts.push(`已导入 ${report.imported.length} 期简报`);
  if (report.already_stored.length) {
    parts.push(`${report.already_stored.length} 个文件已在档案中，未重复导入`);
  }
  if (report.failed.length) parts.push(`${report.failed.length} 个文件没有导入`);
  const checks = report.files.reduce((n, f) => n + f.warnings.length, 0);
  if (checks) parts.push(`有 ${checks} 处需要核对`);
  if (report.skipped) parts.push(`跳过 ${report.skipped} 个不是简报的文件`);
  return parts.length ? `${parts.join('；')}。` : '没有导入任何简报。';
}

/** The files whose import guessed something, each with its warnings, for the import dialog. */
export function filesToCheck(report: ImportReport): FileReport[] {
  return report.files.filter((f) => f.warnings.length > 0);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** 「a.txt：需要核对 2 处」: the heading of a file's warnings in the dialog. */
export function fileHeading(file: FileReport): string {
  return `${fileName(file.path)}：需要核对 ${file.warnings.length} 处`;
}

/** 「正在导入 12/48：第4期.txt」. */
export function progressText(p: ImportProgress): string {
  return `正在导入 ${p.done + 1}/${p.total}：${fileName(p.file)}`;
}

const STATUS_LABELS: Record<FileStatus, string> = {
  new: '已导入',
  already_stored: '已在档案中',
  read: '已读取',
  refused: '未导入',
};

/** 「第4期.txt — 未导入：…」: one file's line in the result list. */
export function fileResult(file: FileReport): string {
  const detail = file.message && file.message !== STATUS_LABELS[file.status] ? `：${file.message}` : '';
  const checks = file.warnings.length ? `（需要核对 ${file.warnings.length} 处）` : '';
  return `${fileName(file.path)} — ${STATUS_LABELS[file.status]}${detail}${checks}`;
}

/** Whether the result list is worth a dialog: a file refused, stored beside another version, or to check. */
export function needsDialog(report: ImportReport): boolean {
  return report.failed.length > 0 || report.same_total.length > 0 || filesToCheck(report).length > 0;
}

/** The dialog's body: every file with its result, and under each file to check its warnings. */
export function resultList(report: ImportReport): HTMLElement[] {
  return [
    h(
      'ul',
      { class: 'findings import-results' },
      ...report.files.map((f) => h('li', { class: `import-${f.status}`, text: fileResult(f) })),
    ),
    ...filesToCheck(report).map((f) =>
      h(
        'div',
        { class: 'import-checks' },
        h('h3', { text: fileHeading(f) }),
        h('ul', { class: 'findings' }, ...f.warnings.map((w) => h('li', { text: w }))),
        h(
          'details',
          {},
          h('summary', { text: '识别结果' }),
          ...f.recognised.map((r) => h('div', { text: r })),
        ),
      ),
    ),
  ];
}
