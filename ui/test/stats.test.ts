import { beforeEach, describe, expect, it, vi } from 'vitest';
import { barChart } from '../src/barchart';
import { StatsView } from '../src/stats';
import { FakeStatsApi } from './fake-api';

const cells = (row: Element) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('统计 view', () => {
  let api: FakeStatsApi;
  let view: StatsView;
  let notes: string[];

  beforeEach(async () => {
    api = new FakeStatsApi();
    notes = [];
    view = new StatsView({ api, back: () => {}, notify: (m) => notes.push(m) });
    document.body.replaceChildren(view.element);
    view.setQuery({ year: 2022, from: 5, to: 6 });
    await view.refresh();
  });

  it('asks for the picked period and shows the table with months and totals', () => {
    expect(api.queries.at(-1)).toEqual({ year: 2022, from: 5, to: 6, all: false });
    expect(document.querySelector('#stats-summary')!.textContent).toBe(
      '2022年5—6月：2 期，文章 4 篇、简讯 4 条（另有 1 期尚未印发，未计入）',
    );
    const head = [...document.querySelectorAll('#stats-table th')].map((c) => c.textContent);
    expect(head).toEqual(['序号', '单位', '5月', '6月', '文章', '简讯', '合计']);
    const rows = [...document.querySelectorAll('#stats-table tbody tr')];
    expect(cells(rows[1]!)).toEqual(['2', '苍南县科协', '1', '2', '1', '2', '3']);
    expect(cells(rows[2]!)[1]).toBe('王刚（个人）');
    expect(cells(rows[3]!)).toEqual(['', '合计', '3', '5', '4', '4', '8']);
  });

  it('lists the issues a count came from on click, from the table and from the chart', () => {
    (document.querySelectorAll('#stats-table tbody tr')[1] as HTMLElement).click();
    const items = [...document.querySelectorAll('#stats-items li')].map((l) => l.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]!).toContain('第5期（总第270期）（2022-05-31）简讯');
    const bars = document.querySelectorAll('svg.bar-chart g.bar');
    expect(bars).toHaveLength(3);
    bars[2]!.dispatchEvent(new MouseEvent('click'));
    expect(document.querySelector('#stats-detail h2')!.textContent).toBe('王刚：文章 1 篇、简讯 0 条');
  });

  it('adds an alias, counts again, and undoes it', async () => {
    expect(await view.setAlias('王刚', '苍南县科协')).toBe(true);
    expect(api.aliases).toEqual([{ alias: '王刚', unit: '苍南县科协' }]);
    expect([...document.querySelectorAll('.alias-row td')].map((c) => c.textContent).slice(0, 2)).toEqual([
      '王刚',
      '苍南县科协',
    ]);
    expect(view.data!.rows[2]!.person).toBe(false);
    await view.undo();
    expect(api.aliases).toEqual([]);
    expect(view.data!.rows[2]!.name).toBe('王刚');
    expect(notes.at(-1)).toBe('已撤销：别名 王刚');
  });

  it("changes an alias in the app's dialog: Enter saves, Escape keeps it", async () => {
    await view.setAlias('苍南科协', '苍南县科协');
    (document.querySelector('.alias-edit') as HTMLElement).click();
    const input = document.querySelector('#alias-edit-unit') as HTMLInputElement;
    expect(input.value).toBe('苍南县科协');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('#alias-edit-unit')).toBeNull();
    expect(api.aliases).toEqual([{ alias: '苍南科协', unit: '苍南县科协' }]);
    (document.querySelector('.alias-edit') as HTMLElement).click();
    const again = document.querySelector('#alias-edit-unit') as HTMLInputElement;
    again.value = ' 温州市科协 ';
    again.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(api.aliases).toEqual([{ alias: '苍南科协', unit: '温州市科协' }]));
    expect(document.querySelector('#alias-edit-unit')).toBeNull();
  });

  it('undoes a delete by putting the alias back', async () => {
    await view.setAlias('苍南科协', '苍南县科协');
    await view.deleteAlias({ alias: '苍南科协', unit: '苍南县科协' });
    expect(api.aliases).toEqual([]);
    await view.undo();
    expect(api.aliases).toEqual([{ alias: '苍南科协', unit: '苍南县科协' }]);
  });

  it('shows the engine refusal and keeps the table', async () => {
    api.refuse = '「吴晓」看起来是人名：别名只能归并到单位';
    expect(await view.setAlias('苍南科协', '吴晓')).toBe(false);
    expect(notes.at(-1)).toContain('看起来是人名');
    expect(api.aliases).toEqual([]);
  });

  it('exports through the dialog with a name for the period', async () => {
    await view.exportFile('xlsx');
    await view.exportFile('docx');
    expect(api.exports).toEqual([
      { file: 'xlsx', name: '2022年5—6月信息采用统计.xlsx' },
      { file: 'docx', name: '2022年5—6月信息采用情况通报.docx' },
    ]);
    expect(notes.at(-1)).toBe('已导出：/tmp/2022年5—6月信息采用情况通报.docx');
  });
});

describe('bar chart', () => {
  it('stacks articles and briefs with widths in proportion and names as text', () => {
    const chart = barChart(
      [
        { name: '<b>甲</b>', articles: 2, briefs: 2 },
        { name: '乙', articles: 0, briefs: 1 },
      ],
      () => {},
    );
    const a = [...chart.querySelectorAll('rect.bar-articles')].map((r) => Number(r.getAttribute('width')));
    const b = [...chart.querySelectorAll('rect.bar-briefs')].map((r) => Number(r.getAttribute('width')));
    expect(a[0]!).toBeCloseTo(b[0]!);
    expect(a[1]).toBe(0);
    expect(b[1]! * 4).toBeCloseTo(a[0]! + b[0]!);
    expect(chart.querySelector('.bar-label')!.textContent).toBe('<b>甲</b>');
    expect(chart.querySelector('b')).toBeNull();
  });
});
