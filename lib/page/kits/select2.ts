import { defineKit } from '../kit';
import type { ScannedControl } from '../scan';
import { nativeChoices, popupSelect, settled, visibleAll, type Driver } from '../drivers';
import { fireInputChange, isShown, key, mousedown } from '../events';

/**
 * select2 (jQuery): the native select stays in the form, hidden (`select2-hidden-accessible`), under select2's own
 * face, its next sibling; the list opens in a dropdown appended to the body, with a search box unless the page turned
 * it off, grouped options under their `optgroup` labels. bootstrap-datepicker needs no driver of its own: it parses
 * the typed text on keyup, which the text driver sends.
 */
function shown(c: ScannedControl): string {
  const r = c.face.querySelector<HTMLElement>('.select2-selection__rendered');
  if (!r || r.querySelector('.select2-selection__placeholder')) return '';
  return (r.getAttribute('title') || r.textContent || '').replace(/^×/, '').trim();
}

/** The open dropdown (select2 keeps one open at a time; ours is the one our click opened). */
const dropdown = (c: ScannedControl) => visibleAll(c.face.ownerDocument, '.select2-container--open .select2-dropdown').pop();

const select2Popup = popupSelect({
  shown,
  // select2 toggles on mousedown of its selection (a full click would close it again).
  open: (c) => mousedown(c.face.querySelector('.select2-selection') ?? c.face),
  options: (c) => Array.from(dropdown(c)?.querySelectorAll<HTMLElement>('.select2-results__option--selectable') ?? []),
  search(c) {
    const s = dropdown(c)?.querySelector<HTMLInputElement>('.select2-search__field');
    return s && isShown(s) ? s : undefined;
  },
  close: (c) => key(dropdown(c)?.querySelector('.select2-search__field') ?? c.face.querySelector('.select2-selection') ?? c.face, 'Escape'),
  clear(c) {
    const x = c.face.querySelector('.select2-selection__clear');
    if (x) mousedown(x);
    return !!x;
  },
});

/**
 * Undo puts back the hidden native select's own choice and tells select2 as a page script does (`change` on the
 * select, which select2 listens to): a person can clear only a select2 with a clear button, the page's state is the select.
 */
const select2: Driver = {
  ...select2Popup,
  choices: async (c) => nativeChoices(c.el as HTMLSelectElement),
  snapshot: (c) => String((c.el as HTMLSelectElement).selectedIndex),
  async restore(c, snap) {
    const s = c.el as HTMLSelectElement;
    const i = Number(snap);
    if (s.selectedIndex !== i) {
      s.selectedIndex = i;
      fireInputChange(s);
    }
    return settled(() => s.selectedIndex === i, 800);
  },
};

export const select2Kit = /* @__PURE__ */ defineKit({
  name: 'select2',
  components: [],
  faces: [{ tag: 'SELECT', face: '.select2-container', kind: 'select2' }],
  formItems: [],
  drivers: { select2 },
  addRow: [],
  uploadAreas: [],
});
