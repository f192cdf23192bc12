import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { fail, isoDate, NO_WAY, ok, pickExact, popupSelect, settled, visibleAll, type Driver } from '../drivers';
import { showsDate, wantsChecked } from '../options';
import { blurLikeUser, focusLikeUser, isShown, key, press, setNativeValue, sleep, waitFor } from '../events';
import { nameKey } from '../../normalize/text';

/**
 * The generic path: WAI-ARIA widgets of any library without a kit (MUI, Headless UI, Radix, Naive UI, …). A
 * `role=combobox` opening a `role=listbox` of `role=option`, a `role=radiogroup` of `role=radio`, `role=switch` /
 * `role=checkbox` with `aria-checked`, and a date field of `role=spinbutton` sections. Tried after every kit.
 */

const text = (el: Element) => (el.textContent ?? '').replace(/[\u200b\ufeff]/g, '').trim();

function comboInput(c: ScannedControl): HTMLInputElement | null {
  return c.face.tagName === 'INPUT'
    ? (c.face as HTMLInputElement)
    : c.face.querySelector<HTMLInputElement>('input:not([type=hidden]):not([aria-hidden=true])');
}

/** What the combobox shows: its input's value, else its own text. */
function comboShown(c: ScannedControl): string {
  const input = comboInput(c);
  return input ? input.value.trim() : text(c.face);
}

/** The listbox this combobox controls (aria-controls / aria-owns), else the listbox that just opened. */
function listbox(c: ScannedControl): HTMLElement | undefined {
  const doc = c.face.ownerDocument;
  const holders = [c.face, ...Array.from(c.face.querySelectorAll('[aria-controls], [aria-owns]'))];
  for (const h of holders)
    for (const attr of ['aria-controls', 'aria-owns'])
      for (const id of (h.getAttribute(attr) ?? '').split(/\s+/)) {
        const t = id ? doc.getElementById(id) : null;
        const lb = t && (t.matches('[role=listbox]') ? t : t.querySelector<HTMLElement>('[role=listbox]'));
        if (lb && isShown(lb)) return lb;
      }
  if (c.face.getAttribute('aria-expanded') !== 'true') return undefined;
  return visibleAll(doc, '[role=listbox]').pop();
}

/** A clear button's name (MUI Autocomplete's `Clear`, a localised `清除`), as its label, title or text gives it. */
const CLEAR_NAME = /^\s*(clear|清除|清空)/i;

/**
 * The clear button beside a combobox: a button named as clearing, inside the nearest wrapper (up to three levels up)
 * that holds no other combobox, so a neighbour's button is never taken.
 */
export function clearButton(c: ScannedControl): HTMLElement | undefined {
  let box: Element | null = c.face;
  for (let up = 0; box && up < 4; up++, box = box.parentElement) {
    if (up > 0 && Array.from(box.querySelectorAll('[role=combobox]')).some((x) => x !== c.face && !c.face.contains(x))) break;
    const b = Array.from(box.querySelectorAll<HTMLElement>('button, [role=button]')).find((x) => CLEAR_NAME.test(nameOf(x)));
    if (b) return b;
  }
  return undefined;
}

/**
 * Empty a combobox as a person does: its clear button, else (an editable one) select the text and delete it; a
 * select-only combobox without a clear button has no way to go back to empty.
 */
async function clearCombobox(c: ScannedControl): Promise<boolean> {
  const button = clearButton(c);
  if (button) {
    press(button);
    return true;
  }
  const input = comboInput(c);
  if (!input || input.readOnly || input.disabled) return false;
  input.focus();
  input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Backspace' }));
  setNativeValue(input, '');
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Backspace' }));
  await sleep(0);
  if (listbox(c)) key(input, 'Escape');
  blurLikeUser(input);
  return true;
}

const ariaCombobox = popupSelect({
  shown: comboShown,
  open(c) {
    press(c.face);
    // Keyboard path where a click does not open it.
    if (c.face.getAttribute('aria-expanded') === 'false') key(c.face, 'ArrowDown');
  },
  options: (c) => Array.from(listbox(c)?.querySelectorAll<HTMLElement>('[role=option]') ?? []),
  search: comboInput,
  close: (c) => key(comboInput(c) ?? c.face, 'Escape'),
  freeText: true,
  clear: clearCombobox,
});

const radioText = (r: HTMLElement) => r.getAttribute('aria-label') || text(r);

/**
 * One choice among items that say which is on by an attribute: a `role=radiogroup` of `role=radio` (`aria-checked`),
 * or a group of toggle buttons (`aria-pressed`, an exclusive toolbar of 学术学位 / 专业学位).
 */
function choiceGroup(item: string, attr: string): Driver {
  const items = (c: ScannedControl) => Array.from(c.face.querySelectorAll<HTMLElement>(item));
  const on = (el: Element) => el.getAttribute(attr) === 'true';
  return {
    snapshot: (c) => String(items(c).findIndex(on)),
    read: (c) => {
      const r = items(c).find(on);
      return r ? radioText(r) : '';
    },
    async write(c, value, hint) {
      const all = items(c);
      const i = pickExact(all.map(radioText), value, hint);
      if (i < 0) return fail('noOption', value);
      const r = all[i]!;
      if (on(r)) return ok(false, radioText(r));
      if (r.getAttribute('aria-disabled') === 'true' || (r as HTMLButtonElement).disabled) return fail('disabled');
      press(r);
      return (await settled(() => on(r))) ? ok(true, radioText(r)) : fail('rejected');
    },
    async restore(c, snap) {
      const r = items(c)[Number(snap)];
      // Nothing was chosen before: a person cannot un-choose a radio.
      if (!r) return items(c).every((x) => !on(x)) || NO_WAY;
      if (!on(r)) press(r);
      return settled(() => on(r));
    },
  };
}

const ariaRadio = choiceGroup('[role=radio]', 'aria-checked');
const ariaToggles = choiceGroup('[aria-pressed]', 'aria-pressed');
const isChecked = (el: Element) => el.getAttribute('aria-checked') === 'true';

/** A two-state control (switch, custom checkbox) pressed until `isOn` says what the draft wants; reads 是/否. */
export function toggleDriver(isOn: (face: HTMLElement) => boolean): Driver {
  return {
    snapshot: (c) => (isOn(c.face) ? '1' : '0'),
    read: (c) => (isOn(c.face) ? '是' : '否'),
    async write(c, value) {
      const want = wantsChecked(value);
      if (want === undefined) return fail('noOption', value);
      if (isOn(c.face) === want) return ok(false, want ? '是' : '否');
      press(c.face);
      return (await settled(() => isOn(c.face) === want)) ? ok(true, want ? '是' : '否') : fail('rejected');
    },
    async restore(c, snap) {
      if (isOn(c.face) !== (snap === '1')) press(c.face);
      return settled(() => isOn(c.face) === (snap === '1'));
    },
  };
}

const ariaCheck = toggleDriver(isChecked);

/** A date field of `role=spinbutton` sections (year, month, day), typed section by section as a person does. */
const sections = (c: ScannedControl) => Array.from(c.face.querySelectorAll<HTMLElement>('[role=spinbutton]'));

function segmentsShown(c: ScannedControl): string {
  const hidden = c.face.querySelector<HTMLInputElement>('input');
  if (hidden) return hidden.value;
  const s = sections(c);
  return s.every((x) => x.hasAttribute('aria-valuenow')) ? s.map((x) => x.getAttribute('aria-valuenow')).join('-') : '';
}

/** Digits for each section, by its range: 4 for a year, 2 for month and day. */
function sectionDigits(section: HTMLElement, y: string, m: string, d: string): string {
  const max = Number(section.getAttribute('aria-valuemax'));
  const label = section.getAttribute('aria-label') ?? '';
  if (max > 31 || /年|year/i.test(label)) return y;
  if (max === 12 || /月|month/i.test(label)) return m;
  return d;
}

async function typeSections(c: ScannedControl, iso: string): Promise<void> {
  const [y = '', m = '', d = ''] = iso.split('-');
  for (const s of sections(c)) {
    focusLikeUser(s);
    await sleep(0);
    for (const ch of sectionDigits(s, y, m, d)) {
      s.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: ch }));
      s.textContent = ch;
      s.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ch }));
      s.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: ch }));
      await sleep(0);
    }
  }
  const last = c.face.ownerDocument.activeElement as HTMLElement | null;
  if (last && c.face.contains(last)) blurLikeUser(last);
}

const ariaDate: Driver = {
  snapshot: segmentsShown,
  read: segmentsShown,
  async write(c, value) {
    const iso = isoDate(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return fail('rejected', value);
    if (showsDate(segmentsShown(c), iso)) return ok(false, segmentsShown(c));
    await typeSections(c, iso);
    return (await settled(() => showsDate(segmentsShown(c), iso), 800)) ? ok(true, segmentsShown(c)) : fail('rejected', segmentsShown(c));
  },
  async restore(c, snap) {
    if (segmentsShown(c) === snap) return true;
    if (!snap) {
      // A clearable field's own clear button (MUI X `clearable`), else each section emptied by Backspace.
      const button = clearButton(c);
      if (button) {
        press(button);
        if (await settled(() => nameKey(segmentsShown(c)) === '', 600)) return true;
      }
      for (const s of sections(c)) {
        focusLikeUser(s);
        await sleep(0);
        // What the browser does with a Backspace the page lets through: an editable section loses its text.
        const through = s.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Backspace' }));
        if (through && s.getAttribute('contenteditable') === 'true' && s.textContent) {
          s.textContent = '';
          s.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
        }
        s.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Backspace' }));
        await sleep(0);
      }
      const last = c.face.ownerDocument.activeElement as HTMLElement | null;
      if (last && c.face.contains(last)) blurLikeUser(last);
      return settled(() => nameKey(segmentsShown(c)) === '', 600);
    }
    const iso = /(\d{4})\D?(\d{2})\D?(\d{2})/.exec(snap);
    if (iso) await typeSections(c, `${iso[1]}-${iso[2]}-${iso[3]}`);
    return settled(() => segmentsShown(c) === snap, 600);
  },
};

/**
 * A date picker behind a read-only input (the WAI-ARIA date picker dialog): the input, or a button beside it named
 * as a calendar (`选择日期`, `Choose date`) or marked `aria-haspopup=dialog`, opens a `role=dialog` holding a grid of
 * days under a month title (`2024年8月`), with buttons to the previous/next month and year. The day is chosen as a
 * person does: step to the month, click the day, confirm when the dialog asks for it; the input then shows the date.
 */
const PICKER_BUTTON_NAME = /日期|日历|date|calendar/i;
const NAV = {
  prevYear: /上一年|前一年|prev(ious)?\s*year/i,
  nextYear: /下一年|后一年|next\s*year/i,
  prevMonth: /上一?个?月|前一月|prev(ious)?\s*month/i,
  nextMonth: /下一?个?月|后一月|next\s*month/i,
};
const CONFIRM = /^(确定|确认|ok|done|选择|choose)$/i;
const nameOf = (el: Element) => el.getAttribute('aria-label') || el.getAttribute('title') || text(el);

/** The button beside a read-only input that opens its date picker, if there is one. */
function pickerButton(input: Element): HTMLElement | undefined {
  for (let b = input.parentElement?.firstElementChild; b; b = b.nextElementSibling)
    if (
      b !== input &&
      b.matches('button, [role=button]') &&
      (b.getAttribute('aria-haspopup') === 'dialog' || PICKER_BUTTON_NAME.test(nameOf(b)))
    )
      return b as HTMLElement;
  return undefined;
}

/** Whether a read-only input is the face of a date picker dialog (scan makes it an `aria-date-dialog`, not blocked). */
export const opensDatePicker = (input: Element): boolean => input.getAttribute('aria-haspopup') === 'dialog' || !!pickerButton(input);

const GRID = '[role=grid], table';

function shownMonth(dialog: HTMLElement): [number, number] | undefined {
  const doc = dialog.ownerDocument;
  const grid = dialog.querySelector(GRID);
  const byIds = (grid?.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (doc.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
  const heading = dialog.querySelector('h1, h2, h3, h4, h5, h6, [role=heading], [aria-live]');
  for (const t of [byIds, grid?.getAttribute('aria-label') ?? '', heading ? text(heading) : '']) {
    const m = /(\d{4})\s*[年./-]\s*(\d{1,2})/.exec(t);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return undefined;
}

const navButton = (dialog: HTMLElement, re: RegExp) =>
  Array.from(dialog.querySelectorAll<HTMLElement>('button, [role=button]')).find((b) => re.test(nameOf(b)));

/** The cell of `day` in the grid shown: days of the months around it repeat small numbers late and large ones early. */
function dayCell(dialog: HTMLElement, day: number): HTMLElement | undefined {
  const grid = dialog.querySelector(GRID);
  const cells = Array.from(grid?.querySelectorAll<HTMLElement>('[role=gridcell], td') ?? []).filter(
    (c) => text(c) === String(day) && c.getAttribute('aria-disabled') !== 'true' && !c.querySelector(':disabled'),
  );
  const cell = day < 15 ? cells[0] : cells[cells.length - 1];
  return cell?.querySelector<HTMLElement>('button, [role=button]') ?? cell;
}

async function pickDay(c: ScannedControl, iso: string): Promise<boolean> {
  const doc = c.face.ownerDocument;
  const [ty, tm, td] = iso.split('-').map(Number) as [number, number, number];
  press(pickerButton(c.el) ?? c.el);
  const dialog = await waitFor(() => visibleAll(doc, '[role=dialog]').find((d) => d.querySelector(GRID)), 1000);
  if (!dialog) return false;
  const close = () => key(doc.activeElement && dialog.contains(doc.activeElement) ? doc.activeElement : dialog, 'Escape');
  for (let guard = 0; guard < 240; guard++) {
    const at = shownMonth(dialog);
    if (!at) break;
    const diff = (ty - at[0]) * 12 + (tm - at[1]);
    if (diff === 0) {
      const cell = dayCell(dialog, td);
      if (!cell) break;
      press(cell);
      await sleep(0);
      if (isShown(dialog)) {
        const confirm = Array.from(dialog.querySelectorAll<HTMLElement>('button, [role=button]')).find((b) => CONFIRM.test(text(b)));
        if (confirm) press(confirm);
      }
      return true;
    }
    const step =
      (Math.abs(diff) >= 12 && navButton(dialog, diff > 0 ? NAV.nextYear : NAV.prevYear)) ||
      navButton(dialog, diff > 0 ? NAV.nextMonth : NAV.prevMonth);
    if (!step) break;
    const before = `${at[0]}-${at[1]}`;
    press(step);
    if (!(await settled(() => shownMonth(dialog)?.join('-') !== before, 500))) break;
  }
  close();
  return false;
}

const dialogValue = (c: ScannedControl) => (c.el as HTMLInputElement).value;

const ariaDateDialog: Driver = {
  snapshot: dialogValue,
  read: dialogValue,
  async write(c, value) {
    const iso = isoDate(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return fail('rejected', value);
    if (showsDate(dialogValue(c), iso)) return ok(false, dialogValue(c));
    if (!(await pickDay(c, iso))) return fail('rejected', dialogValue(c));
    return (await settled(() => showsDate(dialogValue(c), iso), 800)) ? ok(true, dialogValue(c)) : fail('rejected', dialogValue(c));
  },
  // The picker cannot be told to forget a date, unless a clear button beside it does; another date is picked again.
  async restore(c, snap) {
    if (dialogValue(c) === snap) return true;
    if (!snap) {
      const button = clearButton(c);
      if (!button) return NO_WAY;
      press(button);
      return settled(() => dialogValue(c) === '', 600);
    }
    const iso = isoDate(snap);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && (await pickDay(c, iso))) return settled(() => dialogValue(c) === snap, 600);
    return false;
  },
};

/**
 * Ids a framework or headless library numbers itself for the inputs it renders: React's `useId` (`:r5:` in 18, `«r5»`
 * in 19.0, `_r_5_` since 19.1, with `R` on the server, maybe after a prefix), Vue's `useId` (`v-3`, `v-1-2`), Angular
 * Material's `mat-input-3`, Headless UI's and Radix's prefixed ones, MUI's `mui-123`. A counter: no row, no field code.
 */
const FRAMEWORK_IDS =
  /(:[rR][\da-zA-Z]*:|«[rR][\da-zA-Z]*»|(^|[-_])_?[rR]_[\da-zA-Z]+_)|^(v(-\d+)+|mat-[a-z-]+-\d+|mui-\d+|headlessui-|radix-)/;

export const aria = /* @__PURE__ */ defineKit({
  name: 'aria',
  components: [
    { root: '[role=combobox]', kind: 'aria-combobox', disabled: '[aria-disabled=true], :disabled' },
    { root: '[role=radiogroup]', kind: 'aria-radio', disabled: '[aria-disabled=true]', has: '[role=radio]' },
    { root: '[role=switch]:not(input), [role=checkbox]:not(input)', kind: 'aria-check', disabled: '[aria-disabled=true], :disabled' },
    { root: '[role=group]', kind: 'aria-date', disabled: '[aria-disabled=true]', has: '[role=spinbutton]' },
    { root: '[role=group]', kind: 'aria-toggles', disabled: '[aria-disabled=true]', has: '[aria-pressed]' },
  ],
  faces: [],
  formItems: [],
  drivers: {
    'aria-combobox': ariaCombobox,
    'aria-radio': ariaRadio,
    'aria-toggles': ariaToggles,
    'aria-date-dialog': ariaDateDialog,
    'aria-check': ariaCheck,
    'aria-date': ariaDate,
  },
  addRow: [],
  uploadAreas: [],
  generatedIds: FRAMEWORK_IDS,
});
