import { describe, expect, it } from 'vitest';
import { dateField, monthGrid, parseDate } from '../src/datefield';

describe('parseDate', () => {
  it('reads the ways a Chinese user writes a date', () => {
    expect(parseDate('2026年11月24日')).toBe('2026-11-24');
    expect(parseDate(' 2026 年 3 月 5 日 ')).toBe('2026-03-05');
    expect(parseDate('２０２６年１１月２４日')).toBe('2026-11-24');
    expect(parseDate('2026-11-24')).toBe('2026-11-24');
    expect(parseDate('2026/1/2')).toBe('2026-01-02');
    expect(parseDate('2026.11.24')).toBe('2026-11-24');
  });

  it('refuses what is not a real date', () => {
    expect(parseDate('2026年2月30日')).toBeNull();
    expect(parseDate('11/24/2026')).toBeNull();
    expect(parseDate('2026年13月1日')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate('明天')).toBeNull();
  });
});

describe('monthGrid', () => {
  it('starts on the right weekday and has every day', () => {
    // 1 November 2026 is a Sunday; 1 February 2026 is a Sunday too, February has 28 days.
    expect(monthGrid(2026, 11).slice(0, 2)).toEqual([1, 2]);
    expect(monthGrid(2026, 11).filter((d) => d !== null)).toHaveLength(30);
    // 1 May 2020 was a Friday: five blanks first.
    expect(monthGrid(2020, 5).slice(0, 6)).toEqual([null, null, null, null, null, 1]);
    expect(monthGrid(2024, 2).at(-1)).toBe(29);
  });
});

describe('dateField', () => {
  function field(value = '2026-11-24') {
    const changes: string[] = [];
    const el = dateField('印发日期', 'masthead.date', value, (iso) => changes.push(iso));
    document.body.replaceChildren(el);
    const input = el.querySelector<HTMLInputElement>('[data-path="masthead.date"]')!;
    return { el, input, changes };
  }

  it('shows the date in Chinese and keeps ISO in the issue', () => {
    const { input, changes } = field();
    expect(input.type).toBe('text');
    expect(input.value).toBe('2026年11月24日');
    input.value = '2026-12-01';
    input.dispatchEvent(new Event('input'));
    expect(changes).toEqual(['2026-12-01']);
    input.dispatchEvent(new Event('blur'));
    expect(input.value).toBe('2026年12月1日');
  });

  it('marks a wrong date and changes nothing', () => {
    const { el, input, changes } = field();
    input.value = '2026年2月30日';
    input.dispatchEvent(new Event('input'));
    expect(changes).toEqual([]);
    expect(input.classList.contains('invalid')).toBe(true);
    expect(el.querySelector('.error-text')!.textContent).toContain('2026年11月24日');
  });

  it('picks a day from the calendar, across months', () => {
    const { el, input, changes } = field();
    const calendar = el.querySelector<HTMLElement>('.calendar')!;
    expect(calendar.hidden).toBe(true);
    el.querySelector<HTMLButtonElement>('.date-pick')!.click();
    expect(calendar.hidden).toBe(false);
    expect(el.querySelector('.calendar .month')!.textContent).toBe('2026年11月');
    expect(el.querySelector('.day.selected')!.textContent).toBe('24');
    el.querySelector<HTMLButtonElement>('.calendar .next')!.click();
    el.querySelector<HTMLButtonElement>('.calendar .next')!.click();
    expect(el.querySelector('.calendar .month')!.textContent).toBe('2027年1月');
    el.querySelector<HTMLButtonElement>('.day[data-date="2027-01-15"]')!.click();
    expect(changes).toEqual(['2027-01-15']);
    expect(input.value).toBe('2027年1月15日');
    expect(calendar.hidden).toBe(true);
  });
});
