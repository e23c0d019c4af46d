// Search hits: the matching sentence with the words found marked. The text is split at the
// engine's ranges and every piece becomes a text node (inside <mark> where it matched), so what
// an editor typed is never read as markup.

import { h } from './dom';

export interface Piece {
  text: string;
  mark: boolean;
}

/** Splits `text` at `ranges` ([start, end) in UTF-16 units, as JavaScript strings count);
 * ranges out of order, overlapping or out of bounds are clamped and merged. */
export function splitHighlights(text: string, ranges: readonly (readonly [number, number])[]): Piece[] {
  const sorted = ranges
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const pieces: Piece[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    const start = Math.max(a, at);
    if (b <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    const last = pieces[pieces.length - 1];
    if (last?.mark && start === at) last.text += text.slice(start, b);
    else pieces.push({ text: text.slice(start, b), mark: true });
    at = b;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/** The pieces as DOM nodes: text nodes, and <mark> elements for the matches. */
export function highlightNodes(text: string, ranges: readonly (readonly [number, number])[]): Node[] {
  return splitHighlights(text, ranges).map((p) =>
    p.mark ? h('mark', { text: p.text }) : document.createTextNode(p.text),
  );
}
