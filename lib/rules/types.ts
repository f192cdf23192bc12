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
  /** Where the rule comes from: the notice paragraph (e.g. `教师厅函〔2024〕16号 §5`) or the standard (`GB 11643-1999`). */
  clause: string;
  /** How to fix it, where there is more to say than the message. */
  fix?: Bilingual;
}

export interface RuleContext {
  form: FormDefinition;
  data: FormData;
  refs: ReferenceData;
  /** "Today" for date-dependent rules (deadline); injectable for tests. */
  now: Date;
}

export interface Rule {
  id: string;
  /** Default severity; a rule may emit findings of either severity. */
  severity: Severity;
  clause: string;
  description: Bilingual;
  check(ctx: RuleContext): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
