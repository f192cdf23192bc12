/** §5 date rules for the 教育硕士: same year as the home university's certificates, not before the main degree. */
import { isIsoDate, yearOf } from '../normalize/date';
import { normalizeCode } from '../normalize/text';
import { parseDegreeCertNo, parseGraduationCertNo } from './identifiers';
import { NOTICE } from './ids';
import { defineRule, type Finding, type RuleContext, type Severity } from './types';
import { describe, emitter, val } from './helpers';
import { eduMasterApplies, jointSeverity, JOINT_NOTE } from './degree-common';

interface YearSource {
  field: string;
  year: number;
  /** `date` or `number` (the year printed inside a certificate number). */
  from: 'date' | 'number';
}

function dateYear(ctx: RuleContext, field: string): YearSource | undefined {
  const y = yearOf(val(ctx, field));
  return y === undefined ? undefined : { field, year: y, from: 'date' };
}
function certYear(ctx: RuleContext, field: string, parse: (s: string) => { year: number } | undefined): YearSource | undefined {
  const p = parse(normalizeCode(val(ctx, field)));
  return p ? { field, year: p.year, from: 'number' } : undefined;
}

const sameYear = { id: 'degree.same-year', severity: 'error' as Severity, clause: `${NOTICE} §5` };
export const degreeSameYear = defineRule({
  ...sameYear,
  description: {
    zh: '教育硕士学位证书须与学籍所在高校毕业证、学位证为同一年份',
    en: 'The Master of Education certificate must be of the same year as the home university graduation and degree certificates',
  },
  check(ctx) {
    if (!eduMasterApplies(ctx)) return [];
    // Dates are preferred; the year inside a certificate number stands in when the date is missing, so the rule
    // can be checked from numbers alone.
    const edu = dateYear(ctx, 'eduMasterDate') ?? certYear(ctx, 'eduMasterCertNo', parseDegreeCertNo);
    if (!edu) return [];
    const others = [
      dateYear(ctx, 'graduationDate') ?? certYear(ctx, 'graduationCertNo', parseGraduationCertNo),
      dateYear(ctx, 'mainDegreeDate') ?? certYear(ctx, 'mainDegreeCertNo', parseDegreeCertNo),
    ];
    const emit = emitter(sameYear);
    const out: Finding[] = [];
    for (const o of others) {
      if (!o || o.year === edu.year) continue;
      const a = describe(ctx.form, edu.field);
      const b = describe(ctx.form, o.field);
      out.push(
        emit(
          [edu.field, o.field],
          {
            zh: `${a.zh}显示 ${edu.year} 年，${b.zh}显示 ${o.year} 年；教育硕士学位证书须与毕业证、学位证为同一年份${JOINT_NOTE.zh}`,
            en: `${a.en} gives ${edu.year}, ${b.en} gives ${o.year}; the Master of Education certificate must be of the same year as the graduation and degree certificates${JOINT_NOTE.en}`,
          },
          { severity: jointSeverity(ctx) },
        ),
      );
    }
    return out;
  },
});

const order = { id: 'degree.edu-date-order', severity: 'error' as Severity, clause: `${NOTICE} §5` };
export const degreeEduDateOrder = defineRule({
  ...order,
  description: {
    zh: '教育硕士获学位日期不早于理学、工学学位授予日期',
    en: 'The Master of Education date is not earlier than the science/engineering degree date',
  },
  check(ctx) {
    const edu = val(ctx, 'eduMasterDate');
    const main = val(ctx, 'mainDegreeDate');
    if (!eduMasterApplies(ctx) || !isIsoDate(edu) || !isIsoDate(main) || edu >= main) return [];
    return [
      emitter(order)(
        ['eduMasterDate', 'mainDegreeDate'],
        {
          zh: `教育硕士学位授予日期 ${edu} 早于理学/工学学位授予日期 ${main}${JOINT_NOTE.zh}`,
          en: `The Master of Education date ${edu} is earlier than the science/engineering degree date ${main}${JOINT_NOTE.en}`,
        },
        { severity: jointSeverity(ctx) },
      ),
    ];
  },
});
