import type { FieldDef, FieldOption } from '../forms/types';
import { nameKey } from './text';

/** Spellings of yes and no met in systems and spreadsheets (Y/N, 1/0, true/false, √/×, 有/无 …). */
const YES = ['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '对', 'on', 'checked', '已备案', '已标记', '应届'];
const NO = ['否', 'n', 'no', 'false', '0', '×', '✗', '✘', '无', '不是', 'off', '未备案', '未标记', '非应届', '往届'];

/** `是` / `否` for a yes/no spelling, else `undefined`. */
export function normalizeYesNo(value: string): '是' | '否' | undefined {
  // The stored forms, which rules read over and over.
  if (value === '是' || value === '否') return value;
  const k = nameKey(value);
  if (!k) return undefined;
  if (YES.includes(k)) return '是';
  if (NO.includes(k)) return '否';
  return undefined;
}

/** Comparison key → option, built once per options array (verify and imports match thousands of values). */
const indexes = new WeakMap<readonly FieldOption[], Map<string, FieldOption>>();
function optionIndex(options: readonly FieldOption[]): Map<string, FieldOption> {
  let idx = indexes.get(options);
  if (!idx) {
    idx = new Map();
    // In option order, first come first served: the same option `find` would have returned.
    for (const o of options)
      for (const key of [o.value, o.label.zh, o.label.en, ...(o.synonyms ?? [])].map(nameKey)) if (!idx.has(key)) idx.set(key, o);
    indexes.set(options, idx);
  }
  return idx;
}

/**
 * The option a typed or pasted text means, matching (case-, width- and space-insensitively) the option's value, its
 * Chinese or English label, or one of its synonyms. `undefined` when nothing matches.
 */
export function matchOption(options: readonly FieldOption[], value: string): FieldOption | undefined {
  const k = nameKey(value);
  if (!k) return undefined;
  const exact = optionIndex(options).get(k);
  if (exact) return exact;
  // Yes/no fields: accept every yes/no spelling, not only the synonyms written into the pack.
  const yn = normalizeYesNo(value);
  if (yn) return options.find((o) => o.value === yn);
  return undefined;
}

/** Shorthand: the stored value of the option `value` means for `field`, else `undefined`. */
export function optionValue(field: Pick<FieldDef, 'options'>, value: string): string | undefined {
  return field.options ? matchOption(field.options, value)?.value : undefined;
}
