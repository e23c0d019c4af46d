import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, errorText } from '../src/autosave';

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the newest value once, within a second of the last change', async () => {
    const saved: string[] = [];
    const a = new Autosaver<string>(async (v) => void saved.push(v), undefined, 400);
    a.schedule('a');
    await vi.advanceTimersByTimeAsync(200);
    a.schedule('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
    expect(a.state).toBe('saved');
    expect(a.dirty).toBe(false);
  });

  it('flush writes at once (Ctrl+S, closing the window)', async () => {
    const saved: string[] = [];
    const a = new Autosaver<string>(async (v) => void saved.push(v));
    a.schedule('x');
    await a.flush();
    expect(saved).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['x']);
  });

  it('keeps a value that failed to save and retries it on the next flush', async () => {
    let fail = true;
    const saved: string[] = [];
    const states: string[] = [];
    const a = new Autosaver<string>(
      async (v) => {
        if (fail) throw '磁盘已满，这次保存没有写入。';
        saved.push(v);
      },
      (s) => states.push(s),
    );
    a.schedule('v1');
    await a.flush();
    expect(a.state).toBe('error');
    expect(a.lastError).toBe('磁盘已满，这次保存没有写入。');
    expect(a.dirty).toBe(true);
    fail = false;
    await a.flush();
    expect(saved).toEqual(['v1']);
    expect(states).toEqual(['pending', 'saving', 'error', 'saving', 'saved']);
  });

  it('writes saves in order, the last change last', async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    const a = new Autosaver<string>(async (v) => {
      if (v === 'slow') await new Promise<void>((r) => (release = r));
      saved.push(v);
    });
    a.schedule('slow');
    const first = a.flush();
    a.schedule('later');
    const second = a.flush();
    release();
    await first;
    await second;
    expect(saved).toEqual(['slow', 'later']);
  });
});

describe('errorText', () => {
  it('passes the engine’s Chinese messages through and never shows a stack', () => {
    expect(errorText('找不到简报。')).toBe('找不到简报。');
    const e = new Error('boom');
    expect(errorText(e)).toBe('出现意外问题：boom');
    expect(errorText(e)).not.toContain('at ');
    expect(errorText({})).toBe('出现意外问题，请重试。');
  });
});
