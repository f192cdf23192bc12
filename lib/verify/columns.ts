import type { FieldHint } from '../page/types';
import { codeKey, labelKey } from '../page/label-text';
import { matchControls, type Matchable } from '../autofill/match';

/**
 * Column mapping for record tables and label → field mapping for read-only views: a header (or label) text is
 * scored against the form pack's labels, synonyms and pinyin codes by the autofill matcher, so a column is named
 * the same way a form control would be; below the matcher's threshold a column stays unmapped, never guessed.
 */

/** Columns every list has that hold no record value: not worth reporting as "not recognised". */
const NON_DATA_HEADERS = new Set(['序号', '编号', '操作', '选择', '全选', '#', 'no', 'no.', 'index', '行号', '查看', '详情'].map(labelKey));

/** Whether a header is a list's own column (row number, actions), not a record field. */
export function isNonDataHeader(header: string): boolean {
  return NON_DATA_HEADERS.has(labelKey(header));
}

/** Header texts → field key per column (`undefined`: no field). Each field is given to at most one column. */
export function mapColumns(headers: readonly string[], hints: readonly FieldHint[]): Array<string | undefined> {
  return mapLabels(headers, hints, 'column-header');
}

/** Label texts (`th`, `dt`, `span.label`) of a read-only view → field key per label. */
export function mapViewLabels(labels: readonly string[], hints: readonly FieldHint[]): Array<string | undefined> {
  return mapLabels(labels, hints, 'cell-left');
}

function mapLabels(
  texts: readonly string[],
  hints: readonly FieldHint[],
  source: 'column-header' | 'cell-left',
): Array<string | undefined> {
  const top = hints.filter((h) => !h.group);
  const items: Array<Matchable & { i: number }> = texts.map((text, i) => {
    const key = labelKey(text);
    // A header written as a pinyin code (`XWZSBH`) is matched as a code, like a control's name attribute.
    const code = /^[a-z][a-z0-9_]{1,29}$/.test(key) ? codeKey(key) : { key: '' };
    return { i, labels: key ? [{ text: key, source }] : [], code };
  });
  const out: Array<string | undefined> = texts.map(() => undefined);
  for (const a of matchControls(items, top)) out[a.control.i] = a.hint.key;
  return out;
}
