import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { closePopups, fail, input, ok, settled, showsAlready, someOptions, valueOf, visibleAll, type Driver } from '../drivers';
import { formatDateFor, pickOption } from '../options';
import { fire, isShown, key, press, setNativeValue, sleep, waitFor } from '../events';
import { nameKey } from '../../normalize/text';

/** Element Plus (and Element UI 2, same class names). */
function elSelectText(c: ScannedControl): string {
  const item = c.face.querySelector('.el-select__selected-item:not(.is-transparent):not(.el-select__input-wrapper), .el-select__tags-text');
  if (item) return item.textContent?.trim() ?? '';
  const inp = c.face.querySelector('input');
  return inp && !inp.closest('.el-select__input-wrapper') ? inp.value : '';
}

function elSelectDropdown(c: ScannedControl): HTMLElement | undefined {
  const doc = c.face.ownerDocument;
  const id = c.face.querySelector('[aria-controls]')?.getAttribute('aria-controls');
  const list = id ? doc.getElementById(id) : null;
  if (list) return (list.closest('.el-popper') as HTMLElement | null) ?? list;
  // Older Element Plus: the dropdown that is visible now.
  return visibleAll(doc, '.el-select-dropdown')[0];
}

const elSelect: Driver = {
  snapshot: elSelectText,
  read: elSelectText,
  async write(c, value, hint) {
    const current = elSelectText(c);
    if (showsAlready(current, value, hint)) return ok(false, current);
    press(c.face.querySelector('.el-select__wrapper') ?? c.face);
    // The option list is teleported to body; the select's combobox names it in aria-controls.
    const items = await waitFor(() => {
      const drop = elSelectDropdown(c);
      return someOptions(drop && isShown(drop) ? Array.from(drop.querySelectorAll<HTMLElement>('.el-select-dropdown__item')) : []);
    });
    if (!items) return fail('noOption', value);
    const i = pickOption(
      items.map((li) => ({ text: li.textContent ?? '' })),
      value,
      hint,
    );
    if (i < 0 || items[i]!.classList.contains('is-disabled')) {
      await closePopups(c);
      return fail('noOption', value);
    }
    press(items[i]!);
    const shown = await waitFor(() => {
      const t = elSelectText(c);
      return t && nameKey(t) === nameKey(items[i]!.textContent ?? '') ? t : undefined;
    }, 1000);
    return shown ? ok(true, shown) : fail('rejected');
  },
  async restore(c, snap) {
    if (elSelectText(c) === snap) return true;
    if (!snap) {
      // The clear icon shows while hovered.
      for (const t of [c.face, c.face.querySelector('.el-select__wrapper')])
        t?.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
      const clear = await waitFor(() => c.face.querySelector<HTMLElement>('.el-select__clear, .el-input__clear'), 500);
      if (!clear) return false;
      press(clear);
      return settled(() => elSelectText(c) === '', 1000);
    }
    const r = await elSelect.write(c, snap);
    return r.ok;
  },
};

/** Typed text in the display format followed by change is what the Element date picker parses (its input's change handler). */
async function typeElDate(c: ScannedControl, shown: string): Promise<boolean> {
  const el = input(c);
  setNativeValue(el, shown);
  fire(el, 'input');
  fire(el, 'change');
  key(el, 'Enter');
  await sleep(0);
  await closePopups(c);
  return settled(() => el.value === shown, 800);
}

const elDate: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    const shown = formatDateFor(value, el.value || el.getAttribute('placeholder') || '');
    if (el.value === shown) return ok(false, shown);
    if (el.readOnly) return fail('readonly');
    return (await typeElDate(c, shown)) ? ok(true, shown) : fail('rejected', el.value);
  },
  async restore(c, snap) {
    return input(c).value === snap || typeElDate(c, snap);
  },
};

/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const elementPlusUploadAreas = ['.el-upload-dragger', '.el-upload'];

export const elementPlus = /* @__PURE__ */ defineKit({
  name: 'element-plus',
  components: [
    { root: '.el-select', kind: 'el-select', disabled: '.is-disabled' },
    { root: '.el-date-editor', kind: 'el-date', disabled: '.is-disabled', skip: '.el-range-editor' },
  ],
  faces: [],
  formItems: [{ item: '.el-form-item', label: '.el-form-item__label' }],
  drivers: { 'el-select': elSelect, 'el-date': elDate },
  addRow: [],
  uploadAreas: elementPlusUploadAreas,
});
