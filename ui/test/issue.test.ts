import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  exportFileName,
  headlineLines,
  isDate,
  moveItem,
  optionalText,
  positiveInt,
  tocEntry,
} from '../src/issue';
import { sampleIssue } from './fixtures';

describe('issue operations', () => {
  it('moves list items and refuses moves out of range', () => {
    const l = ['a', 'b', 'c', 'd'];
    expect(moveItem(l, 0, 2)).toBe(true);
    expect(l).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(l, 3, 0)).toBe(true);
    expect(l).toEqual(['d', 'b', 'c', 'a']);
    expect(moveItem(l, 0, 4)).toBe(false);
    expect(moveItem(l, -1, 0)).toBe(false);
    expect(l).toEqual(['d', 'b', 'c', 'a']);
  });

  it('writes dates as the spec does, without leading zeros', () => {
    expect(chineseDate('2020-04-30')).toBe('2020年4月30日');
    expect(chineseDate('2021-01-05')).toBe('2021年1月5日');
  });

  it('splits headline lines and drops trailing empty lines', () => {
    expect(headlineLines('第一行\n第二行\n\n')).toEqual(['第一行', '第二行']);
    expect(headlineLines('')).toEqual(['']);
  });

  it('uses the TOC override unless it is blank', () => {
    const issue = sampleIssue();
    expect(tocEntry(issue.articles[0]!)).toBe('市政府专题研究2020世界青年科学家峰会筹备进展情况');
    expect(tocEntry(issue.articles[1]!)).toBe('对接');
    issue.articles[1]!.toc_text = '  ';
    expect(tocEntry(issue.articles[1]!)).toBe('省科协来温对接');
  });

  it('accepts only positive whole numbers and real dates', () => {
    expect(positiveInt('245')).toBe(245);
    expect(positiveInt('0')).toBeNull();
    expect(positiveInt('-1')).toBeNull();
    expect(positiveInt('2.5')).toBeNull();
    expect(positiveInt('')).toBeNull();
    expect(isDate('2020-02-29')).toBe(true);
    expect(isDate('2021-02-29')).toBe(false);
    expect(isDate('2020-4-3')).toBe(false);
    expect(optionalText('  ')).toBeNull();
    expect(optionalText('叶')).toBe('叶');
  });

  it('suggests an export file name without characters file systems refuse', () => {
    const issue = sampleIssue();
    expect(exportFileName(issue, 'pdf')).toBe('温州科协信息2020年第4期（总第245期）.pdf');
    issue.masthead.name = 'a/b:c';
    expect(exportFileName(issue, 'docx')).toBe('a_b_c2020年第4期（总第245期）.docx');
  });
});
