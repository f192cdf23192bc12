import type { ScannedControl } from './scan';
import type { FieldHint, FillReason } from './types';
import { formatDateFor, pickOption, wantsChecked, type PageOption } from './options';
import { fire, fireInputChange, isShown, key, press, setNativeValue, sleep, waitFor } from './events';

/**
 * Drivers shared by every kit: one per control kind, how to read a control, write a draft value into it the way a user
 * would, and put back what was there before. Kits (lib/page/kits) add the component drivers. One driver per control kind: how to read a control, write a draft value into it the way a user would, and put back
 * what was there before (undo goes through the same path, so frameworks see the restore too).
 */

export type WriteOutcome = { ok: true; changed: boolean; shown: string } | { ok: false; reason: FillReason; detail?: string };

export interface Driver {
  /** A snapshot of the current value, enough for `restore`. */
  snapshot(c: ScannedControl): string;
  /** The value as the page shows it (for reports and the verify area). */
  read(c: ScannedControl): string;
  write(c: ScannedControl, value: string, hint?: FieldHint): Promise<WriteOutcome>;
  restore(c: ScannedControl, snapshot: string): Promise<boolean>;
  /** A cascader: it is given the draft's whole path (`浙江省/杭州市/西湖区`, see `cascadeValue` in options.ts). */
  cascade?: true;
}

export const input = (c: ScannedControl) => c.el as HTMLInputElement;
export const valueOf = (c: ScannedControl) => input(c).value;
export const ok = (changed: boolean, shown: string): WriteOutcome => ({ ok: true, changed, shown });
export const fail = (reason: FillReason, detail?: string): WriteOutcome => (detail ? { ok: false, reason, detail } : { ok: false, reason });

export function writeText(el: HTMLInputElement | HTMLTextAreaElement, text: string): WriteOutcome {
  if (el.value === text) return ok(false, text);
  // No real focus(): it forces layout and scrolls the page per field. Validators that run on blur get the event.
  setNativeValue(el, text);
  fireInputChange(el);
  fire(el, 'blur', { bubbles: false });
  fire(el, 'focusout');
  // A number input refuses text; a maxlength cuts it: report, don't pretend.
  if (el.value !== text) return fail('rejected', el.value);
  return ok(true, text);
}

export const text: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value, hint) {
    const el = input(c);
    const shown = hint?.type === 'date' && c.kind !== 'date' ? formatDateFor(value, el.getAttribute('placeholder') || el.value) : value;
    return writeText(el, shown);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    setNativeValue(el, snap);
    fireInputChange(el);
    return el.value === snap;
  },
};

export const nativeSelect: Driver = {
  snapshot: (c) => String((c.el as HTMLSelectElement).selectedIndex),
  read: (c) => {
    const s = c.el as HTMLSelectElement;
    return s.selectedIndex >= 0 ? (s.options[s.selectedIndex]?.text ?? '') : '';
  },
  async write(c, value, hint) {
    const s = c.el as HTMLSelectElement;
    const opts: PageOption[] = Array.from(s.options).map((o) => ({ text: o.text, value: o.value }));
    const i = pickOption(opts, value, hint);
    if (i < 0) return fail('noOption', value);
    if (s.selectedIndex === i) return ok(false, opts[i]!.text);
    setNativeValue(s, s.options[i]!.value);
    s.selectedIndex = i;
    fireInputChange(s);
    return ok(true, opts[i]!.text);
  },
  async restore(c, snap) {
    const s = c.el as HTMLSelectElement;
    const i = Number(snap);
    if (s.selectedIndex === i) return true;
    s.selectedIndex = i;
    fireInputChange(s);
    return s.selectedIndex === i;
  },
};

/** A checked-state class: `is-checked`, `t-is-checked`, `ant-radio-wrapper-checked`, `Mui-checked` (not `unchecked`). */
const CHECKED_MARK = /(^|\s)([\w-]*[-_])?checked(\s|$)/i;
const marked = (e: Element) => CHECKED_MARK.test(typeof e.className === 'string' ? e.className : '');

/**
 * Whether a radio or checkbox shows as checked. A library hides the native input (opacity 0, no box) behind a face
 * inside its label and marks that face checked from its own state; the hidden input may say otherwise (a click the
 * component ignored). What the user sees is the face.
 */
export function shownChecked(el: HTMLInputElement): boolean {
  const wrap = el.closest('label');
  const view = el.ownerDocument.defaultView;
  if (!wrap || !view || !(Number(view.getComputedStyle(el).opacity) === 0 || !el.getClientRects().length)) return el.checked;
  return marked(wrap) || Array.from(wrap.querySelectorAll('*')).some(marked);
}

export const radioGroup: Driver = {
  snapshot: (c) => String(c.radios!.findIndex((r) => r.input.checked)),
  read: (c) => c.radios!.find((r) => shownChecked(r.input))?.text.trim() ?? '',
  async write(c, value, hint) {
    const radios = c.radios!;
    const i = pickOption(
      radios.map((r) => ({ text: r.text, value: r.input.value })),
      value,
      hint,
    );
    if (i < 0) return fail('noOption', value);
    const r = radios[i]!.input;
    if (r.checked) return ok(false, radios[i]!.text.trim());
    if (r.disabled) return fail('disabled');
    clickRadioLike(r);
    // Component radios (Element Plus) get `checked` from the framework's next render, not from the click.
    return (await settled(() => r.checked)) ? ok(true, radios[i]!.text.trim()) : fail('rejected');
  },
  async restore(c, snap) {
    const i = Number(snap);
    const radios = c.radios!;
    if (i >= 0) {
      if (!radios[i]!.input.checked) clickRadioLike(radios[i]!.input);
      return settled(() => radios[i]!.input.checked);
    }
    // Nothing was chosen before: uncheck. Plain pages accept it; a framework that re-checks the radio on its next
    // render cannot be told "none" (a user could not either), and undo reports that value as not restored.
    for (const r of radios)
      if (r.input.checked) {
        r.input.checked = false;
        fireInputChange(r.input);
      }
    await sleep(150);
    return radios.every((r) => !r.input.checked);
  },
};

export async function settled(test: () => boolean, timeoutMs = 600): Promise<boolean> {
  return !!(await waitFor(() => test() || undefined, timeoutMs));
}

/** layui hides native radios/checkboxes behind its own `.layui-form-radio`/`.layui-form-checkbox` faces. */
export function clickRadioLike(el: HTMLInputElement): void {
  const face = el.nextElementSibling;
  if (face && /layui-form-(radio|checkbox|switch)/.test(face.className)) press(face);
  else el.click();
}

export const checkbox: Driver = {
  snapshot: (c) => (input(c).checked ? '1' : '0'),
  read: (c) => (shownChecked(input(c)) ? '是' : '否'),
  async write(c, value) {
    const want = wantsChecked(value);
    if (want === undefined) return fail('noOption', value);
    const el = input(c);
    if (el.checked === want) return ok(false, value);
    clickRadioLike(el);
    return (await settled(() => el.checked === want)) ? ok(true, want ? '是' : '否') : fail('rejected');
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.checked !== (snap === '1')) clickRadioLike(el);
    return settled(() => el.checked === (snap === '1'));
  },
};

export const nativeDate: Driver = {
  ...text,
  async write(c, value) {
    const el = input(c);
    const v = el.type === 'month' ? value.slice(0, 7) : value;
    return writeText(el, v);
  },
};

export function visibleAll(doc: Document, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter(isShown);
}

export async function closePopups(c: ScannedControl): Promise<void> {
  key(c.face.ownerDocument.body, 'Escape');
  await sleep(0);
}

/** A custom select already shows the wanted option: nothing to write. */
export function showsAlready(current: string, value: string, hint?: FieldHint): boolean {
  return !!current && pickOption([{ text: current }], value, hint) === 0;
}

/** For `waitFor`: the options once the list has any. */
export function someOptions(options: HTMLElement[]): HTMLElement[] | undefined {
  return options.length ? options : undefined;
}
