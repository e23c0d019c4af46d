// 粘贴文章… / 粘贴简讯…: text copied from Word, a web page or a message is read by the engine with
// the importer's rules (headline, 一、/（一） sub-headings, paragraphs cut by line breaks joined,
// the byline at the end; briefs split at their dates), shown as what will be added, and added to
// the issue in one step that Ctrl+Z takes back. The dialog stays open while nothing can be added,
// so a paste is never lost to a wrong click.

import { errorText } from './autosave';
import { h, replaceChildren } from './dom';
import { headlineText } from './issue';
import { LatestOnly } from './latest';
import { showModal } from './modal';
import type { Article, Brief, PasteKind, Pasted } from './types';

export interface PasteHost {
  /** The engine's reading of `text` (rejects with a message to show). */
  read(text: string, kind: PasteKind): Promise<Pasted>;
  /** Adds what was read to the issue (one undo step). */
  add(pasted: Pasted): void;
}

const EMPTY = '粘贴后这里会显示识别出的内容。';

const TITLES: Record<PasteKind, string> = { articles: '粘贴文章', briefs: '粘贴简讯' };

const HINTS: Record<PasteKind, string> = {
  articles:
    '把一篇或几篇文章的全文粘贴到下面（从 Word、网页或微信复制均可）。标题、「一、」「（一）」小标题、正文段落和文末署名会自动识别，几篇文章以各自的署名分开。添加后仍可逐项修改。',
  briefs:
    '把一条或几条简讯粘贴到下面。每条简讯以日期开头（如「4月9日，」），文末括号中的单位或人名作为来源。添加后仍可逐项修改。',
};

/** One line of the summary for an article: its headline and what its body holds. */
export function articleSummary(a: Article, n: number): string {
  const headline = headlineText(a);
  const paragraphs = a.blocks.filter((b) => b.kind === 'paragraph').length;
  const headings = a.blocks.length - paragraphs;
  const parts = [`${paragraphs} 段`];
  if (headings > 0) parts.push(`${headings} 个小标题`);
  parts.push(a.byline ? `署名（${a.byline}）` : '无署名');
  const title = headline ? `「${headline}」` : '（没有认出标题，添加后请补上）';
  return `第${n}篇 ${title}：${parts.join('，')}`;
}

/** One line of the summary for a brief: its date, the start of its text and its source. */
export function briefSummary(b: Brief, n: number): string {
  const chars = [...b.text];
  const start = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : b.text;
  const date = b.date_text ? b.date_text : '（没有认出日期）';
  const source = b.source ? `（${b.source}）` : '';
  return `第${n}条 ${date}：${start}${source}`;
}

/** How an amount of each kind is counted: 「3 篇文章」, 「2 条简讯」. */
export const NOUNS: Record<PasteKind, string> = { articles: '篇文章', briefs: '条简讯' };

/** How many of `kind` a paste (or an issue) holds. */
export function count(p: { articles: unknown[]; briefs: unknown[] }, kind: PasteKind): number {
  return kind === 'articles' ? p.articles.length : p.briefs.length;
}

/** Shows the paste dialog for `kind`. */
export function showPasteDialog(kind: PasteKind, host: PasteHost): void {
  const area = h('textarea', {
    class: 'paste-text',
    attrs: { id: 'paste-text', rows: '12', spellcheck: 'false', 'aria-label': `${TITLES[kind]}：全文` },
  });
  const summary = h('div', { class: 'paste-summary', attrs: { id: 'paste-summary', 'aria-live': 'polite' } });
  let read: { text: string; pasted: Pasted } | null = null;

  /** A line saying what the box holds, then one item per article or brief found. */
  const show = (message: string, items: string[] = [], error = false) => {
    summary.classList.toggle('error', error);
    replaceChildren(
      summary,
      h('p', { text: message }),
      ...(items.length > 0 ? [h('ul', {}, ...items.map((l) => h('li', { text: l })))] : []),
    );
  };
  const readNow = async (text: string): Promise<Pasted | null> => {
    if (text.trim() === '') {
      read = null;
      show(EMPTY);
      return null;
    }
    try {
      const pasted = await host.read(text, kind);
      // A slower answer for older text must not replace a newer one.
      if (area.value !== text) return null;
      read = { text, pasted };
      const lines =
        kind === 'articles'
          ? pasted.articles.map((a, i) => articleSummary(a, i + 1))
          : pasted.briefs.map((b, i) => briefSummary(b, i + 1));
      show(`将添加 ${count(pasted, kind)} ${NOUNS[kind]}：`, lines);
      return pasted;
    } catch (e) {
      read = null;
      show(errorText(e), [], true);
      return null;
    }
  };
  const runner = new LatestOnly((text: string) => readNow(text).then(() => undefined), 250);
  area.addEventListener('input', () => runner.request(area.value));

  const add = async () => {
    const text = area.value;
    const pasted = read?.text === text ? read.pasted : await readNow(text);
    if (!pasted || count(pasted, kind) === 0) {
      area.focus();
      return;
    }
    modal.close();
    host.add(pasted);
  };
  area.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void add();
    }
  });

  const modal = showModal(
    TITLES[kind],
    [h('p', { class: 'hint', text: HINTS[kind] }), area, summary],
    [
      {
        label: '添加到本期（Ctrl+Enter）',
        primary: true,
        id: 'paste-add',
        stay: true,
        run: () => void add(),
      },
      { label: '取消', id: 'paste-cancel' },
    ],
    { id: 'paste-dialog' },
  );
  show(EMPTY);
  area.focus();
}
