import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../src/api';
import { fileHeading, filesToCheck, importSummary } from '../src/importreport';

const note = (message: string) => ({ path: '/往期/a.docx', message });
const report = (over: Partial<ImportReport>): ImportReport => ({
  imported: [],
  already_stored: [],
  same_total: [],
  failed: [],
  files: [],
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

describe('files to check', () => {
  const file = (path: string, warnings: string[]) => ({
    path,
    recognised: ['温州科协信息 第5期（总第270期） 2022年5月31日'],
    warnings,
  });
  it('lists only the files with warnings, and counts the warnings in the summary', () => {
    const r = report({
      imported: ['a', 'b'],
      files: [
        file('/往期/2022-05.txt', [
          '第204行：最后一段「…（苍南县科协）」没有结束标点，请核对是否完整',
          '第18行：本期要目第4条…',
        ]),
        file('C:\\往期\\2021-01.txt', []),
      ],
    });
    expect(filesToCheck(r).map((f) => f.path)).toEqual(['/往期/2022-05.txt']);
    expect(filesToCheck(r).map(fileHeading)).toEqual(['2022-05.txt：需要核对 2 处']);
    expect(importSummary(r)).toBe('已导入 2 期简报；有 2 处需要核对。');
  });
});
