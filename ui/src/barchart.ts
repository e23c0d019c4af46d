// The 统计 view's bar chart: one horizontal bar per unit, articles and briefs stacked, drawn as
// SVG through svgdom (names only ever become text nodes).

import { num, svg } from './svgdom';

/** One bar: a name and its two stacked parts. */
export interface Bar {
  name: string;
  articles: number;
  briefs: number;
}

/** Geometry of the chart, in SVG user units. */
const ROW = 22;
const LABEL = 150;
const WIDTH = 640;
const BAR = 14;

/** The chart of `bars` (in the order given); clicking a bar calls `pick` with its index. */
export function barChart(bars: Bar[], pick: (index: number) => void): SVGSVGElement {
  const max = Math.max(1, ...bars.map((b) => b.articles + b.briefs));
  const span = WIDTH - LABEL - 40;
  const height = bars.length * ROW + 30;
  const chart = svg('svg', {
    class: 'bar-chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    role: 'img',
    'aria-label': '各单位采用数（文章、简讯）',
  });
  bars.forEach((b, i) => {
    const y = i * ROW + 4;
    const wa = (b.articles / max) * span;
    const wb = (b.briefs / max) * span;
    const label = svg('text', { x: LABEL - 6, y: y + BAR - 2, 'text-anchor': 'end', class: 'bar-label' });
    label.textContent = b.name;
    const g = svg(
      'g',
      { class: 'bar', 'data-index': i, tabindex: 0 },
      label,
      svg('rect', { x: LABEL, y, width: num(wa), height: BAR, class: 'bar-articles', fill: '#c00000' }),
      svg('rect', {
        x: num(LABEL + wa),
        y,
        width: num(wb),
        height: BAR,
        class: 'bar-briefs',
        fill: '#e8a33d',
      }),
    );
    const total = svg('text', { x: num(LABEL + wa + wb + 4), y: y + BAR - 2, class: 'bar-total' });
    total.textContent = String(b.articles + b.briefs);
    g.appendChild(total);
    g.addEventListener('click', () => pick(i));
    g.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') pick(i);
    });
    chart.appendChild(g);
  });
  const ly = bars.length * ROW + 14;
  const legend = (x: number, fill: string, text: string) => {
    const t = svg('text', { x: x + 16, y: ly + 10 });
    t.textContent = text;
    return svg('g', { class: 'legend' }, svg('rect', { x, y: ly, width: 12, height: 12, fill }), t);
  };
  chart.appendChild(legend(LABEL, '#c00000', '文章'));
  chart.appendChild(legend(LABEL + 70, '#e8a33d', '简讯'));
  return chart;
}
