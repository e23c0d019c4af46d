/// <reference types="vite/client" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import menuRs from '../../src-tauri/menu.rs?raw';
import { App } from '../src/app';
import { h } from '../src/dom';
import { dispatchMenu, MENU_COMMANDS, MENU_EVENT, menuCommand } from '../src/menu';
import { showModal } from '../src/modal';
import { commandFor, type Command } from '../src/shortcuts';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue } from './fixtures';

/** The (id, label, accelerator) rows of src-tauri/menu.rs's item tables. */
function menuRows(): { id: string; label: string; accel: string }[] {
  const rows = [...menuRs.matchAll(/\("(\w+)", "([^"]+)", "([^"]+)"\)/g)];
  return rows.map((m) => ({ id: m[1]!, label: m[2]!, accel: m[3]! }));
}

/** The key press an accelerator such as `CmdOrCtrl+Shift+E` stands for. */
function keyOf(accel: string) {
  const parts = accel.split('+');
  const key = parts.at(-1)!;
  const shift = parts.includes('Shift');
  return {
    key: shift ? key.toUpperCase() : key.toLowerCase(),
    ctrlKey: parts.includes('CmdOrCtrl') || parts.includes('Ctrl'),
    shiftKey: shift,
    altKey: parts.includes('Alt'),
  };
}

describe('the native menu', () => {
  it('carries the same shortcuts as the page, for the same commands', () => {
    const rows = menuRows().filter((r) => r.id !== 'quit');
    // Items without a key of their own (设置 › 字体…): (id, label) rows.
    const keyless = [...menuRs.matchAll(/\("(\w+)", "([^"]+)"\)/g)].map((m) => m[1]!);
    expect(keyless).toContain('fonts');
    expect([...rows.map((r) => r.id), ...keyless].sort()).toEqual([...MENU_COMMANDS].sort());
    for (const row of rows) {
      expect(commandFor(keyOf(row.accel)), `${row.label} ${row.accel}`).toBe(row.id);
    }
    // The menu's own quit key is none of the page's.
    const quit = menuRows().find((r) => r.id === 'quit')!;
    expect(commandFor(keyOf(quit.accel))).toBeNull();
  });

  it('sends the event the page listens to', () => {
    expect(menuRs).toContain(`pub const MENU_EVENT: &str = "${MENU_EVENT}";`);
  });

  it('accepts only its own action ids', () => {
    expect(menuCommand('exportDocx')).toBe('exportDocx');
    expect(menuCommand('zoomIn')).toBeNull(); // a page shortcut, not a menu item
    expect(menuCommand('quit')).toBeNull(); // handled by the shell
    expect(menuCommand({ id: 'save' })).toBeNull();
    expect(menuCommand(undefined)).toBeNull();
  });

  it('runs a command once per event, and none while a dialog is open', () => {
    const run = vi.fn<(cmd: Command) => void>();
    expect(dispatchMenu('save', run)).toBe(true);
    expect(run.mock.calls).toEqual([['save']]);
    expect(dispatchMenu('rm -rf', run)).toBe(false);
    document.body.replaceChildren(h('div', { attrs: { id: 'modal-root' } }));
    const modal = showModal('导出前检查', ['…'], []);
    expect(dispatchMenu('exportPdf', run)).toBe(false);
    modal.close();
    expect(dispatchMenu('exportPdf', run)).toBe(true);
    expect(run.mock.calls).toEqual([['save'], ['exportPdf']]);
  });
});

describe('menu events in the editor', () => {
  let fake: FakeApi;
  let root: HTMLElement;
  let app: App;

  beforeEach(async () => {
    vi.useFakeTimers();
    root = page();
    fake = new FakeApi();
    fake.add('a1', sampleIssue());
    app = new App(root, fake.api());
    await app.start();
    await app.openIssue('a1');
  });
  afterEach(() => {
    app.dispose();
    vi.useRealTimers();
  });

  const field = (path: string) => root.querySelector<HTMLInputElement>(`[data-path="${path}"]`)!;
  const type = (el: HTMLInputElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const menu = (id: string) => dispatchMenu(id, (cmd) => app.run(cmd));

  it('撤销 and 重做 step the session history by one, as Ctrl+Z and Ctrl+Y do', () => {
    const editor = field('masthead.editor').value;
    type(field('masthead.name'), '温州科协信息X');
    type(field('masthead.editor'), '某某协会编');
    menu('undo');
    expect(field('masthead.editor').value).toBe(editor);
    expect(field('masthead.name').value).toBe('温州科协信息X');
    menu('redo');
    expect(field('masthead.editor').value).toBe('某某协会编');
  });

  it('保存 saves at once', async () => {
    type(field('masthead.editor'), '某某协会编');
    menu('save');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.saves).toHaveLength(1);
    expect(fake.saves[0]!.masthead.editor).toBe('某某协会编');
  });

  it('设置 › 字体… opens the 字体 dialog', async () => {
    expect(document.querySelector('#fonts-dialog')).toBeNull();
    expect(menu('fonts')).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('#fonts-dialog')).not.toBeNull();
  });
});
