/**
 * Degree-record rules (family `degree.*`) from 教师厅函〔2024〕16号 §1 (who is admitted, to which degree), §4–§5
 * (joint training, the 教育硕士 awarded together with a 理学/工学 degree) and §6 (teacher qualification).
 */
import { effectiveValue, fieldAt } from '../forms/index';
import { isIsoDate, yearOf } from '../normalize/date';
import { matchOption, normalizeYesNo } from '../normalize/options';
import { normalizeCode } from '../normalize/text';
import { doubleFirstClassStatus } from '../reference/lookup';
import { parseDegreeCertNo, parseGraduationCertNo } from './identifiers';
import { defineRule, type Finding, type RuleContext, type Severity } from './types';
import { describe, NOTICE, val } from './helpers';

/** §1: 理学 (07) or 工学 (08) degrees, or the 教育硕士 professional degree (0451) itself. */
const ALLOWED_CATEGORIES: Record<string, string> = { '07': '理学', '08': '工学' };
const EDU_MASTER_CODE = '0451';

function option(ctx: RuleContext, key: string): string {
  const raw = val(ctx, key);
  const options = fieldAt(ctx.form, key)?.options ?? [];
  return raw ? (matchOption(options, raw)?.value ?? raw) : '';
}

/** The 4-digit discipline code the record's 一级学科 starts with (`0701 数学` → `0701`). */
function disciplineCode(ctx: RuleContext): string | undefined {
  return /^(\d{4})/.exec(val(ctx, 'mainDegreeDiscipline'))?.[1];
}

/** Whether the degree pursued is the 教育硕士 itself (§1 "或攻读教育硕士专业学位"): 0451 教育, or named so. */
export function pursuesEduMaster(ctx: RuleContext): boolean {
  const code = disciplineCode(ctx);
  if (code) return code === EDU_MASTER_CODE;
  const disc = val(ctx, 'mainDegreeDiscipline');
  return /教育硕士/.test(disc) || (option(ctx, 'mainDegreeCategory') === '教育学' && /^教育(\(专业学位\))?$/.test(disc));
}

/**
 * §5 states the year and date rules for students who get the 教育硕士 through joint training; for a home university
 * granting both degrees they are expected too, and reported as warnings (docs/domain.md).
 */
function jointSeverity(ctx: RuleContext): Severity {
  return normalizeYesNo(effectiveValue(ctx.form, ctx.data, 'jointTraining')) === '是' || val(ctx, 'jointUniversity') ? 'error' : 'warning';
}

/**
 * Whether the record claims a 教育硕士 on top of a 理学/工学 degree (the §5 double degree): marked 是, or (not marked
 * 否 and) any 教育硕士 detail filled in — and the degree pursued is not the 教育硕士 itself.
 */
function doubleDegree(ctx: RuleContext): boolean {
  if (pursuesEduMaster(ctx)) return false;
  const awarded = normalizeYesNo(val(ctx, 'eduMasterAwarded'));
  if (awarded) return awarded === '是';
  return ['eduMasterDate', 'eduMasterCertNo', 'eduMasterUnit', 'eduMasterUnitCode'].some((k) => !!val(ctx, k));
}

const JOINT_NOTE = {
  zh: '（联合培养时为硬性要求；本校同时授予时按同样要求提示）',
  en: ' (binding for joint training; applied as advice when one university grants both degrees)',
};

export const degreeMainField = defineRule('degree.main-field', {
  severity: 'error',
  clause: `${NOTICE} §1`,
  description: {
    zh: '攻读理学、工学门类有关学科硕士、博士学位，或攻读教育硕士专业学位',
    en: 'A Science or Engineering master’s or doctorate, or the Master of Education professional degree',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    const category = option(ctx, 'mainDegreeCategory');
    const disc = val(ctx, 'mainDegreeDiscipline');
    const code = disciplineCode(ctx);
    const fix = {
      zh: '§1：理学（07）、工学（08）门类的学科，或教育硕士专业学位（0451 教育）；核对门类与一级学科代码（前两位即门类）',
      en: '§1: a discipline of category 07 or 08, or the Master of Education (0451); check the category and the discipline code (its first two digits are the category)',
    };
    if (pursuesEduMaster(ctx)) {
      if (category && category !== '教育学') {
        out.push(
          emit(
            ['mainDegreeCategory', 'mainDegreeDiscipline'],
            {
              zh: `一级学科“${disc}”是教育硕士专业学位（0451，教育学门类），与门类“${category}”不一致`,
              en: `"${disc}" is the Master of Education (0451, category Education), not "${category}"`,
            },
            { fix },
          ),
        );
      }
      if (option(ctx, 'mainDegreeLevel') === '博士') {
        out.push(
          emit(
            ['mainDegreeLevel', 'mainDegreeDiscipline'],
            {
              zh: '§1 所说的是教育硕士专业学位；教育博士不在其列',
              en: '§1 names the Master of Education professional degree; the Doctor of Education is not included',
            },
            { fix },
          ),
        );
      }
      if (option(ctx, 'mainDegreeType') === '学术学位') {
        out.push(
          emit(
            ['mainDegreeType', 'mainDegreeDiscipline'],
            {
              zh: '教育硕士（0451）是专业学位，学位类型应为“专业学位”',
              en: 'The Master of Education (0451) is a professional degree: the type should be 专业学位',
            },
            { fix },
          ),
        );
      }
      return out;
    }
    const allowed = Object.values(ALLOWED_CATEGORIES);
    if (category && !allowed.includes(category)) {
      out.push(
        emit(
          ['mainDegreeCategory'],
          {
            zh: `主学位门类为“${category}”；§1 要求攻读理学、工学门类学位，或教育硕士专业学位（0451）`,
            en: `The main degree category is "${category}"; §1 asks for a Science or Engineering degree, or the Master of Education (0451)`,
          },
          { fix },
        ),
      );
    }
    if (!code) return out;
    const discCategory = ALLOWED_CATEGORIES[code.slice(0, 2)];
    if (!discCategory) {
      if (category && !allowed.includes(category)) return out;
      const name = matchOption(fieldAt(ctx.form, 'mainDegreeCategory')?.options ?? [], code.slice(0, 2))?.value ?? code.slice(0, 2);
      out.push(
        emit(
          ['mainDegreeDiscipline'],
          {
            zh: `一级学科“${disc}”属于 ${code.slice(0, 2)}（${name}）门类，不是理学（07）、工学（08），也不是教育硕士（0451）`,
            en: `The discipline "${disc}" belongs to category ${code.slice(0, 2)} (${name}): not Science (07), Engineering (08) or the Master of Education (0451)`,
          },
          { fix },
        ),
      );
    } else if (allowed.includes(category) && category !== discCategory) {
      out.push(
        emit(
          ['mainDegreeCategory', 'mainDegreeDiscipline'],
          {
            zh: `主学位门类“${category}”与一级学科“${disc}”（${discCategory}）不一致`,
            en: `The category "${category}" does not match the discipline "${disc}" (${discCategory})`,
          },
          { fix },
        ),
      );
    }
    return out;
  },
});

/** §1 names 推免 and 二次遴选 ("通过推免等接收…也可…进行二次遴选"); other routes are possible (等). */
export const degreeAdmissionMode = defineRule('degree.admission-mode', {
  severity: 'warning',
  clause: `${NOTICE} §1`,
  description: {
    zh: '通过推免等接收，或面向在读理工科研究生二次遴选',
    en: 'Admitted by recommended exemption and the like, or re-selected from enrolled science/engineering graduates',
  },
  check(ctx, emit) {
    const raw = val(ctx, 'admissionMode');
    const options = fieldAt(ctx.form, 'admissionMode')?.options ?? [];
    if (!raw || matchOption(options, raw)) return [];
    return [
      emit(
        ['admissionMode'],
        {
          zh: `录取方式“${raw}”不是 §1 所列的推免或二次遴选；通知写的是“推免等”，其他方式请确认属实`,
          en: `The admission route "${raw}" is neither 推免 nor 二次遴选 as §1 names them; §1 says "推免等", so make sure this route is right`,
        },
        {
          fix: {
            zh: '常见值：推免、二次遴选；其他方式可选“其他”并在备注中说明',
            en: 'Usual values: 推免, 二次遴选; for another route choose 其他 and explain in the remarks',
          },
        },
      ),
    ];
  },
});

export const degreeJointTraining = defineRule('degree.joint-training', {
  severity: 'warning',
  clause: `${NOTICE} §4、§5`,
  description: {
    zh: '是否联合培养与联合培养师范大学一致',
    en: 'Joint training agrees with the partner university',
  },
  check(ctx, emit) {
    if (normalizeYesNo(val(ctx, 'jointTraining')) !== '否' || !val(ctx, 'jointUniversity')) return [];
    return [
      emit(
        ['jointTraining', 'jointUniversity'],
        {
          zh: `是否联合培养为“否”，却填写了联合培养师范大学“${val(ctx, 'jointUniversity')}”`,
          en: `Joint training is "否" but a partner university is named ("${val(ctx, 'jointUniversity')}")`,
        },
        {
          fix: {
            zh: '联合培养则改为“是”（§5 的年份、日期要求按联合培养执行）；否则清空联合培养师范大学',
            en: 'If jointly trained, choose 是 (the §5 year and date rules then bind); otherwise clear the partner university',
          },
        },
      ),
    ];
  },
});

export const degreeFilingMark = defineRule('degree.filing-mark', {
  severity: 'error',
  clause: `${NOTICE} §5`,
  description: {
    zh: '入选“国优计划”的研究生应在师范生管理信息系统中做好备案标记',
    en: 'The student must be marked in the teacher-student register (师范生管理信息系统)',
  },
  check(ctx, emit) {
    if (normalizeYesNo(val(ctx, 'filingMark')) !== '否') return [];
    return [
      emit(
        ['filingMark'],
        {
          zh: '尚未在师范生管理信息系统中做“国优计划”备案标记',
          en: 'The student is not yet marked as Guoyou in the teacher-student register (师范生管理信息系统)',
        },
        {
          fix: {
            zh: '先在师范生管理信息系统中完成备案标记，再报送学位信息',
            en: 'Mark the student in the register before reporting the degree',
          },
        },
      ),
    ];
  },
});

export const degreeFreshGraduate = defineRule('degree.fresh-graduate', {
  severity: 'error',
  clause: `${NOTICE} §5`,
  description: {
    zh: '对以非应届毕业生身份申请教育硕士学位的不予受理',
    en: 'A Master of Education applied for as a non-fresh graduate is not accepted',
  },
  check(ctx, emit) {
    if (!doubleDegree(ctx) || normalizeYesNo(val(ctx, 'freshGraduate')) !== '否') return [];
    return [
      emit(
        ['freshGraduate', 'eduMasterAwarded'],
        {
          zh: `以非应届毕业生身份申请教育硕士学位的不予受理${JOINT_NOTE.zh}`,
          en: `A Master of Education is not granted to an applicant who is not a fresh graduate${JOINT_NOTE.en}`,
        },
        {
          severity: jointSeverity(ctx),
          fix: {
            zh: '核对“是否应届毕业生”；确为往届则不能同时申请教育硕士，应改“是否同时获得教育硕士”为否',
            en: 'Check 是否应届毕业生; a non-fresh graduate cannot also receive the Master of Education',
          },
        },
      ),
    ];
  },
});

export const degreeDoubleFirstClass = defineRule('degree.double-first-class', {
  severity: 'warning',
  clause: `${NOTICE} §5`,
  description: {
    zh: '原则上“国优计划”研究生教育硕士学位授予单位应为“双一流”建设高校',
    en: 'The Master of Education should in principle be granted by a Double First-Class university',
  },
  check(ctx, emit) {
    const unit = val(ctx, 'eduMasterUnit');
    if (!doubleDegree(ctx) || !unit) return [];
    const status = doubleFirstClassStatus(ctx.refs, unit, val(ctx, 'eduMasterUnitCode'));
    if (status === 'yes') return [];
    if (status === 'unknown') {
      return [
        emit(
          ['eduMasterUnit'],
          {
            zh: `无法在高校名单中识别教育硕士学位授予单位“${unit}”，未能判断是否为“双一流”建设高校`,
            en: `The Master of Education granting unit "${unit}" is not on the university lists: whether it is Double First-Class is unknown`,
          },
          {
            fix: {
              zh: '填写单位全称（如“北京师范大学”）或 5 位单位代码',
              en: 'Write the full name (e.g. 北京师范大学) or the 5-digit unit code',
            },
          },
        ),
      ];
    }
    return [
      emit(
        ['eduMasterUnit'],
        {
          zh: `教育硕士学位授予单位“${unit}”不在“双一流”建设高校名单（${ctx.refs.doubleFirstClass.version}）中；原则上应为“双一流”建设高校`,
          en: `The Master of Education granting unit "${unit}" is not on the Double First-Class list (${ctx.refs.doubleFirstClass.version}); it should in principle be one`,
        },
        {
          fix: {
            zh: '“原则上”：确有特殊情况的请备注说明；若单位名称或代码填错请改正',
            en: '"In principle": explain an exception in the remarks, or correct the unit name or code',
          },
        },
      ),
    ];
  },
});

// ——— §5 years and dates of the double degree ———

interface YearSource {
  field: string;
  year: number;
}

function dateYear(ctx: RuleContext, field: string): YearSource | undefined {
  const y = yearOf(val(ctx, field));
  return y === undefined ? undefined : { field, year: y };
}
/** The year printed inside a mainland certificate number (a Hong Kong certificate has none). */
function certYear(ctx: RuleContext, field: string, parse: (s: string) => { year: number } | undefined): YearSource | undefined {
  if (isHongKongCert(ctx, field)) return undefined;
  const p = parse(normalizeCode(val(ctx, field)));
  return p ? { field, year: p.year } : undefined;
}

/** Hong Kong universities (§1 "2所香港地区高校") by name. */
export function isHongKongUniversity(name: string): boolean {
  return /香港|hong ?kong/i.test(name) || /^岭南大学$/.test(name);
}

/** The unit that issued a certificate field, and whether it is a Hong Kong university (not mainland numbering). */
export function isHongKongCert(ctx: RuleContext, certField: string): boolean {
  const unit = CERT_ISSUER[certField]?.map((k) => val(ctx, k)).find(Boolean) ?? '';
  return !!unit && isHongKongUniversity(unit);
}
const CERT_ISSUER: Record<string, string[]> = {
  mainDegreeCertNo: ['mainDegreeUnit', 'homeUniversity'],
  eduMasterCertNo: ['eduMasterUnit'],
  graduationCertNo: ['homeUniversity'],
};

export const degreeSameYear = defineRule('degree.same-year', {
  severity: 'error',
  clause: `${NOTICE} §5`,
  description: {
    zh: '教育硕士学位证书应与其学籍所在高校毕业证、学位证为同一年份',
    en: 'The Master of Education certificate is of the same year as the home university’s graduation and degree certificates',
  },
  check(ctx, emit) {
    if (!doubleDegree(ctx)) return [];
    // Dates are preferred; the year inside a certificate number stands in when the date is missing.
    const edu = dateYear(ctx, 'eduMasterDate') ?? certYear(ctx, 'eduMasterCertNo', parseDegreeCertNo);
    if (!edu) return [];
    const others = [
      dateYear(ctx, 'graduationDate') ?? certYear(ctx, 'graduationCertNo', parseGraduationCertNo),
      dateYear(ctx, 'mainDegreeDate') ?? certYear(ctx, 'mainDegreeCertNo', parseDegreeCertNo),
    ];
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
          {
            severity: jointSeverity(ctx),
            fix: {
              zh: '核对三个日期；证书编号第 7–10 位是授予（毕业）年份',
              en: 'Check the three dates; digits 7–10 of a certificate number are its year',
            },
          },
        ),
      );
    }
    return out;
  },
});

export const degreeEduDateOrder = defineRule('degree.edu-date-order', {
  severity: 'error',
  clause: `${NOTICE} §5`,
  description: {
    zh: '教育硕士获学位日期不早于其理学、工学学位授予日期',
    en: 'The Master of Education date is not earlier than the science/engineering degree date',
  },
  check(ctx, emit) {
    const edu = val(ctx, 'eduMasterDate');
    const main = val(ctx, 'mainDegreeDate');
    if (!doubleDegree(ctx) || !isIsoDate(edu) || !isIsoDate(main) || edu >= main) return [];
    return [
      emit(
        ['eduMasterDate', 'mainDegreeDate'],
        {
          zh: `教育硕士学位授予日期 ${edu} 早于理学/工学学位授予日期 ${main}${JOINT_NOTE.zh}`,
          en: `The Master of Education date ${edu} is earlier than the science/engineering degree date ${main}${JOINT_NOTE.en}`,
        },
        {
          severity: jointSeverity(ctx),
          fix: { zh: '核对两份学位证书上的授予日期', en: 'Check the dates on both degree certificates' },
        },
      ),
    ];
  },
});

/** §6: "取得中小学教师资格" — 幼儿园 and 中等职业学校 are teacher qualifications, but not of 中小学. */
const NOT_K12_STAGE = ['幼儿园', '中等职业学校'];

export const degreeTeacherStage = defineRule('degree.teacher-stage', {
  severity: 'warning',
  clause: `${NOTICE} §6`,
  description: {
    zh: '免试认定取得中小学教师资格（小学、初级中学、高级中学）',
    en: 'The exam-exempt qualification is a primary or secondary school one',
  },
  check(ctx, emit) {
    const stage = option(ctx, 'teacherCertStage');
    if (!NOT_K12_STAGE.includes(stage)) return [];
    return [
      emit(
        ['teacherCertStage'],
        {
          zh: `教师资格学段为“${stage}”；§6 的免试认定取得的是中小学教师资格（小学、初级中学、高级中学）`,
          en: `The qualification stage is "${stage}"; the exam exemption of §6 gives a primary or secondary school qualification`,
        },
        { fix: { zh: '核对教师资格学段', en: 'Check the qualification stage' } },
      ),
    ];
  },
});
