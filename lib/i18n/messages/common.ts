export const common = {
  'common.appName': { zh: '国优表单助手', en: 'Guoyou Form Assistant' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.undo': { zh: '撤销', en: 'Undo' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.language': { zh: 'English', en: '中文' },
  'common.error': { zh: '错误', en: 'Error' },
  'common.warning': { zh: '警告', en: 'Warning' },
} as const;
