// SVG elements built through the DOM, as dom.ts builds HTML: attributes are set one by one and
// text only ever becomes a text node, so nothing the editor typed can become markup.

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** An SVG element with `attrs`; event-handler (on…) and style attributes are refused. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | null)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refused attribute ${name}`);
    if (name === 'xml:space') el.setAttributeNS(XML_NS, name, String(value));
    else el.setAttribute(name, String(value));
  }
  for (const c of children) if (c) el.appendChild(c);
  return el;
}

/** A number with at most 3 decimals, as short as it gets. */
export function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}
