import type { FieldDef } from '../forms/types';
import { nameKey } from '../normalize';

/**
 * Header text → field. Real templates decorate headers: a required mark (`*学校名称`), a unit (`实践人数（人）`), a
 * line break, a trailing colon, a code in brackets (`姓名(XM)`). We compare normalised keys: exact label / synonym /
 * pinyin code / key first, then the header with its decorations removed, then the longest label it contains.
 */
export function headerKey(text: string): string {
  return nameKey(text)
    .replace(/^[*＊※]+|[*＊※]+$/g, '')
    .replace(/[:：]+$/, '')
    .replace(/["'“”‘’「」]/g, '');
}

/** The header without a trailing bracketed note (`(人)`, `(必填)`, `(XM)`). */
function stripNote(key: string): string {
  return key.replace(/\([^()]*\)$/, '');
}

export interface HeaderMatcher {
  match(text: string): FieldDef | undefined;
}

/** A matcher over `fields` (one table's columns, or one header block); first field wins on equal keys. */
export function headerMatcher(fields: readonly FieldDef[]): HeaderMatcher {
  const exact = new Map<string, FieldDef>();
  const names: Array<{ key: string; field: FieldDef }> = [];
  const add = (k: string, f: FieldDef) => {
    if (k && !exact.has(k)) exact.set(k, f);
  };
  for (const f of fields) {
    for (const s of [f.label.zh, f.label.en, ...f.synonyms]) {
      const k = headerKey(s);
      add(k, f);
      if (k.length >= 2) names.push({ key: k, field: f });
    }
    for (const c of [f.key, ...f.codes]) add(headerKey(c), f);
  }
  // Longest first, so `联系人电话` prefers `联系电话`-like longer labels over `联系人`.
  names.sort((a, b) => b.key.length - a.key.length);
  return {
    match(text) {
      const k = headerKey(text);
      if (!k) return undefined;
      const hit = exact.get(k) ?? exact.get(stripNote(k));
      if (hit) return hit;
      // A bracketed code: `姓名(XM)` or `XM(姓名)`.
      const code = /\(([a-z]+)\)$/.exec(k)?.[1];
      if (code && exact.has(code)) return exact.get(code);
      const base = stripNote(k);
      if (base.length < 2) return undefined;
      return names.find((n) => base.includes(n.key))?.field;
    },
  };
}
