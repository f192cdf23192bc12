/**
 * Turning what people type, paste or import into the stored form of a field value. Used by the editor, autofill
 * (reading pages), Excel import and verification. Every function is pure and total: it never throws.
 *
 * - `normalizeValue(field, raw)`: the one call most callers need — applies the rules below by field type.
 * - `normalizeText`, `toHalfWidth`, `collapseSpace`, `nameKey` (comparison key), `normalizeCode` (identifiers).
 * - `normalizeDate` (many spellings, Excel serials → `YYYY-MM-DD`), `isIsoDate`, `yearOf`, `excelSerialToIso`.
 * - `normalizeYesNo`, `matchOption`, `optionValue` (select fields: value, label or synonym → stored value).
 */
import type { FieldDef } from '../forms/types';
import { normalizeDate } from './date';
import { optionValue } from './options';
import { normalizeCode, normalizeText } from './text';

export * from './text';
export * from './date';
export * from './options';

/**
 * The stored form of a raw value for `field`: dates as `YYYY-MM-DD`, select values as the option's `value`, integers
 * as plain digits, identifiers upper-case without spaces, text half-width and trimmed. When a value cannot be read
 * (an unknown option, an impossible date) the cleaned text is returned unchanged, so the rule engine can report it
 * rather than the value being silently lost.
 */
export function normalizeValue(
  field: Pick<FieldDef, 'type' | 'options'>,
  raw: string | number | boolean | Date | null | undefined,
): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') raw = raw ? '是' : '否';
  if (raw instanceof Date || (typeof raw === 'number' && field.type === 'date')) return normalizeDate(raw) ?? '';
  const text = field.type === 'textarea' ? String(raw).replace(/\r\n?/g, '\n').trim() : normalizeText(String(raw));
  if (!text) return '';
  switch (field.type) {
    case 'date':
      return normalizeDate(text) ?? text;
    case 'select':
      return optionValue(field, text) ?? text;
    case 'integer': {
      const m = /^(\d+)(?:\.0+)?\s*(?:人|名|个|位)?$/.exec(text);
      return m ? String(Number(m[1])) : text;
    }
    case 'idNumber':
    case 'code':
      return normalizeCode(text);
    case 'phone':
      return text.replace(/\s+/g, '').replace(/[—–－]/g, '-');
    case 'email':
      return text.replace(/\s+/g, '').replace(/[＠]/g, '@');
    default:
      return text;
  }
}
