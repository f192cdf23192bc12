import { defineKit } from '../kit';
import { checkbox, nativeDate, nativeSelect, radioGroup, text } from '../drivers';

/** Plain HTML controls (and Bootstrap's `.form-group` layout): the fallback every page has. */
export const native = defineKit({
  name: 'native',
  components: [],
  faces: [],
  formItems: [{ item: '.form-group', label: 'label, .control-label' }],
  drivers: { text, textarea: text, date: nativeDate, 'native-select': nativeSelect, 'radio-group': radioGroup, checkbox },
  addRow: ['button', 'a', 'input[type=button]', '[role=button]'],
  uploadAreas: ['[data-upload-area]', '.upload-area', '.dropzone'],
});
