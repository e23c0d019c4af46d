// A tiny element builder. Everything is set as text or through DOM properties: there is no path
// by which a string becomes markup (no innerHTML anywhere in the app), so what the editor typed is
// always shown literally.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  /** Attributes; event-handler (on…) and style attributes are refused. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Dataset entries (data-*). */
  data?: Record<string, string | number | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (ev: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (/^on/i.test(name) || name.toLowerCase() === 'style') {
        throw new Error(`refused attribute ${name}`);
      }
      if (value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (props.data) {
    for (const [k, v] of Object.entries(props.data)) {
      if (v !== undefined) el.dataset[k] = String(v);
    }
  }
  if (props.on) {
    for (const [type, handler] of Object.entries(props.on)) {
      el.addEventListener(type, handler as EventListener);
    }
  }
  if (props.text !== undefined) el.textContent = props.text;
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

/** A button with a tooltip that names its shortcut, e.g. 「撤销 (Ctrl+Z)」. */
export function button(
  label: string,
  onClick: () => void,
  opts: { title?: string; shortcut?: string; class?: string; id?: string; disabled?: boolean } = {},
): HTMLButtonElement {
  const tip = opts.shortcut ? `${opts.title ?? label}（${opts.shortcut}）` : opts.title;
  const b = h('button', {
    class: opts.class ?? '',
    title: tip,
    attrs: { type: 'button', id: opts.id, disabled: opts.disabled },
    text: label,
  });
  b.addEventListener('click', (ev) => {
    ev.preventDefault();
    onClick();
  });
  return b;
}
