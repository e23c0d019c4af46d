// The page the app mounts into in the DOM tests: its root, the toast area and the modal root,
// as index.html has them.
import { App } from '../src/app';
import { h } from '../src/dom';
import type { FakeApi } from './fake-api';

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

/** A fresh page with the app started on `fake` and issue `id` open in the editor. */
export async function openedApp(fake: FakeApi, id: string): Promise<{ root: HTMLElement; app: App }> {
  const root = page();
  const app = new App(root, fake.api());
  await app.start();
  await app.openIssue(id);
  return { root, app };
}
