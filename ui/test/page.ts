// The page the app mounts into in the DOM tests: its root, the toast area and the modal root,
// as index.html has them.
import { h } from '../src/dom';

/** Empties the document and returns a fresh app root beside the toast and modal roots. */
export function page(): HTMLElement {
  document.body.replaceChildren();
  const root = h('main', { attrs: { id: 'app' } });
  document.body.append(
    root,
    h('div', { attrs: { id: 'toasts' } }),
    h('div', { attrs: { id: 'modal-root' } }),
  );
  return root;
}
