import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../src/api';
import {
  fileHeading,
  fileResult,
  filesToCheck,
  importSummary,
  needsDialog,
  progressText,
  resultList,
} from '../src/importreport';

const note = (message: string) => ({ path: '/往期/a.docx', message });
const report = (over: Partial<ImportReport>): ImportReport => ({
  imported: [],
  already_stored: [],
  same_total: [],
  failed: [],
  files: [],
  skipped: 0,
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
    status: 'new' as const,
    message: '已导入',
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

describe('a folder import', () => {
  const r = report({
    imported: ['a'],
    already_stored: [{ path: '/档案/2014/dup.txt', message: 'dup.txt：总第128期已在档案中。' }],
    failed: [{ path: '/档案/2014/broken.json', message: '不是有效的 JSON' }],
    skipped: 2,
    files: [
      {
        path: '/档案/2013/第10期.txt',
        recognised: ['温州科协信息 第10期（总第128期） 2013年10月31日'],
        warnings: ['第8行：本期要目第2条「苍南县科协」在正文中找不到对应的标题：这一条未导入'],
        status: 'new',
        message: '已导入',
      },
      {
        path: '/档案/2014/dup.txt',
        recognised: [],
        warnings: [],
        status: 'already_stored',
        message: '总第128期已在档案中（编号 1a2b3c4d），内容相同，未重复导入',
      },
      {
        path: 'C:\\档案\\broken.json',
        recognised: [],
        warnings: [],
        status: 'refused',
        message: '不是有效的 JSON',
      },
    ],
  });

  it('shows progress file by file', () => {
    expect(progressText({ done: 11, total: 48, file: '/档案/2013/第10期.txt' })).toBe(
      '正在导入 12/48：第10期.txt',
    );
  });

  it('lists every file with its result and its warnings', () => {
    expect(r.files.map(fileResult)).toEqual([
      '第10期.txt — 已导入（需要核对 1 处）',
      'dup.txt — 已在档案中：总第128期已在档案中（编号 1a2b3c4d），内容相同，未重复导入',
      'broken.json — 未导入：不是有效的 JSON',
    ]);
    expect(needsDialog(r)).toBe(true);
    const body = resultList(r);
    expect(body[0]!.querySelectorAll('li').length).toBe(3);
    expect(body[1]!.textContent).toContain('第10期.txt：需要核对 1 处');
    expect(importSummary(r)).toBe(
      '已导入 1 期简报；1 个文件已在档案中，未重复导入；1 个文件没有导入；有 1 处需要核对；跳过 2 个不是简报的文件。',
    );
  });
});
