import { describe, expect, it } from 'vitest';
import { commandFor } from '../src/shortcuts';

const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? true,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('shortcuts', () => {
  it('maps the keys Word and WPS users expect', () => {
    expect(commandFor(key('s'))).toBe('save');
    expect(commandFor(key('z'))).toBe('undo');
    expect(commandFor(key('y'))).toBe('redo');
    expect(commandFor(key('Z', { shift: true }))).toBe('redo');
    expect(commandFor(key('e'))).toBe('exportPdf');
    expect(commandFor(key('E', { shift: true }))).toBe('exportDocx');
    expect(commandFor(key('n'))).toBe('newIssue');
    expect(commandFor(key('o'))).toBe('import');
    expect(commandFor(key('f'))).toBe('search');
  });

  it('leaves plain typing and Alt combinations alone', () => {
    expect(commandFor(key('s', { ctrl: false }))).toBeNull();
    expect(commandFor(key('z', { alt: true }))).toBeNull();
    expect(commandFor(key('q'))).toBeNull();
  });
});
