/**
 * The fill report says what the page shows: a value the page drops or rewrites is `failed`, a date written in the
 * format the page asks for is `filled`, and a draft row the page lacks is `noRow` only when rows are really missing.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { blockedNow, fillDocument, newSession, undoFill } from './fill';
import { scanRoot } from '../page/scan';
import { formHints } from './hints';
import type { FillPlan, FillReport } from './types';

function page(body: string): Document {
  const { document, Event } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  // The drivers dispatch events with the global constructors; the page's listeners see only linkedom's own.
  globalThis.Event = Event as unknown as typeof globalThis.Event;
  return document as unknown as Document;
}

function plan(values: Record<string, string>, rows: Record<string, number> = {}): FillPlan {
  const { hints, groups } = formHints(forms.recommendation);
  return { formId: 'recommendation', hints, groups, values, rows, adapters: [], done: [], locale: 'zh-CN' };
}

const byPath = (r: FillReport) => Object.fromEntries(r.results.map((x) => [x.path, [x.status, x.reason, x.detail ?? '']]));

const HEADER = `<table><tr><td>推荐单位：</td><td><input name="a"></td></tr>
  <tr><td>填报人：</td><td><input name="b"></td></tr>
  <tr><td>填表日期：</td><td><input name="c" maxlength="8"> <span>（格式：yyyymmdd）</span></td></tr></table>`;

describe('fillDocument: a report that never lies', () => {
  it('writes a date in the format the page asks for and reports it filled; the draft value is unchanged', async () => {
    const doc = page(HEADER);
    const p = plan({ recommendingUnit: '浙江省教育厅', filler: '王晓明', fillDate: '2024-08-05' });
    const report = await fillDocument(doc, p, newSession());
    expect(doc.querySelector<HTMLInputElement>('[name=c]')!.value).toBe('20240805');
    expect(byPath(report).fillDate).toEqual(['filled', 'ok', '20240805']);
    expect(p.values.fillDate).toBe('2024-08-05');
  });

  it('a value the page drops or rewrites is failed, with what the page shows', async () => {
    const doc = page(HEADER);
    // The page's own script: it empties one field and truncates another after every input.
    doc.querySelector('[name=a]')!.addEventListener('input', (e) => ((e.target as HTMLInputElement).value = ''));
    doc.querySelector('[name=b]')!.addEventListener('change', (e) => ((e.target as HTMLInputElement).value = '王晓'));
    const report = await fillDocument(doc, plan({ recommendingUnit: '浙江省教育厅', filler: '王晓明' }), newSession());
    expect(byPath(report).recommendingUnit).toEqual(['failed', 'notKept', '']);
    expect(byPath(report).filler).toEqual(['failed', 'notShown', '王晓']);
    expect(report.filled).toBe(0);
  });

  it('a value longer than maxlength is skipped rather than cut', async () => {
    const doc = page('<table><tr><td>填报人：</td><td><input name="b" maxlength="2"></td></tr></table>');
    const report = await fillDocument(doc, plan({ filler: '王晓明' }), newSession());
    expect(byPath(report).filler).toEqual(['skipped', 'tooLong', '2']);
    expect(doc.querySelector<HTMLInputElement>('[name=b]')!.value).toBe('');
  });

  it('noRow only for rows that are missing; an unrecognised column of an existing row is notFound', async () => {
    const row = (i: number) => `<tr><td>${i}</td><td><input name="xxmc${i}"></td><td><input name="qt${i}"></td></tr>`;
    const doc = page(`<table><thead><tr><th>序号</th><th>学校名称</th><th>其他</th></tr></thead><tbody>${row(1)}${row(2)}</tbody></table>`);
    const values = {
      'schools[0].schoolName': '杭州第二中学',
      'schools[0].principal': '张建国',
      'schools[1].schoolName': '宁波市第一中学',
      'schools[2].schoolName': '温州育英学校',
    };
    const report = await fillDocument(doc, plan(values, { schools: 3 }), newSession());
    const r = byPath(report);
    expect(r['schools[0].schoolName']![0]).toBe('filled');
    expect(r['schools[1].schoolName']![0]).toBe('filled');
    expect(r['schools[0].principal']).toEqual(['skipped', 'notFound', '']);
    expect(r['schools[2].schoolName']).toEqual(['skipped', 'noRow', '']);
  });

  it('a control the scan found disabled is filled once an earlier field has enabled it; one still disabled is skipped', async () => {
    const doc = page(HEADER);
    const b = doc.querySelector<HTMLInputElement>('[name=b]')!;
    const c = doc.querySelector<HTMLInputElement>('[name=c]')!;
    b.disabled = true;
    c.disabled = true;
    doc.querySelector('[name=a]')!.addEventListener('change', () => (b.disabled = false));
    const report = await fillDocument(
      doc,
      plan({ recommendingUnit: '浙江省教育厅', filler: '王晓明', fillDate: '2024-08-05' }),
      newSession(),
    );
    expect(byPath(report).filler).toEqual(['filled', 'ok', '王晓明']);
    expect(byPath(report).fillDate).toEqual(['skipped', 'disabled', '']);
  });

  it('an ARIA widget the scan found aria-disabled counts as enabled once the page clears aria-disabled', () => {
    const doc = page(`<span id="p">所在县（区）</span><div role="combobox" tabindex="0" aria-labelledby="p" aria-disabled="true"></div>`);
    const [c] = scanRoot(doc);
    expect(c!.blocked).toBe('disabled');
    expect(blockedNow(c!)).toBe('disabled');
    doc.querySelector('[role=combobox]')!.setAttribute('aria-disabled', 'false');
    expect(blockedNow(c!)).toBeUndefined();
  });

  it('a read-only picker input an earlier field enables is skipped as read-only, not typed into and reported filled', async () => {
    const doc = page(HEADER);
    const b = doc.querySelector<HTMLInputElement>('[name=b]')!;
    b.disabled = true;
    b.readOnly = true;
    doc.querySelector('[name=a]')!.addEventListener('change', () => (b.disabled = false));
    const report = await fillDocument(doc, plan({ recommendingUnit: '浙江省教育厅', filler: '王晓明' }), newSession());
    expect(byPath(report).filler).toEqual(['skipped', 'readonly', '']);
    expect(b.value).toBe('');
  });

  it('a control a choice brings in (v-if) is filled in a second pass', async () => {
    const doc = page('<table id="t"><tr><td>填表日期：</td><td><input type="date" name="d"></td></tr></table>');
    doc.querySelector('[name=d]')!.addEventListener('change', () => {
      doc.getElementById('t')!.insertAdjacentHTML('beforeend', '<tr><td>填报人：</td><td><input name="b"></td></tr>');
    });
    const report = await fillDocument(doc, plan({ fillDate: '2024-08-05', filler: '王晓明' }), newSession());
    expect(byPath(report).fillDate).toEqual(['filled', 'ok', '2024-08-05']);
    expect(byPath(report).filler).toEqual(['filled', 'ok', '王晓明']);
  });

  it('undo puts back what was there, through the same drivers', async () => {
    const doc = page(HEADER);
    doc.querySelector<HTMLInputElement>('[name=b]')!.value = '旧值';
    const session = newSession();
    await fillDocument(doc, plan({ recommendingUnit: '浙江省教育厅', filler: '王晓明', fillDate: '2024-08-05' }), session);
    expect(await undoFill(session)).toEqual({ restored: 3, failed: 0, left: [] });
    expect([...doc.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value)).toEqual(['', '旧值', '']);
  });
});
