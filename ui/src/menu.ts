// The native menu bar (src-tauri/menu.rs): a click on an item, or its accelerator, arrives as the
// event `bulletin://menu` with the item's action id, and runs the same handler (App.run) as the
// keyboard shortcut it shows. GTK consumes an accelerator before the page sees the key, so such a
// key runs its command once, through the menu; keys the menu does not carry (Ctrl+Shift+Z, Ctrl+K,
// zoom…) still reach the page's own keydown handler.

import { listen } from '@tauri-apps/api/event';
import { modalIsOpen } from './modal';
import type { Command } from './shortcuts';

/** The event the shell emits for a menu item (src-tauri/menu.rs `MENU_EVENT`). */
export const MENU_EVENT = 'bulletin://menu';

/** The action ids the menu sends: the page's own command names. */
export const MENU_COMMANDS: readonly Command[] = [
  'newIssue',
  'import',
  'save',
  'exportPdf',
  'exportDocx',
  'undo',
  'redo',
  'fonts',
];

/** The command a menu event's payload names, if it is one of ours. */
export function menuCommand(payload: unknown): Command | null {
  return MENU_COMMANDS.find((cmd) => cmd === payload) ?? null;
}

/**
 * Runs a menu event's command, unless a dialog of the page is open (the keyboard shortcuts wait
 * for it too). Returns whether it ran.
 */
export function dispatchMenu(payload: unknown, run: (cmd: Command) => void): boolean {
  const cmd = menuCommand(payload);
  if (!cmd || modalIsOpen()) return false;
  run(cmd);
  return true;
}

/** Listens to the menu for the life of the window. */
export function listenToMenu(run: (cmd: Command) => void): Promise<() => void> {
  return listen<unknown>(MENU_EVENT, (event) => {
    if (dispatchMenu(event.payload, run)) {
      // Counted for the end-to-end test, which checks that a key press came through the menu once.
      const body = document.body.dataset;
      body.menuCommands = String(Number(body.menuCommands ?? '0') + 1);
    }
  });
}
