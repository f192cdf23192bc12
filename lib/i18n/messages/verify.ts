export const verify = {
  'verify.title': { zh: '页面校验', en: 'Verify page' },
  'verify.run': { zh: '校验当前页面', en: 'Verify this page' },
  'verify.running': { zh: '正在校验…', en: 'Verifying…' },
  'verify.clear': { zh: '清除页面标记', en: 'Clear page markers' },
  'verify.export': { zh: '导出校验结果（Excel）', en: 'Export findings (Excel)' },
  'verify.noTab': { zh: '找不到要校验的页面', en: 'No page to verify' },
  'verify.noAccess': { zh: '未获得访问此网站的权限，无法校验', en: 'No permission to access this site, cannot verify' },
  'verify.noRecords': {
    zh: '此页面上没有找到学位授予信息（表单、查看页或列表）',
    en: 'No degree records found on this page (form, record view or list)',
  },
  'verify.summary': {
    zh: '已校验 {records} 条记录：错误 {errors} 个，警告 {warnings} 个，无问题 {clean} 条',
    en: 'Checked {records} records: {errors} errors, {warnings} warnings, {clean} clean',
  },
  'verify.allClean': { zh: '未发现问题', en: 'No problems found' },
  'verify.rosterUsed': { zh: '名册比对：{matched}/{records} 条记录在名册中找到', en: 'Roster: {matched} of {records} records found' },
  'verify.rosterLocked': {
    zh: '名册已用口令加密，当前已加锁：请先在选项页解锁，再校验本页（不比对名册的校验不会进行）。',
    en: 'The roster is encrypted and locked: unlock it in the options page first, then verify this page (no check runs without the roster).',
  },
  'verify.unmapped': { zh: '未识别的列：{columns}', en: 'Columns not recognised: {columns}' },
  'verify.col.row': { zh: '行', en: 'Row' },
  'verify.col.field': { zh: '字段', en: 'Field' },
  'verify.col.value': { zh: '页面值', en: 'Value' },
  'verify.col.rule': { zh: '规则', en: 'Rule' },
  'verify.col.severity': { zh: '级别', en: 'Severity' },
  'verify.col.message': { zh: '说明', en: 'Message' },
  'verify.col.clause': { zh: '依据', en: 'Clause' },
  'verify.col.page': { zh: '页面', en: 'Page' },
  'verify.severity.error': { zh: '错误', en: 'Error' },
  'verify.severity.warning': { zh: '警告', en: 'Warning' },
  'verify.rowLabel': { zh: '第 {row} 行', en: 'Row {row}' },
  'verify.recordLabel': { zh: '本记录', en: 'This record' },
  'verify.sheetName': { zh: '校验结果', en: 'Findings' },
  'verify.exportFile': { zh: '校验结果', en: 'findings' },
  'verify.error.failed': { zh: '校验失败：{detail}', en: 'Verification failed: {detail}' },

  'verify.roster.mismatch': {
    zh: '“{field}”页面为“{page}”，名册中为“{roster}”，两者不一致',
    en: '"{field}" is "{page}" on the page but "{roster}" in the roster',
  },
  'verify.roster.mismatch.page': { zh: '“{field}”与名册不符', en: '"{field}" does not match the roster' },
  'verify.roster.mismatch.fix': {
    zh: '核对名册与系统中的记录，更正错误的一方',
    en: 'Check the roster and the record, and correct the wrong one',
  },
  'verify.roster.notFound': {
    zh: '名册中没有此学生（按证件号码和学号均未找到）',
    en: 'This student is not in the roster (neither the ID number nor the student number was found)',
  },
  'verify.roster.clause': { zh: '国优计划名册', en: 'Guoyou roster' },

  // In-page overlay
  'verify.overlay.title': { zh: '国优表单助手 · 校验结果', en: 'Guoyou assistant · findings' },
  'verify.overlay.hide': { zh: '隐藏全部标记', en: 'Hide all markers' },
  'verify.overlay.show': { zh: '显示校验结果（{count}）', en: 'Show findings ({count})' },
  'verify.overlay.close': { zh: '关闭', en: 'Close' },
  'verify.overlay.jump': { zh: '定位', en: 'Go to' },
  'verify.overlay.clause': { zh: '依据：{clause}', en: 'Source: {clause}' },
  'verify.overlay.more': { zh: '显示更多（还有 {count} 条）', en: 'Show more ({count} left)' },

  // Roster import
  'roster.title': { zh: '国优名册', en: 'Guoyou roster' },
  'roster.import': { zh: '导入名册（Excel 或 JSON）', en: 'Import roster (Excel or JSON)' },
  'roster.importInTab': { zh: '导入名册（在新标签页中打开）…', en: 'Import roster (opens in a tab)…' },
  'roster.importing': { zh: '正在导入…', en: 'Importing…' },
  'roster.imported': { zh: '已导入名册“{name}”：{count} 名学生', en: 'Imported roster "{name}": {count} students' },
  'roster.empty': {
    zh: '尚未导入名册。导入后，校验时会按证件号码或学号与名册比对。',
    en: 'No roster yet. Once imported, records are compared with it by ID number or student number.',
  },
  'roster.current': { zh: '名册“{name}”：{count} 名学生', en: 'Roster "{name}": {count} students' },
  'roster.delete': { zh: '删除名册', en: 'Delete roster' },
  'roster.deleted': { zh: '已删除名册', en: 'Roster deleted' },
  'roster.privacy': {
    zh: '名册只保存在本扩展中，不会上传，也不会交给网页；设置了加密口令时，名册和草稿一样加密保存。',
    en: 'The roster stays in this extension: never uploaded, never handed to web pages; with an encryption passphrase set, it is stored encrypted like the drafts.',
  },
  'roster.error.format': {
    zh: '无法读取名册：只支持 .xlsx 或 .json 文件',
    en: 'Cannot read the roster: only .xlsx or .json files are supported',
  },
  'roster.error.json': { zh: '名册 JSON 格式错误：{detail}', en: 'The roster JSON is malformed: {detail}' },
  'roster.error.shape': {
    zh: '名册内容不正确：应为学生对象的数组（或含 students/rows/data 数组的对象）',
    en: 'Wrong roster content: expected an array of student objects (or an object with a students/rows/data array)',
  },
  'roster.error.noHeader': {
    zh: '名册中找不到表头：至少需要“学号”或“证件号码”列',
    en: 'No header found in the roster: a 学号 (student number) or 证件号码 (ID number) column is required',
  },
  'roster.error.noKey': {
    zh: '名册第 {row} 行既没有学号也没有证件号码，整个名册未导入',
    en: 'Roster row {row} has neither a student number nor an ID number; nothing was imported',
  },
  'roster.error.duplicate': {
    zh: '名册第 {row} 行与第 {first} 行是同一名学生（{key}），整个名册未导入',
    en: 'Roster row {row} repeats the student of row {first} ({key}); nothing was imported',
  },
  'roster.error.empty': { zh: '名册中没有学生', en: 'The roster has no students' },
  'roster.error.tooMany': { zh: '名册超过 {max} 名学生，未导入', en: 'The roster has more than {max} students; not imported' },
  'roster.error.save': {
    zh: '保存名册失败：{detail}（原有名册未改变）',
    en: 'Saving the roster failed: {detail} (the previous roster is unchanged)',
  },
} as const;
