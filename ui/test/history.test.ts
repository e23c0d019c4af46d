import { describe, expect, it } from 'vitest';
import { History } from '../src/history';

describe('History', () => {
  it('undoes and redoes whole states', () => {
    const h = new History({ v: 0 });
    h.record({ v: 1 });
    h.record({ v: 2 });
    expect(h.undo()).toEqual({ v: 1 });
    expect(h.undo()).toEqual({ v: 0 });
    expect(h.undo()).toBeNull();
    expect(h.redo()).toEqual({ v: 1 });
    expect(h.redo()).toEqual({ v: 2 });
    expect(h.redo()).toBeNull();
  });

  it('merges typing in one field into one step, but not across fields or pauses', () => {
    let t = 0;
    const h = new History({ s: '' }, { coalesceMs: 1000, now: () => t });
    for (const s of ['a', 'ab', 'abc']) {
      t += 200;
      h.record({ s }, 'masthead.name');
    }
    t += 200;
    h.record({ s: 'abcX' }, 'masthead.editor');
    t += 5000;
    h.record({ s: 'abcXY' }, 'masthead.editor');
    expect(h.undo()).toEqual({ s: 'abcX' });
    expect(h.undo()).toEqual({ s: 'abc' });
    expect(h.undo()).toEqual({ s: '' });
    expect(h.canUndo).toBe(false);
  });

  it('a new change after undo drops the redo steps', () => {
    const h = new History(1);
    h.record(2);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.record(3);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(1);
  });

  it('keeps snapshots apart from the caller’s object', () => {
    const state = { list: [1, 2] };
    const h = new History(state);
    state.list.push(3);
    h.record(state);
    state.list.push(4);
    expect(h.undo()).toEqual({ list: [1, 2] });
    expect(h.redo()).toEqual({ list: [1, 2, 3] });
  });
});
