/** The check before anything leaves (export, print): issue 16 §1. */
export const gate = {
  'gate.title': { zh: '导出前检查', en: 'Check before it leaves' },
  'gate.titlePrint': { zh: '打印前检查', en: 'Check before printing' },
  'gate.summary': { zh: '本草稿有 {errors} 个错误、{warnings} 个警告', en: 'This draft has {errors} error(s) and {warnings} warning(s)' },
  'gate.intro': {
    zh: '带错误的表格盖章报送后无法撤回。点击下面的问题可跳到对应字段修改。',
    en: 'A sealed form with errors cannot be recalled. Select a problem below to go to its field.',
  },
  'gate.fix': { zh: '返回修改', en: 'Go back and fix' },
  'gate.proceedExport': { zh: '仍要导出（错误单元格加批注）', en: 'Export anyway (error cells get a comment)' },
  'gate.proceedPrint': { zh: '仍要打印', en: 'Print anyway' },
  'gate.remembered': {
    zh: '已确认带错误导出本版本；草稿再修改后会重新提示。',
    en: 'You chose to go on with this version; after the next change you will be asked again.',
  },
  'gate.banner': {
    zh: '本草稿有 {errors} 个错误、{warnings} 个警告，打印前请先修改。',
    en: 'This draft has {errors} error(s) and {warnings} warning(s): fix them before printing.',
  },
  'gate.openEditor': { zh: '到编辑器中修改', en: 'Fix in the editor' },
  'gate.more': { zh: '另有 {n} 个问题，请在编辑器的“检查结果”中查看。', en: '{n} more: see the findings in the editor.' },
  'gate.sheetNote': { zh: '错误：{message} {fix}', en: 'Error: {message} {fix}' },
} as const;
