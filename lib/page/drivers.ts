import type { ScannedControl } from './scan';
import type { FieldHint, FillReason } from './types';
import { choiceYesNo, formatDateFor, pickOption, wantedTexts, wantsChecked, withoutCode, type PageOption } from './options';
import { normalizeYesNo } from '../normalize/options';
import { fire, fireInputChange, isShown, key, press, setNativeValue, sleep, waitFor } from './events';
import { nameKey } from '../normalize/text';

/**
 * Drivers shared by every kit: one per control kind, how to read a control, write a draft value into it the way a user
 * would, and put back what was there before. Kits (lib/page/kits) add the component drivers. One driver per control kind: how to read a control, write a draft value into it the way a user would, and put back
 * what was there before (undo goes through the same path, so frameworks see the restore too).
 */

export type WriteOutcome = { ok: true; changed: boolean; shown: string } | { ok: false; reason: FillReason; detail?: string };

/**
 * What undo achieved on one control: put back (`true`), not put back (`false`), or `NO_WAY`: the control held nothing
 * before and offers a person no way to empty it (a radio group, a select or cascader without a clear icon). The value
 * stays; undo says so for that field.
 */
export const NO_WAY = 'noWay';
export type Restored = boolean | typeof NO_WAY;

export interface Driver {
  /** A snapshot of the current value, enough for `restore`. */
  snapshot(c: ScannedControl): string;
  /** The value as the page shows it (for reports and the verify area). */
  read(c: ScannedControl): string;
  write(c: ScannedControl, value: string, hint?: FieldHint): Promise<WriteOutcome>;
  restore(c: ScannedControl, snapshot: string): Promise<Restored>;
  /** A cascader: it is given the draft's whole path (`浙江省/杭州市/西湖区`, see `cascadeValue` in options.ts). */
  cascade?: true;
  /**
   * The option texts a person reads on opening it (placeholders left out), then closed again untouched: what a
   * select holds when its label names no field.
   */
  choices?(c: ScannedControl): Promise<string[]>;
}

/** A native select's options as choices: its placeholder (empty value, `请选择…`) left out. */
export function nativeChoices(s: HTMLSelectElement): string[] {
  return Array.from(s.options)
    .filter((o) => o.value !== '' && !/^[-—\s]*请选择/.test(o.text))
    .map((o) => o.text.trim());
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
  // The key that ends the typing: pickers that parse on keyup (bootstrap-datepicker) see the typed text.
  fire(el, 'keyup');
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
    // The same keystrokes' events as the write: a picker that parses on keyup (bootstrap-datepicker) forgets its date.
    writeText(el, snap);
    return el.value === snap;
  },
};

export const nativeSelect: Driver = {
  choices: async (c) => nativeChoices(c.el as HTMLSelectElement),
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

/**
 * A checked-state class: `is-checked`, `t-is-checked`, `ant-radio-wrapper-checked`, `Mui-checked` (not `unchecked`),
 * and `is-active`, Element's mark of the chosen el-radio-button (its label is never `is-checked`).
 */
const CHECKED_MARK = /(^|\s)(([\w-]*[-_])?checked|is-active)(\s|$)/i;
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
    clickRadioLike(r, true);
    // Component radios (Element Plus) get `checked` from the framework's next render, not from the click.
    return (await settled(() => r.checked)) ? ok(true, radios[i]!.text.trim()) : fail('rejected');
  },
  async restore(c, snap) {
    const i = Number(snap);
    const radios = c.radios!;
    if (i >= 0) {
      if (!radios[i]!.input.checked) clickRadioLike(radios[i]!.input, true);
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
    // A component's face keeps showing its model's choice when the component ignored the uncheck (TDesign's t-radio).
    return radios.every((r) => !r.input.checked && !shownChecked(r.input)) || NO_WAY;
  },
};

export async function settled(test: () => boolean, timeoutMs = 600): Promise<boolean> {
  return !!(await waitFor(() => test() || undefined, timeoutMs));
}

/**
 * Click a radio or checkbox where a person does: layui's face beside it, else (for radios) the label around it —
 * libraries that hide the input (TDesign) handle the label's click and stop the input's — else the input itself.
 */
export function clickRadioLike(el: HTMLInputElement, viaLabel = false): void {
  const face = el.nextElementSibling;
  if (face && /layui-form-(radio|checkbox|switch)/.test(face.className)) press(face);
  else if (viaLabel && el.parentElement?.closest('label')) press(el.parentElement.closest('label')!);
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

/** The option texts a draft value may stand for (`pickOption`), but never a longer word that merely contains it:
 * `理学` picks `理学` or `07 理学`, not `管理学` or `心理学`. */
export function pickExact(texts: string[], value: string, hint?: FieldHint): number {
  const i = pickOption(
    texts.map((text) => ({ text })),
    value,
    hint,
  );
  if (i < 0) return i;
  const t = nameKey(texts[i]!);
  const wanted = wantedTexts(value, hint);
  // The text itself, after its code (`0702 物理学`), or the yes/no the choice says (`已备案`).
  if (wanted.includes(t) || wanted.includes(withoutCode(t))) return i;
  const yn = normalizeYesNo(value);
  if (yn && choiceYesNo(t) === yn) return i;
  // Loose: accepted when the wanted text starts the option (after a code), not when Han text comes before it.
  const starts = (long: string, short: string) => long.includes(short) && !/\p{Script=Han}/u.test(long.slice(0, long.indexOf(short)));
  return wanted.some((w) => starts(t, w) || starts(w, t)) ? i : -1;
}

/** The text a person types to filter a list for `value`: the draft's own text (option values are codes elsewhere). */
export function typedText(value: string, hint?: FieldHint): string {
  const opt = hint?.options?.find((o) => o.value === value);
  return /\p{Script=Han}/u.test(value) || !opt?.texts.length ? value : opt.texts[0]!;
}

/** The text a custom select shows while nothing is chosen: `--请选择--`, `--先选市--`, `请选择`, `Select…`. */
const PLACEHOLDER = /^\s*[-—]+.*[-—]+\s*$|^\s*(请|选择|select\b|choose\b)/i;

/** A select whose options open in a popup list: what the generic driver needs to know about one library. */
export interface PopupList {
  /** The chosen option's text as the control shows it ('' when none). */
  shown(c: ScannedControl): string;
  /** Open the list as a person does (click, mousedown). */
  open(c: ScannedControl): void;
  /** The options of this control's open list (empty while closed). */
  options(c: ScannedControl): HTMLElement[];
  /** The input a person types into to filter the list, if the control has one. */
  search?(c: ScannedControl): HTMLInputElement | null | undefined;
  /** Close the list if still open. */
  close?(c: ScannedControl): void;
  /** Text typed that matches no option may stay (autocomplete). */
  freeText?: boolean;
  /** Clear the value (undo to empty) as a person does; `false` when the control offers no way to (no clear icon). */
  clear?(c: ScannedControl): boolean | Promise<boolean>;
}

const optionText = (o: HTMLElement) => (o.getAttribute('title') || o.textContent || '').trim();
const usable = (o: HTMLElement) => o.getAttribute('aria-disabled') !== 'true' && !/\b(is-|t-is-|\w+-)?disabled\b/.test(o.className);

async function listOpen(p: PopupList, c: ScannedControl, ms: number): Promise<HTMLElement[] | undefined> {
  return waitFor(() => someOptions(p.options(c).filter(isShown)), ms);
}

/** Type `text` into a filter input as a person does (focus, value, input, keyup). */
export function typeInto(el: HTMLInputElement, text: string): void {
  el.focus();
  setNativeValue(el, text);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  el.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: text.slice(-1) }));
}

/**
 * The generic driver of a popup select: open, find the exact option (typing to filter where the control lets a
 * person type), click it, close, and read back what the control shows.
 */
export function popupSelect(p: PopupList): Driver {
  const closeList = async (c: ScannedControl) => {
    if (p.options(c).some(isShown)) {
      if (p.close) p.close(c);
      else key(c.el, 'Escape');
      await sleep(30);
    }
  };
  const driver: Driver = {
    snapshot: p.shown,
    read: p.shown,
    async write(c, value, hint) {
      const current = p.shown(c);
      if (showsAlready(current, value, hint)) return ok(false, current);
      p.open(c);
      let opts = (await listOpen(p, c, 1500)) ?? [];
      let i = pickExact(opts.map(optionText), value, hint);
      const search = p.search?.(c);
      if (i < 0 && search && !search.readOnly && !search.disabled) {
        typeInto(search, typedText(value, hint));
        // A filtered list may render after a debounce or a request.
        await waitFor(() => {
          opts = p.options(c).filter(isShown);
          i = pickExact(opts.map(optionText), value, hint);
          return i >= 0;
        }, 1200);
        if (i < 0 && p.freeText) {
          await closeList(c);
          fire(search, 'change');
          search.blur();
          const shown = p.shown(c);
          return nameKey(shown) === nameKey(typedText(value, hint)) ? ok(true, shown) : fail('rejected', shown);
        }
      }
      if (i < 0 || !usable(opts[i]!)) {
        await closeList(c);
        return fail('noOption', value);
      }
      const chosen = optionText(opts[i]!);
      const taken = () => {
        const s = p.shown(c);
        return s && (nameKey(s) === nameKey(chosen) || nameKey(s).endsWith(nameKey(chosen))) ? s : undefined;
      };
      press(opts[i]!);
      let shown = await waitFor(taken, 800);
      if (!shown) {
        // A click that lands while the list is still mounting can be dropped: once more on the fresh option.
        if (!p.options(c).some(isShown)) p.open(c);
        const again = (await listOpen(p, c, 800))?.find((o) => nameKey(optionText(o)) === nameKey(chosen));
        if (again) press(again);
        shown = await waitFor(taken, 800);
      }
      await closeList(c);
      return shown ? ok(true, shown) : fail('rejected', `${chosen} → ${p.shown(c) || '∅'}`);
    },
    async restore(c, snap) {
      if (p.shown(c) === snap) return true;
      const empty = async () => {
        if (!p.clear || !(await p.clear(c))) return NO_WAY;
        return settled(() => p.shown(c) === '' || p.shown(c) === snap, 800);
      };
      if (!snap) return empty();
      const r = await driver.write(c, snap);
      // A box that shows its placeholder when empty (`--请选择--`): no option is it, the control held nothing.
      if (!r.ok && r.reason === 'noOption' && PLACEHOLDER.test(snap)) return empty();
      return r.ok;
    },
  };
  return driver;
}

/** A draft date as `YYYY-MM-DD`, whatever format the fill chose for the page (`2024/08/05`, `20240805`). */
export function isoDate(value: string): string {
  const m = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})\D?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
}
