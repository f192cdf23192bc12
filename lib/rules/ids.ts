/** Every rule id. The registry in `index.ts` must have exactly these keys (checked by the compiler). */
export type RuleId =
  | 'field.required'
  | 'field.format'
  | 'school.min-count'
  | 'school.in-province'
  | 'school.stage'
  | 'school.duplicate'
  | 'school.credit-code'
  | 'school.credit-code-nature'
  | 'contact.phone'
  | 'contact.email'
  | 'form.deadline'
  | 'degree.main-field'
  | 'degree.filing-mark'
  | 'degree.same-year'
  | 'degree.edu-date-order'
  | 'degree.fresh-graduate'
  | 'degree.double-first-class'
  | 'id.resident-id'
  | 'cert.degree-number'
  | 'cert.graduation-number';

export const NOTICE = '教师厅函〔2024〕16号';
