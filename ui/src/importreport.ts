// The one-line summary of an import of several files, shown as a notice; the files that need
// the editor's attention are listed in a dialog besides.

import type { ImportReport } from './api';

/** 「已导入 2 期简报；1 个文件已在档案中，未重复导入；1 个文件没有导入。」 */
export function importSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.imported.length) parts.push(`已导入 ${report.imported.length} 期简报`);
  if (report.already_stored.length) {
    parts.push(`${report.already_stored.length} 个文件已在档案中，未重复导入`);
  }
  if (report.failed.length) parts.push(`${report.failed.length} 个文件没有导入`);
  return parts.length ? `${parts.join('；')}。` : '没有导入任何简报。';
}
