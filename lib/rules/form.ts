/**
 * Rules on a form as a whole (family `form.*`): the batch deadline, and who fills in the recommendation form
 * (教师厅函〔2024〕16号, final paragraph: 请省级教育行政部门填写……于2024年8月9日前……报送).
 */
import { normalizeDate } from '../normalize/date';
import { nameKey } from '../normalize/text';
import { findProvince, placeCodes, provincesOfCodes } from '../reference/lookup';
import { defineRule, type RuleContext } from './types';
import { NOTICE, val } from './helpers';

/** The calendar day of `now` in China (UTC+8), where the deadline is set. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The batch deadline in force: the per-form setting, else the pack's default (the notice's date); `undefined` = none. */
export function deadlineOf(ctx: Pick<RuleContext, 'form' | 'options'>): string | undefined {
  const set = ctx.options?.deadline;
  if (set === null) return undefined;
  return set ?? ctx.form.deadline;
}

export const formDeadline = defineRule('form.deadline', {
  severity: 'warning',
  clause: `${NOTICE} 末段（报送时间）`,
  description: {
    zh: '于本批次截止日期前报送（默认为通知所定的 2024年8月9日，管理员可按批次修改）',
    en: "Submit before the batch's deadline (by default the notice's 2024-08-09; an admin sets it per batch)",
  },
  check(ctx, emit) {
    const deadline = deadlineOf(ctx);
    if (!deadline) return [];
    const fix = {
      zh: '如已进入新一批次，请管理员在“设置 → 报送截止日期”中修改或清除本表的截止日期',
      en: 'If a new batch has started, an admin changes or clears this form’s deadline in Settings → Deadlines',
    };
    const fill = normalizeDate(val(ctx, 'fillDate'));
    if (fill && fill > deadline) {
      return [
        emit(
          ['fillDate'],
          {
            zh: `填表日期 ${fill} 晚于本批次报送截止日期 ${deadline}`,
            en: `The fill date ${fill} is after the batch deadline ${deadline}`,
          },
          { fix },
        ),
      ];
    }
    const today = chinaDate(ctx.now);
    if (today <= deadline) return [];
    return [
      emit(
        [],
        {
          zh: `本批次报送截止日期 ${deadline} 已过（今天是 ${today}）`,
          en: `The batch deadline ${deadline} has passed (today is ${today})`,
        },
        { fix },
      ),
    ];
  },
});

/** A province-level education department's name, after the province: 教育厅 / 教育委员会 (教委) / 兵团 教育局. */
const DEPARTMENT = /^(教育厅|教育委员会|教委|教育局)$/;

export const formRecommendingUnit = defineRule('form.recommending-unit', {
  severity: 'warning',
  clause: `${NOTICE} 末段（请省级教育行政部门填写）`,
  description: {
    zh: '推荐表由所选省份的省级教育行政部门填写',
    en: 'The recommendation form is filled in by the education department of the chosen province',
  },
  check(ctx, emit) {
    const unit = val(ctx, 'recommendingUnit');
    const province = findProvince(ctx.refs, val(ctx, 'province'));
    if (!unit || !province) return [];
    // The unit's name: a place, then the department (`河北省教育厅`, `北京市教育委员会`, `新疆生产建设兵团教育局`).
    const key = nameKey(unit);
    const names = [province.name, ...province.aliases.filter((a) => a.length >= 2).flatMap((a) => [a, `${a}省`, `${a}市`, `${a}自治区`])];
    const rest = names
      .map(nameKey)
      .filter((n) => key.startsWith(n))
      .map((n) => key.slice(n.length));
    if (rest.some((r) => DEPARTMENT.test(r))) return [];
    const codes = placeCodes(ctx.refs, unit, 'full');
    const elsewhere = provincesOfCodes(ctx.refs, codes).filter((p) => p !== province.name);
    const below = codes.some((c) => c.length > 2);
    const why = elsewhere.length
      ? { zh: `是${elsewhere.join('/')}的单位`, en: `belongs to ${elsewhere.join('/')}` }
      : below
        ? { zh: '是市、县级单位', en: 'is a city or county unit' }
        : { zh: `不是${province.name}的省级教育行政部门`, en: `is not the education department of ${province.name}` };
    return [
      emit(
        ['recommendingUnit', 'province'],
        {
          zh: `推荐单位“${unit}”${why.zh}；通知请省级教育行政部门（${province.name}教育厅或教委）填写推荐表`,
          en: `The recommending unit "${unit}" ${why.en}; the notice asks the provincial education department of ${province.name} to fill in the form`,
        },
        {
          fix: {
            zh: `填写${province.name}省级教育行政部门的全称（如“${province.name}教育厅”），或核对所选省份`,
            en: `Write the full name of ${province.name}'s education department, or check the province`,
          },
        },
      ),
    ];
  },
});
