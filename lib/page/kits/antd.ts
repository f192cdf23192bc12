import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import type { FieldHint } from '../types';
import {
  closePopups,
  fail,
  input,
  isoDate,
  NO_WAY,
  ok,
  pickExact,
  settled,
  showsAlready,
  someOptions,
  typedText,
  typeInto,
  valueOf,
  visibleAll,
  type Driver,
} from '../drivers';
import { dateVariants, pickOption, showsDate } from '../options';
import { fire, isShown, key, mousedown, press, setNativeValue, sleep, waitFor } from '../events';
import { nameKey } from '../../normalize/text';
import { cascaderDriver } from './cascader';

/**
 * Ant Design: React antd ≤ 6 and Ant Design Vue 4, which render the same rc-select / rc-cascader / rc-picker markup
 * (and open their popups on mousedown).
 */
function antSelectText(c: ScannedControl): string {
  // antd ≤ 5: `.ant-select-selection-item`; antd 6: the content box carries the chosen label when it has a value.
  const item = c.face.querySelector('.ant-select-selection-item') ?? c.face.querySelector('.ant-select-content-has-value');
  return item?.getAttribute('title') || item?.textContent?.trim() || '';
}

/** The dropdown of this select: its combobox input names the listbox (`<id>_list`), which lives in the dropdown. */
function antDropdown(c: ScannedControl): HTMLElement | undefined {
  const doc = c.face.ownerDocument;
  const id = c.face.querySelector('input')?.id;
  // With an id, only our own list will do: another select's dropdown may still be visible while it closes.
  const drop = id
    ? doc.getElementById(`${id}_list`)?.closest<HTMLElement>('.ant-select-dropdown')
    : visibleAll(doc, '.ant-select-dropdown')
        .filter((d) => !/-leave/.test(d.className))
        .pop();
  return drop && isShown(drop) && !drop.classList.contains('ant-select-dropdown-hidden') ? drop : undefined;
}

function antOptions(c: ScannedControl): HTMLElement[] {
  const drop = antDropdown(c);
  return drop ? Array.from(drop.querySelectorAll<HTMLElement>('.ant-select-item-option')) : [];
}

const antText = (o: HTMLElement) => o.getAttribute('title') || o.textContent || '';
const pickAnt = (opts: HTMLElement[], value: string, hint?: FieldHint) =>
  pickOption(
    opts.map((o) => ({ text: antText(o) })),
    value,
    hint,
  );
/** Ant Design opens and closes on mousedown, not click (rc-select's selector listens for mousedown). */
const toggleAnt = (c: ScannedControl) => mousedown(c.face.querySelector('.ant-select-selector, .ant-select-content') ?? c.face);

const antSelect: Driver = {
  async choices(c) {
    toggleAnt(c);
    const opts = (await waitFor(() => someOptions(antOptions(c)), 800)) ?? [];
    const texts = opts.map((o) => antText(o).trim());
    if (antDropdown(c)) toggleAnt(c);
    await closePopups(c);
    return texts;
  },
  snapshot: antSelectText,
  read: antSelectText,
  async write(c, value, hint) {
    const current = antSelectText(c);
    if (showsAlready(current, value, hint)) return ok(false, current);
    toggleAnt(c);
    let opts = await waitFor(() => someOptions(antOptions(c)));
    if (!opts) return fail('noOption', value);
    let i = pickAnt(opts, value, hint);
    // Virtual list: only visible options exist. Type to search where allowed, else scroll through the list.
    const search = c.face.querySelector<HTMLInputElement>('input');
    if (i < 0 && search && !search.readOnly) {
      setNativeValue(search, value);
      fire(search, 'input');
      await sleep(50);
      opts = antOptions(c);
      i = pickAnt(opts, value, hint);
    }
    const holder = antDropdown(c)?.querySelector<HTMLElement>('.rc-virtual-list-holder, .ant-select-dropdown-list-holder');
    for (let step = 0; i < 0 && holder && step < 60; step++) {
      const before = holder.scrollTop;
      holder.scrollTop += Math.max(holder.clientHeight - 32, 32);
      fire(holder, 'scroll', { bubbles: false });
      await sleep(30);
      opts = antOptions(c);
      i = pickAnt(opts, value, hint);
      if (holder.scrollTop === before) break;
    }
    if (i < 0) {
      toggleAnt(c);
      await closePopups(c);
      return fail('noOption', value);
    }
    const chosen = antText(opts[i]!);
    const taken = () => (nameKey(antSelectText(c)) === nameKey(chosen) ? chosen : undefined);
    press(opts[i]!);
    let shown = await waitFor(taken, 400);
    // A click that lands while the list is still mounting can be dropped: find the option again and retry once.
    if (!shown) {
      if (!antDropdown(c)) toggleAnt(c);
      await sleep(150);
      const again = antOptions(c).find((o) => nameKey(antText(o)) === nameKey(chosen));
      if (again) press(again);
      shown = await waitFor(taken, 800);
    }
    return shown ? ok(true, shown) : fail('rejected', `${chosen} → ${antSelectText(c) || '∅'}`);
  },
  async restore(c, snap) {
    if (antSelectText(c) === snap) return true;
    if (!snap) {
      c.face.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      const clear = c.face.querySelector<HTMLElement>('.ant-select-clear');
      if (!clear) return NO_WAY;
      mousedown(clear);
      press(clear);
      return settled(() => antSelectText(c) === '', 1000);
    }
    return (await antSelect.write(c, snap)).ok;
  },
};

/**
 * Type a date into an rc-picker as a person does (mousedown opens the panel, the typed text previews, Enter takes it
 * when it parses in the picker's display format). Returns what the input shows afterwards.
 */
async function typeAntDate(el: HTMLInputElement, text: string): Promise<string> {
  mousedown(el);
  // A tab in the background (the user is in the extension's popup) gets no focus events from focus(): send them.
  el.focus();
  fire(el, 'focus', { bubbles: false });
  setNativeValue(el, text);
  fire(el, 'input');
  await sleep(0);
  key(el, 'Enter');
  el.blur();
  fire(el, 'blur', { bubbles: false });
  await sleep(0);
  return el.value;
}

const antDate: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    const iso = isoDate(value);
    if (showsDate(el.value, iso)) return ok(false, el.value);
    // The display format is a prop the page does not show (`YYYY年MM月DD日`): the hinted format first, then the common ones.
    for (const text of [...new Set([value, ...dateVariants(iso, el.getAttribute('placeholder') || el.value)])]) {
      await typeAntDate(el, text);
      if (await settled(() => showsDate(el.value, iso), 300)) return ok(true, el.value);
    }
    return fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    if (!snap) {
      const clear = c.face.querySelector<HTMLElement>('.ant-picker-clear');
      if (!clear) return NO_WAY;
      mousedown(clear);
      press(clear);
      return settled(() => el.value === '', 800);
    }
    await typeAntDate(el, snap);
    return settled(() => el.value === snap, 800);
  },
};

/**
 * An auto-complete keeps what is typed; its list only suggests. Type the draft's text, take the suggestion that is
 * exactly it when one shows (the page may store the option's own value), and read back what the box holds.
 */
const antAutoComplete: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value, hint) {
    const el = input(c);
    if (showsAlready(el.value, value, hint)) return ok(false, el.value);
    const text = typedText(value, hint);
    mousedown(c.face.querySelector('.ant-select-selector') ?? el);
    typeInto(el, text);
    const option = await waitFor(() => {
      const opts = antOptions(c);
      return opts[pickExact(opts.map(antText), value, hint)];
    }, 400);
    if (option) press(option);
    await settled(() => !antDropdown(c), option ? 400 : 0);
    if (antDropdown(c)) key(el, 'Escape');
    el.blur();
    fire(el, 'blur', { bubbles: false });
    return (await settled(() => showsAlready(el.value, value, hint), 400)) ? ok(true, el.value) : fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    typeInto(el, snap);
    if (antDropdown(c)) key(el, 'Escape');
    el.blur();
    return settled(() => el.value === snap, 800);
  },
};

/** rc-cascader: columns of `li` items, an expand icon on those with children; opened on mousedown like a select. */
const antCascader = cascaderDriver({
  opener: '.ant-select-selector',
  open: mousedown,
  dropdown: '.ant-cascader-dropdown',
  menu: '.ant-cascader-menu',
  node: '.ant-cascader-menu-item',
  label: '.ant-cascader-menu-item-content',
  arrow: '.ant-cascader-menu-item-expand-icon',
  disabled: '.ant-cascader-menu-item-disabled',
  shown: (root) => {
    const item = root.querySelector('.ant-select-selection-item');
    return item?.getAttribute('title') || item?.textContent?.trim() || '';
  },
  clear: '.ant-select-clear',
});

/** The total registry: a kind without a driver is a compile error. */

/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const antdUploadAreas = ['.ant-upload-drag', '.ant-upload'];

export const antd = /* @__PURE__ */ defineKit({
  name: 'antd',
  components: [
    { root: '.ant-cascader', kind: 'antd-cascader', disabled: '.ant-select-disabled' },
    { root: '.ant-select-auto-complete', kind: 'antd-autocomplete', disabled: '.ant-select-disabled' },
    { root: '.ant-select', kind: 'antd-select', disabled: '.ant-select-disabled' },
    { root: '.ant-picker', kind: 'antd-date', disabled: '.ant-picker-disabled', skip: '.ant-picker-range' },
  ],
  faces: [],
  formItems: [{ item: '.ant-form-item', label: '.ant-form-item-label label, .ant-form-item-label' }],
  drivers: {
    'antd-select': antSelect,
    'antd-autocomplete': antAutoComplete,
    'antd-cascader': antCascader,
    'antd-date': antDate,
  },
  addRow: [],
  uploadAreas: antdUploadAreas,
  // rc-select numbers the inputs of selects outside a named form (`rc_select_0`, `rc_select_1`, …).
  generatedIds: /^rc_select_\d+$/,
});
