/**
 * The rule engine: `validate(form, data, refs, now?)` runs the rules the form pack lists and returns findings in
 * document order. Rules are pure; a rule that throws is reported as a finding instead of breaking validation.
 */
import { parseFieldPath, withDerived } from '../forms/index';
import type { FormData, FormDefinition } from '../forms/types';
import type { ReferenceData } from '../reference/types';
import { certDegreeNumber, certGraduationNumber } from './cert';
import { contactEmail, contactPhone } from './contact';
import {
  degreeAdmissionMode,
  degreeDoubleFirstClass,
  degreeEduDateOrder,
  degreeFilingMark,
  degreeFreshGraduate,
  degreeJointTraining,
  degreeMainField,
  degreeSameYear,
  degreeTeacherStage,
} from './degree';
import { fieldFormat, fieldRequired } from './field';
import { formDeadline, formRecommendingUnit } from './form';
import { residentId } from './id';
import { schoolCreditCode, schoolCreditCodeNature, schoolDuplicate, schoolInProvince, schoolMinCount, schoolStage } from './school';
import type { Finding, Rule, ValidateOptions } from './types';
import { t } from '../i18n';

export type { Finding, Rule, ValidateOptions } from './types';

/** A registry keyed by each rule's own id (given once, in `defineRule`). */
function registry<const R extends ReadonlyArray<Rule>>(list: R): { [K in R[number] as K['id']]: K } {
  return Object.fromEntries(list.map((r) => [r.id, r])) as { [K in R[number] as K['id']]: K };
}

/**
 * Every rule by id. A rule's file is named after its family, the id's first part (`school.in-province` →
 * `school.ts`), so a rule is found from its id.
 */
export const rules = registry([
  fieldRequired,
  fieldFormat,
  schoolMinCount,
  schoolInProvince,
  schoolStage,
  schoolDuplicate,
  schoolCreditCode,
  schoolCreditCodeNature,
  contactPhone,
  contactEmail,
  formDeadline,
  formRecommendingUnit,
  degreeMainField,
  degreeAdmissionMode,
  degreeJointTraining,
  degreeFilingMark,
  degreeSameYear,
  degreeEduDateOrder,
  degreeFreshGraduate,
  degreeDoubleFirstClass,
  degreeTeacherStage,
  residentId,
  certDegreeNumber,
  certGraduationNumber,
]);

/** Every rule id: derived from the registry, so an id exists exactly when a rule does. */
export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

/**
 * Where a finding sorts: by its first field's place in the form (header fields in order, then each group's rows and
 * columns; a finding about a whole group before that group's rows; a finding about no field first).
 */
function position(form: FormDefinition, f: Finding): number[] {
  const path = f.fields[0];
  if (path === undefined) return [-1];
  const top = form.fields.findIndex((x) => x.key === path);
  if (top >= 0) return [0, top];
  const gi = form.groups.findIndex((g) => g.key === path);
  if (gi >= 0) return [1 + gi, -1];
  const ref = parseFieldPath(path);
  if (ref?.group !== undefined) {
    const g = form.groups.findIndex((x) => x.key === ref.group);
    const col = form.groups[g]?.fields.findIndex((x) => x.key === ref.key) ?? 0;
    return [1 + g, ref.row, col];
  }
  return [form.groups.length + 1];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -2) - (b[i] ?? -2);
    if (d) return d;
  }
  return 0;
}

/**
 * Runs the form's rules (`form.rules`) over `data`. Findings are sorted by position in the form, then errors before
 * warnings, then rule id; the order is deterministic for the same input. `now` is "today" for the deadline rule;
 * `options` carries the batch deadline setting and the fields the input has no column for.
 */
export function validate(
  form: FormDefinition,
  data: FormData,
  refs: ReferenceData,
  now: Date = new Date(),
  options: ValidateOptions = {},
): Finding[] {
  const found: Finding[] = [];
  // Derived fields (是否联合培养 from the partner university) are judged as the exports and fills use them.
  const whole = withDerived(form, { fields: data.fields ?? {}, groups: data.groups ?? {} });
  const ctx = { form, data: withinRowCaps(form, whole, found), refs, now, options };
  for (const id of form.rules) {
    const rule: Rule | undefined = isRuleId(id) ? rules[id] : undefined;
    if (!rule) continue;
    try {
      // One push per finding: spreading a rule's findings into push() throws RangeError past ~100k of them.
      for (const f of rule.check(ctx)) found.push(f);
    } catch {
      // A rule that cannot finish leaves the draft unchecked: an error, so nothing reads "clean" (CLI, editor, export).
      found.push({
        ruleId: rule.id,
        severity: 'error',
        fields: [],
        message: { zh: t('guard.rule.incomplete', { rule: rule.id }, 'zh-CN'), en: t('guard.rule.incomplete', { rule: rule.id }, 'en') },
        clause: rule.clause,
      });
    }
  }
  // Most records have no finding or one: nothing to order.
  if (found.length < 2) return found;
  const keyed = found.map((f, i) => ({ f, i, pos: position(form, f) }));
  keyed.sort(
    (a, b) =>
      compare(a.pos, b.pos) ||
      (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) ||
      (a.f.ruleId < b.f.ruleId ? -1 : a.f.ruleId > b.f.ruleId ? 1 : 0) ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}

/**
 * Groups longer than the form allows (`maxRows`, e.g. 200 schools) are an error, and the rules see only the allowed
 * rows: a 100,000-row draft is answered at the cost of 200.
 */
function withinRowCaps(form: FormDefinition, data: FormData, found: Finding[]): FormData {
  let groups = data.groups;
  for (const g of form.groups) {
    const rows = groups[g.key];
    if (g.maxRows === undefined || !rows || rows.length <= g.maxRows) continue;
    found.push({
      ruleId: 'form.max-rows',
      severity: 'error',
      fields: [g.key],
      message: {
        zh: t('guard.rule.tooManyRows', { group: g.label.zh, max: g.maxRows, rows: rows.length }, 'zh-CN'),
        en: t('guard.rule.tooManyRows', { group: g.label.en, max: g.maxRows, rows: rows.length }, 'en'),
      },
      clause: form.title.zh,
    });
    groups = { ...groups, [g.key]: rows.slice(0, g.maxRows) };
  }
  return groups === data.groups ? data : { ...data, groups };
}

/** Counts by severity, for summaries and exit codes. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
