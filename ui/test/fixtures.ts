import type { Issue } from '../src/types';

export const XSS = '<img src=x onerror=alert(1)>';

export function sampleIssue(): Issue {
  return {
    masthead: {
      name: '温州科协信息',
      number: 4,
      total_number: 245,
      editor: '温州市科学技术协会编',
      date: '2020-04-30',
    },
    articles: [
      {
        headline: ['市政府专题研究2020世界青年科学家峰会', '筹备进展情况'],
        toc_text: null,
        blocks: [
          { kind: 'paragraph', text: '第一段。' },
          { kind: 'heading1', text: '一、总体安排' },
        ],
        byline: '叶贤挺',
      },
      {
        headline: ['省科协来温对接'],
        toc_text: '对接',
        blocks: [{ kind: 'paragraph', text: '正文。' }],
        byline: null,
      },
    ],
    briefs: [
      { date_text: '4月7日', text: '甲。', source: '叶贤挺' },
      { date_text: '4月17日', text: '乙。', source: '夏细绸' },
      { date_text: '4月27日', text: '丙。', source: null },
    ],
    closing: { report_to: null, send_to: null, distribute_to: null, copies: 80 },
    status: 'published',
  };
}
