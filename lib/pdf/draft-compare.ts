import type { FormData, FormDefinition, GroupDef } from '../forms/types';
import type { Finding } from '../rules/types';
import { bilingual } from './text';

/** The notice asks for the form as Excel and as a sealed PDF of the same content (教师厅函〔2024〕16号 §2, final §). */
const CLAUSE = '教师厅函〔2024〕16号 §2';

/** Names that read like a school in Chinese text: a run of Han characters ending in a school word. */
const SCHOOL_NAME = /[\u4e00-\u9fa5（）()]{2,30}?(?:中学|小学|学校|学院附属中学|附属中学|附属小学|实验学校|一贯制学校)/g;

/** Form titles and notice phrases that end like a school name but are none. */
const NOT_A_SCHOOL = /中小学|计划|推荐|实践学校|学校名称|学校类型/;

/** Drop spaces and unify brackets: text layers split and re-space CJK names freely. */
export function normalise(s: string): string {
  return s.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/** The repeated group holding the schools and the field holding each school's name. */
export function schoolNameField(form: FormDefinition): { group: GroupDef; key: string } | undefined {
  for (const group of form.groups) {
    const field = group.fields.find((f) => f.key === 'schoolName' || f.label.zh === '学校名称' || f.synonyms.includes('学校名称'));
    if (field) return { group, key: field.key };
  }
  return undefined;
}

export interface DraftComparisonInput {
  form: FormDefinition;
  data: FormData;
  pages: number;
  /** Text of each page ('' for pages without a text layer). */
  pageTexts: readonly string[];
  textLayer: boolean;
}

/**
 * Findings of a PDF against the draft it should print: text PDFs must name every school of the draft and no other;
 * scans must have a page count that fits the number of schools (`layout.rowsPerPage`).
 */
export function compareWithDraft(input: DraftComparisonInput): Finding[] {
  const target = schoolNameField(input.form);
  if (!target) return [];
  const rows = (input.data.groups[target.group.key] ?? []).map((r, i) => ({ i, name: (r[target.key] ?? '').trim() })).filter((r) => r.name);
  const findings: Finding[] = [];
  if (input.textLayer) {
    const text = normalise(input.pageTexts.join('\n'));
    const draftNames = rows.map((r) => normalise(r.name));
    for (const r of rows) {
      if (!text.includes(normalise(r.name))) {
        findings.push({
          ruleId: 'pdf.school-missing',
          severity: 'error',
          fields: [`${target.group.key}[${r.i}].${target.key}`],
          message: bilingual('pdf.finding.schoolMissing', { name: r.name }),
          clause: CLAUSE,
        });
      }
    }
    const seen = new Set<string>();
    for (const m of input.pageTexts.join('\n').matchAll(SCHOOL_NAME)) {
      const name = normalise(m[0]);
      if (NOT_A_SCHOOL.test(name)) continue;
      // A PDF name that contains or is contained in a draft name is the same school (prefixes like 省/市 vary).
      if (seen.has(name) || draftNames.some((d) => d.includes(name) || name.includes(d))) continue;
      seen.add(name);
      findings.push({
        ruleId: 'pdf.school-extra',
        severity: 'error',
        fields: [target.group.key],
        message: bilingual('pdf.finding.schoolExtra', { name }),
        clause: CLAUSE,
      });
    }
    return findings;
  }
  const perPage = input.form.layout?.rowsPerPage;
  if (!perPage || rows.length === 0) return findings;
  const min = Math.max(1, Math.ceil(rows.length / perPage));
  // One more page is normal: the header block or the signing block may spill over.
  const max = min + 1;
  if (input.pages < min || input.pages > max) {
    findings.push({
      ruleId: 'pdf.page-count',
      severity: 'warning',
      fields: [target.group.key],
      message: bilingual('pdf.finding.pageCount', { pages: input.pages, rows: rows.length, perPage, min, max }),
      clause: CLAUSE,
    });
  }
  return findings;
}

/** The draft's 推荐单位 (the unit whose seal the form must carry). */
function recommendingUnit(form: FormDefinition, data: FormData): { key: string; value: string } | undefined {
  const field = form.fields.find((f) => f.key === 'recommendingUnit' || f.label.zh === '推荐单位');
  const value = field ? String(data.fields[field.key] ?? '').trim() : '';
  return field && value ? { key: field.key, value } : undefined;
}

/**
 * The units named by the digital seals (certificate organisation or name, else the seal's `/Name`) against the draft's
 * 推荐单位 (issue 15 §3): one that neither contains nor is contained in the unit's name is reported. A seal that names
 * nobody is not.
 */
export function compareSignersWithDraft(form: FormDefinition, data: FormData, signers: ReadonlyArray<readonly string[]>): Finding[] {
  const unit = recommendingUnit(form, data);
  if (!unit) return [];
  const u = normalise(unit.value);
  const findings: Finding[] = [];
  for (const names of signers) {
    const named = names.filter(Boolean);
    if (!named.length || named.some((n) => normalise(n).includes(u) || u.includes(normalise(n)))) continue;
    findings.push({
      ruleId: 'pdf.signer-mismatch',
      severity: 'warning',
      fields: [unit.key],
      message: bilingual('pdf.finding.signerMismatch', { signer: named[0]!, unit: unit.value }),
      clause: CLAUSE,
    });
  }
  return findings;
}
