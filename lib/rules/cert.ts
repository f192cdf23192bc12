/**
 * Certificate numbers (family `cert.*`) and what they encode: 学位证书编号 (16 digits: unit code, level, year, serial)
 * and 毕业证书编号 (18 digits: school code, kind, year, level, serial). Each part must agree with the record's other
 * fields. Hong Kong universities (§1) do not number certificates this way: theirs are checked for shape only.
 */
import { isIsoDate, yearOf } from '../normalize/date';
import { normalizeCode } from '../normalize/text';
import { findUniversityByName } from '../reference/lookup';
import { isHongKongCert } from './degree';
import { DEGREE_LEVEL_DIGIT, GRADUATION_LEVEL_DIGITS, parseDegreeCertNo, parseGraduationCertNo, plausibleYear } from './identifiers';
import { defineRule, type Emit, type Finding, type RuleContext } from './types';
import { describe, val } from './helpers';

const DEGREE_FIX = {
  zh: '对照学位证书核对：第 1–5 位学位授予单位代码，第 6 位学位层次（2 博士、3 硕士、4 学士），第 7–10 位授予年份，第 11–16 位顺序号',
  en: 'Check against the certificate: digits 1–5 the granting unit code, 6 the level (2 doctor, 3 master, 4 bachelor), 7–10 the year, 11–16 a serial',
};
const GRADUATION_FIX = {
  zh: '对照毕业证书（或学信网电子注册备案表）核对：第 1–5 位学校代码，第 6 位办学类型，第 7–10 位毕业年份，第 11–12 位培养层次（01 博士、02 硕士），第 13–18 位顺序号',
  en: 'Check against the certificate (or its CHSI registration): digits 1–5 the school code, 6 the kind, 7–10 the year, 11–12 the level (01 doctoral, 02 master), 13–18 a serial',
};

/** The certificate's unit code against the record's unit code field and, when the list knows the named unit, its code. */
function unitChecks(
  ctx: RuleContext,
  emit: Emit,
  certField: string,
  unitCode: string,
  codeField: string,
  nameField: string,
  fix: { zh: string; en: string },
): Finding[] {
  const out: Finding[] = [];
  const code = val(ctx, codeField);
  if (/^\d{5}$/.test(code) && code !== unitCode) {
    const cert = describe(ctx.form, certField);
    const d = describe(ctx.form, codeField);
    out.push(
      emit(
        [certField, codeField],
        {
          zh: `${cert.zh}前 5 位 ${unitCode} 与${d.zh} ${code} 不一致`,
          en: `The first 5 digits of ${cert.en} (${unitCode}) differ from ${d.en} (${code})`,
        },
        { fix },
      ),
    );
  }
  const name = val(ctx, nameField);
  const known = name ? findUniversityByName(ctx.refs, name) : undefined;
  if (known && known.code !== unitCode && !(code && code !== unitCode)) {
    const cert = describe(ctx.form, certField);
    out.push(
      emit(
        [certField, nameField],
        {
          zh: `${cert.zh}前 5 位 ${unitCode} 不是“${name}”的院校代码（${known.code}，${ctx.refs.universities.version} 名单）`,
          en: `The first 5 digits of ${cert.en} (${unitCode}) are not the code of "${name}" (${known.code}, list of ${ctx.refs.universities.version})`,
        },
        { fix },
      ),
    );
  }
  return out;
}

function yearCheck(
  ctx: RuleContext,
  emit: Emit,
  certField: string,
  year: number,
  dateField: string,
  fix: { zh: string; en: string },
): Finding[] {
  if (!plausibleYear(year, ctx.now)) {
    const cert = describe(ctx.form, certField);
    return [
      emit(
        [certField],
        { zh: `${cert.zh}第 7–10 位年份 ${year} 不合理`, en: `The year in ${cert.en} (digits 7–10: ${year}) is implausible` },
        { fix },
      ),
    ];
  }
  const dateValue = val(ctx, dateField);
  const y = dateValue ? yearOf(dateValue) : undefined;
  if (y === undefined || y === year) return [];
  const cert = describe(ctx.form, certField);
  const d = describe(ctx.form, dateField);
  return [
    emit(
      [certField, dateField],
      {
        zh: `${cert.zh}中的年份 ${year} 与${d.zh}（${isIsoDate(dateValue) ? dateValue : y}）的年份不一致`,
        en: `The year in ${cert.en} (${year}) differs from ${d.en} (${y})`,
      },
      { fix },
    ),
  ];
}

/** A Hong Kong certificate: any reasonable reference (letters, digits, `-`, `/`), nothing decoded from it. */
function hongKongShape(ctx: RuleContext, emit: Emit, certField: string, raw: string): Finding[] {
  if (/^[0-9A-Za-z][0-9A-Za-z/-]{2,39}$/.test(normalizeCode(raw))) return [];
  const d = describe(ctx.form, certField);
  return [
    emit(
      [certField],
      {
        zh: `${d.zh}“${raw}”不像证书编号（香港高校证书不按内地编号规则，只检查由字母、数字组成）`,
        en: `${d.en} "${raw}" does not look like a certificate number (Hong Kong certificates are not numbered like the mainland's; only letters and digits are checked)`,
      },
      { fix: { zh: '按证书原样填写编号', en: 'Copy the number as printed on the certificate' } },
    ),
  ];
}

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

export const certDegreeNumber = defineRule('cert.degree-number', {
  severity: 'error',
  clause: '学位证书编号规则（国务院学位委员会办公室）',
  description: {
    zh: '学位证书编号为 16 位，层次、年份、单位代码与记录一致（香港高校证书只查格式）',
    en: 'Degree certificate numbers have 16 digits whose level, year and unit code agree with the record (Hong Kong: shape only)',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const c of DEGREE_CERTS) {
      const raw = val(ctx, c.cert);
      if (!raw) continue;
      if (isHongKongCert(ctx, c.cert)) {
        for (const f of hongKongShape(ctx, emit, c.cert, raw)) out.push(f);
        continue;
      }
      const n = normalizeCode(raw);
      const parts = parseDegreeCertNo(n);
      const d = () => describe(ctx.form, c.cert);
      if (!parts) {
        out.push(
          emit(
            [c.cert],
            {
              zh: `${d().zh}“${raw}”应为 16 位数字${/^\d+$/.test(n) ? `，现为 ${n.length} 位` : ''}`,
              en: `${d().en} "${raw}" must be 16 digits${/^\d+$/.test(n) ? ` (has ${n.length})` : ''}`,
            },
            { fix: DEGREE_FIX },
          ),
        );
        continue;
      }
      const level = DEGREE_LEVEL_DIGIT[parts.level];
      const expected = c.fixedLevel ?? (c.levelField ? val(ctx, c.levelField) : '');
      if (!level) {
        // Same strictness as the graduation certificate's level code: an unknown code is worth a look, not an error.
        out.push(
          emit(
            [c.cert],
            {
              zh: `${d().zh}第 6 位“${parts.level}”不是常见的学位层次代码（2 博士、3 硕士、4 学士）`,
              en: `Digit 6 of ${d().en} ("${parts.level}") is not a usual degree level (2 doctor, 3 master, 4 bachelor)`,
            },
            { severity: 'warning', fix: DEGREE_FIX },
          ),
        );
      } else if (expected && level !== expected) {
        const fields = c.levelField ? [c.cert, c.levelField] : [c.cert];
        out.push(
          emit(
            fields,
            {
              zh: `${d().zh}第 6 位表示${level}学位，与学位层次“${expected}”不符`,
              en: `Digit 6 of ${d().en} means a ${level} degree, but the level is "${expected}"`,
            },
            { fix: DEGREE_FIX },
          ),
        );
      }
      for (const f of yearCheck(ctx, emit, c.cert, parts.year, c.date, DEGREE_FIX)) out.push(f);
      for (const f of unitChecks(ctx, emit, c.cert, parts.unitCode, c.code, c.unit, DEGREE_FIX)) out.push(f);
    }
    return out;
  },
});

/** 学位层次 → the level digits 11–12 of the graduation certificate of the same programme. */
const GRAD_LEVEL_FOR_DEGREE: Record<string, string> = { 博士: '01', 硕士: '02' };

export const certGraduationNumber = defineRule('cert.graduation-number', {
  severity: 'error',
  clause: '学历证书电子注册编号规则（教育部）',
  description: {
    zh: '毕业证书编号为 18 位，年份、层次与记录一致（香港高校证书只查格式）',
    en: 'Graduation certificate numbers have 18 digits whose year and level agree with the record (Hong Kong: shape only)',
  },
  check(ctx, emit) {
    const raw = val(ctx, 'graduationCertNo');
    if (!raw) return [];
    if (isHongKongCert(ctx, 'graduationCertNo')) return hongKongShape(ctx, emit, 'graduationCertNo', raw);
    const d = () => describe(ctx.form, 'graduationCertNo');
    const n = normalizeCode(raw);
    const parts = parseGraduationCertNo(n);
    if (!parts) {
      return [
        emit(
          ['graduationCertNo'],
          {
            zh: `${d().zh}“${raw}”应为 18 位数字${/^\d+$/.test(n) ? `，现为 ${n.length} 位` : ''}`,
            en: `${d().en} "${raw}" must be 18 digits${/^\d+$/.test(n) ? ` (has ${n.length})` : ''}`,
          },
          { fix: GRADUATION_FIX },
        ),
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
            zh: `${d().zh}第 11–12 位“${parts.level}”不是常见的学历层次代码（01 博士、02 硕士、05 本科、06 专科）`,
            en: `Digits 11–12 of ${d().en} ("${parts.level}") are not a usual level (01 doctoral, 02 master's, 05 bachelor's, 06 专科)`,
          },
          { severity: 'warning', fix: GRADUATION_FIX },
        ),
      );
    } else if (expected && parts.level !== expected) {
      out.push(
        emit(
          ['graduationCertNo', 'mainDegreeLevel'],
          {
            zh: `${d().zh}第 11–12 位表示${level}学历，与学位层次“${degreeLevel}”不符（应为 ${expected}）`,
            en: `Digits 11–12 of ${d().en} mean a ${level} certificate, but the degree level is "${degreeLevel}" (expected ${expected})`,
          },
          { fix: GRADUATION_FIX },
        ),
      );
    }
    for (const f of yearCheck(ctx, emit, 'graduationCertNo', parts.year, 'graduationDate', GRADUATION_FIX)) out.push(f);
    for (const f of unitChecks(ctx, emit, 'graduationCertNo', parts.unitCode, 'homeUniversityCode', 'homeUniversity', GRADUATION_FIX))
      out.push(f);
    return out;
  },
});
