import type { FieldDef } from '../forms/types';
import { excelSerialToIso, isIsoDate, normalizeDate, normalizeValue, optionValue } from '../normalize';
import type { CellValue } from './workbook';

/** What a spreadsheet cell holds, reduced to what an import needs. Formulas are never evaluated: their cached result is used. */
export type Raw =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; date: Date }
  | { kind: 'bool'; value: boolean };

export interface RawCell {
  raw: Raw;
  /** The cell held a formula; `raw` is its cached result (empty when the file carries none). */
  formula: boolean;
}

const EMPTY: Raw = { kind: 'empty' };

/** Reduce an ExcelJS cell value (rich text, hyperlinks, formulas, errors…) to a `RawCell`. */
export function rawFromCellValue(v: CellValue): RawCell {
  if (v === null || v === undefined) return { raw: EMPTY, formula: false };
  if (typeof v === 'string') return { raw: v === '' ? EMPTY : { kind: 'text', text: v }, formula: false };
  if (typeof v === 'number') return { raw: { kind: 'number', value: v }, formula: false };
  if (typeof v === 'boolean') return { raw: { kind: 'bool', value: v }, formula: false };
  if (v instanceof Date) return { raw: { kind: 'date', date: v }, formula: false };
  if (typeof v === 'object') {
    if ('richText' in v) return rawFromCellValue(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      const inner =
        result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? null : (result as CellValue);
      return { raw: rawFromCellValue(inner).raw, formula: true };
    }
    if ('hyperlink' in v && 'text' in v) return rawFromCellValue((v as { text: CellValue }).text);
    if ('error' in v) return { raw: EMPTY, formula: false };
  }
  return { raw: EMPTY, formula: false };
}

/** The text a person sees for a raw value, used for headers and the import report. */
export function displayText(raw: Raw): string {
  switch (raw.kind) {
    case 'empty':
      return '';
    case 'text':
      return raw.text;
    case 'number':
      return numberText(raw.value);
    case 'date':
      return isoDate(raw.date);
    case 'bool':
      return raw.value ? 'TRUE' : 'FALSE';
  }
}

/** Digits without exponent notation: 110101199003077777 stored as a number must not read back as `1.1E+17`. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e15) return BigInt(n).toString();
  return String(n);
}

/** `YYYY-MM-DD` of a date ExcelJS produced (it reads and writes dates as UTC midnight). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface Converted {
  value: string;
  /** Set when the cell could not carry the value faithfully (a long number that lost digits). */
  problem?: 'precision';
}

/**
 * A cell's value as the draft string of `field`. Dates, options and integers take their canonical stored form
 * (lib/normalize: `2024/6/30` → `2024-06-30`, `公立` → `公办`); every other value is kept exactly as written (trimmed),
 * full-width characters and all — an import never rewrites a name or an identifier behind the user's back, and an
 * exported draft reads back identical. Anything that does not convert is kept as typed, so the rules report it.
 */
export function fieldValue(field: FieldDef, raw: Raw): Converted {
  switch (raw.kind) {
    case 'empty':
      return { value: '' };
    case 'date':
      // ExcelJS reads a date cell as UTC midnight of its day: take the UTC calendar day, not the local one.
      return { value: isoDate(raw.date) };
    case 'bool':
      return { value: normalizeValue(field, raw.value) };
    case 'number': {
      if (field.type === 'date') return { value: excelSerialToIso(raw.value) ?? numberText(raw.value) };
      const text = numberText(raw.value);
      if (field.type === 'integer' && Number.isSafeInteger(raw.value) && raw.value >= 0) return { value: text };
      if (field.type === 'select' || field.type === 'integer') return { value: normalizeValue(field, text) };
      // A 17–18 digit identifier stored as a number has already lost its last digits inside the file.
      return Number.isInteger(raw.value) && !Number.isSafeInteger(raw.value) ? { value: text, problem: 'precision' } : { value: text };
    }
    case 'text': {
      const text = raw.text.trim();
      if (field.type === 'date') return { value: normalizeDate(text) ?? text };
      // The stored value itself (what our exports write) needs no matching.
      if (field.type === 'select')
        return { value: field.options?.some((o) => o.value === text) ? text : (optionValue(field, text) ?? text) };
      if (field.type === 'integer') return { value: /^(0|[1-9]\d*)$/.test(text) ? text : normalizeValue(field, text) };
      return { value: text };
    }
  }
}

/** How a draft value goes into a cell: real dates and numbers where the value is one, text otherwise. */
export type CellOut = { value: string | number | Date | null; numFmt?: string };

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';

export function cellForField(field: FieldDef, value: string | undefined): CellOut {
  if (value === undefined || value === '')
    return { value: null, numFmt: field.type === 'date' ? DATE_FORMAT : field.type === 'integer' ? undefined : TEXT_FORMAT };
  if (field.type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // Date.UTC: ExcelJS writes a Date as its UTC day; a local-time Date in UTC+8 would land a day early (#486).
    if (m && isIsoDate(value)) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), numFmt: DATE_FORMAT };
    return { value, numFmt: TEXT_FORMAT };
  }
  // Only canonical small integers become numbers: `007` or `1e3` stay text and read back exactly.
  if (field.type === 'integer' && /^(0|[1-9]\d{0,14})$/.test(value)) return { value: Number(value) };
  return { value, numFmt: TEXT_FORMAT };
}
