export const excel = {
  // Refusals of a bad file (lib/xlsx/guard.ts, read.ts): what happened, and what to do.
  'excel.error.empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'excel.error.tooLarge': {
    zh: '文件超过 {mb} MB，无法导入。请拆分后再试。',
    en: 'The file is larger than {mb} MB and cannot be imported. Split it and try again.',
  },
  'excel.error.legacyXls': {
    zh: '这是旧版 .xls 文件。请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。',
    en: 'This is a legacy .xls file. Save it as .xlsx in Excel or WPS, then import it.',
  },
  'excel.error.notZip': {
    zh: '这不是 .xlsx 文件（不是 zip 格式）。请选择 Excel 工作簿（.xlsx）或 CSV 文件。',
    en: 'This is not an .xlsx file (not a zip). Choose an Excel workbook (.xlsx) or a CSV file.',
  },
  'excel.error.truncated': {
    zh: '文件不完整或已损坏（可能下载未完成）。请重新获取文件。',
    en: 'The file is incomplete or damaged (perhaps an unfinished download). Get the file again.',
  },
  'excel.error.notWorkbook': { zh: '压缩包里没有 Excel 工作簿。', en: 'The zip does not contain an Excel workbook.' },
  'excel.error.zipBomb': {
    zh: '文件解压后异常巨大（疑似“压缩炸弹”），已拒绝。',
    en: 'The file expands to an abnormal size (a suspected zip bomb) and was refused.',
  },
  'excel.error.tooManyRows': {
    zh: '工作表行数过多（{rows} 行，上限 {max} 行）。请拆分后再导入。',
    en: 'The sheet has too many rows ({rows}; the limit is {max}). Split it and import the parts.',
  },
  'excel.error.corrupt': {
    zh: '无法读取该文件：文件已损坏或格式不受支持。',
    en: 'The file cannot be read: it is damaged or in an unsupported format.',
  },
  'excel.error.tooManyGroupRowsExport': {
    zh: '草稿超过表单允许的 {max} 行，未导出。请删除多余的行后再导出。',
    en: 'The draft has more rows than the form allows ({max}); nothing was exported. Remove the extra rows and export again.',
  },
  'excel.error.tooManyCells': {
    zh: '文件中的单元格过多（上限 {max} 个）。请拆分后再导入。',
    en: 'The file has too many cells (the limit is {max}). Split it and import the parts.',
  },
  'excel.error.tooManyColumns': {
    zh: '工作表列数过多（上限 {max} 列）。请删除多余的列后再导入。',
    en: 'The sheet has too many columns (the limit is {max}). Remove the extra columns and import again.',
  },
  'excel.error.cellTooLong': {
    zh: '有单元格的内容超过 {max} 个字符（Excel 的上限），文件已拒绝。',
    en: 'A cell holds more than {max} characters (Excel’s own limit); the file was refused.',
  },
  'excel.error.tooMuchText': {
    zh: '文件中的文字总量过大（超过 {mb} MB），请拆分后再导入。',
    en: 'The file holds too much text (over {mb} MB); split it and import the parts.',
  },
  'excel.error.tooManyMerges': {
    zh: '工作表中的合并单元格过多或范围过大（上限 {max} 处），文件已拒绝。',
    en: 'The sheet has too many or too large merged ranges (the limit is {max}); the file was refused.',
  },
  'excel.error.csvEncoding': {
    zh: '无法识别文件的文字编码（应为 UTF-8、UTF-16 或 GBK）。',
    en: 'The text encoding of the file is not recognised (expected UTF-8, UTF-16 or GBK).',
  },
  'excel.error.noSheet': { zh: '工作簿中没有工作表。', en: 'The workbook has no worksheet.' },
  'excel.error.wrongHeaders': {
    zh: '没有找到可识别的表头。第一行（或标题下方）应为字段名称，如“学校名称”“姓名”，或拼音代码，如 XM、ZJHM、XWZSBH。',
    en: 'No recognisable header row. The first row (or the row under the title) must name the fields, e.g. 学校名称, 姓名, or pinyin codes such as XM, ZJHM, XWZSBH.',
  },
  'excel.error.cancelled': { zh: '已取消导入，没有写入任何内容。', en: 'Import cancelled; nothing was written.' },
  'excel.error.noRows': { zh: '表头下面没有数据行。', en: 'There are no data rows under the header.' },
  'excel.error.templateNoHeader': {
    zh: '模板中没有找到「{form}」的表头行（需要至少 2 个可识别的列名）。',
    en: 'No header row of "{form}" was found in the template (at least 2 recognised column names are needed).',
  },
  'excel.error.backupZip': { zh: '压缩包中没有备份文件 backup.json。', en: 'The zip holds no backup.json.' },
  'excel.error.blocked': {
    zh: '有 {rows} 行存在错误，未导入任何数据。请修改后重新导入，或选择“只导入无错误的行”。',
    en: '{rows} row(s) have errors, so nothing was imported. Fix them and import again, or choose "import only clean rows".',
  },
  'excel.error.unknownForm': { zh: '未知表单：{form}', en: 'Unknown form: {form}' },

  // Import report entries (lib/xlsx/import.ts).
  'excel.issue.missingColumns': {
    zh: '表中缺少列{headers}，这些字段未校验。',
    en: 'The sheet has no column {headers}: those fields were not checked.',
  },
  'excel.issue.unmapped': { zh: '未识别的列「{header}」，该列未导入。', en: 'Unrecognised column "{header}": not imported.' },
  'excel.issue.duplicateColumn': {
    zh: '列「{header}」与前面的列对应同一字段「{field}」，已忽略。',
    en: 'Column "{header}" maps to field "{field}" again; ignored.',
  },
  'excel.issue.precision': {
    zh: '该单元格是数字格式，长号码已丢失末尾数字（{value}）。请在 Excel 中将该列设为“文本”后重新填写。',
    en: 'The cell is a number: the long identifier lost its last digits ({value}). Format the column as Text in Excel and enter it again.',
  },
  'excel.issue.formula': {
    zh: '公式未计算，使用文件中保存的结果“{value}”。',
    en: 'Formula not evaluated; the result saved in the file is used ("{value}").',
  },
  'excel.issue.tooManyGroupRows': { zh: '超过 {max} 行，多余的行未导入。', en: 'More than {max} rows: the extra rows were not imported.' },

  // Editor panel (components/excel/excel-panel.tsx).
  'excel.panel.title': { zh: 'Excel', en: 'Excel' },
  'excel.panel.export': { zh: '导出 Excel（默认版式）', en: 'Export Excel (default layout)' },
  'excel.panel.exportHint': {
    zh: '通知未公布本表的列格式，这是本工具的默认版式（A4 横向、表头每页重复、含盖章栏）。载入官方模板后可按官方模板导出。',
    en: 'The notice publishes no column layout for this form: this is the tool’s default layout (A4 landscape, header repeated, seal block). Load the official template to export into it.',
  },
  'excel.panel.codes': { zh: '表头使用拼音代码（XM、ZJHM…）', en: 'Pinyin codes as headers (XM, ZJHM…)' },
  'excel.panel.template': { zh: '官方模板', en: 'Official template' },
  'excel.panel.noTemplate': {
    zh: '尚未载入模板。载入一次后会保存在本机，之后可直接按模板导出。',
    en: 'No template loaded. Load it once; it is kept on this computer for later exports.',
  },
  'excel.panel.loadTemplate': { zh: '载入官方模板（.xlsx）', en: 'Load official template (.xlsx)' },
  'excel.panel.templateInfo': {
    zh: '模板「{name}」：工作表「{sheet}」第 {row} 行为表头，识别 {found} 列',
    en: 'Template "{name}": header on row {row} of sheet "{sheet}", {found} column(s) recognised',
  },
  'excel.panel.templateUnmapped': { zh: '未识别的列（导出时保持原样）：{list}', en: 'Columns not recognised (left as they are): {list}' },
  'excel.panel.exportTemplate': { zh: '导出 Excel（按官方模板）', en: 'Export Excel (official template)' },
  'excel.panel.removeTemplate': { zh: '移除模板', en: 'Remove template' },
  'excel.panel.working': { zh: '处理中…', en: 'Working…' },
  'excel.panel.exported': { zh: '已生成 {file}', en: 'Created {file}' },
  'excel.panel.templateSaved': { zh: '模板已保存，以后导出会使用它。', en: 'Template saved; exports will use it.' },
  'excel.panel.noDraft': { zh: '草稿不存在。', en: 'The draft does not exist.' },

  // Dashboard import tab (components/excel/excel-import-panel.tsx).
  'excel.import.title': { zh: '从 Excel / CSV 导入', en: 'Import from Excel / CSV' },
  'excel.import.intro': {
    zh: '支持推荐表（官方模板、本工具导出或往年文件）和学位信息表；表头可为中文名称或拼音代码（如 XM、ZJHM、XWZSBH）。每一行都会按规则检查。',
    en: "Recommendation workbooks (official template, our export or last year's file) and degree-record sheets; headers may be Chinese labels or pinyin codes (XM, ZJHM, XWZSBH). Every row is checked against the rules.",
  },
  'excel.import.file': { zh: '选择文件（.xlsx / .csv）', en: 'Choose a file (.xlsx / .csv)' },
  'excel.import.form': { zh: '表单', en: 'Form' },
  'excel.import.auto': { zh: '按表头自动识别', en: 'Recognise from the headers' },
  'excel.import.reading': { zh: '正在读取 {file}…', en: 'Reading {file}…' },
  'excel.import.checking': { zh: '正在检查 {file}：第 {done}/{total} 行', en: 'Checking {file}: row {done} of {total}' },
  'excel.import.summary': {
    zh: '{file}：识别为「{form}」，工作表「{sheet}」，表头在第 {row} 行；{count} 条记录，{errors} 个错误，{warnings} 个警告。',
    en: '{file}: recognised as "{form}", sheet "{sheet}", header on row {row}; {count} record(s), {errors} error(s), {warnings} warning(s).',
  },
  'excel.import.unmapped': { zh: '未识别的列（不会导入）：{list}', en: 'Columns not recognised (not imported): {list}' },
  'excel.import.noIssues': { zh: '没有发现问题。', en: 'No problems found.' },
  'excel.import.col.row': { zh: '行', en: 'Row' },
  'excel.import.col.column': { zh: '列', en: 'Column' },
  'excel.import.col.header': { zh: '表头', en: 'Header' },
  'excel.import.col.value': { zh: '值', en: 'Value' },
  'excel.import.col.message': { zh: '问题', en: 'Problem' },
  'excel.import.wholeForm': { zh: '整表', en: 'Whole form' },
  'excel.import.cleanOnly': { zh: '只导入无错误的行', en: 'Import only the clean rows' },
  'excel.import.confirm': { zh: '导入', en: 'Import' },
  'excel.import.done': { zh: '已导入 {n} 份草稿。', en: 'Imported {n} draft(s).' },
  'excel.import.skipped': { zh: '跳过的行：{rows}', en: 'Rows skipped: {rows}' },
  'excel.import.open': { zh: '打开', en: 'Open' },
  'excel.import.moreIssues': { zh: '另有 {n} 条未显示。', en: '{n} more not shown.' },

  'excel.records.title': { zh: '导出学位信息', en: 'Export degree records' },
  'excel.records.intro': {
    zh: '选择一条或多条学位信息草稿，导出为一个 Excel 文件（每条一行）。',
    en: 'Pick one or more degree-record drafts to export as one workbook (one row each).',
  },
  'excel.records.none': { zh: '还没有学位信息草稿。', en: 'No degree-record drafts yet.' },
  'excel.records.all': { zh: '全选', en: 'Select all' },
  'excel.records.export': { zh: '导出所选（{n} 条）', en: 'Export selected ({n})' },
  'excel.records.file': { zh: '学位信息', en: 'degree-records' },

  'excel.backup.title': { zh: '管理员备份（zip）', en: 'Admin backup (zip)' },
  'excel.backup.intro': {
    zh: '一个 zip 文件：完整的 JSON 备份（草稿、历史、站点适配、名单、设置、参考名单、模板），外加每份草稿一个可直接打开的 Excel 文件。导入时按草稿合并，从不删除。',
    en: 'One zip: the full JSON backup (drafts, history, site adapters, rosters, settings, reference lists, templates) plus one readable Excel file per draft. Import merges by draft and never deletes.',
  },
  'excel.backup.export': { zh: '导出备份 zip', en: 'Export backup zip' },
  'excel.backup.exportSealed': { zh: '导出加密备份（.gyenc）', en: 'Export protected backup (.gyenc)' },
  'excel.backup.sealedNote': {
    zh: '加密后导出的是 .gyenc 文件而不是 .zip：里面只有密文，Excel 和解压软件都打不开，只能在本扩展或离线工具包的“管理员备份”中输入口令导入。要把可直接打开的 Excel 交给没有本工具的人，请取消勾选。',
    en: 'Protected, the export is a .gyenc file, not a .zip: it holds only ciphertext, which neither Excel nor an unzipper can open — only this extension or the offline toolkit can import it, here under Admin backup, with the passphrase. To hand readable Excel files to someone without this tool, untick it.',
  },
  'excel.backup.import': { zh: '导入备份（.zip、.gyenc 或 .json）', en: 'Import backup (.zip, .gyenc or .json)' },
  'excel.backup.preview': {
    zh: '{file}：新增 {new}，有变化 {changed}，相同 {same}',
    en: '{file}: {new} new, {changed} changed, {same} unchanged',
  },
  'excel.backup.confirm': { zh: '确认导入', en: 'Import' },
  'excel.backup.done': {
    zh: '已导入：新增 {added}，更新 {updated}（原内容保留为历史版本）。',
    en: 'Imported: {added} added, {updated} updated (previous content kept in history).',
  },

  // Workbook content (the exported sheet is the official Chinese document).
  'excel.sheet.date': { zh: '日期：', en: 'Date:' },
  'excel.sheet.blankDate': { zh: '      年    月    日', en: '      year    month    day' },
  'excel.sheet.pickFromList': { zh: '请从列表中选择{field}', en: 'Pick {field} from the list' },
  'excel.sheet.footer': { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' },
  'excel.sheet.index': { zh: '序号', en: 'No.' },
  'excel.sheet.options': { zh: '选项', en: 'Options' },
} as const;
