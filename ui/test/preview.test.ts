import { describe, expect, it } from 'vitest';
import { PreviewPane } from '../src/preview';

function pane(width: number): { pane: PreviewPane; label: () => string; click: (text: string) => void } {
  const p = new PreviewPane();
  const pages = p.element.querySelector<HTMLElement>('#preview-pages')!;
  Object.defineProperty(pages, 'clientWidth', { value: width, configurable: true });
  const buttons = [...p.element.querySelectorAll<HTMLButtonElement>('.preview-toolbar button')];
  return {
    pane: p,
    label: () => p.element.querySelector('#zoom-label')!.textContent ?? '',
    click: (text) => buttons.find((b) => b.textContent === text)!.click(),
  };
}

describe('preview zoom', () => {
  it('shows the fitted width as a percentage, not the button’s own words', () => {
    const { pane: p, label } = pane(600);
    p.setZoom(0);
    // (600 − 32) px of room for a 793.7 px A4 page.
    expect(label()).toBe('72%');
  });

  it('steps from the fitted size to the next zoom and back to fit', () => {
    const { pane: p, label, click } = pane(600);
    p.setZoom(0);
    click('＋');
    expect(label()).toBe('75%');
    click('＋');
    expect(label()).toBe('90%');
    click('−');
    click('−');
    expect(label()).toBe('67%');
    click('适合宽度');
    expect(label()).toBe('72%');
  });
});
