import type { Bilingual, FormData, FormDefinition } from '../forms/types';
import type { ReferenceData } from '../reference/types';

export type Severity = 'error' | 'warning';

/**
 * One problem found in a form's data. `fields` are field paths: a top-level key (`contactPhone`) or a group row
 * path `groupKey[rowIndex].fieldKey` (`schools[2].creditCode`). A finding about two inconsistent fields names both.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  fields: string[];
  message: Bilingual;
  /**
   * What requires it: the notice paragraph (`教师厅函〔2024〕16号 §5`), a national standard (`GB 11643-1999`), or the
   * form's default layout for a column the project added.
   */
  clause: string;
  /** What to check and where the value's parts come from. */
  fix?: Bilingual;
}

/** What the caller knows beyond the data: per-form settings and the shape of the input. */
export interface ValidateOptions {
  /**
   * The batch deadline (the per-form setting): a `YYYY-MM-DD` date, `null` for "no deadline set", or `undefined` for
   * the form pack's default (the notice's date).
   */
  deadline?: string | null;
  /**
   * Field keys the input has no column for (a spreadsheet without 性别): the field rules leave them alone — the
   * reader reports each missing column once instead of an empty value on every row.
   */
  absent?: ReadonlySet<string>;
}

export interface RuleContext {
  form: FormDefinition;
  data: FormData;
  refs: ReferenceData;
  /** "Today" for date-dependent rules (deadline); injectable for tests. */
  now: Date;
  options?: ValidateOptions;
}

export interface Rule<Id extends string = string> {
  id: Id;
  /** Default severity; a rule may emit findings of either severity. */
  severity: Severity;
  clause: string;
  description: Bilingual;
  check(ctx: RuleContext): Finding[];
}

/** Builds one finding of a rule: id, default severity and clause filled in, each overridable. */
export type Emit = (fields: string[], message: Bilingual, extra?: { severity?: Severity; fix?: Bilingual; clause?: string }) => Finding;

export interface RuleSpec {
  severity: Severity;
  clause: string;
  description: Bilingual;
  /** The rule's check; `emit` makes findings carrying the rule's id, severity and clause. */
  check(ctx: RuleContext, emit: Emit): Finding[];
}

/**
 * A rule under its id. The id is given once, here; the registry (`index.ts`) is keyed by it, and `RuleId` is derived
 * from the registry, so an id exists exactly when a rule does.
 */
export function defineRule<const Id extends string>(id: Id, spec: RuleSpec): Rule<Id> {
  const emit: Emit = (fields, message, extra = {}) => ({
    ruleId: id,
    severity: extra.severity ?? spec.severity,
    fields,
    message,
    clause: extra.clause ?? spec.clause,
    ...(extra.fix ? { fix: extra.fix } : {}),
  });
  return { id, severity: spec.severity, clause: spec.clause, description: spec.description, check: (ctx) => spec.check(ctx, emit) };
}
