/** form.deadline: the round's deadline from the form pack (2024-08-09 for 教师厅函〔2024〕16号, final paragraph). */
import { normalizeDate } from '../normalize/date';
import { NOTICE } from './ids';
import { defineRule, type Severity } from './types';
import { emitter, val } from './helpers';

/** The calendar day of `now` in China (UTC+8), where the deadline is set. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const meta = { id: 'form.deadline', severity: 'warning' as Severity, clause: `${NOTICE} 末段（报送时间）` };
export const formDeadline = defineRule({
  ...meta,
  description: { zh: '须在报送截止日期前报送', en: 'Submit before the deadline' },
  check(ctx) {
    const deadline = ctx.form.deadline;
    if (!deadline) return [];
    const emit = emitter(meta);
    const fill = normalizeDate(val(ctx, 'fillDate'));
    if (fill && fill > deadline) {
      return [
        emit(
          ['fillDate'],
          {
            zh: `填表日期 ${fill} 晚于报送截止日期 ${deadline}`,
            en: `The fill date ${fill} is after the deadline ${deadline}`,
          },
          { fix: { zh: '确认是否有新的通知延长了截止日期', en: 'Check whether a newer notice extends the deadline' } },
        ),
      ];
    }
    const today = chinaDate(ctx.now);
    if (today > deadline) {
      return [
        emit(
          [],
          {
            zh: `报送截止日期 ${deadline} 已过（今天是 ${today}）`,
            en: `The deadline ${deadline} has passed (today is ${today})`,
          },
          {
            fix: {
              zh: '确认本轮是否仍接收，或是否有新一轮通知',
              en: 'Check whether this round still accepts submissions or a new round has started',
            },
          },
        ),
      ];
    }
    return [];
  },
});
