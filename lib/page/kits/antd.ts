import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import type { FieldHint } from '../types';
import { closePopups, fail, input, ok, settled, showsAlready, someOptions, valueOf, visibleAll, type Driver } from '../drivers';
import { formatDateFor, pickOption } from '../options';
import { fire, isShown, key, mousedown, press, setNativeValue, sleep, waitFor } from '../events';
import { nameKey } from '../../normalize/text';

/** Ant Design (React antd ≤ 6; rc-select / rc-picker markup). */
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
      if (!clear) return false;
      mousedown(clear);
      press(clear);
      return settled(() => antSelectText(c) === '', 1000);
    }
    return (await antSelect.write(c, snap)).ok;
  },
};

const antDate: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    const shown = formatDateFor(value, el.value || el.getAttribute('placeholder') || '');
    if (el.value === shown) return ok(false, shown);
    mousedown(el);
    el.focus();
    setNativeValue(el, shown);
    fire(el, 'input');
    await sleep(0);
    key(el, 'Enter');
    el.blur();
    return (await settled(() => el.value === shown, 800)) ? ok(true, shown) : fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    if (!snap) {
      const clear = c.face.querySelector<HTMLElement>('.ant-picker-clear');
      if (clear) {
        mousedown(clear);
        press(clear);
      }
      return settled(() => el.value === '', 800);
    }
    return (await antDate.write(c, snap)).ok;
  },
};

/** The total registry: a kind without a driver is a compile error. */

/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const antdUploadAreas = ['.ant-upload-drag', '.ant-upload'];

export const antd = /* @__PURE__ */ defineKit({
  name: 'antd',
  components: [
    { root: '.ant-select', kind: 'antd-select', disabled: '.ant-select-disabled' },
    { root: '.ant-picker', kind: 'antd-date', disabled: '.ant-picker-disabled', skip: '.ant-picker-range' },
  ],
  faces: [],
  formItems: [{ item: '.ant-form-item', label: '.ant-form-item-label label, .ant-form-item-label' }],
  drivers: { 'antd-select': antSelect, 'antd-date': antDate },
  addRow: [],
  uploadAreas: antdUploadAreas,
});
