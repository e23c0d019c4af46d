// A date field as a Chinese user reads and writes dates: it shows 「2026年11月24日」 whatever the
// system locale (WebKit's own <input type=date> follows the process locale: 11/24/2026 under
// LANG=C), accepts typed 2026年11月24日, 2026-11-24, 2026/11/24 or 2026.11.24 (full-width digits
// too), and has a month calendar to pick from. The issue keeps the ISO date.

import { h, replaceChildren } from './dom';
import { chineseDate, isDate } from './issue';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The ISO date (YYYY-MM-DD) a typed date stands for, or null if it is not a real date. */
export function parseDate(text: string): string | null {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/\s+/g, '');
  const m =
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(ascii) ??
    /^(\d{4})[-/.．－／](\d{1,2})[-/.．－／](\d{1,2})$/.exec(ascii);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isDate(iso) ? iso : null;
}

/** The days of a month's calendar page, Sunday first: null for the blanks before the 1st. */
export function monthGrid(year: number, month: number): (number | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) cells.push(d);
  return cells;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The labelled field: a text input (carrying `data-path`, as the other fields) and a 「选择日期」
 * button that opens the calendar. `onChange` gets each valid ISO date, typed or picked.
 */
export function dateField(
  label: string,
  path: string,
  value: string,
  onChange: (iso: string) => void,
): HTMLElement {
  const input = h('input', {
    class: 'date-input',
    title: '如 2026年11月24日，也可输入 2026-11-24',
    data: { path },
    attrs: { type: 'text', autocomplete: 'off', spellcheck: false },
  });
  input.value = isDate(value) ? chineseDate(value) : value;
  const msg = h('small', { class: 'error-text' });
  const calendar = h('div', { class: 'calendar', attrs: { role: 'dialog', 'aria-label': '选择日期' } });
  calendar.hidden = true;

  const accept = (date: string) => {
    input.classList.remove('invalid');
    msg.textContent = '';
    onChange(date);
  };
  input.addEventListener('input', () => {
    const date = parseDate(input.value);
    if (date) {
      accept(date);
    } else {
      input.classList.add('invalid');
      msg.textContent = '请输入日期，如 2026年11月24日';
    }
  });
  // Typed 2026-11-24 reads back as 2026年11月24日 once the field is left.
  input.addEventListener('blur', () => {
    const date = parseDate(input.value);
    if (date) input.value = chineseDate(date);
  });

  let shown = { year: 0, month: 0 };
  const close = () => {
    calendar.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  };
  const draw = () => {
    const selected = parseDate(input.value);
    const { year, month } = shown;
    const step = (delta: number) => () => {
      const m = month - 1 + delta;
      shown = { year: year + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 };
      draw();
    };
    const days = monthGrid(year, month).map((d) => {
      if (d === null) return h('span', { class: 'blank' });
      const date = iso(year, month, d);
      return h('button', {
        class: date === selected ? 'day selected' : 'day',
        text: String(d),
        title: chineseDate(date),
        data: { date },
        attrs: { type: 'button' },
        on: {
          click: () => {
            input.value = chineseDate(date);
            accept(date);
            close();
            input.focus();
          },
        },
      });
    });
    replaceChildren(
      calendar,
      h(
        'div',
        { class: 'calendar-head' },
        h('button', {
          class: 'prev',
          text: '‹',
          title: '上个月',
          attrs: { type: 'button' },
          on: { click: step(-1) },
        }),
        h('span', { class: 'month', text: `${year}年${month}月` }),
        h('button', {
          class: 'next',
          text: '›',
          title: '下个月',
          attrs: { type: 'button' },
          on: { click: step(1) },
        }),
      ),
      h(
        'div',
        { class: 'calendar-grid' },
        ...WEEKDAYS.map((w) => h('span', { class: 'weekday', text: w })),
        ...days,
      ),
    );
  };
  const toggle = h('button', {
    class: 'date-pick',
    text: '日历',
    title: '选择日期',
    attrs: { type: 'button', 'aria-expanded': 'false' },
    on: {
      click: () => {
        if (!calendar.hidden) return close();
        const base = parseDate(input.value) ?? new Date().toISOString().slice(0, 10);
        shown = { year: Number(base.slice(0, 4)), month: Number(base.slice(5, 7)) };
        draw();
        calendar.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
      },
    },
  });
  calendar.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      close();
      toggle.focus();
    }
  });

  return h(
    'label',
    { class: 'field date-field' },
    h('span', { text: label }),
    h('div', { class: 'date-row' }, input, toggle),
    calendar,
    msg,
  );
}
