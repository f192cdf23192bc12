/** Generic field checks every form uses (family `field.*`): required values present, single values in the field's format. */
import type { Bilingual, FieldDef, FormDefinition } from '../forms/types';
import { schemaAccepts } from '../forms/field';
import { matchOption, normalizeYesNo } from '../normalize/options';
import { defineRule, type Finding, type RuleContext } from './types';
import { describe, fieldClause, rows } from './helpers';

type VisitCell = (field: FieldDef, raw: string, path: string, sibling: (key: string) => string) => void;
/** The fields a rule looks at, in form order: top level, then each group's columns (by group index). */
type FieldPlan = { top: FieldDef[]; groups: FieldDef[][] };

/** The fields of `form` that `keep` selects, worked out once per form (and per rule: each rule has its own cache). */
function planFor(cache: WeakMap<FormDefinition, FieldPlan>, form: FormDefinition, keep: (f: FieldDef) => boolean): FieldPlan {
  let plan = cache.get(form);
  if (!plan) cache.set(form, (plan = { top: form.fields.filter(keep), groups: form.groups.map((g) => g.fields.filter(keep)) }));
  return plan;
}

/**
 * Every (path, raw value, field) of the planned fields the form's data holds: top-level fields, and columns of
 * non-blank group rows; fields the input has no column for (`options.absent`) are skipped. A plain callback with
 * positional arguments (no generator, no object per cell): both field rules walk every cell of every record a list
 * verifies.
 */
function eachCell(ctx: RuleContext, plan: FieldPlan, visit: VisitCell): void {
  const absent = ctx.options?.absent;
  const fields = ctx.data.fields;
  const top = (key: string) => fields[key] ?? '';
  for (const field of plan.top) if (!absent?.has(field.key)) visit(field, fields[field.key] ?? '', field.key, top);
  ctx.form.groups.forEach((group, gi) => {
    const columns = (plan.groups[gi] ?? []).filter((f) => !absent?.has(f.key));
    if (!columns.length) return;
    const data = ctx.data.groups[group.key] ?? [];
    for (const r of rows(ctx, group.key)) {
      const row = data[r.index] ?? {};
      const sibling = (key: string) => row[key] ?? '';
      for (const field of columns) visit(field, sibling(field.key), r.path(field.key), sibling);
    }
  });
}

const requiredPlans = new WeakMap<FormDefinition, FieldPlan>();
const formatPlans = new WeakMap<FormDefinition, FieldPlan>();

export const fieldRequired = defineRule('field.required', {
  severity: 'error',
  clause: '表单默认版式',
  description: { zh: '必填项不能为空', en: 'Required fields must be filled in' },
  check(ctx, emit) {
    const out: Finding[] = [];
    // Only fields that can be required (always, or when another field says so).
    eachCell(
      ctx,
      planFor(requiredPlans, ctx.form, (f) => f.required || !!f.requiredWhen),
      (field, raw, path, sibling) => {
        if (raw.trim()) return;
        const when = field.requiredWhen;
        const trigger = when ? sibling(when.key).trim() : '';
        const conditional = !!when && when.values.includes(normalizeYesNo(trigger) ?? trigger);
        if (!field.required && !conditional) return;
        const d = describe(ctx.form, path);
        const clause = fieldClause(ctx.form, path);
        if (field.required || !when) {
          out.push(emit([path], { zh: `${d.zh}未填写`, en: `${d.en} is empty` }, { clause, fix: fillIn(field) }));
          return;
        }
        const w = describe(ctx.form, when.key);
        out.push(
          emit(
            [path, when.key],
            { zh: `${w.zh}为“${trigger}”时，${d.zh}必须填写`, en: `${d.en} is required when ${w.en} is "${trigger}"` },
            {
              clause,
              fix: { zh: `填写${d.zh}，或把${w.zh}改为实际情况`, en: `Fill in ${d.en}, or correct ${w.en}` },
            },
          ),
        );
      },
    );
    return out;
  },
});

/** What a clerk types into an empty field: the kind of value, with the options or the format. */
function fillIn(field: FieldDef): Bilingual {
  const label = { zh: `「${field.label.zh}」`, en: `"${field.label.en}"` };
  if (field.type === 'select') {
    const opts = (field.options ?? []).map((o) => o.value);
    return { zh: `填写${label.zh}（可选：${opts.join('、')}）`, en: `Fill in ${label.en} (one of ${opts.join(', ')})` };
  }
  if (field.type === 'date') return { zh: `填写${label.zh}，如 2024-08-05`, en: `Fill in ${label.en}, e.g. 2024-08-05` };
  return { zh: `填写${label.zh}`, en: `Fill in ${label.en}` };
}

function formatProblem(field: FieldDef, value: string): { zh: string; en: string; fix?: Bilingual } {
  const len = [...value].length;
  if (field.maxLength && len > field.maxLength && (field.type === 'text' || field.type === 'textarea')) {
    return {
      zh: `超过 ${field.maxLength} 字（现为 ${len} 字）`,
      en: `is longer than ${field.maxLength} characters (${len})`,
      fix: { zh: `删减到 ${field.maxLength} 字以内`, en: `Shorten it to ${field.maxLength} characters` },
    };
  }
  switch (field.type) {
    case 'select': {
      const opts = (field.options ?? []).map((o) => o.value);
      const shown = opts.length > 8 ? [...opts.slice(0, 8), '…'] : opts;
      return {
        zh: `“${value}”不是可选项（可选：${shown.join('、')}）`,
        en: `"${value}" is not one of the options (${shown.join(', ')})`,
        fix: { zh: '从可选项中选择一项', en: 'Choose one of the options' },
      };
    }
    case 'date':
      return {
        zh: `“${value}”不是有效日期，应为 YYYY-MM-DD`,
        en: `"${value}" is not a valid date (YYYY-MM-DD)`,
        fix: { zh: '按 YYYY-MM-DD 填写真实日期，如 2024-08-05', en: 'Write a real date as YYYY-MM-DD, e.g. 2024-08-05' },
      };
    case 'integer':
      return {
        zh: `“${value}”应为非负整数`,
        en: `"${value}" must be a whole number`,
        fix: { zh: '只填数字，不带单位，如 36', en: 'Digits only, no unit, e.g. 36' },
      };
    default:
      return { zh: `“${value}”格式不正确`, en: `"${value}" is not in the expected format` };
  }
}

export const fieldFormat = defineRule('field.format', {
  severity: 'error',
  clause: '表单默认版式',
  description: { zh: '每个值须符合该字段的格式', en: 'Each value must match its field format' },
  check(ctx, emit) {
    const out: Finding[] = [];
    // A dedicated rule explains some fields' mistakes better; one mistake, one finding.
    const plan = planFor(formatPlans, ctx.form, (f) => !(f.checkedBy && ctx.form.rules.includes(f.checkedBy)));
    eachCell(ctx, plan, (field, raw, path) => {
      const value = raw.trim();
      if (!value) return;
      if (schemaAccepts(field.schema, value)) return;
      const d = describe(ctx.form, path);
      const clause = fieldClause(ctx.form, path);
      // Another spelling of an option (`身份证` for 居民身份证) is understood: say how it is read, as a warning.
      const meant = field.type === 'select' && field.options ? matchOption(field.options, value) : undefined;
      if (meant) {
        out.push(
          emit(
            [path],
            {
              zh: `${d.zh}写作“${value}”，按“${meant.value}”理解`,
              en: `${d.en} "${value}" is read as "${meant.value}"`,
            },
            { severity: 'warning', clause, fix: { zh: `改为标准写法“${meant.value}”`, en: `Use the standard term "${meant.value}"` } },
          ),
        );
        return;
      }
      const p = formatProblem(field, value);
      out.push(emit([path], { zh: `${d.zh}${p.zh}`, en: `${d.en} ${p.en}` }, { clause, ...(p.fix ? { fix: p.fix } : {}) }));
    });
    return out;
  },
});
