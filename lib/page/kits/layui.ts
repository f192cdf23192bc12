import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { fail, ok, settled, type Driver } from '../drivers';
import { pickOption } from '../options';
import { press, sleep } from '../events';

/** layui: native selects behind layui's own face, `.layui-form-item` labels, `.layui-btn` buttons. */
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

/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const layuiUploadAreas = ['.layui-upload-drag'];

export const layui = /* @__PURE__ */ defineKit({
  name: 'layui',
  components: [],
  faces: [{ tag: 'SELECT', face: '.layui-form-select', kind: 'layui-select' }],
  formItems: [
    { item: '.layui-inline', label: '.layui-form-label' },
    { item: '.layui-form-item', label: '.layui-form-label' },
  ],
  drivers: { 'layui-select': layuiSelect },
  addRow: ['.layui-btn'],
  uploadAreas: layuiUploadAreas,
});
