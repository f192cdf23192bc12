import type { ScannedControl } from './scan';
import type { ControlKind, FieldHint, FillReason } from './types';
import { formatDateFor, pickOption, wantsChecked, type PageOption } from './options';
import { fire, fireInputChange, isShown, key, mousedown, press, setNativeValue, sleep, waitFor } from './dom-events';
import { nameKey } from '../normalize/text';

/**
 * One driver per control kind: how to read a control, write a draft value into it the way a user would, and put back
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
}

const input = (c: ScannedControl) => c.el as HTMLInputElement;
const valueOf = (c: ScannedControl) => input(c).value;
const ok = (changed: boolean, shown: string): WriteOutcome => ({ ok: true, changed, shown });
const fail = (reason: FillReason, detail?: string): WriteOutcome => (detail ? { ok: false, reason, detail } : { ok: false, reason });

function writeText(el: HTMLInputElement | HTMLTextAreaElement, text: string): WriteOutcome {
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

const text: Driver = {
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

const nativeSelect: Driver = {
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

const radioGroup: Driver = {
  snapshot: (c) => String(c.radios!.findIndex((r) => r.input.checked)),
  read: (c) => c.radios!.find((r) => r.input.checked)?.text.trim() ?? '',
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

async function settled(test: () => boolean, timeoutMs = 600): Promise<boolean> {
  return !!(await waitFor(() => test() || undefined, timeoutMs));
}

/** layui hides native radios/checkboxes behind its own `.layui-form-radio`/`.layui-form-checkbox` faces. */
function clickRadioLike(el: HTMLInputElement): void {
  const face = el.nextElementSibling;
  if (face && /layui-form-(radio|checkbox|switch)/.test(face.className)) press(face);
  else el.click();
}

const checkbox: Driver = {
  snapshot: (c) => (input(c).checked ? '1' : '0'),
  read: (c) => (input(c).checked ? '是' : '否'),
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

const nativeDate: Driver = {
  ...text,
  async write(c, value) {
    const el = input(c);
    const v = el.type === 'month' ? value.slice(0, 7) : value;
    return writeText(el, v);
  },
};

// ── Element Plus ────────────────────────────────────────────────────────────────────────────────────────────────
function visibleAll(doc: Document, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter(isShown);
}

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

async function closePopups(c: ScannedControl): Promise<void> {
  key(c.face.ownerDocument.body, 'Escape');
  await sleep(0);
}

/** A custom select already shows the wanted option: nothing to write. */
function showsAlready(current: string, value: string, hint?: FieldHint): boolean {
  return !!current && pickOption([{ text: current }], value, hint) === 0;
}

/** For `waitFor`: the options once the list has any. */
function someOptions(options: HTMLElement[]): HTMLElement[] | undefined {
  return options.length ? options : undefined;
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

// ── layui ──────────────────────────────────────────────────────────────────────────────────────────────────────
/** Open the layui select like a user (layui rebuilds its option list on opening), then return its options. */
async function openLayui(c: ScannedControl): Promise<HTMLElement[]> {
  // layui's form.render() replaces its faces (e.g. when the page adds a row): find the current one.
  const live = c.el.nextElementSibling;
  if (!c.face.isConnected && live?.classList.contains('layui-form-select')) c.face = live as HTMLElement;
  if (!c.face.classList.contains('layui-form-selected'))
    press(c.face.querySelector('.layui-select-title input, .layui-select-title') ?? c.face);
  await settled(() => c.face.classList.contains('layui-form-selected'), 300);
  await sleep(20);
  return Array.from(c.face.querySelectorAll<HTMLElement>('dd[lay-value]'));
}

/** Choose the option with `value` in an opened layui select; one retry with a fresh list (layui may rebuild it). */
async function pickLayui(c: ScannedControl, value: string): Promise<boolean> {
  const s = c.el as HTMLSelectElement;
  for (let attempt = 0; attempt < 2; attempt++) {
    const all = await openLayui(c);
    const dd = all.find((d) => d.getAttribute('lay-value') === value);
    if (!dd) return false;
    press(dd);
    if (await settled(() => s.value === value, 500)) return true;
  }
  return false;
}

const layuiSelect: Driver = {
  snapshot: (c) => (c.el as HTMLSelectElement).value,
  read: (c) => {
    const s = c.el as HTMLSelectElement;
    return s.selectedIndex >= 0 && s.value !== '' ? (s.options[s.selectedIndex]?.text ?? '') : '';
  },
  async write(c, value, hint) {
    const s = c.el as HTMLSelectElement;
    const native = Array.from(s.options).map((o) => ({ text: o.text, value: o.value }));
    const i = pickOption(native, value, hint);
    if (i < 0 || !native[i]!.value) return fail('noOption', value);
    const want = native[i]!.value;
    if (s.value === want) return ok(false, native[i]!.text);
    // Click the option in layui's own list: layui updates the real select and fires its form event.
    return (await pickLayui(c, want)) ? ok(true, native[i]!.text) : fail('rejected');
  },
  async restore(c, snap) {
    const s = c.el as HTMLSelectElement;
    if (s.value === snap) return true;
    return pickLayui(c, snap);
  },
};

// ── Ant Design ─────────────────────────────────────────────────────────────────────────────────────────────────
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
export const DRIVERS: Record<ControlKind, Driver> = {
  text,
  textarea: text,
  date: nativeDate,
  'native-select': nativeSelect,
  'radio-group': radioGroup,
  checkbox,
  'el-select': elSelect,
  'el-date': elDate,
  'layui-select': layuiSelect,
  'antd-select': antSelect,
  'antd-date': antDate,
};
