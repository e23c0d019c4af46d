// What the editor types is shown as text everywhere: a headline that looks like markup shows
// literally in the archive, the editor and the preview, and creates no element.
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app';
import { h } from '../src/dom';
import { FakeApi } from './fake-api';
import { page } from './page';
import { sampleIssue, XSS } from './fixtures';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('user text is never markup', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    const issue = sampleIssue();
    issue.articles[0]!.headline = [XSS];
    issue.briefs[0]!.text = '<b>粗</b>&amp;';
    fake.add('a1', issue);
  });

  it('in the archive', async () => {
    const root = page();
    const app = new App(root, fake.api());
    await app.start();
    app.dispose();
    const cell = root.querySelector('td.headline')!;
    expect(cell.textContent).toBe(XSS);
    expect(root.querySelector('img')).toBeNull();
  });

  it('in the editor and the preview', async () => {
    const root = page();
    const app = new App(root, fake.api());
    await app.start();
    await app.openIssue('a1');
    await settle();
    app.dispose();
    const headline = root.querySelector<HTMLTextAreaElement>('[data-path="articles.0.headline"]')!;
    expect(headline.value).toBe(XSS);
    expect(root.querySelector('[data-article-title="0"]')!.textContent).toBe(XSS);
    expect(root.querySelector('[data-toc-index="0"]')!.textContent).toBe(XSS);
    expect(root.querySelector<HTMLTextAreaElement>('[data-path="briefs.0.text"]')!.value).toBe(
      '<b>粗</b>&amp;',
    );
    expect(root.querySelector('b')).toBeNull();
    // The preview's pages are inline SVG built through the DOM: the headline is a text node of the
    // text layer and the page's description, never an element.
    const fig = root.querySelector<HTMLElement>('#preview-pages figure.page')!;
    expect(fig.getAttribute('aria-label')).toBe(`第1页：${XSS}`);
    const text = fig.querySelector('svg.page-svg text')!;
    expect(text.textContent).toBe(XSS);
    expect(text.childElementCount).toBe(0);
    expect(root.querySelectorAll('img').length).toBe(0);
    expect(root.querySelectorAll('img[src="x"]').length).toBe(0);
    // Only the drawing's own elements are in a page.
    const tags = new Set([...fig.querySelectorAll('svg *')].map((e) => e.localName));
    expect([...tags].sort()).toEqual(['g', 'line', 'rect', 'text', 'use']);
  });

  it('the element builder refuses event-handler attributes', () => {
    expect(() => h('div', { attrs: { onclick: 'alert(1)' } })).toThrow();
    expect(() => h('div', { attrs: { style: 'x' } })).toThrow();
    expect(h('p', { text: XSS }).childElementCount).toBe(0);
  });
});
