/** The organisation's policy (lib/managed): what an administrator presets through the browser's managed storage. */
export const managed = {
  'managed.locked': { zh: '由管理员设置', en: 'Set by your administrator' },
  'managed.disabled': { zh: '由管理员禁用', en: 'Disabled by your administrator' },
  'managed.title': { zh: '管理员策略', en: 'Administrator policy' },
  'managed.intro': {
    zh: '以下设置由本单位管理员通过浏览器策略统一设置，在此不能更改；导入备份、站点适配或参考名单也不会替换它们。',
    en: 'These settings are set by your organisation’s administrator through browser policy and cannot be changed here; importing a backup, site adapters or a reference list does not replace them.',
  },
  'managed.invalid': { zh: '管理员策略无效，未生效：{detail}', en: 'The administrator’s policy is invalid and not in force: {detail}' },
  'managed.deadline': { zh: '“{form}”报送截止日期', en: 'Batch deadline of “{form}”' },
  'managed.noDeadline': { zh: '不设截止日期', en: 'No deadline' },
  'managed.export': { zh: '导出草稿（Excel、备份、打印）', en: 'Exporting drafts (Excel, backup, print)' },
  'managed.exportOn': { zh: '允许', en: 'Allowed' },
  'managed.adapters': { zh: '站点适配', en: 'Site adapters' },
  'managed.uploadPolicy': { zh: '上传检查（按站点）', en: 'Upload guard (per site)' },
  'managed.referenceLists': { zh: '参考名单', en: 'Reference lists' },
  'managed.adapterLocked': {
    zh: '此站点适配由管理员设置，不能修改或删除。',
    en: 'This site adapter is set by your administrator and cannot be changed or deleted.',
  },
  'managed.uploadLocked': {
    zh: '此站点的上传检查由管理员设置，不能修改。',
    en: 'The upload guard of this site is set by your administrator and cannot be changed.',
  },
  'managed.referenceLocked': {
    zh: '“{name}”由管理员设置，导入的名单不会替换它。',
    en: '“{name}” is set by your administrator; an imported list does not replace it.',
  },
  'managed.exportRefused': {
    zh: '由管理员禁用：本单位不允许导出或打印草稿。',
    en: 'Disabled by your administrator: your organisation does not allow drafts to be exported or printed.',
  },
};
