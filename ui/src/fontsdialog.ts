// 设置 › 字体: for each role (小标宋, 仿宋, 黑体, 楷体, 宋体; and 西文 for Latin letters and digits)
// the bundled face (the default) or an installed one, each shown with a sample line in that face,
// the share of the open issue's characters it has and what falls back; a face whose licence forbids embedding is listed greyed
// out with the reason. The choice is stored by the engine (src/desktop/fonts.rs) with the
// publication's settings; the preview, the PDF and the DOCX follow it.

import { errorText } from './autosave';
import { h, replaceChildren } from './dom';
import { showModal } from './modal';
import type { FaceChoice, FontCoverage, FontRole, FontSettings, RoleFont } from './types';

export interface FontsHost {
  /** The dialog's content (with the open issue's coverage). */
  load(): Promise<FontSettings>;
  /** Chooses `choice` for `role` (`null`: the bundled face); rejects with a message. */
  choose(role: FontRole, choice: FaceChoice | null): Promise<FontSettings>;
  /** The choice changed: the preview redraws. */
  changed(): void;
}

/** The select's value for the bundled face. */
const BUNDLED = 'bundled';

/** Whether two choices select the same face. */
export function sameChoice(a: FaceChoice | null, b: FaceChoice | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'family' && b.kind === 'family') return a.name === b.name;
  if (a.kind === 'file' && b.kind === 'file') return a.path === b.path && a.index === b.index;
  return false;
}

/** 「本期用到的 612 个字中有 610 个（99.7%）」, and what it lacks. */
export function coverageText(c: FontCoverage, fallback: string[]): string {
  const share = c.total === 0 ? 100 : (100 * c.has) / c.total;
  const pct = share === 100 || share === 0 ? String(share) : share.toFixed(1);
  const head = `本期用到的 ${c.total} 个字中有 ${c.has} 个（${pct}%）`;
  if (c.has === c.total) return `${head}。`;
  const lacking = c.total - c.has;
  const listed = c.missing.map((ch) => `「${ch}」`).join('');
  const more = lacking > c.missing.length ? ` 等 ${lacking} 个` : '';
  const by = fallback.length > 0 ? `，改用 ${fallback.join(' → ')} 印出` : '';
  return `${head}；缺${listed}${more}${by}。`;
}

/** Shows the dialog. */
export async function showFontsDialog(host: FontsHost): Promise<void> {
  let settings: FontSettings;
  try {
    settings = await host.load();
  } catch (e) {
    showModal('字体', [h('p', { class: 'error', text: errorText(e) })], [{ label: '好', primary: true }]);
    return;
  }
  let urls: string[] = [];
  const table = h('div', { class: 'font-roles', attrs: { id: 'font-roles' } });
  const status = h('p', { class: 'font-status', attrs: { id: 'font-status', 'aria-live': 'polite' } });
  const warnings = h('ul', { class: 'findings', attrs: { id: 'font-warnings' } });

  const sample = (svg: string, alt: string): HTMLImageElement => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    urls.push(url);
    return h('img', { class: 'font-sample', attrs: { src: url, alt, draggable: 'false' } });
  };

  const roleRow = (r: RoleFont): HTMLElement => {
    const select = h('select', {
      attrs: { id: `font-${r.role}`, 'aria-label': `${r.label}所用字体` },
    });
    select.append(h('option', { attrs: { value: BUNDLED }, text: `内置 ${r.bundled}（默认）` }));
    let selected = r.choice === null ? BUNDLED : '';
    for (const o of r.options) {
      const f = settings.faces[o.face];
      if (!f) continue;
      const parts = [f.format, f.licence];
      if (o.coverage) {
        const c = o.coverage;
        parts.push(c.total === 0 ? '本期无字' : `本期有 ${Math.floor((100 * c.has) / c.total)}% 的字`);
      }
      const label = `${o.office ? '★ ' : ''}${f.family}（${parts.join('，')}）`;
      const value = String(o.face);
      select.append(h('option', { attrs: { value, disabled: !f.allowed }, text: label }));
      if (selected === '' && sameChoice(r.choice, f.choice)) selected = value;
    }
    if (selected === '' && r.choice) {
      // Chosen elsewhere (a file, on the command line): shown as it is.
      const label = r.choice.kind === 'family' ? r.choice.name : r.choice.path;
      select.append(h('option', { attrs: { value: 'other' }, text: `${label}（已选）` }));
      selected = 'other';
    }
    select.value = selected;
    select.addEventListener('change', () => void choose(r, select.value));
    const lines: HTMLElement[] = [];
    lines.push(
      h('p', {
        class: 'font-current',
        text: `当前：${r.current}；缺字时依次改用 ${r.fallback.join(' → ')}`,
      }),
    );
    if (r.coverage)
      lines.push(h('p', { class: 'font-coverage', text: coverageText(r.coverage, r.fallback) }));
    if (r.problem) lines.push(h('p', { class: 'font-problem error', text: r.problem }));
    return h(
      'div',
      { class: 'font-role', data: { role: r.role } },
      h('label', { class: 'font-label', attrs: { for: `font-${r.role}` }, text: r.label }),
      h('div', {}, select, sample(r.sample_svg, `${r.label}样字（${r.current}）`), ...lines),
    );
  };

  const render = () => {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    replaceChildren(table, ...settings.roles.map(roleRow));
    replaceChildren(warnings, ...settings.warnings.map((w) => h('li', { text: w })));
  };

  const choose = async (r: RoleFont, value: string) => {
    const face = value === BUNDLED ? null : settings.faces[Number(value)];
    if (value !== BUNDLED && !face) return;
    const choice = face ? face.choice : null;
    status.textContent = '正在应用…';
    status.classList.remove('error');
    try {
      settings = await host.choose(r.role, choice);
      status.textContent = `${r.label}：已改用 ${face ? face.family : `内置 ${r.bundled}`}。预览和导出的 PDF、DOCX 都将使用它。`;
      render();
      host.changed();
    } catch (e) {
      status.textContent = errorText(e);
      status.classList.add('error');
      render();
    }
  };

  render();
  const modal = showModal(
    '字体',
    [
      h('p', {
        class: 'hint',
        text: '每个角色可用内置字体（默认），或本机已安装的字体（★ 为公文常用的字体名称）。所选字体缺少的字会依次改用后面的字体印出，不会印成方框。授权（OS/2 fsType）不允许嵌入的字体不能选用。',
      }),
      table,
      status,
      warnings,
    ],
    [{ label: '关闭', primary: true, id: 'fonts-close' }],
    { id: 'fonts-dialog' },
  );
  // Blob URLs live as long as the dialog.
  const close = modal.close.bind(modal);
  modal.close = () => {
    for (const u of urls) URL.revokeObjectURL(u);
    close();
  };
}
