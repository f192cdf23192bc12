/**
 * Messages about hostile or oversized input (issue 13): limits, checks that could not finish, refused senders. None
 * of them carries an internal error text or the input's own bytes.
 */
export const guard = {
  'guard.rule.incomplete': {
    zh: '规则 {rule} 未能完成检查：结果不完整，不能视为通过。请减少数据量或检查内容后重试。',
    en: 'Rule {rule} could not finish: the check is incomplete and cannot count as passed. Reduce or check the data and try again.',
  },
  'guard.rule.tooManyRows': {
    zh: '“{group}”最多 {max} 行，目前有 {rows} 行；只检查了前 {max} 行。',
    en: '"{group}" allows at most {max} rows; it has {rows}. Only the first {max} were checked.',
  },
  'guard.fs.missing': { zh: '找不到文件：{file}', en: 'File not found: {file}' },
  'guard.fs.isDir': { zh: '{file} 是一个文件夹，不是文件', en: '{file} is a folder, not a file' },
  'guard.fs.notDir': { zh: '{file} 的上级路径不是文件夹', en: 'A parent of {file} is not a folder' },
  'guard.fs.denied': { zh: '没有权限读写 {file}', en: 'No permission to read or write {file}' },
  'guard.fs.exists': {
    zh: '{file} 已存在且不是文件夹：请用 --out 指定一个文件夹',
    en: '{file} exists and is not a folder: give a folder with --out',
  },
  'guard.fs.tooLarge': { zh: '{file} 超过 {mb} MB，未读取', en: '{file} is larger than {mb} MB and was not read' },
  'guard.fs.other': { zh: '无法读写 {file}', en: 'Cannot read or write {file}' },
  'guard.cli.failed': {
    zh: '执行失败：发生了内部错误，没有写入任何结果。请检查输入文件后重试。',
    en: 'Failed: an internal error occurred and no result was written. Check the input file and try again.',
  },
  'guard.json.invalid': { zh: '不是有效的 JSON（出错位置 {place}）', en: 'Not valid JSON (error at {place})' },
  'guard.message.failed': { zh: '操作失败，未作任何改动。请重试。', en: 'The operation failed; nothing was changed. Try again.' },
  'guard.message.refused': {
    zh: '此请求只能从扩展自己的页面发出，已拒绝。',
    en: 'This request may only come from the extension’s own pages; it was refused.',
  },
} as const;
