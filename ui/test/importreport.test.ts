import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../src/api';
import { importSummary } from '../src/importreport';

const note = (message: string) => ({ path: '/往期/a.docx', message });
const report = (over: Partial<ImportReport>): ImportReport => ({
  imported: [],
  already_stored: [],
  same_total: [],
  failed: [],
  ...over,
});

describe('import summary', () => {
  it('counts what was stored, what was already there and what failed', () => {
    expect(
      importSummary(
        report({
          imported: ['a', 'b'],
          already_stored: [note('总第245期已在档案中')],
          failed: [note('坏文件')],
        }),
      ),
    ).toBe('已导入 2 期简报；1 个文件已在档案中，未重复导入；1 个文件没有导入。');
  });

  it('says so when a second import of the same folder adds nothing', () => {
    expect(importSummary(report({ already_stored: [note('x'), note('y')] }))).toBe(
      '2 个文件已在档案中，未重复导入。',
    );
    expect(importSummary(report({}))).toBe('没有导入任何简报。');
  });
});
