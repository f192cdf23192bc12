/** 统一社会信用代码 checks (GB 32100-2015) for the recommended schools. */
import { normalizeCode } from '../normalize/text';
import { creditCodeProblem } from './identifiers';
import { defineRule, type Finding, type Severity } from './types';
import { describe, emitter, rows } from './helpers';

const meta = { id: 'school.credit-code', severity: 'error' as Severity, clause: 'GB 32100-2015' };
export const schoolCreditCode = defineRule({
  ...meta,
  description: {
    zh: '统一社会信用代码须为 18 位且校验位正确',
    en: 'Credit codes must have 18 valid characters and a correct check character',
  },
  check(ctx) {
    const emit = emitter(meta);
    const out: Finding[] = [];
    for (const r of rows(ctx, 'schools')) {
      const raw = r.get('creditCode');
      if (!raw) continue;
      const code = normalizeCode(raw);
      const p = creditCodeProblem(code);
      if (!p) continue;
      const d = describe(ctx.form, r.path('creditCode'));
      const why =
        p.kind === 'charset'
          ? {
              zh: `含有不允许的字符 ${p.chars.join(' ')}（不使用 I、O、Z、S、V）`,
              en: `contains characters not allowed: ${p.chars.join(' ')} (I, O, Z, S, V are never used)`,
            }
          : p.kind === 'length'
            ? { zh: `应为 18 位，现为 ${p.length} 位`, en: `must be 18 characters, has ${p.length}` }
            : {
                zh: `校验位错误：最后一位应为 ${p.expected}，填写的是 ${p.actual}，可能有字符录错`,
                en: `check character is wrong: expected ${p.expected}, got ${p.actual}; a character was probably mistyped`,
              };
      out.push(
        emit(
          [r.path('creditCode')],
          { zh: `${d.zh}“${raw}”${why.zh}`, en: `${d.en} "${raw}" ${why.en}` },
          {
            fix: { zh: '请对照学校的事业单位法人证书或登记证书核对', en: "Check it against the school's registration certificate" },
          },
        ),
      );
    }
    return out;
  },
});

/** Registration-authority prefix (chars 1–2) expected for each 办学性质: 12 事业单位 (public), 52 民办非企业单位 (private). */
const PREFIX_BY_NATURE: Record<string, { prefix: string; zh: string; en: string }> = {
  公办: { prefix: '12', zh: '事业单位（12 开头）', en: 'a public institution (prefix 12)' },
  民办: { prefix: '52', zh: '民办非企业单位（52 开头）', en: 'a private non-enterprise unit (prefix 52)' },
};

const nature = { id: 'school.credit-code-nature', severity: 'warning' as Severity, clause: 'GB 32100-2015' };
export const schoolCreditCodeNature = defineRule({
  ...nature,
  description: {
    zh: '公办学校代码多以 12 开头，民办学校多以 52 开头',
    en: 'Public schools usually have codes starting 12, private ones 52',
  },
  check(ctx) {
    const emit = emitter(nature);
    const out: Finding[] = [];
    for (const r of rows(ctx, 'schools')) {
      const code = normalizeCode(r.get('creditCode'));
      const n = r.get('schoolNature');
      const expected = PREFIX_BY_NATURE[n];
      if (!expected || code.length < 2) continue;
      // Only a code of the *other* nature is suspicious; 11 (机关), 53 etc. are left alone.
      const other = Object.entries(PREFIX_BY_NATURE).find(([k, v]) => k !== n && code.startsWith(v.prefix));
      if (!other) continue;
      out.push(
        emit([r.path('creditCode'), r.path('schoolNature')], {
          zh: `第 ${r.index + 1} 行办学性质为“${n}”，但统一社会信用代码以 ${other[1].prefix} 开头，通常属于${other[1].zh}；请核对办学性质或代码`,
          en: `Row ${r.index + 1} is marked "${n}" but its credit code starts with ${other[1].prefix}, usually ${other[1].en}; check the nature or the code`,
        }),
      );
    }
    return out;
  },
});
