// One preview page as inline SVG: pictures, rules, frames and, per line, the glyphs placed from the
// glyph sheet and an invisible text layer over them (one x per character) so the page can be
// searched and selected. The characters go into text nodes only. A picture is an <image> whose
// href is the object URL of its preview copy (ImageCache: fetched once per page load, by id).

import { glyphRef } from './glyphsheet';
import type { ImageCache } from './imagecache';
import { num, svg } from './svgdom';
import type { LineDrawing, PageDrawing } from './types';

/** The id of page `n`'s drawn content (thumbnails show it with <use>). */
export const pageRef = (n: number): string => `pg-${n}`;

/** The page drawn as an <svg> the size of its container; its pictures from `images`. */
export function drawPage(d: PageDrawing, images?: ImageCache): SVGSVGElement {
  const content = svg(
    'g',
    { id: pageRef(d.number) },
    svg('rect', { class: 'paper', width: d.width, height: d.height, fill: '#ffffff' }),
  );
  for (const img of d.images ?? []) {
    // Layout gives the picture's box at its aspect ratio (docs/layout.md): drawn to fill it.
    const el = svg('image', {
      class: 'figure',
      x: img.x,
      y: img.y,
      width: img.width,
      height: img.height,
      preserveAspectRatio: 'none',
    });
    if (images) images.show(el, img.id);
    else el.setAttribute('data-image', img.id);
    content.appendChild(el);
  }
  for (const r of d.rules) {
    content.appendChild(
      svg('line', {
        class: 'rule',
        x1: r.x0,
        y1: r.y,
        x2: r.x1,
        y2: r.y,
        stroke: r.color,
        'stroke-width': r.thickness,
      }),
    );
  }
  for (const f of d.frames) {
    content.appendChild(
      svg('rect', {
        class: 'frame',
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        fill: 'none',
        stroke: f.color,
        'stroke-width': f.thickness,
      }),
    );
  }
  for (const line of d.lines) content.appendChild(drawLine(line));
  return svg(
    'svg',
    {
      class: 'page-svg',
      'data-page': d.number,
      viewBox: `0 0 ${d.width} ${d.height}`,
      preserveAspectRatio: 'xMidYMid meet',
    },
    content,
  );
}

function drawLine(line: LineDrawing): SVGGElement {
  // Glyph outlines are 1 unit to the em: the line's group scales them to its size, so each glyph
  // is only its number and its x.
  const glyphs = svg('g', { transform: `translate(0 ${line.y}) scale(${line.s})` });
  const inv = 1 / line.s;
  for (let i = 0; i < line.g.length; i++) {
    const g = line.g[i]!;
    if (g === 0) continue;
    glyphs.appendChild(svg('use', { href: `#${glyphRef(g)}`, x: num(line.x[i]! * inv) }));
  }
  const text = svg('text', {
    x: line.x.map(num).join(' '),
    y: line.y,
    'font-size': line.s,
    fill: '#000000',
    'fill-opacity': 0,
    'xml:space': 'preserve',
  });
  text.textContent = line.t;
  return svg('g', { class: 'line', 'data-element': line.e, fill: line.c }, glyphs, text);
}

/** The page's text, line by line (its accessible description). */
export function pageText(d: PageDrawing): string {
  return d.lines.map((l) => l.t).join('\n');
}
