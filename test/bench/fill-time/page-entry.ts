/**
 * Bundled into the fixture page (IIFE): the product's fill of a document exactly as the content script runs it
 * (scan, label, match, add rows, drive, read back, report), and the baseline — a plain scripted fill of the same
 * Element Plus recommendation page that knows where every value goes (fixed positions, no scan, no matching, no
 * read-back report) and sends the same DOM events a user's browser would.
 */
import { fillDocument, newSession } from '../../../lib/autofill/fill';
import * as elementPlusKit from '../../../lib/page/kits/element-plus';
import { registerKits } from '../../../lib/page/kits/registry';
import { fire, key, press, setNativeValue, sleep, waitFor } from '../../../lib/page/events';
import type { FillPlan } from '../../../lib/autofill/types';
import type { FormData } from '../../../lib/forms/types';

// The extension injects a library's kit where its signature matches (lib/page/kits/load.ts): on this Element Plus
// page, the Element Plus kit. Without it the fill would run on the generic path alone, which is not what a user gets.
registerKits(Object.values(elementPlusKit));

async function product(plan: FillPlan): Promise<{ ms: number; filled: number; failed: number; skipped: number }> {
  const t0 = performance.now();
  const r = await fillDocument(document, plan, newSession());
  return { ms: performance.now() - t0, filled: r.filled, failed: r.failed, skipped: r.skipped };
}

function type(root: Element, value: string): void {
  const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
  setNativeValue(el, value);
  fire(el, 'input');
  fire(el, 'change');
}

/** Open an el-select, click the option with exactly this text, wait until the select shows it. */
async function choose(root: Element, text: string): Promise<void> {
  const select = root.querySelector('.el-select')!;
  press(select.querySelector('.el-select__wrapper')!);
  const list = document.getElementById(select.querySelector('[aria-controls]')!.getAttribute('aria-controls')!)!;
  const item = await waitFor(() =>
    Array.from(list.querySelectorAll<HTMLElement>('.el-select-dropdown__item')).find(
      (li) => li.offsetParent && li.textContent!.trim() === text,
    ),
  );
  press(item!);
  await waitFor(
    () =>
      select.querySelector('.el-select__selected-item:not(.is-transparent):not(.el-select__input-wrapper)')?.textContent?.trim() === text,
  );
}

async function pickDate(root: Element, iso: string): Promise<void> {
  const el = root.querySelector('input')!;
  setNativeValue(el, iso);
  fire(el, 'input');
  fire(el, 'change');
  key(el, 'Enter');
  await sleep(0);
  key(document.body, 'Escape');
}

const rows = () => document.querySelectorAll('.el-table__body-wrapper tbody tr.el-table__row');

async function scripted(d: FormData): Promise<{ ms: number }> {
  const t0 = performance.now();
  const f = d.fields;
  const items = document.querySelectorAll('.el-form .el-form-item');
  type(items[0]!, f.recommendingUnit!);
  await choose(items[1]!, f.province!);
  type(items[2]!, f.filler!);
  type(items[3]!, f.contactPhone!);
  type(items[4]!, f.contactEmail!);
  await pickDate(items[5]!, f.fillDate!);
  const schools = d.groups.schools ?? [];
  const add = document.querySelector('.toolbar .el-button--primary')!;
  while (rows().length < schools.length) {
    const before = rows().length;
    press(add);
    await waitFor(() => rows().length > before);
  }
  const columns = [
    'schoolName',
    '',
    'city',
    'county',
    '',
    'creditCode',
    'principal',
    'contactName',
    'contactPhone',
    'contactEmail',
    'address',
  ];
  const tail = ['scienceTeachers', 'traineeCapacity', 'mentorCount', 'reason', 'remarks'];
  for (const [i, s] of schools.entries()) {
    const cells = rows()[i]!.querySelectorAll('td');
    columns.forEach((k, c) => k && type(cells[c + 1]!, s[k] ?? ''));
    tail.forEach((k, c) => type(cells[c + 12]!, s[k] ?? ''));
    await choose(cells[2]!, s.schoolStage!);
    const radio = Array.from(cells[5]!.querySelectorAll<HTMLElement>('label.el-radio')).find(
      (l) => l.textContent!.trim() === s.schoolNature,
    );
    if (radio && !radio.classList.contains('is-checked')) press(radio.querySelector('input')!);
  }
  await sleep(0);
  return { ms: performance.now() - t0 };
}

/** The whole report, for looking into a page (not timed). */
const productReport = (plan: FillPlan) => fillDocument(document, plan, newSession());

(globalThis as unknown as { __fillBench: unknown }).__fillBench = { product, scripted, productReport };
