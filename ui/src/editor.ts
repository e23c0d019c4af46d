// The issue form: 报头 / 本期要目 / 文章 / 简讯 / 版记. Every field writes through `host.change`,
// which records undo history, schedules the autosave and refreshes the preview. Typing never
// rebuilds the form (the caret stays put); structural changes (add, remove, move, undo) do.

import { button, h, replaceChildren } from './dom';
import { dateField } from './datefield';
import { Figures, type FigureHost } from './figures';
import {
  BLOCK_LABELS,
  headlineLines,
  headlineText,
  moveItem,
  newArticle,
  newBrief,
  optionalText,
  positiveInt,
  tocEntry,
} from './issue';
import type { Article, Block, Brief, Issue, PasteKind, Place, TextKind } from './types';

/** The editor's host: the app. */
export interface EditorHost extends Pick<FigureHost, 'notify' | 'api' | 'images'> {
  /** Applies `mutate` to the issue being edited. `key` groups typing in one field into one undo
   * step; `rebuild` asks for the form to be rebuilt (structure changed). */
  change(mutate: (issue: Issue) => void, key: string | null, rebuild?: boolean): void;
  /** Opens 粘贴文章… / 粘贴简讯…, which adds what it reads at the end of that list. */
  paste(kind: PasteKind): void;
}

/** The data-path of the field a pre-export finding points at. */
export function placePath(place: Place): string {
  switch (place.section) {
    case 'masthead':
      return `masthead.${place.field}`;
    case 'closing':
    case 'fonts':
      return `${place.section}.${place.field}`;
    case 'brief':
      return place.index === undefined ? 'add-brief' : `briefs.${place.index}.${place.field}`;
    case 'article':
      if (place.index === undefined) return 'add-article';
      if (place.field === 'block') return `articles.${place.index}.blocks.${place.item ?? 0}.text`;
      return `articles.${place.index}.${place.field}`;
  }
}

const MOVE_UP = 'Alt+↑';
const MOVE_DOWN = 'Alt+↓';

export class EditorForm {
  readonly element: HTMLElement;
  private issue: Issue | null = null;
  /** Photos: 插入图片, drops and pastes of pictures, the figure blocks. */
  readonly figures: Figures;

  constructor(private readonly host: EditorHost) {
    this.element = h('div', { class: 'form', attrs: { id: 'form' } });
    this.figures = new Figures({
      change: (m, k, r) => host.change(m, k, r),
      focus: (path) => this.focusLater(path),
      notify: host.notify,
      api: host.api,
      images: host.images,
    });
  }

  /** Builds the form for `issue`, keeping the scroll position and the focused field. */
  render(issue: Issue): void {
    this.issue = issue;
    const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    const activePath = active?.dataset?.path;
    const sel = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
    const scroll = this.element.scrollTop;
    replaceChildren(
      this.element,
      this.mastheadSection(issue),
      this.tocSection(issue),
      this.articlesSection(issue),
      this.briefsSection(issue),
      this.closingSection(issue),
    );
    this.element.scrollTop = scroll;
    this.element.querySelectorAll('textarea').forEach((t) => autoGrow(t));
    if (activePath) {
      const el = this.field(activePath);
      if (el) {
        el.focus({ preventScroll: true });
        const [start, end] = sel ?? [null, null];
        if ('setSelectionRange' in el && typeof start === 'number' && typeof end === 'number') {
          try {
            el.setSelectionRange(start, end);
          } catch {
            // number and date inputs have no selection
          }
        }
      }
    }
  }

  /** The form control with this data-path. */
  field(path: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLButtonElement | null {
    return this.element.querySelector(`[data-path="${path}"]`);
  }

  /** Pictures dropped on the window at `at` (CSS pixels): into the article under the pointer, else
   * the article being edited. */
  dropImages(paths: string[], at?: { x: number; y: number }): Promise<void> {
    const under =
      at && typeof document.elementFromPoint === 'function'
        ? document.elementFromPoint(at.x, at.y)
        : document.activeElement;
    const card = under?.closest<HTMLElement>('.card.article');
    if (this.element.classList.contains('read-only')) {
      this.host.notify('本期已印发，不能插入图片；需要修改请先「更正」。', 'error');
      return Promise.resolve();
    }
    if (!card) {
      this.host.notify('请把图片拖到要插入图片的那篇文章上。', 'error');
      return Promise.resolve();
    }
    const i = Number(card.dataset.index);
    return this.figures.addPaths(i, this.issue?.articles[i]?.blocks.length ?? 0, paths);
  }

  /** Shows, under each headline, where layout breaks it automatically (none: the hint hides). */
  showHeadlineBreaks(breaks: (string[] | null)[]): void {
    for (const el of this.element.querySelectorAll<HTMLElement>('[data-headline-breaks]')) {
      const lines = breaks[Number(el.dataset.headlineBreaks)];
      el.hidden = !lines;
      el.textContent = lines ? `排版时自动转行为：${lines.join(' ／ ')}` : '';
    }
  }

  /** Scrolls to and focuses where a finding is (click-through from the pre-export check). */
  focusPlace(place: Place): void {
    const el = this.field(placePath(place));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    if (el instanceof HTMLTextAreaElement && place.field === 'headline' && place.item !== undefined) {
      const lines = el.value.split('\n');
      const start = lines.slice(0, place.item).reduce((n, l) => n + l.length + 1, 0);
      el.setSelectionRange(start, start + (lines[place.item]?.length ?? 0));
    }
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  }

  /** Scrolls to and focuses the field with `path`, selecting what `select` returns for its
   * value (the 校对助手's click-through). */
  focusField(path: string, select?: (value: string) => [number, number]): void {
    const el = this.field(path);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    if (
      select &&
      (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text'))
    ) {
      const [start, end] = select(el.value);
      el.setSelectionRange(start, end);
    }
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  }

  /** Makes every field read-only (an archived issue) or editable again. */
  setReadOnly(readOnly: boolean): void {
    this.element.classList.toggle('read-only', readOnly);
    this.element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((el) => {
      el.readOnly = readOnly;
    });
    this.element.querySelectorAll<HTMLSelectElement | HTMLButtonElement>('select, button').forEach((el) => {
      if (readOnly) el.disabled = true;
    });
    this.element.querySelectorAll<HTMLElement>('[draggable="true"]').forEach((el) => {
      if (readOnly) el.draggable = false;
    });
  }

  // ---- 报头 ----

  private mastheadSection(issue: Issue): HTMLElement {
    const m = issue.masthead;
    return section(
      'masthead',
      '报头',
      h(
        'div',
        { class: 'grid' },
        this.textField('简报名称', 'masthead.name', m.name, (i, v) => (i.masthead.name = v)),
        this.numberField('期号（第N期）', 'masthead.number', m.number, (i, n) => (i.masthead.number = n)),
        this.numberField(
          '总期号（总第M期）',
          'masthead.total_number',
          m.total_number,
          (i, n) => (i.masthead.total_number = n),
        ),
        this.textField('编印单位', 'masthead.editor', m.editor, (i, v) => (i.masthead.editor = v)),
        this.dateField('印发日期', 'masthead.date', m.date),
      ),
    );
  }

  // ---- 本期要目 ----

  private tocSection(issue: Issue): HTMLElement {
    const items = issue.articles.map((a, i) =>
      h(
        'li',
        {},
        h('span', { class: 'toc-derived', data: { tocIndex: i }, text: tocEntry(a) }),
        h(
          'label',
          { class: 'toc-override' },
          '要目文字：',
          this.input(
            `articles.${i}.toc_text`,
            a.toc_text ?? '',
            (iss, v) => {
              const art = iss.articles[i];
              if (art) art.toc_text = optionalText(v);
            },
            { placeholder: '留空则用标题全文', title: '在本期要目中用较短的文字代替标题' },
          ),
        ),
      ),
    );
    return section(
      'toc',
      '本期要目',
      h('p', { class: 'hint', text: '要目由各篇文章的标题自动生成；需要时可为某篇文章另写较短的要目文字。' }),
      items.length ? h('ol', { class: 'toc' }, ...items) : h('p', { class: 'empty', text: '还没有文章。' }),
    );
  }

  /** Updates the derived texts (要目 entries, card titles) after typing, without rebuilding. */
  private refreshDerived(issue: Issue): void {
    issue.articles.forEach((a, i) => {
      const toc = this.element.querySelector(`[data-toc-index="${i}"]`);
      if (toc) toc.textContent = tocEntry(a);
      const title = this.element.querySelector(`[data-article-title="${i}"]`);
      if (title) title.textContent = headlineText(a) || '（未填标题）';
      const tocInput = this.field(`articles.${i}.toc_text`);
      if (tocInput instanceof HTMLInputElement) tocInput.placeholder = headlineText(a) || '留空则用标题全文';
    });
  }

  // ---- 文章 ----

  private articlesSection(issue: Issue): HTMLElement {
    const cards = issue.articles.map((a, i) => this.articleCard(a, i, issue.articles.length));
    return section(
      'articles',
      '文章',
      h('div', { class: 'cards', attrs: { id: 'articles' } }, ...cards),
      h(
        'div',
        { class: 'add-row' },
        button('＋ 添加文章', () => this.addArticle(issue.articles.length), {
          id: 'add-article',
          class: 'add',
        }),
        button('粘贴文章…', () => this.host.paste('articles'), {
          id: 'paste-articles',
          class: 'add',
          title: '把复制来的整篇文章粘贴进来，自动分出标题、小标题、段落和署名',
        }),
      ),
    );
  }

  private addArticle(at: number): void {
    this.host.change((i) => i.articles.splice(at, 0, newArticle()), null, true);
    this.focusLater(`articles.${at}.headline`);
  }

  private articleCard(a: Article, i: number, count: number): HTMLElement {
    const card = h(
      'article',
      { class: 'card article', data: { index: i, list: 'articles' } },
      h(
        'header',
        { class: 'card-head' },
        dragHandle(),
        h('span', { class: 'card-no', text: `第${i + 1}篇` }),
        h('span', {
          class: 'card-title',
          data: { articleTitle: i },
          text: headlineText(a) || '（未填标题）',
        }),
        h('span', { class: 'spacer' }),
        ...this.moveButtons('articles', i, count, '文章'),
        button('删除', () => this.host.change((iss) => iss.articles.splice(i, 1), null, true), {
          class: 'danger small',
          title: '删除这篇文章（可以撤销，Ctrl+Z）',
        }),
      ),
      h(
        'label',
        { class: 'field wide' },
        h('span', { text: '标题（每行为标题的一行）' }),
        this.textarea(
          `articles.${i}.headline`,
          a.headline.join('\n'),
          (iss, v) => {
            const art = iss.articles[i];
            if (art) art.headline = headlineLines(v);
          },
          { class: 'headline-input', rows: 2 },
        ),
      ),
      h('p', {
        class: 'hint headline-breaks',
        data: { headlineBreaks: i },
        attrs: { hidden: '', title: '标题超过一行时按词自动转行；要换一种分法，请在标题中按回车手动分行' },
      }),
      h('div', { class: 'blocks' }, ...a.blocks.map((b, k) => this.blockRow(b, i, k, a.blocks.length))),
      h(
        'div',
        { class: 'block-add' },
        button('＋ 段落', () => this.addBlock(i, a.blocks.length, 'paragraph'), { class: 'small' }),
        button('＋ 一级标题', () => this.addBlock(i, a.blocks.length, 'heading1'), {
          class: 'small',
          title: '「一、……」黑体小标题',
        }),
        button('＋ 二级标题', () => this.addBlock(i, a.blocks.length, 'heading2'), {
          class: 'small',
          title: '「（一）……」楷体小标题',
        }),
        this.figures.insertButton(i, () => this.issue?.articles[i]?.blocks.length ?? a.blocks.length),
      ),
      h(
        'label',
        { class: 'field' },
        h('span', { text: '署名（印在末段后的括号内）' }),
        this.input(
          `articles.${i}.byline`,
          a.byline ?? '',
          (iss, v) => {
            const art = iss.articles[i];
            if (art) art.byline = optionalText(v);
          },
          { placeholder: '例如：叶贤挺' },
        ),
      ),
    );
    this.makeSortable(card, 'articles', i);
    this.figures.acceptOn(card, i, () => this.issue?.articles[i]?.blocks.length ?? a.blocks.length);
    return card;
  }

  private addBlock(article: number, at: number, kind: TextKind, text = ''): void {
    this.host.change((iss) => iss.articles[article]?.blocks.splice(at, 0, { kind, text }), null, true);
    this.focusLater(`articles.${article}.blocks.${at}.text`, 0);
  }

  private blockRow(b: Block, i: number, k: number, count: number): HTMLElement {
    if (b.kind === 'figure') return this.figures.row(b, i, k, this.blockTools(i, k, count, '这张图片'));
    const path = `articles.${i}.blocks.${k}.text`;
    const kind = h(
      'select',
      {
        class: 'block-kind',
        title: '段落类型',
        data: { path: `articles.${i}.blocks.${k}.kind` },
        on: {
          change: (ev) => {
            const v = (ev.target as HTMLSelectElement).value as TextKind;
            this.host.change(
              (iss) => {
                const blk = iss.articles[i]?.blocks[k];
                if (blk) blk.kind = v;
              },
              null,
              true,
            );
          },
        },
      },
      ...(Object.keys(BLOCK_LABELS) as TextKind[]).map((key) =>
        h('option', { attrs: { value: key, selected: key === b.kind }, text: BLOCK_LABELS[key] }),
      ),
    );
    const text = this.textarea(
      path,
      b.text,
      (iss, v) => {
        const blk = iss.articles[i]?.blocks[k];
        if (blk) blk.text = v;
      },
      { class: `block-text kind-${b.kind}`, rows: 1, placeholder: blockPlaceholder(b.kind) },
    );
    // Enter splits the paragraph at the caret (a paragraph has no line breaks), as in Word.
    text.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.isComposing) {
        ev.preventDefault();
        const at = text.selectionStart ?? text.value.length;
        const before = text.value.slice(0, at);
        const after = text.value.slice(at);
        this.host.change(
          (iss) => {
            const blocks = iss.articles[i]?.blocks;
            if (!blocks || !blocks[k]) return;
            blocks[k].text = before;
            blocks.splice(k + 1, 0, { kind: 'paragraph', text: after });
          },
          null,
          true,
        );
        this.focusLater(`articles.${i}.blocks.${k + 1}.text`, 0);
      } else if (ev.key === 'Backspace' && text.value === '' && count > 1) {
        ev.preventDefault();
        this.host.change((iss) => iss.articles[i]?.blocks.splice(k, 1), null, true);
        if (k > 0) this.focusLater(`articles.${i}.blocks.${k - 1}.text`, Number.MAX_SAFE_INTEGER);
      }
    });
    // Pasting several lines makes several paragraphs.
    text.addEventListener('paste', (ev) => {
      const pasted = ev.clipboardData?.getData('text/plain') ?? '';
      const parts = pasted.split(/\r?\n/).filter((p) => p.trim() !== '');
      if (parts.length < 2) return;
      ev.preventDefault();
      const at = text.selectionStart ?? text.value.length;
      const end = text.selectionEnd ?? at;
      const before = text.value.slice(0, at);
      const after = text.value.slice(end);
      this.host.change(
        (iss) => {
          const blocks = iss.articles[i]?.blocks;
          if (!blocks || !blocks[k]) return;
          const texts = parts.map((p) => p.trim());
          texts[0] = before + texts[0];
          texts[texts.length - 1] += after;
          blocks[k].text = texts[0] ?? '';
          blocks.splice(k + 1, 0, ...texts.slice(1).map((t): Block => ({ kind: 'paragraph', text: t })));
        },
        null,
        true,
      );
    });
    return h('div', { class: 'block' }, kind, text, this.blockTools(i, k, count, '这一段'));
  }

  /** Move up, move down and delete for block `k` of article `i` (`what`: 「这一段」). */
  private blockTools(i: number, k: number, count: number, what: string): HTMLElement {
    return h(
      'span',
      { class: 'block-tools' },
      button('↑', () => this.moveBlock(i, k, k - 1), {
        class: 'icon block-up',
        title: `上移${what}`,
        disabled: k === 0,
      }),
      button('↓', () => this.moveBlock(i, k, k + 1), {
        class: 'icon block-down',
        title: `下移${what}`,
        disabled: k === count - 1,
      }),
      button('✕', () => this.host.change((iss) => iss.articles[i]?.blocks.splice(k, 1), null, true), {
        class: 'icon danger block-delete',
        title: `删除${what}（可以撤销，Ctrl+Z）`,
      }),
    );
  }

  private moveBlock(i: number, from: number, to: number): void {
    this.host.change(
      (iss) => {
        const blocks = iss.articles[i]?.blocks;
        if (blocks) moveItem(blocks, from, to);
      },
      null,
      true,
    );
  }

  // ---- 简讯 ----

  private briefsSection(issue: Issue): HTMLElement {
    const cards = issue.briefs.map((b, i) => this.briefCard(b, i, issue.briefs.length));
    return section(
      'briefs',
      '简讯',
      h('div', { class: 'cards', attrs: { id: 'briefs' } }, ...cards),
      h(
        'div',
        { class: 'add-row' },
        button('＋ 添加简讯', () => this.addBrief(issue.briefs.length), { id: 'add-brief', class: 'add' }),
        button('粘贴简讯…', () => this.host.paste('briefs'), {
          id: 'paste-briefs',
          class: 'add',
          title: '把复制来的几条简讯粘贴进来，按日期分条，自动分出来源',
        }),
      ),
    );
  }

  private addBrief(at: number): void {
    this.host.change((i) => i.briefs.splice(at, 0, newBrief()), null, true);
    this.focusLater(`briefs.${at}.date_text`);
  }

  private briefCard(b: Brief, i: number, count: number): HTMLElement {
    const card = h(
      'div',
      { class: 'card brief', data: { index: i, list: 'briefs' } },
      h(
        'header',
        { class: 'card-head' },
        dragHandle(),
        h('span', { class: 'card-no', text: `第${i + 1}条` }),
        h('span', { class: 'spacer' }),
        ...this.moveButtons('briefs', i, count, '简讯'),
        button('删除', () => this.host.change((iss) => iss.briefs.splice(i, 1), null, true), {
          class: 'danger small',
          title: '删除这条简讯（可以撤销，Ctrl+Z）',
        }),
      ),
      h(
        'div',
        { class: 'brief-fields' },
        h(
          'label',
          { class: 'field date-text' },
          h('span', { text: '日期' }),
          this.input(
            `briefs.${i}.date_text`,
            b.date_text,
            (iss, v) => {
              const br = iss.briefs[i];
              if (br) br.date_text = v;
            },
            { placeholder: '4月7日' },
          ),
        ),
        h(
          'label',
          { class: 'field wide' },
          h('span', { text: '内容' }),
          this.textarea(
            `briefs.${i}.text`,
            b.text,
            (iss, v) => {
              const br = iss.briefs[i];
              if (br) br.text = v.replace(/\r?\n/g, '');
            },
            { rows: 2 },
          ),
        ),
        h(
          'label',
          { class: 'field source' },
          h('span', { text: '来源' }),
          this.input(
            `briefs.${i}.source`,
            b.source ?? '',
            (iss, v) => {
              const br = iss.briefs[i];
              if (br) br.source = optionalText(v);
            },
            { placeholder: '叶贤挺' },
          ),
        ),
        h(
          'label',
          {
            class: 'field brief-style',
            title: '标题式简讯印成一行标题，末尾不加句号，校对助手也不提示缺句号',
          },
          this.titleStyle(b, i),
          h('span', { text: '标题式（不加句号）' }),
        ),
      ),
    );
    this.makeSortable(card, 'briefs', i);
    return card;
  }

  // ---- 版记 ----

  private closingSection(issue: Issue): HTMLElement {
    const c = issue.closing;
    const row = (label: string, field: 'report_to' | 'send_to' | 'distribute_to', value: string | null) =>
      h(
        'label',
        { class: 'field wide' },
        h('span', { text: label }),
        this.input(`closing.${field}`, value ?? '', (iss, v) => (iss.closing[field] = optionalText(v))),
      );
    const copies = this.input('closing.copies', c.copies === null ? '' : String(c.copies), () => {}, {
      type: 'number',
      min: 1,
      placeholder: '不印则留空',
    });
    copies.addEventListener('input', () => {
      const t = copies.value.trim();
      const n = positiveInt(t);
      if (t !== '' && n === null) {
        copies.classList.add('invalid');
        return;
      }
      copies.classList.remove('invalid');
      this.host.change((iss) => (iss.closing.copies = n), 'closing.copies');
    });
    return section(
      'closing',
      '版记',
      row('报', 'report_to', c.report_to),
      row('送', 'send_to', c.send_to),
      row('发', 'distribute_to', c.distribute_to),
      h('label', { class: 'field' }, h('span', { text: '共印（份）' }), copies),
    );
  }

  // ---- controls ----

  private moveButtons(
    list: 'articles' | 'briefs',
    i: number,
    count: number,
    what: string,
  ): HTMLButtonElement[] {
    return [
      button('↑', () => this.move(list, i, i - 1), {
        class: 'icon move-up',
        title: `上移这${what === '文章' ? '篇' : '条'}${what}`,
        shortcut: MOVE_UP,
        disabled: i === 0,
      }),
      button('↓', () => this.move(list, i, i + 1), {
        class: 'icon move-down',
        title: `下移这${what === '文章' ? '篇' : '条'}${what}`,
        shortcut: MOVE_DOWN,
        disabled: i === count - 1,
      }),
    ];
  }

  /** Moves an article or brief; focus follows the moved card. */
  move(list: 'articles' | 'briefs', from: number, to: number): void {
    const len = this.issue ? this.issue[list].length : 0;
    if (to < 0 || to >= len || from === to) return;
    const active = document.activeElement as HTMLElement | null;
    const path = active?.dataset?.path;
    this.host.change((iss) => moveItem(iss[list] as unknown[], from, to), null, true);
    const prefix = `${list}.${from}.`;
    const target = path && path.startsWith(prefix) ? `${list}.${to}.${path.slice(prefix.length)}` : null;
    const card = this.element.querySelector<HTMLElement>(`.card[data-list="${list}"][data-index="${to}"]`);
    if (target) this.field(target)?.focus();
    else card?.querySelector<HTMLElement>(to < from ? '.move-up' : '.move-down')?.focus();
  }

  private makeSortable(card: HTMLElement, list: 'articles' | 'briefs', i: number): void {
    const head = card.querySelector('.card-head') as HTMLElement;
    head.draggable = true;
    head.addEventListener('dragstart', (ev) => {
      ev.dataTransfer?.setData('application/x-bulletin-item', `${list}:${i}`);
      if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move';
      card.classList.add('dragging');
    });
    head.addEventListener('dragend', () => card.classList.remove('dragging'));
    card.addEventListener('dragover', (ev) => {
      if (!ev.dataTransfer?.types.includes('application/x-bulletin-item')) return;
      ev.preventDefault();
      card.classList.add('drop-target');
    });
    card.addEventListener('dragleave', () => card.classList.remove('drop-target'));
    card.addEventListener('drop', (ev) => {
      card.classList.remove('drop-target');
      const data = ev.dataTransfer?.getData('application/x-bulletin-item') ?? '';
      const [from, idx] = data.split(':');
      if (from !== list) return;
      ev.preventDefault();
      this.move(list, Number(idx), i);
    });
    card.addEventListener('keydown', (ev) => {
      if (!ev.altKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
      // Inside a block textarea Alt+arrows still move the card: blocks have their own buttons.
      ev.preventDefault();
      this.move(list, i, ev.key === 'ArrowUp' ? i - 1 : i + 1);
    });
  }

  /** The brief's style as a checkbox: checked for a title (`style: 'title'`), else a sentence. */
  private titleStyle(b: Brief, i: number): HTMLInputElement {
    const box = h('input', { data: { path: `briefs.${i}.style` }, attrs: { type: 'checkbox' } });
    box.checked = b.style === 'title';
    box.addEventListener('change', () =>
      this.host.change(
        (iss) => {
          const br = iss.briefs[i];
          if (!br) return;
          if (box.checked) br.style = 'title';
          else delete br.style;
        },
        null,
        true,
      ),
    );
    return box;
  }

  private input(
    path: string,
    value: string,
    set: (issue: Issue, value: string) => void,
    opts: { placeholder?: string; title?: string; type?: string; min?: number } = {},
  ): HTMLInputElement {
    const el = h('input', {
      title: opts.title,
      data: { path },
      attrs: { type: opts.type ?? 'text', placeholder: opts.placeholder, min: opts.min },
    });
    el.value = value;
    if (opts.type !== 'number' && opts.type !== 'date') {
      el.addEventListener('input', () => this.typed(path, (iss) => set(iss, el.value)));
    }
    return el;
  }

  private textarea(
    path: string,
    value: string,
    set: (issue: Issue, value: string) => void,
    opts: { class?: string; rows?: number; placeholder?: string } = {},
  ): HTMLTextAreaElement {
    const el = h('textarea', {
      class: opts.class,
      data: { path },
      attrs: { rows: opts.rows ?? 2, placeholder: opts.placeholder, spellcheck: 'false' },
    });
    el.value = value;
    el.addEventListener('input', () => {
      autoGrow(el);
      this.typed(path, (iss) => set(iss, el.value));
    });
    return el;
  }

  private typed(path: string, mutate: (issue: Issue) => void): void {
    this.host.change((iss) => {
      mutate(iss);
      this.issue = iss;
    }, path);
    if (this.issue) this.refreshDerived(this.issue);
  }

  private textField(
    label: string,
    path: string,
    value: string,
    set: (i: Issue, v: string) => void,
  ): HTMLElement {
    return h('label', { class: 'field' }, h('span', { text: label }), this.input(path, value, set));
  }

  private numberField(
    label: string,
    path: string,
    value: number,
    set: (i: Issue, n: number) => void,
  ): HTMLElement {
    const el = this.input(path, String(value), () => {}, { type: 'number', min: 1 });
    const msg = h('small', { class: 'error-text' });
    el.addEventListener('input', () => {
      const n = positiveInt(el.value);
      if (n === null) {
        el.classList.add('invalid');
        msg.textContent = '请填写大于 0 的整数';
        return;
      }
      el.classList.remove('invalid');
      msg.textContent = '';
      this.host.change((iss) => set(iss, n), path);
    });
    return h('label', { class: 'field' }, h('span', { text: label }), el, msg);
  }

  private dateField(label: string, path: string, value: string): HTMLElement {
    return dateField(label, path, value, (iso) => this.host.change((iss) => (iss.masthead.date = iso), path));
  }

  private focusLater(path: string, caret?: number): void {
    const el = this.field(path);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
    if (caret !== undefined && (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) {
      const at = Math.min(caret, el.value.length);
      el.setSelectionRange(at, at);
    }
  }
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'form-section', attrs: { id: `section-${id}` } },
    h('h2', { text: title }),
    ...children,
  );
}

function dragHandle(): HTMLElement {
  return h('span', { class: 'drag-handle', title: '按住拖动以调整顺序（也可用 Alt+↑ / Alt+↓）', text: '⠿' });
}

function blockPlaceholder(kind: TextKind): string {
  switch (kind) {
    case 'paragraph':
      return '正文段落（回车另起一段）';
    case 'heading1':
      return '一、……';
    case 'heading2':
      return '（一）……';
  }
}

function autoGrow(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}
