export const db = {
  'db.untitled': { zh: '未命名草稿', en: 'Untitled draft' },
  'db.copyTitle': { zh: '{title}（副本）', en: '{title} (copy)' },
  'db.conflictCopyTitle': { zh: '{title}（我的版本）', en: '{title} (my version)' },
  'db.error.notFound': { zh: '找不到这份草稿，它可能已被删除。', en: 'This draft no longer exists; it may have been deleted.' },
  'db.error.unknownForm': { zh: '未知的表单类型：{formId}', en: 'Unknown form: {formId}' },
  'db.error.revisionNotFound': { zh: '找不到这个历史版本。', en: 'This revision no longer exists.' },
  'db.error.quota': {
    zh: '浏览器存储空间已满，最近的修改尚未保存（仍保留在本页中，请勿关闭）。请删除不用的草稿或导出备份后再试，下次编辑时会自动重试保存。',
    en: 'Browser storage is full: your latest changes are not saved yet (they are kept in this page — do not close it). Delete unused drafts or export a backup; saving is retried on your next edit.',
  },
  'db.error.saveFailed': {
    zh: '保存失败（{detail}），修改仍保留在本页中，下次编辑时会自动重试。',
    en: 'Saving failed ({detail}); your changes are kept in this page and saving is retried on your next edit.',
  },
  'db.backup.notJson': {
    zh: '文件不是有效的 JSON，无法作为备份导入（出错位置 {detail}）。数据库未作任何改动。',
    en: 'The file is not valid JSON and cannot be imported as a backup (error at {detail}). Nothing was changed.',
  },
  'db.backup.notBackup': {
    zh: '这不是国优表单助手的备份文件（缺少 format: "guoyou-backup"）。数据库未作任何改动。',
    en: 'This is not a Guoyou Form Assistant backup (format: "guoyou-backup" is missing). Nothing was changed.',
  },
  'db.backup.newerVersion': {
    zh: '备份文件的格式版本为 {version}，比本程序支持的版本 {supported} 新，请先升级扩展。数据库未作任何改动。',
    en: 'The backup uses format version {version}, newer than the supported version {supported}; update the extension first. Nothing was changed.',
  },
  'db.backup.badShape': {
    zh: '备份文件内容不完整或格式不正确（位置：{path}）。数据库未作任何改动。',
    en: 'The backup file is incomplete or has the wrong shape (at {path}). Nothing was changed.',
  },
  'db.backup.duplicateId': {
    zh: '备份文件中草稿编号 {id} 出现了不止一次。数据库未作任何改动。',
    en: 'Draft id {id} appears more than once in the backup. Nothing was changed.',
  },
  'db.backup.quota': {
    zh: '浏览器存储空间不足，导入已全部撤销，数据库未作任何改动。请先删除不用的草稿后再试。',
    en: 'Browser storage is full: the import was rolled back and nothing was changed. Delete unused drafts and try again.',
  },
  'db.backup.applyFailed': {
    zh: '导入失败，已全部撤销，数据库未作任何改动。',
    en: 'The import failed and was rolled back; nothing was changed.',
  },
  'db.backup.tooManyRows': {
    zh: '备份中的草稿 {id} 的“{group}”有 {rows} 行，超过表单允许的 {max} 行。数据库未作任何改动。',
    en: 'Draft {id} in the backup has {rows} rows of "{group}", more than the form allows ({max}). Nothing was changed.',
  },
} as const;
