// Modal dialogs and notifications, built from text nodes only.

import { button, h } from './dom';

export interface ModalAction {
  label: string;
  primary?: boolean;
  id?: string;
  run?: () => void;
  /** Leaves the dialog open: `run` closes it when done (e.g. after checking the input). */
  stay?: boolean;
}

export interface Modal {
  element: HTMLElement;
  close(): void;
}

let openModal: Modal | null = null;

/** Shows a modal dialog; Escape or any action not marked `stay` closes it. */
export function showModal(
  title: string,
  body: (Node | string)[],
  actions: ModalAction[],
  opts: { id?: string; dismissable?: boolean } = {},
): Modal {
  openModal?.close();
  const root = document.getElementById('modal-root') ?? document.body;
  const previous = document.activeElement as HTMLElement | null;
  const dismissable = opts.dismissable ?? true;
  const buttons = actions.map((a) =>
    button(
      a.label,
      () => {
        if (!a.stay) modal.close();
        a.run?.();
      },
      { class: a.primary ? 'primary' : '', id: a.id },
    ),
  );
  const dialog = h(
    'div',
    {
      class: 'modal',
      attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': title, id: opts.id },
    },
    h('h2', { text: title }),
    h('div', { class: 'modal-body' }, ...body),
    h('div', { class: 'modal-actions' }, ...buttons),
  );
  const backdrop = h('div', { class: 'backdrop' }, dialog);
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && dismissable) {
      ev.preventDefault();
      modal.close();
    }
  };
  const modal: Modal = {
    element: dialog,
    close() {
      document.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      if (openModal === modal) openModal = null;
      previous?.focus?.();
    },
  };
  document.addEventListener('keydown', onKey, true);
  root.appendChild(backdrop);
  openModal = modal;
  (buttons.find((_, i) => actions[i]?.primary) ?? buttons[0])?.focus();
  return modal;
}

export function modalIsOpen(): boolean {
  return openModal !== null;
}

/** A short notice at the bottom of the window; errors stay until closed. */
export function notify(
  message: string,
  kind: 'info' | 'error' = 'info',
  action?: { label: string; run: () => void },
): void {
  const root = document.getElementById('toasts');
  if (!root) return;
  const toast = h(
    'div',
    { class: `toast ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } },
    h('span', { text: message }),
  );
  if (action) {
    toast.appendChild(
      button(
        action.label,
        () => {
          toast.remove();
          action.run();
        },
        { class: 'small' },
      ),
    );
  }
  toast.appendChild(button('×', () => toast.remove(), { class: 'icon', title: '关闭' }));
  root.appendChild(toast);
  if (kind === 'info') setTimeout(() => toast.remove(), 6000);
}
