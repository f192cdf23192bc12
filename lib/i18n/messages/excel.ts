export const excel = {
  // Refusals of a bad file (lib/xlsx/guard.ts, read.ts): what happened, and what to do.
  'excel.error.empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'excel.error.tooLarge': { zh: '文件超过 {mb} MB，无法导入。请拆分后再试。', en: 'The file is larger than {mb} MB and cannot be imported. Split it and try again.' },
  'excel.error.legacyXls': {
    zh: '这是旧版 .xls 文件。请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。',
    en: 'This is a legacy .xls file. Save it as .xlsx in Excel or WPS, then import it.',
  },
  'excel.error.notZip': { zh: '这不是 .xlsx 文件（不是 zip 格式）。请选择 Excel 工作簿（.xlsx）或 CSV 文件。', en: 'This is not an .xlsx file (not a zip). Choose an Excel workbook (.xlsx) or a CSV file.' },
  'excel.error.truncated': { zh: '文件不完整或已损坏（可能下载未完成）。请重新获取文件。', en: 'The file is incomplete or damaged (perhaps an unfinished download). Get the file again.' },
  'excel.error.notWorkbook': { zh: '压缩包里没有 Excel 工作簿。', en: 'The zip does not contain an Excel workbook.' },
  'excel.error.zipBomb': {
    zh: '文件解压后异常巨大（疑似“压缩炸弹”），已拒绝。',
    en: 'The file expands to an abnormal size (a suspected zip bomb) and was refused.',
  },
  'excel.error.tooManyRows': { zh: '工作表行数过多（{rows} 行，上限 {max} 行）。请拆分后再导入。', en: 'The sheet has too many rows ({rows}; the limit is {max}). Split it and import the parts.' },
  'excel.error.corrupt': { zh: '无法读取该文件：文件已损坏或格式不受支持。（{detail}）', en: 'The file cannot be read: it is damaged or in an unsupported format. ({detail})' },
  'excel.error.csvEncoding': { zh: '无法识别 CSV 文件的编码（应为 UTF-8 或 GBK）。', en: 'The CSV encoding is not recognised (expected UTF-8 or GBK).' },
  'excel.error.noSheet': { zh: '工作簿中没有工作表。', en: 'The workbook has no worksheet.' },
  'excel.error.wrongHeaders': {
    zh: '没有找到可识别的表头。第一行（或标题下方）应为字段名称，如“学校名称”“姓名”，或拼音代码，如 XM、ZJHM、XWZSBH。',
    en: 'No recognisable header row. The first row (or the row under the title) must name the fields, e.g. 学校名称, 姓名, or pinyin codes such as XM, ZJHM, XWZSBH.',
  },
  'excel.error.noRows': { zh: '表头下面没有数据行。', en: 'There are no data rows under the header.' },
  'excel.error.templateNoHeader': {
    zh: '模板中没有找到“{form}”的表头行（需要至少 2 个可识别的列名）。',
    en: 'No header row of "{form}" was found in the template (at least 2 recognised column names are needed).',
  },
  'excel.error.backupZip': { zh: '压缩包中没有备份文件 backup.json。', en: 'The zip holds no backup.json.' },
  'excel.error.blocked': {
    zh: '有 {rows} 行存在错误，未导入任何数据。请修改后重新导入，或选择“只导入无错误的行”。',
    en: '{rows} row(s) have errors, so nothing was imported. Fix them and import again, or choose "import only clean rows".',
  },
  'excel.error.unknownForm': { zh: '未知表单：{form}', en: 'Unknown form: {form}' },

  // Import report entries (lib/xlsx/import.ts).
  'excel.issue.unmapped': { zh: '未识别的列“{header}”，该列未导入。', en: 'Unrecognised column "{header}": not imported.' },
  'excel.issue.duplicateColumn': { zh: '列“{header}”与前面的列对应同一字段“{field}”，已忽略。', en: 'Column "{header}" maps to field "{field}" again; ignored.' },
  'excel.issue.precision': {
    zh: '该单元格是数字格式，长号码已丢失末尾数字（{value}）。请在 Excel 中将该列设为“文本”后重新填写。',
    en: 'The cell is a number: the long identifier lost its last digits ({value}). Format the column as Text in Excel and enter it again.',
  },
  'excel.issue.formula': { zh: '公式未计算，使用文件中保存的结果“{value}”。', en: 'Formula not evaluated; the result saved in the file is used ("{value}").' },
  'excel.issue.tooManyGroupRows': { zh: '超过 {max} 行，多余的行未导入。', en: 'More than {max} rows: the extra rows were not imported.' },

  // Workbook content (the exported sheet is the official Chinese document).
  'excel.sheet.date': { zh: '日期：', en: 'Date:' },
  'excel.sheet.blankDate': { zh: '      年    月    日', en: '      year    month    day' },
  'excel.sheet.pickFromList': { zh: '请从列表中选择{field}', en: 'Pick {field} from the list' },
  'excel.sheet.footer': { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' },
  'excel.sheet.index': { zh: '序号', en: 'No.' },
  'excel.sheet.options': { zh: '选项', en: 'Options' },
} as const;
