import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { changeCounts, parseVersion, segmentNodes, versionValue } from '../src/diffview';
import { h } from '../src/dom';
import { highlightNodes, splitHighlights } from '../src/highlight';
import { lintPath, lintSelection } from '../src/lintpanel';
import type { LintItem } from '../src/types';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue, XSS } from './fixtures';

describe('search highlights', () => {
  it('splits the sentence at the match ranges', () => {
    expect(splitHighlights('市科协赴乐清洽谈', [[3, 6]])).toEqual([
      { text: '市科协', mark: false },
      { text: '赴乐清', mark: true },
      { text: '洽谈', mark: false },
    ]);
    expect(splitHighlights('农技云培训', [[0, 5]])).toEqual([{ text: '农技云培训', mark: true }]);
    expect(splitHighlights('甲乙丙', [])).toEqual([{ text: '甲乙丙', mark: false }]);
  });

  it('sorts, merges overlaps and clamps ranges past the end', () => {
    expect(
      splitHighlights('abcdefgh', [
        [6, 20],
        [1, 3],
        [2, 4],
      ]),
    ).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'ef', mark: false },
      { text: 'gh', mark: true },
    ]);
    expect(splitHighlights('ab', [[1, 1]])).toEqual([{ text: 'ab', mark: false }]);
  });

  it('counts UTF-16 units, as the engine sends them', () => {
    // 𠀀 is two UTF-16 units.
    expect(splitHighlights('𠀀说明', [[2, 4]])).toEqual([
      { text: '𠀀', mark: false },
      { text: '说明', mark: true },
    ]);
  });

  it('builds <mark> elements whose text stays text', () => {
    const div = h('div', {}, ...highlightNodes(`前${XSS}后`, [[1, 1 + XSS.length]]));
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('mark')!.textContent).toBe(XSS);
    expect(div.textContent).toBe(`前${XSS}后`);
  });
});

describe('diff rendering', () => {
  it('makes insertions <ins> and deletions <del>, character by character', () => {
    const nodes = segmentNodes([
      { op: 'equal', text: '4月27日' },
      { op: 'delete', text: ',' },
      { op: 'insert', text: '，' },
      { op: 'equal', text: '市科协' },
    ]);
    const div = h('div', {}, ...nodes);
    expect(div.querySelector('del')!.textContent).toBe(',');
    expect(div.querySelector('ins')!.textContent).toBe('，');
    expect(div.textContent).toBe('4月27日,，市科协');
    expect(changeCounts([{ part: '第3条简讯', segments: [{ op: 'insert', text: '部署' }] }])).toEqual({
      inserted: 2,
      deleted: 0,
    });
  });

  it('shows an added line break and never parses text as markup', () => {
    const div = h(
      'div',
      {},
      ...segmentNodes([
        { op: 'insert', text: `a\n${XSS}` },
        { op: 'delete', text: XSS },
      ]),
    );
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('ins')!.textContent).toBe(`a↵\n${XSS}`);
  });

  it('round-trips versions through the select values', () => {
    expect(parseVersion(versionValue({ round: 3 }))).toEqual({ round: 3 });
    expect(parseVersion(versionValue('current'))).toBe('current');
  });
});

describe('lint places', () => {
  const item = (place: LintItem['place'], start: number, end: number): LintItem => ({
    rule: 'half_width_punctuation',
    place,
    place_label: '',
    start,
    end,
    excerpt: '',
    message: '',
    fix: null,
    proposal: '',
  });

  it('maps every place to its form field', () => {
    expect(lintPath({ kind: 'brief_text', brief: 2 })).toBe('briefs.2.text');
    expect(lintPath({ kind: 'block', article: 1, block: 3 })).toBe('articles.1.blocks.3.text');
    expect(lintPath({ kind: 'headline', article: 0, line: 1 })).toBe('articles.0.headline');
    expect(lintPath({ kind: 'masthead_numbers' })).toBe('masthead.total_number');
  });

  it('selects inside the right line of a headline', () => {
    const value = '第一行\n第二行,有问题';
    expect(lintSelection(item({ kind: 'headline', article: 0, line: 1 }, 3, 4), value)).toEqual([7, 8]);
    expect(value.slice(7, 8)).toBe(',');
    expect(lintSelection(item({ kind: 'brief_text', brief: 0 }, 0, 99), 'abc')).toEqual([0, 3]);
  });
});

/** The half-width comma at the start of the third brief (「4月27日,」 in the sample). */
function commaFinding(): LintItem {
  return {
    rule: 'half_width_punctuation',
    place: { kind: 'brief_text', brief: 2 },
    place_label: '第3条简讯 正文',
    start: 0,
    end: 1,
    excerpt: ',市科协赴乐',
    message: '中文中使用了半角标点「,」，应为「，」',
    fix: { start: 0, len: 1, with: '，' },
    proposal: '“,”改为“，”',
  };
}

function press(key: string, mods: { ctrl?: boolean; shift?: boolean } = {}): void {
  document.dispatchEvent(
    new KeyboardEvent('keydown', { key, ctrlKey: mods.ctrl, shiftKey: mods.shift, bubbles: true }),
  );
}

describe('proofing in the editor', () => {
  let fake: FakeApi;
  let root: HTMLElement;
  let app: App;
  const q = <T extends Element = HTMLElement>(sel: string) => root.ownerDocument.querySelector<T>(sel)!;
  const field = (path: string) => q<HTMLTextAreaElement & HTMLInputElement>(`[data-path="${path}"]`);
  const settle = async () => {
    for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
  };

  beforeEach(async () => {
    vi.useFakeTimers();
    fake = new FakeApi();
    const issue = sampleIssue();
    issue.status = 'draft';
    issue.briefs[2]!.text = ',市科协赴乐清。';
    fake.add('a1', issue);
    root = page();
    app = new App(root, fake.api());
    await app.start();
    await app.openIssue('a1');
  });
  afterEach(() => {
    // A dialog left open would swallow the next test's shortcuts.
    press('Escape');
    app.dispose();
    vi.useRealTimers();
  });

  it('送审 asks for a note, freezes round 1 and says so', async () => {
    field('articles.0.headline').value = '改过的标题';
    field('articles.0.headline').dispatchEvent(new Event('input'));
    q<HTMLButtonElement>('#start-proof').click();
    q<HTMLTextAreaElement>('#proof-note').value = '请主任审阅';
    q<HTMLButtonElement>('#proof-confirm').click();
    await settle();
    expect(fake.rounds).toHaveLength(1);
    expect(fake.rounds[0]!.note).toBe('请主任审阅');
    // The editor's unsaved text is what was frozen.
    expect(fake.proofIssues[0]!.articles[0]!.headline).toEqual(['改过的标题']);
    expect(q('#proof-state').textContent).toBe('已送审：第1次校样');
    expect(q<HTMLSelectElement>('#issue-status').value).toBe('in_proof');
    // The 校样 panel lists it with its PDF.
    q<HTMLButtonElement>('#tab-proofs').click();
    await settle();
    expect(q('#proof-panel').hidden).toBe(false);
    expect(q('#preview').hidden).toBe(true);
    q<HTMLButtonElement>('.proof-round .proof-export').click();
    await settle();
    expect(fake.proofExports).toEqual([
      { round: 1, path: '/tmp/out/温州科协信息2020年第4期（总第245期）（第1次校样）.pdf' },
    ]);
    expect(q('#exported-path').textContent).toContain('第1次校样');
  });

  it('比较 compares the last round with the editor text and shows the changes', async () => {
    fake.rounds.push({ round: 1, date: '2020-04-28', note: '', created_at: '', stamp: '' });
    fake.diffResult = [
      {
        part: '第1篇文章',
        segments: [
          { op: 'equal', text: '市政府' },
          { op: 'delete', text: '专题' },
          { op: 'insert', text: XSS },
        ],
      },
    ];
    q<HTMLButtonElement>('#tab-diff').click();
    await settle();
    expect(fake.diffs.at(-1)!.from).toEqual({ round: 1 });
    expect(fake.diffs.at(-1)!.to).toBe('current');
    expect(q('#diff-result h3').textContent).toBe('第1篇文章');
    expect(q('#diff-result del').textContent).toBe('专题');
    expect(q('#diff-result ins').textContent).toBe(XSS);
    expect(q('#diff-result img')).toBeNull();
    // Typing refreshes the comparison with the new text.
    const t = field('articles.0.headline');
    t.value = '新标题';
    t.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.diffs.at(-1)!.current.articles[0]!.headline).toEqual(['新标题']);
  });

  it('修正 applies a fix through the undo history, and Ctrl+Z restores the text', async () => {
    fake.lintItems = [commaFinding()];
    q<HTMLButtonElement>('#tab-lint').click();
    await settle();
    expect(q('#lint-summary').textContent).toContain('1 处问题');
    expect(q('.lint-proposal').textContent).toBe('建议：“,”改为“，”');
    // The place takes you to the field with the problem selected.
    q<HTMLButtonElement>('.lint-place').click();
    const brief = field('briefs.2.text');
    expect(document.activeElement).toBe(brief);
    expect([brief.selectionStart, brief.selectionEnd]).toEqual([0, 1]);
    q<HTMLButtonElement>('.lint-fix-one').click();
    await settle();
    expect(field('briefs.2.text').value).toBe('，市科协赴乐清。');
    expect(document.activeElement).toBe(field('briefs.2.text'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.at(-1)!.briefs[2]!.text).toBe('，市科协赴乐清。');
    press('z', { ctrl: true });
    expect(field('briefs.2.text').value).toBe(',市科协赴乐清。');
    press('y', { ctrl: true });
    expect(field('briefs.2.text').value).toBe('，市科协赴乐清。');
  });

  it('全部修正 is one undo step', async () => {
    fake.lintItems = [0, 1].map((brief) => ({
      rule: 'half_width_punctuation',
      place: { kind: 'brief_text' as const, brief },
      place_label: '',
      start: 1,
      end: 2,
      excerpt: '',
      message: '',
      fix: { start: 1, len: 1, with: '！' },
      proposal: '',
    }));
    q<HTMLButtonElement>('#tab-lint').click();
    await settle();
    q<HTMLButtonElement>('#lint-fix-all').click();
    await settle();
    expect([field('briefs.0.text').value, field('briefs.1.text').value]).toEqual(['甲！', '乙！']);
    press('z', { ctrl: true });
    expect([field('briefs.0.text').value, field('briefs.1.text').value]).toEqual(['甲。', '乙。']);
  });

  it('choosing 已印发 in the status menu asks to publish instead of only changing the label', async () => {
    const status = q<HTMLSelectElement>('#issue-status');
    const before = status.value;
    expect(before).not.toBe('published');
    status.value = 'published';
    status.dispatchEvent(new Event('change'));
    await settle();
    expect(status.value).toBe(before);
    expect(document.querySelector('#publish-confirm')).not.toBeNull();
    expect(fake.published).toEqual([]);
  });

  it('已印发 after confirmation makes the issue read-only until 更正', async () => {
    fake.lintItems = [commaFinding()];
    q<HTMLButtonElement>('#tab-lint').click();
    await settle();
    expect(q<HTMLButtonElement>('.lint-fix-one').disabled).toBe(false);
    q<HTMLButtonElement>('#publish').click();
    await settle();
    expect(q('#archive-dir').textContent).toBe('/home/u/文档/温州科协信息');
    q<HTMLButtonElement>('#publish-confirm').click();
    await settle();
    expect(fake.published).toEqual(['a1']);
    expect(q('#published-dir').textContent).toBe('/a/2020/第4期（总第245期）');
    q<HTMLButtonElement>('#close-published').click();
    expect(q('#lock-banner').hidden).toBe(false);
    expect(field('briefs.0.text').readOnly).toBe(true);
    expect(q<HTMLButtonElement>('#start-proof').disabled).toBe(true);
    expect(q<HTMLButtonElement>('#add-article').disabled).toBe(true);
    // The 校对助手 offers no fixes on an archived issue.
    expect(q<HTMLButtonElement>('.lint-fix-one').disabled).toBe(true);
    expect(q<HTMLButtonElement>('#lint-fix-all').disabled).toBe(true);
    // An edit that gets through anyway is refused with the way out.
    const saves = fake.saves.length;
    q<HTMLButtonElement>('#add-article').disabled = false;
    q<HTMLButtonElement>('#add-article').click();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.saves.length).toBe(saves);
    expect(q('.toast.error').textContent).toContain('更正');
    q<HTMLButtonElement>('#correct').click();
    await settle();
    expect(fake.corrected).toEqual(['a1']);
    expect(q('#lock-banner').hidden).toBe(true);
    expect(field('briefs.0.text').readOnly).toBe(false);
  });

  it('校验存档 lists changed and missing files', async () => {
    fake.verified = {
      checked: 3,
      problems: [
        { path: '/a/x.docx', issue_id: 'a1', revision: 1, kind: 'changed', label: '内容已被改动' },
        { path: '/a/x.json', issue_id: 'a1', revision: 1, kind: 'missing', label: '文件不见了' },
      ],
    };
    await app.showArchive();
    q<HTMLButtonElement>('#verify-archive').click();
    await settle();
    const items = [...document.querySelectorAll('#verify-problems li')].map((li) => li.textContent);
    expect(items).toEqual(['内容已被改动 /a/x.docx', '文件不见了 /a/x.json']);
  });

  it('年度合订本 asks for the year, saves where the dialog says and names the drafts left out', async () => {
    fake.years = [2021, 2020];
    await app.showArchive();
    q<HTMLButtonElement>('#export-volume').click();
    await settle();
    const select = q<HTMLSelectElement>('#volume-year');
    expect([...select.options].map((o) => o.textContent)).toEqual(['2021年', '2020年']);
    select.value = '2020';
    q<HTMLButtonElement>('#volume-go').click();
    await settle();
    expect(fake.volumes).toEqual([{ year: 2020, path: '/tmp/out/温州科协信息 2020年合订本.pdf' }]);
    expect(q('#exported-path').textContent).toBe('/tmp/out/温州科协信息 2020年合订本.pdf');
    expect(document.body.textContent).toContain('第5期（总第246期） 没有收入合订本');
  });

  it('备份数据 saves where the dialog says and tells how to restore', async () => {
    await app.showArchive();
    q<HTMLButtonElement>('#backup').click();
    await settle();
    expect(fake.backups).toHaveLength(1);
    expect(fake.backups[0]).toMatch(/^\/tmp\/out\/温州科协信息 数据备份 \d{4}-\d{2}-\d{2}\.sqlite3$/);
    expect(q('#backup-path').textContent).toBe(fake.backups[0]);
    expect(q('#backup-done').textContent).toContain('从备份恢复');
  });

  it('备份数据 cancelled writes nothing; a failure says why', async () => {
    await app.showArchive();
    fake.backupCancelled = true;
    q<HTMLButtonElement>('#backup').click();
    await settle();
    expect(fake.backups).toEqual([]);
    expect(document.querySelector('#backup-done')).toBeNull();
    fake.backupCancelled = false;
    fake.backupError = '无法把数据备份写到 /tmp/out/x.sqlite3（磁盘已满）';
    q<HTMLButtonElement>('#backup').click();
    await settle();
    expect(q('.toast.error').textContent).toContain('备份失败：无法把数据备份写到');
  });

  it('从备份恢复 asks before it replaces anything and says where the old data went', async () => {
    await app.showArchive();
    q<HTMLButtonElement>('#restore-backup').click();
    await settle();
    expect(q('#restore-dialog').textContent).toContain('/media/u/备份.sqlite3');
    q<HTMLButtonElement>('#restore-cancel').click();
    await settle();
    expect(fake.restoredFrom).toEqual([]);

    q<HTMLButtonElement>('#restore-backup').click();
    await settle();
    q<HTMLButtonElement>('#restore-confirm').click();
    await settle();
    expect(fake.restoredFrom).toEqual(['/media/u/备份.sqlite3']);
    expect(q('#restore-kept').textContent).toBe('/data/bulletin.sqlite3.before-restore-20261124-101500.bak');

    q<HTMLButtonElement>('#restore-done-ok').click();
    fake.restoreError = '/media/u/x.sqlite3 不能用来恢复：它不是数据库文件。当前数据没有被改动。';
    q<HTMLButtonElement>('#restore-backup').click();
    await settle();
    q<HTMLButtonElement>('#restore-confirm').click();
    await settle();
    expect(q('.toast.error').textContent).toContain('恢复失败：/media/u/x.sqlite3 不能用来恢复');
  });

  it('年度合订本 with nothing published says what to do', async () => {
    fake.years = [];
    await app.showArchive();
    q<HTMLButtonElement>('#export-volume').click();
    await settle();
    expect(q('.toast.error').textContent).toContain('还没有已印发的期刊');
    expect(document.querySelector('#volume-dialog')).toBeNull();
  });

  it('归档目录 shows the folder and goes back to the default', async () => {
    await app.showArchive();
    q<HTMLButtonElement>('#archive-settings').click();
    await settle();
    expect(q('#archive-dir').textContent).toBe('/home/u/文档/温州科协信息');
    q('#archive-dir').textContent = '/elsewhere';
    q<HTMLButtonElement>('#reset-archive-dir').click();
    await settle();
    expect(q('#archive-dir').textContent).toBe('/home/u/文档/温州科协信息');
  });

  it('search results mark the words found', async () => {
    fake.hits = [
      {
        id: 'a1',
        number: 4,
        total_number: 245,
        date: '2020-04-30',
        status: 'published',
        first_headline: null,
        snippet: `…开展${XSS}农技云培训。`,
        highlights: [[3 + XSS.length, 6 + XSS.length]],
        deleted: false,
      },
    ];
    await app.showArchive();
    const box = q<HTMLInputElement>('#archive-search');
    box.value = '农技云';
    box.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(q('.snippet mark').textContent).toBe('农技云');
    expect(q('.snippet').textContent).toBe(`…开展${XSS}农技云培训。`);
    expect(q('.snippet img')).toBeNull();
  });
});
