import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { fail, isoDate, NO_WAY, ok, popupSelect, visibleAll, type Driver } from '../drivers';
import { dateVariants, showsDate } from '../options';
import { isShown, key, nearestPopup, press, setNativeValue, sleep, waitFor } from '../events';
import { toggleDriver } from './aria';
import { cascaderDriver } from './cascader';

/**
 * TDesign Vue Next: no ARIA roles on its select and date picker, options in a teleported `.t-popup`, a date picker
 * whose input is read-only to a person (its own handlers still parse what reaches the input).
 */
const inputOf = (c: ScannedControl) => c.face.querySelector<HTMLInputElement>('input')!;
const tInput = (c: ScannedControl) => c.face.querySelector<HTMLElement>('.t-input') ?? c.face;

/**
 * The options of this select's popup. TDesign teleports every popup to body without naming its trigger, and the
 * popup of the select used just before stays shown while it fades out: ours is the one not leaving, nearest the input.
 */
function openOptions(c: ScannedControl): HTMLElement[] {
  const pop = nearestPopup(visibleAll(c.face.ownerDocument, '.t-popup.t-select__dropdown'), tInput(c));
  return pop ? Array.from(pop.querySelectorAll<HTMLElement>('.t-select-option')) : [];
}

/** A clearable control shows its clear icon while the pointer is over its `.t-input` (not over the component root). */
function showClear(c: ScannedControl): Promise<HTMLElement | undefined> {
  tInput(c).dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
  // Rendered on Vue's next tick; absent for good on a control that is not clearable.
  return waitFor(() => c.face.querySelector<HTMLElement>('.t-input__suffix-clear') ?? undefined, 300);
}

/** Close the popup as a click elsewhere does (TDesign's popup listens to the document). */
function clickAway(c: ScannedControl): void {
  key(inputOf(c), 'Escape');
  const body = c.face.ownerDocument.body;
  press(body);
}

const tdSelect = popupSelect({
  // While the list is open a filterable select shows the typed filter; closed, its input shows the chosen label.
  shown: (c) => inputOf(c).value.trim(),
  open: (c) => press(tInput(c)),
  options: openOptions,
  search: inputOf,
  close: clickAway,
  async clear(c) {
    const x = await showClear(c);
    if (x) press(x);
    return !!x;
  },
});

const panelOpen = (c: ScannedControl) => visibleAll(c.face.ownerDocument, '.t-popup .t-date-picker__panel').length > 0;

/** Type the date in a display format and press Enter, with the panel open as after a person's click. */
async function typeDate(c: ScannedControl, shown: string): Promise<void> {
  const el = inputOf(c);
  if (!panelOpen(c)) press(tInput(c));
  await waitFor(() => panelOpen(c), 600);
  setNativeValue(el, shown);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: shown }));
  await sleep(0);
  key(el, 'Enter');
  await sleep(30);
  if (panelOpen(c)) clickAway(c);
}

const tdDate: Driver = {
  snapshot: (c) => inputOf(c).value,
  read: (c) => inputOf(c).value,
  async write(c, value) {
    const el = inputOf(c);
    const iso = isoDate(value);
    if (showsDate(el.value, iso)) return ok(false, el.value);
    // The display format is the picker's own (`YYYY年MM月DD日`): the one the page hints first, then the usual ones.
    for (const shown of [...new Set([value, ...dateVariants(iso, el.getAttribute('placeholder') ?? '')])]) {
      await typeDate(c, shown);
      if (await waitFor(() => showsDate(el.value, iso) && isShown(el), 300)) return ok(true, el.value);
    }
    return fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = inputOf(c);
    if (el.value === snap) return true;
    if (!snap) {
      const x = await showClear(c);
      if (!x) return NO_WAY;
      press(x);
    } else await typeDate(c, snap);
    return !!(await waitFor(() => el.value === snap, 600));
  },
};

/** t-cascader: a select-input whose popup (`.t-cascader__popup`) holds one menu per level; a node with children has an icon. */
const tdCascader = cascaderDriver({
  opener: '.t-input',
  dropdown: '.t-popup.t-cascader__popup',
  menu: '.t-cascader__menu',
  node: '.t-cascader__item',
  label: '.t-cascader__item-label',
  arrow: '.t-cascader__item-icon',
  disabled: '.t-is-disabled',
  shown: (root) => root.querySelector('input')?.value.trim() ?? '',
  clear: '.t-input__suffix-clear',
});

export const tdesign = /* @__PURE__ */ defineKit({
  name: 'tdesign',
  components: [
    { root: '.t-cascader', kind: 'td-cascader', disabled: '.t-is-disabled' },
    { root: '.t-select', kind: 'td-select', disabled: '.t-is-disabled' },
    { root: '.t-date-picker', kind: 'td-date', disabled: '.t-is-disabled' },
    // A `div` toggled by its click, no input and no role: on is `.t-is-checked`.
    { root: '.t-switch', kind: 'td-switch', disabled: '.t-is-disabled' },
  ],
  faces: [],
  formItems: [{ item: '.t-form__item', label: '.t-form__label' }],
  drivers: {
    'td-cascader': tdCascader,
    'td-select': tdSelect,
    'td-date': tdDate,
    'td-switch': toggleDriver((face) => face.classList.contains('t-is-checked')),
  },
  addRow: [],
  uploadAreas: ['.t-upload__dragger'],
});
