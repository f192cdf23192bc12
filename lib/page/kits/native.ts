import { defineKit } from '../kit';
import { checkbox, nativeDate, nativeSelect, radioGroup, text } from '../drivers';

/** Plain HTML controls (and Bootstrap's `.form-group` layout): the fallback every page has. */
/** Drop zones of the upload widget (apart, so the upload guard does not load the drivers). */
export const nativeUploadAreas = ['[data-upload-area]', '.upload-area', '.dropzone'];

export const native = /* @__PURE__ */ defineKit({
  name: 'native',
  components: [],
  faces: [],
  formItems: [{ item: '.form-group', label: 'label, .control-label' }],
  drivers: { text, textarea: text, date: nativeDate, 'native-select': nativeSelect, 'radio-group': radioGroup, checkbox },
  addRow: ['button', 'a', 'input[type=button]', '[role=button]'],
  uploadAreas: nativeUploadAreas,
});
