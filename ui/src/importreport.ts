// The one-line summary of an import of several files, shown as a notice; the files that need
// the editor's attention are listed in a dialog besides.

import type { FileReport, ImportReport } from './api';

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
  return parts.length ? `${parts.join('；')}。` : '没有导入任何简报。';
}

/** The files whose import guessed something, each with its warnings, for the import dialog. */
export function filesToCheck(report: ImportReport): FileReport[] {
  return report.files.filter((f) => f.warnings.length > 0);
}

/** 「a.txt：需要核对 2 处」: the heading of a file's warnings in the dialog. */
export function fileHeading(file: FileReport): string {
  const name = file.path.split(/[\\/]/).pop() || file.path;
  return `${name}：需要核对 ${file.warnings.length} 处`;
}
