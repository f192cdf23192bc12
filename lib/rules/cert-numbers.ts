/**
 * Certificate numbers and what they encode: 学位证书编号 (16 digits: unit code, level, year, serial) and 毕业证书编号
 * (18 digits: school code, kind, year, level, serial). Each part must agree with the record's other fields.
 */
import { isIsoDate, yearOf } from '../normalize/date';
import { normalizeCode } from '../normalize/text';
import { findUniversityByName } from '../reference/lookup';
import { DEGREE_LEVEL_DIGIT, GRADUATION_LEVEL_DIGITS, parseDegreeCertNo, parseGraduationCertNo, plausibleYear } from './identifiers';
import { defineRule, type Finding, type RuleContext, type Severity } from './types';
import { describe, emitter, val } from './helpers';

type Emit = ReturnType<typeof emitter>;

/** The certificate's unit code against the record's unit code field and, when the list knows the named unit, its code. */
function unitChecks(ctx: RuleContext, emit: Emit, certField: string, unitCode: string, codeField: string, nameField: string): Finding[] {
  const out: Finding[] = [];
  // Field descriptions are built only for a finding (most records have none).
  const code = val(ctx, codeField);
  if (/^\d{5}$/.test(code) && code !== unitCode) {
    const cert = describe(ctx.form, certField);
    const d = describe(ctx.form, codeField);
    out.push(
      emit([certField, codeField], {
        zh: `${cert.zh}前 5 位 ${unitCode} 与${d.zh} ${code} 不一致`,
        en: `The first 5 digits of ${cert.en} (${unitCode}) differ from ${d.en} (${code})`,
      }),
    );
  }
  const name = val(ctx, nameField);
  const known = name ? findUniversityByName(ctx.refs, name) : undefined;
  if (known && known.code !== unitCode && !(code && code !== unitCode)) {
    const cert = describe(ctx.form, certField);
    out.push(
      emit([certField, nameField], {
        zh: `${cert.zh}前 5 位 ${unitCode} 不是“${name}”的院校代码（${known.code}，${ctx.refs.universities.version} 名单）`,
        en: `The first 5 digits of ${cert.en} (${unitCode}) are not the code of "${name}" (${known.code}, list of ${ctx.refs.universities.version})`,
      }),
    );
  }
  return out;
}

function yearCheck(ctx: RuleContext, emit: Emit, certField: string, year: number, dateField: string): Finding[] {
  if (!plausibleYear(year, ctx.now)) {
    const cert = describe(ctx.form, certField);
    return [
      emit([certField], {
        zh: `${cert.zh}第 7–10 位年份 ${year} 不合理`,
        en: `The year in ${cert.en} (digits 7–10: ${year}) is implausible`,
      }),
    ];
  }
  const dateValue = val(ctx, dateField);
  const y = dateValue ? yearOf(dateValue) : undefined;
  if (y === undefined || y === year) return [];
  const cert = describe(ctx.form, certField);
  const d = describe(ctx.form, dateField);
  return [
    emit([certField, dateField], {
      zh: `${cert.zh}中的年份 ${year} 与${d.zh}（${isIsoDate(dateValue) ? dateValue : y}）的年份不一致`,
      en: `The year in ${cert.en} (${year}) differs from ${d.en} (${y})`,
    }),
  ];
}

const degreeMeta = { id: 'cert.degree-number', severity: 'error' as Severity, clause: '学位证书编号规则（国务院学位委员会办公室）' };

/** The two degree certificates of the record and the fields each must agree with. */
const DEGREE_CERTS = [
  {
    cert: 'mainDegreeCertNo',
    date: 'mainDegreeDate',
    levelField: 'mainDegreeLevel',
    fixedLevel: undefined,
    code: 'mainDegreeUnitCode',
    unit: 'mainDegreeUnit',
  },
  {
    cert: 'eduMasterCertNo',
    date: 'eduMasterDate',
    levelField: undefined,
    fixedLevel: '硕士',
    code: 'eduMasterUnitCode',
    unit: 'eduMasterUnit',
  },
] as const;

export const certDegreeNumber = defineRule({
  ...degreeMeta,
  description: {
    zh: '学位证书编号为 16 位，层次、年份、单位代码与记录一致',
    en: 'Degree certificate numbers have 16 digits whose level, year and unit code agree with the record',
  },
  check(ctx) {
    const emit = emitter(degreeMeta);
    const out: Finding[] = [];
    for (const c of DEGREE_CERTS) {
      const raw = val(ctx, c.cert);
      if (!raw) continue;
      const n = normalizeCode(raw);
      const parts = parseDegreeCertNo(n);
      const d = () => describe(ctx.form, c.cert);
      if (!parts) {
        out.push(
          emit([c.cert], {
            zh: `${d().zh}“${raw}”应为 16 位数字${/^\d+$/.test(n) ? `，现为 ${n.length} 位` : ''}`,
            en: `${d().en} "${raw}" must be 16 digits${/^\d+$/.test(n) ? ` (has ${n.length})` : ''}`,
          }),
        );
        continue;
      }
      const level = DEGREE_LEVEL_DIGIT[parts.level];
      const expected = c.fixedLevel ?? (c.levelField ? val(ctx, c.levelField) : '');
      if (!level) {
        out.push(
          emit([c.cert], {
            zh: `${d().zh}第 6 位“${parts.level}”不是学位层次代码（2 博士、3 硕士、4 学士）`,
            en: `Digit 6 of ${d().en} ("${parts.level}") is not a degree level (2 doctor, 3 master, 4 bachelor)`,
          }),
        );
      } else if (expected && level !== expected) {
        const fields = c.levelField ? [c.cert, c.levelField] : [c.cert];
        out.push(
          emit(fields, {
            zh: `${d().zh}第 6 位表示${level}学位，与学位层次“${expected}”不符`,
            en: `Digit 6 of ${d().en} means a ${level} degree, but the level is "${expected}"`,
          }),
        );
      }
      for (const f of yearCheck(ctx, emit, c.cert, parts.year, c.date)) out.push(f);
      for (const f of unitChecks(ctx, emit, c.cert, parts.unitCode, c.code, c.unit)) out.push(f);
    }
    return out;
  },
});

/** 学位层次 → the level digits 11–12 of the graduation certificate of the same programme. */
const GRAD_LEVEL_FOR_DEGREE: Record<string, string> = { 博士: '01', 硕士: '02' };

const gradMeta = { id: 'cert.graduation-number', severity: 'error' as Severity, clause: '学历证书电子注册编号规则（教育部）' };
export const certGraduationNumber = defineRule({
  ...gradMeta,
  description: {
    zh: '毕业证书编号为 18 位，年份、层次与记录一致',
    en: 'Graduation certificate numbers have 18 digits whose year and level agree with the record',
  },
  check(ctx) {
    const raw = val(ctx, 'graduationCertNo');
    if (!raw) return [];
    const emit = emitter(gradMeta);
    const d = () => describe(ctx.form, 'graduationCertNo');
    const n = normalizeCode(raw);
    const parts = parseGraduationCertNo(n);
    if (!parts) {
      return [
        emit(['graduationCertNo'], {
          zh: `${d().zh}“${raw}”应为 18 位数字${/^\d+$/.test(n) ? `，现为 ${n.length} 位` : ''}`,
          en: `${d().en} "${raw}" must be 18 digits${/^\d+$/.test(n) ? ` (has ${n.length})` : ''}`,
        }),
      ];
    }
    const out: Finding[] = [];
    const level = GRADUATION_LEVEL_DIGITS[parts.level];
    const degreeLevel = val(ctx, 'mainDegreeLevel');
    const expected = GRAD_LEVEL_FOR_DEGREE[degreeLevel];
    if (!level) {
      out.push(
        emit(
          ['graduationCertNo'],
          {
            zh: `${d().zh}第 11–12 位“${parts.level}”不是已知的学历层次代码（01 博士、02 硕士、05 本科、06 专科）`,
            en: `Digits 11–12 of ${d().en} ("${parts.level}") are not a known level (01 doctoral, 02 master's, 05 bachelor's, 06 专科)`,
          },
          { severity: 'warning' },
        ),
      );
    } else if (expected && parts.level !== expected) {
      out.push(
        emit(['graduationCertNo', 'mainDegreeLevel'], {
          zh: `${d().zh}第 11–12 位表示${level}学历，与学位层次“${degreeLevel}”不符（应为 ${expected}）`,
          en: `Digits 11–12 of ${d().en} mean a ${level} certificate, but the degree level is "${degreeLevel}" (expected ${expected})`,
        }),
      );
    }
    for (const f of yearCheck(ctx, emit, 'graduationCertNo', parts.year, 'graduationDate')) out.push(f);
    for (const f of unitChecks(ctx, emit, 'graduationCertNo', parts.unitCode, 'homeUniversityCode', 'homeUniversity')) out.push(f);
    return out;
  },
});
