import type { z } from 'zod';

/** A user-facing text in both UI languages; Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * How a field's value is entered and stored. Draft values are always strings (exactly what the user typed or picked),
 * so incomplete drafts are representable; the field's zod schema and the rule engine judge them.
 * - `date`: stored as `YYYY-MM-DD`.
 * - `integer`: stored as decimal digits.
 * - `select`: stored as the option's `value`.
 */
export type FieldType = 'text' | 'textarea' | 'integer' | 'date' | 'select' | 'phone' | 'email' | 'idNumber' | 'code';

export interface FieldOption {
  /** Stored value: the official Chinese term itself where one exists (e.g. `公办`), so exports read naturally. */
  value: string;
  label: Bilingual;
  /** Other spellings met on real systems and in spreadsheets (e.g. `公立`, `1`). */
  synonyms?: string[];
}

export interface FieldDef {
  /** Stable key, camelCase English from the domain (学段 → `schoolStage`). Never renamed: drafts and adapters store it. */
  key: string;
  label: Bilingual;
  /** Label texts seen on real systems and templates, used to match page controls and spreadsheet headers. */
  synonyms: string[];
  /** Pinyin-initial codes used as `name`/`id` attributes and national template headers (e.g. `XXMC`, `XWZSBH`). */
  codes: string[];
  type: FieldType;
  options?: FieldOption[];
  required: boolean;
  maxLength?: number;
  /** Short help shown beside the field in the editor. */
  help?: Bilingual;
  /** Validates a single non-empty value; empty values are handled by `required`. */
  schema: z.ZodType<string>;
  /** Excel column width in characters, for the official layout. */
  width?: number;
  /**
   * Id of the rule that judges this value's format in detail (e.g. `school.credit-code`, `contact.phone`). When the
   * form applies that rule, the generic `field.format` check leaves the field to it, so one mistake is one finding.
   */
  checkedBy?: string;
  /**
   * Required only when a sibling field (same level: top-level, or the same group row) holds one of `values`,
   * e.g. the 教育硕士 certificate number when 是否同时获得教育硕士 is 是. Judged by `field.required`.
   */
  requiredWhen?: { key: string; values: string[] };
  /**
   * A yes/no-like field that says what a sibling implies when it is not set explicitly: `filled` when the sibling
   * `key` holds text, else `empty` (是否联合培养 = 是 exactly when a partner university is named). The draft keeps what
   * the user chose (`''` = not set); `effectiveValue` / `withDerived` give the value the rules, exports and fills use.
   */
  derivedFrom?: { key: string; filled: string; empty: string };
  /**
   * The notice clause that asks for this field (`教师厅函〔2024〕16号 §5`). Absent for columns of the default layout
   * the notice does not name: their required/format findings cite the form's `layoutClause`.
   */
  clause?: string;
}

/** A repeated block of fields, e.g. the recommended schools (one row each). */
export interface GroupDef {
  key: string;
  label: Bilingual;
  /** Singular name for one row (学校 / school). */
  itemLabel: Bilingual;
  fields: FieldDef[];
  minRows: number;
  maxRows?: number;
}

export interface FormDefinition<Id extends string = string> {
  id: Id;
  /** Version of this definition; drafts record it. */
  version: number;
  title: Bilingual;
  /** The document the form comes from, e.g. 教师厅函〔2024〕16号 附件2. */
  source: Bilingual;
  /** Top-level fields (the header of the recommendation form, or the whole degree record). */
  fields: FieldDef[];
  groups: GroupDef[];
  /** Ids of the rules (lib/rules) that apply to this form. */
  rules: string[];
  /**
   * The batch's submission deadline (`YYYY-MM-DD`) where the notice sets one: the default of the per-form setting an
   * admin changes for the next batch (the rules take the setting; `null` there means "no deadline").
   */
  deadline?: string;
  /** What a column of the default layout cites when no notice clause asks for it (`FieldDef.clause`). */
  layoutClause?: string;
  /** Official sheet layout for Excel export and the print view. */
  layout?: {
    sheetTitle: Bilingual;
    /** Header-block fields printed above the table, in order. */
    headerFields: string[];
    /** Signature block under the table. */
    signature: Bilingual;
    /** Pages a sealed PDF of this form is expected to have per N rows (for scan plausibility checks). */
    rowsPerPage?: number;
  };
}

/** Draft data: top-level field values plus one array per group. */
export interface FormData {
  fields: Record<string, string>;
  groups: Record<string, Array<Record<string, string>>>;
}

export function defineForm<const Id extends string>(form: FormDefinition<Id>): FormDefinition<Id> {
  return form;
}
