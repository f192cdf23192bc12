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
} as const;
