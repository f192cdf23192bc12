/** Rules on the recommended schools as a set (教师厅函〔2024〕16号 §2): how many, what kind, no repeats. */
import { nameKey, normalizeCode } from '../normalize/text';
import { NOTICE } from './ids';
import { defineRule, type Finding, type Severity } from './types';
import { describe, emitter, rows } from './helpers';

const GROUP = 'schools';

const minCount = { id: 'school.min-count', severity: 'error' as Severity, clause: `${NOTICE} §2` };
export const schoolMinCount = defineRule({
  ...minCount,
  description: { zh: '每省份推荐不少于 5 所学校', en: 'Each province recommends at least 5 schools' },
  check(ctx) {
    const group = ctx.form.groups.find((g) => g.key === GROUP);
    if (!group) return [];
    // The minimum is the form pack's (5 for the 2024 round), so a later round changes data, not this rule.
    const min = group.minRows;
    const n = rows(ctx, GROUP).length;
    if (n >= min) return [];
    return [
      emitter(minCount)(
        [GROUP],
        {
          zh: `推荐学校不少于 ${min} 所，目前填写了 ${n} 所`,
          en: `At least ${min} schools must be recommended; ${n} filled in`,
        },
        { fix: { zh: `再添加 ${min - n} 所学校`, en: `Add ${min - n} more school(s)` } },
      ),
    ];
  },
});

/** Names whose last word says the institution is not a primary/secondary school. Campus notes in brackets are ignored. */
const NOT_SCHOOL: Array<{ re: RegExp; what: { zh: string; en: string } }> = [
  {
    re: /(大学|学院|高等专科学校|专科学校|研究院|研究所|党校)(分校|校区)?$/,
    what: { zh: '高等学校或研究机构', en: 'a university, college or institute' },
  },
  { re: /(幼儿园|幼稚园|托儿所|保育院|托育中心)$/, what: { zh: '幼儿园', en: 'a kindergarten' } },
];

/** Name endings that imply a stage, and the stages consistent with them (first match wins). */
const STAGE_BY_NAME: Array<{ re: RegExp; stages: string[] }> = [
  { re: /初级中学$/, stages: ['初中', '完全中学', '九年一贯制', '十二年一贯制'] },
  { re: /高级中学$/, stages: ['高中', '完全中学', '十二年一贯制'] },
  { re: /(九年一贯制学校|九年制学校)$/, stages: ['九年一贯制'] },
  { re: /(十二年一贯制学校|十二年制学校)$/, stages: ['十二年一贯制'] },
  { re: /小学$/, stages: ['小学', '九年一贯制', '十二年一贯制'] },
  { re: /中学$/, stages: ['初中', '高中', '完全中学', '九年一贯制', '十二年一贯制'] },
];

const stage = { id: 'school.stage', severity: 'error' as Severity, clause: `${NOTICE} §2` };
export const schoolStage = defineRule({
  ...stage,
  description: {
    zh: '推荐的须是中小学（非高校、非幼儿园），学段与校名相符',
    en: 'Schools must be primary/secondary, with a stage that fits the name',
  },
  check(ctx) {
    const emit = emitter(stage);
    const out: Finding[] = [];
    for (const r of rows(ctx, GROUP)) {
      const name = r
        .get('schoolName')
        .replace(/\([^)]*\)$/, '')
        .trim();
      if (!name) continue;
      const bad = NOT_SCHOOL.find((x) => x.re.test(name));
      if (bad) {
        out.push(
          emit([r.path('schoolName')], {
            zh: `${describe(ctx.form, r.path('schoolName')).zh}“${r.get('schoolName')}”看起来是${bad.what.zh}，实践学校须为中小学`,
            en: `${describe(ctx.form, r.path('schoolName')).en} "${r.get('schoolName')}" looks like ${bad.what.en}; practice schools must be primary or secondary schools`,
          }),
        );
        continue;
      }
      const st = r.get('schoolStage');
      const expect = STAGE_BY_NAME.find((x) => x.re.test(name));
      if (st && expect && !expect.stages.includes(st)) {
        out.push(
          emit(
            [r.path('schoolName'), r.path('schoolStage')],
            {
              zh: `第 ${r.index + 1} 行学校名称“${name}”与学段“${st}”不符（可能为：${expect.stages.join('、')}）`,
              en: `Row ${r.index + 1}: the name "${name}" does not fit the stage "${st}" (expected one of ${expect.stages.join(', ')})`,
            },
            { severity: 'warning' },
          ),
        );
      }
    }
    return out;
  },
});

const dup = { id: 'school.duplicate', severity: 'error' as Severity, clause: `${NOTICE} §2` };
export const schoolDuplicate = defineRule({
  ...dup,
  description: { zh: '同一学校不能重复推荐', en: 'A school must not be listed twice' },
  check(ctx) {
    const emit = emitter(dup);
    const out: Finding[] = [];
    const byCode = new Map<string, number>();
    const byName = new Map<string, number>();
    for (const r of rows(ctx, GROUP)) {
      const code = normalizeCode(r.get('creditCode'));
      const name = nameKey(r.get('schoolName'));
      const sameCode = code ? byCode.get(code) : undefined;
      const sameName = name ? byName.get(name) : undefined;
      if (sameCode !== undefined) {
        out.push(
          emit([`${GROUP}[${sameCode}].creditCode`, r.path('creditCode')], {
            zh: `第 ${r.index + 1} 行与第 ${sameCode + 1} 行的统一社会信用代码相同（${code}），同一学校重复推荐`,
            en: `Rows ${sameCode + 1} and ${r.index + 1} have the same credit code (${code}): the school is listed twice`,
          }),
        );
      } else if (sameName !== undefined) {
        out.push(
          emit([`${GROUP}[${sameName}].schoolName`, r.path('schoolName')], {
            zh: `第 ${r.index + 1} 行与第 ${sameName + 1} 行的学校名称相同（${r.get('schoolName')}），同一学校重复推荐`,
            en: `Rows ${sameName + 1} and ${r.index + 1} have the same school name (${r.get('schoolName')}): the school is listed twice`,
          }),
        );
      }
      if (code && !byCode.has(code)) byCode.set(code, r.index);
      if (name && !byName.has(name)) byName.set(name, r.index);
    }
    return out;
  },
});
