/**
 * Issue 13 §9: the in-page fill report holds nothing of the draft the page was not given. Its closed shadow root does
 * not hide text from the page (selectAll + getSelection reads it), so a skipped value ("下拉选项中没有“女”") must not be
 * written there at all; the popup's report has it.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createOverlay, showReport } from './page-ui';
import type { FillReport, FillReason } from './types';

function reportWith(reason: FillReason, value: string): FillReport {
  return {
    url: 'http://x/',
    frameUrl: 'http://x/',
    filled: 1,
    skipped: 0,
    failed: 1,
    ms: 1,
    results: [
      { path: 'gender', label: '性别', status: 'failed', reason, value },
      { path: 'name', label: '姓名', status: 'filled', reason: 'ok', value: '王芳' },
    ],
  };
}

/** All text under the overlay's shadow root, as a page's selection would read it. */
function overlayText(reason: FillReason, value: string, locale: 'zh-CN' | 'en'): string {
  const { document } = parseHTML('<!doctype html><html><body><p>page</p></body></html>');
  let root: ShadowRoot | undefined;
  const attach = (document.createElement('div').constructor as typeof HTMLElement).prototype.attachShadow;
  // Keep a handle on the closed root (linkedom has no selection API) to read what the page could select.
  (document.createElement('div').constructor as typeof HTMLElement).prototype.attachShadow = function (init) {
    root = attach.call(this, init);
    return root;
  };
  const overlay = createOverlay(document as unknown as Document);
  showReport(overlay, reportWith(reason, value), locale, () => undefined);
  return [...root!.childNodes].map((n) => n.textContent ?? '').join(' ');
}

describe('in-page fill report', () => {
  it.each(['zh-CN', 'en'] as const)('names the field and the reason, never the draft value (%s)', (locale) => {
    const text = overlayText('noOption', '女', locale);
    expect(text).toContain('性别');
    expect(text).not.toContain('女');
    expect(text).toMatch(locale === 'en' ? /not among the options/ : /下拉选项中没有草稿中的值/);
    expect(text).not.toContain('王芳');
  });

  it.each(['readonly', 'disabled', 'rejected', 'error', 'notFound'] as const)('no draft value for reason %s either', (reason) => {
    const text = overlayText(reason, '110101200001011234', 'zh-CN');
    expect(text).toContain('性别');
    expect(text).not.toContain('110101200001011234');
  });
});
