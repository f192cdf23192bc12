import type { FieldHint } from '../page/types';
import { labelKey } from '../page/label-text';
import { assignOneToOne, type Pair } from '../page/match/assign';
import { bestField, createLabelScorer, LABEL_THRESHOLD } from '../page/match/similarity';

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

/**
 * Header texts → field key per column (`undefined`: no field). `groups` holds, per column, the text of a header
 * spanning it from above (a `colspan` group such as `教育硕士`): context, never a label. Each field goes to the one
 * column that names it best across the whole table.
 */
export function mapColumns(headers: readonly string[], hints: readonly FieldHint[], groups?: readonly string[]): Array<string | undefined> {
  return mapLabels(headers, hints, groups);
}

/** Label texts (`th`, `dt`, `span.label`) of a read-only view → field key per label; `contexts`: the card or section title. */
export function mapViewLabels(
  labels: readonly string[],
  hints: readonly FieldHint[],
  contexts?: readonly string[],
): Array<string | undefined> {
  return mapLabels(labels, hints, contexts);
}

const scorers = new WeakMap<readonly FieldHint[], { top: FieldHint[]; score: ReturnType<typeof createLabelScorer> }>();

function mapLabels(texts: readonly string[], hints: readonly FieldHint[], contexts?: readonly string[]): Array<string | undefined> {
  let s = scorers.get(hints);
  if (!s) {
    const top = hints.filter((h) => !h.group);
    s = { top, score: createLabelScorer(top) };
    scorers.set(hints, s);
  }
  const { top, score } = s;
  const pairs: Pair[] = [];
  texts.forEach((text, item) => {
    if (!labelKey(text)) return;
    const scores = score(text, contexts?.[item] ?? '');
    // Only a label that names one field on its own competes for it (an ambiguous `日期` stays unmapped).
    const best = bestField(scores, top);
    if (best) pairs.push({ item, field: best.field, score: best.score });
  });
  const out: Array<string | undefined> = texts.map(() => undefined);
  for (const p of assignOneToOne(pairs, LABEL_THRESHOLD)) out[p.item] = top[p.field]!.key;
  return out;
}
