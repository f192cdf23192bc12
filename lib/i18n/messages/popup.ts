export const popup = {
  'popup.recent': { zh: '最近的草稿', en: 'Recent drafts' },
  'popup.current': { zh: '当前草稿（用于自动填写）', en: 'Current draft (used for autofill)' },
  'popup.none': { zh: '还没有草稿。', en: 'No drafts yet.' },
  'popup.open': { zh: '打开', en: 'Open' },
  'popup.openNamed': { zh: '在编辑器中打开“{title}”', en: 'Open "{title}" in the editor' },
  'popup.openEditor': { zh: '打开编辑器', en: 'Open the editor' },
  'popup.new': { zh: '新建草稿', en: 'New draft' },
  'popup.form': { zh: '表单', en: 'Form' },
} as const;
