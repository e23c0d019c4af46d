// Pure operations on the issue the form edits (no DOM): labels, list moves, new items.

import type { Article, Brief, Issue, Status } from './types';

export const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  in_proof: '校对中',
  published: '已印发',
};

export const BLOCK_LABELS = {
  paragraph: '段落',
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
} as const;

/** 「2020年4月30日」 from 「2020-04-30」 (docs/layout.md §2: no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 「第4期（总第245期）」. */
export function issueLabel(number: number, total: number): string {
  return `第${number}期（总第${total}期）`;
}

/** The time of a change as the archive shows it: 「2026-11-24 11:30」 in local time. */
export function changedLabel(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay =
    d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  if (sameDay) return `今天 ${time}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** Moves `list[from]` to position `to` (in place); out-of-range moves do nothing. Returns whether it moved. */
export function moveItem<T>(list: T[], from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return false;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
  return true;
}

/** An article's headline on one line, as 本期要目 shows it (line breaks become nothing, docs/layout.md §3). */
export function headlineText(a: Article): string {
  return a.headline.join('');
}

/** The entry of an article in 本期要目: its TOC text if given, else the headline. */
export function tocEntry(a: Article): string {
  return a.toc_text && a.toc_text.trim() !== '' ? a.toc_text : headlineText(a);
}

/** Headline lines from the text of the headline field (one line per row; empty rows at the end dropped). */
export function headlineLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}

/** Optional text: empty becomes null, as the engine stores it. */
export function optionalText(text: string): string | null {
  return text.trim() === '' ? null : text;
}

export function newArticle(): Article {
  return { headline: [''], toc_text: null, blocks: [{ kind: 'paragraph', text: '' }], byline: null };
}

export function newBrief(): Brief {
  return { date_text: '', text: '', source: null };
}

/** A positive whole number from a form field, or null when it is not one. */
export function positiveInt(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 4_294_967_295 ? n : null;
}

/** Whether `iso` is a real calendar date YYYY-MM-DD. */
export function isDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The file name an export suggests: 「温州科协信息2020年第4期（总第245期）.pdf」. */
export function exportFileName(issue: Issue, ext: string): string {
  const year = issue.masthead.date.slice(0, 4);
  const name = issue.masthead.name.trim() || '简报';
  const safe = `${name}${year}年第${issue.masthead.number}期（总第${issue.masthead.total_number}期）`.replace(
    /[\\/:*?"<>|]/g,
    '_',
  );
  return `${safe}.${ext}`;
}
