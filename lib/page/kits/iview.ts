import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import type { FieldHint } from '../types';
import { closePopups, fail, NO_WAY, ok, settled, showsAlready, text, type Driver } from '../drivers';
import { dateVariants, pickOption, showsDate } from '../options';
import { fire, key, mouse, nearestPopup, press, sleep, typeInto, waitFor } from '../events';
import { nameKey } from '../../normalize/text';
import { cascaderDriver } from './cascader';
import { numberBox } from './number-box';
import { toggleDriver } from './aria';

/**
 * iView 3 / View UI (Vue 2): `.ivu-*` components. Radios and checkboxes are native inputs inside labels (the generic
 * drivers click them; a checkbox's custom true-value is the page's business), the rest have drivers here.
 */

/** What a select shows: its value span, or the query box of a filterable one (which holds the chosen label). */
function ivSelectText(c: ScannedControl): string {
  const span = c.face.querySelector<HTMLElement>('.ivu-select-selected-value');
  if (span && span.style.display !== 'none' && span.textContent?.trim()) return span.textContent.trim();
  return c.face.querySelector<HTMLInputElement>('input.ivu-select-input')?.value ?? '';
}

/** The open option list of this select: inside it, or transferred to body (then the open one nearest the select). */
function ivOptions(c: ScannedControl): HTMLElement[] {
  const drops = Array.from(c.face.ownerDocument.querySelectorAll<HTMLElement>('.ivu-select-dropdown')).filter((d) =>
    d.querySelector('.ivu-select-dropdown-list'),
  );
  const drop = nearestPopup(drops, c.face);
  if (!drop) return [];
  return Array.from(drop.querySelectorAll<HTMLElement>('li.ivu-select-item')).filter((li) => li.style.display !== 'none');
}

const optionText = (o: HTMLElement) => o.textContent?.trim() ?? '';
const pickIv = (items: HTMLElement[], value: string, hint?: FieldHint) =>
  pickOption(
    items.map((li) => ({ text: optionText(li) })),
    value,
    hint,
  );

async function closeIvSelect(c: ScannedControl): Promise<void> {
  const head = c.face.querySelector('.ivu-select-selection');
  if (head) key(head, 'Escape');
  await closePopups(c);
  // The dropdown also closes on a click outside the select.
  if (ivOptions(c).length) press(c.face.ownerDocument.body);
}

/** The options once `query` typed into a filterable select shows the wanted one (iView re-renders only the matching). */
async function filterIv(c: ScannedControl, query: HTMLInputElement, typed: string, value: string, hint?: FieldHint) {
  typeInto(query, typed);
  return waitFor(() => {
    const items = ivOptions(c);
    const i = pickIv(items, value, hint);
    return i >= 0 ? { items, i } : undefined;
  }, 1500);
}

const ivSelect: Driver = {
  snapshot: ivSelectText,
  read: ivSelectText,
  async write(c, value, hint) {
    const current = ivSelectText(c);
    if (showsAlready(current, value, hint)) return ok(false, current);
    press(c.face.querySelector('.ivu-select-selection') ?? c.face);
    // A remote select opens empty until something is typed.
    let items = (await waitFor(() => (ivOptions(c).length ? ivOptions(c) : undefined), 800)) ?? [];
    let i = pickIv(items, value, hint);
    const query = c.face.querySelector<HTMLInputElement>('input.ivu-select-input');
    if (query && !query.disabled) {
      // Filterable: type as a user does (the option's own text when the list shows it), then pick the exact option.
      const typed = await filterIv(c, query, i >= 0 ? optionText(items[i]!) : value, value, hint);
      const found = typed ?? (i >= 0 ? await filterIv(c, query, '', value, hint) : undefined);
      items = found?.items ?? [];
      i = found?.i ?? -1;
    }
    if (i < 0 || items[i]!.classList.contains('ivu-select-item-disabled')) {
      await closeIvSelect(c);
      return fail('noOption', value);
    }
    const chosen = optionText(items[i]!);
    press(items[i]!);
    const shown = await waitFor(() => (nameKey(ivSelectText(c)) === nameKey(chosen) ? ivSelectText(c) : undefined), 1000);
    if (!shown) await closeIvSelect(c);
    return shown ? ok(true, shown) : fail('rejected', `${chosen} → ${ivSelectText(c) || '∅'}`);
  },
  async restore(c, snap) {
    if (ivSelectText(c) === snap) return true;
    if (!snap) {
      // The clear icon replaces the arrow while the pointer is over a clearable select.
      mouse(c.face.querySelector('.ivu-select-selection') ?? c.face, 'mouseenter');
      const clear = await waitFor(() => c.face.querySelector<HTMLElement>('.ivu-icon-ios-close-circle'), 500);
      if (!clear) return NO_WAY;
      press(clear);
      return settled(() => ivSelectText(c) === '', 1000);
    }
    return (await ivSelect.write(c, snap)).ok;
  },
};

/** The picker's text box: iView replaces it (a new element) when it refuses a typed text. */
const dateInput = (c: ScannedControl) => c.face.querySelector<HTMLInputElement>('input.ivu-input') ?? (c.el as HTMLInputElement);

/**
 * Typed text is taken on change, parsed in the picker's display format. Enter is not pressed: iView's Enter picks the
 * day highlighted in the panel, not the typed one.
 */
async function typeIvDate(c: ScannedControl, shown: string): Promise<void> {
  const el = dateInput(c);
  typeInto(el, shown);
  fire(el, 'change');
  await sleep(0);
}

const ivDate: Driver = {
  snapshot: (c) => dateInput(c).value,
  read: (c) => dateInput(c).value,
  async write(c, value) {
    const current = dateInput(c);
    if (showsDate(current.value, value)) return ok(false, current.value);
    if (current.readOnly) return fail('readonly');
    for (const shown of dateVariants(value, current.getAttribute('placeholder') || current.value)) {
      await typeIvDate(c, shown);
      if (await settled(() => showsDate(dateInput(c).value, value), 300)) return ok(true, dateInput(c).value);
    }
    return fail('rejected', dateInput(c).value);
  },
  async restore(c, snap) {
    if (dateInput(c).value === snap) return true;
    if (snap) {
      await typeIvDate(c, snap);
    } else {
      // Cleared through the icon a clearable picker shows while hovered.
      mouse(c.face.querySelector('.ivu-date-picker-editor') ?? c.face, 'mouseenter');
      const clear = await waitFor(() => c.face.querySelector<HTMLElement>('.ivu-icon-ios-close-circle'), 500);
      if (!clear) return NO_WAY;
      press(clear);
    }
    return settled(() => dateInput(c).value === snap, 800);
  },
};

const ivCascader = cascaderDriver({
  opener: '.ivu-cascader-rel',
  dropdown: '.ivu-select-dropdown',
  menu: '.ivu-cascader-menu',
  node: '.ivu-cascader-menu-item',
  arrow: '.ivu-icon',
  disabled: '.ivu-cascader-menu-item-disabled',
  shown: (root) =>
    root.querySelector<HTMLInputElement>('input.ivu-input')?.value || root.querySelector('.ivu-cascader-label')?.textContent?.trim() || '',
  clear: '.ivu-icon-ios-close-circle',
});

/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const iviewUploadAreas = ['.ivu-upload-drag'];

export const iview = /* @__PURE__ */ defineKit({
  name: 'iview',
  components: [
    // An AutoComplete is a select around a text box: typed text is its value (before `.ivu-select`, which it also is).
    { root: '.ivu-auto-complete.ivu-select', kind: 'iv-autocomplete', disabled: '.ivu-select-disabled' },
    { root: '.ivu-select', kind: 'iv-select', disabled: '.ivu-select-disabled' },
    { root: '.ivu-date-picker', kind: 'iv-date', disabled: '.ivu-input-disabled' },
    { root: '.ivu-cascader', kind: 'iv-cascader', disabled: '.ivu-cascader-disabled, .ivu-input-disabled' },
    { root: '.ivu-input-number', kind: 'iv-number', disabled: '.ivu-input-number-disabled' },
    // A Switch is a span with a hidden input (no role): on when it carries its checked class.
    { root: '.ivu-switch', kind: 'iv-switch', disabled: '.ivu-switch-disabled' },
  ],
  faces: [],
  formItems: [{ item: '.ivu-form-item', label: '.ivu-form-item-label' }],
  drivers: {
    'iv-autocomplete': text,
    'iv-select': ivSelect,
    'iv-date': ivDate,
    'iv-cascader': ivCascader,
    'iv-number': numberBox,
    'iv-switch': toggleDriver((face) => face.classList.contains('ivu-switch-checked')),
  },
  addRow: [],
  // An icon-only button's name is often only in its Tooltip, rendered hidden beside it (not transferred by default).
  tooltips: [{ around: '.ivu-tooltip', text: '.ivu-tooltip-inner' }],
  uploadAreas: iviewUploadAreas,
});
