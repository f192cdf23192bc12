import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { closePopups, fail, input, NO_WAY, ok, settled, showsAlready, someOptions, valueOf, type Driver } from '../drivers';
import { dateVariants, pickOption, showsDate } from '../options';
import { fire, isShown, key, nearestPopup, press, sleep, typeInto, waitFor } from '../events';
import type { FieldHint } from '../types';
import { nameKey } from '../../normalize/text';

/** Element Plus (and Element UI 2, same class names). */
function elSelectText(c: ScannedControl): string {
  const item = c.face.querySelector('.el-select__selected-item:not(.is-transparent):not(.el-select__input-wrapper), .el-select__tags-text');
  if (item) return item.textContent?.trim() ?? '';
  const inp = c.face.querySelector('input');
  return inp && !inp.closest('.el-select__input-wrapper') ? inp.value : '';
}

/**
 * The option list of this select. Element Plus names it in its combobox's aria-controls; Element UI 2 (and older
 * Element Plus) teleport it to body unnamed: the open one nearest the select.
 */
function elSelectDropdown(c: ScannedControl): HTMLElement | undefined {
  const doc = c.face.ownerDocument;
  const id = c.face.querySelector('[aria-controls]')?.getAttribute('aria-controls');
  const list = id ? doc.getElementById(id) : null;
  if (list) return (list.closest('.el-popper') as HTMLElement | null) ?? list;
  return nearestPopup(Array.from(doc.querySelectorAll<HTMLElement>('.el-select-dropdown')), c.face);
}

/**
 * The options a user sees now: a filterable select hides the ones its query excludes with v-show (an inline
 * `display: none`, read without layout: a list may hold thousands).
 */
function elOptions(c: ScannedControl): HTMLElement[] {
  const drop = elSelectDropdown(c);
  if (!drop || !isShown(drop)) return [];
  return Array.from(drop.querySelectorAll<HTMLElement>('.el-select-dropdown__item')).filter((li) => li.style.display !== 'none');
}

/** The box a filterable select takes its query from; read-only when the select is not filterable (or closed, in Element UI 2). */
function elQueryInput(c: ScannedControl): HTMLInputElement | undefined {
  const el = c.face.querySelector<HTMLInputElement>('input.el-select__input, input.el-input__inner');
  return el && !el.readOnly && !el.disabled ? el : undefined;
}

const optionText = (o: HTMLElement) => o.textContent?.trim() ?? '';
const pickEl = (items: HTMLElement[], value: string, hint?: FieldHint) =>
  pickOption(
    items.map((li) => ({ text: optionText(li) })),
    value,
    hint,
  );

async function closeElSelect(c: ScannedControl): Promise<void> {
  // Element UI 2 closes on Escape in its own input; Element Plus on Escape anywhere.
  const inp = c.face.querySelector('input');
  if (inp) key(inp, 'Escape');
  await closePopups(c);
}

/** The options after typing `query` into a filterable select, once the wanted one shows (a remote select loads them). */
async function filterEl(c: ScannedControl, query: HTMLInputElement, text: string, value: string, hint?: FieldHint) {
  typeInto(query, text);
  return waitFor(() => {
    const items = elOptions(c);
    const i = pickEl(items, value, hint);
    return i >= 0 ? { items, i } : undefined;
  }, 1500);
}

const elSelect: Driver = {
  async choices(c) {
    press(c.face.querySelector('.el-select__wrapper') ?? c.face);
    const items = (await waitFor(() => someOptions(elOptions(c)), 800)) ?? [];
    const texts = items.map(optionText);
    await closeElSelect(c);
    return texts;
  },
  snapshot: elSelectText,
  read: elSelectText,
  async write(c, value, hint) {
    const current = elSelectText(c);
    if (showsAlready(current, value, hint)) return ok(false, current);
    press(c.face.querySelector('.el-select__wrapper') ?? c.face);
    // The option list is teleported to body. A remote select opens empty until something is typed.
    let items = (await waitFor(() => someOptions(elOptions(c)), 800)) ?? [];
    let i = pickEl(items, value, hint);
    const query = elQueryInput(c);
    if (query) {
      // Filterable: type as a user does (the option's own text when the list shows it), narrowing thousands of
      // options to a few, then pick the exact one among those shown.
      const typed = await filterEl(c, query, i >= 0 ? optionText(items[i]!) : value, value, hint);
      // A synonym the page's texts do not contain (推免 for 推荐免试) filters everything away: clear the query.
      const found = typed ?? (i >= 0 ? await filterEl(c, query, '', value, hint) : undefined);
      items = found?.items ?? [];
      i = found?.i ?? -1;
    }
    if (i < 0 || items[i]!.classList.contains('is-disabled')) {
      await closeElSelect(c);
      return fail('noOption', value);
    }
    const chosen = optionText(items[i]!);
    press(items[i]!);
    const shown = await waitFor(() => {
      const t = elSelectText(c);
      return t && nameKey(t) === nameKey(chosen) ? t : undefined;
    }, 1000);
    if (!shown) await closeElSelect(c);
    return shown ? ok(true, shown) : fail('rejected', `${chosen} → ${elSelectText(c) || '∅'}`);
  },
  async restore(c, snap) {
    if (elSelectText(c) === snap) return true;
    if (!snap) {
      // The clear icon shows while hovered.
      for (const t of [c.face, c.face.querySelector('.el-select__wrapper, .el-input')])
        t?.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
      const clear = await waitFor(
        () => c.face.querySelector<HTMLElement>('.el-select__clear, .el-input__clear, .el-icon-circle-close'),
        500,
      );
      if (!clear) return NO_WAY;
      press(clear);
      return settled(() => elSelectText(c) === '', 1000);
    }
    const r = await elSelect.write(c, snap);
    return r.ok;
  },
};

/**
 * Type a date as a user does: focus the input (the picker opens; Element UI 2 mounts its panel only then), type, Enter.
 * Enter takes the text only when it parses in the picker's display format; Escape then closes the picker, and a refused
 * text gives way to the previous display. Returns what the input shows afterwards.
 */
async function typeElDate(c: ScannedControl, text: string): Promise<string> {
  const el = input(c);
  el.focus({ preventScroll: true });
  fire(el, 'focus', { bubbles: false });
  await sleep(0);
  typeInto(el, text);
  fire(el, 'change');
  key(el, 'Enter');
  await sleep(0);
  key(el, 'Escape');
  el.blur();
  await sleep(0);
  return el.value;
}

const elDate: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    if (showsDate(el.value, value)) return ok(false, el.value);
    if (el.readOnly) return fail('readonly');
    // The display format is the picker's own (a prop the page does not show): its hint first, then the common ones.
    for (const text of dateVariants(value, el.getAttribute('placeholder') || el.value)) {
      await typeElDate(c, text);
      if (await settled(() => showsDate(el.value, value), 300)) return ok(true, el.value);
    }
    return fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    await typeElDate(c, snap);
    return settled(() => el.value === snap, 800);
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
  // Element Plus ids its inputs `el-id-<instance>-<counter>`.
  generatedIds: /^el-id-\d+-\d+$/,
});
