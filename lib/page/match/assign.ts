/**
 * A one-to-one assignment of items (controls, columns, view labels) to fields over a whole page or table: every
 * (item, field) pair above the threshold, best first; a pair is taken when neither side is taken yet. A field thus
 * goes to the item that names it best anywhere on the page — a short label (`教育硕士`) scoring a long column
 * (`教育硕士证书号`) loses that column to the field the column names exactly — and an item whose fields are all
 * taken by better items stays unmatched rather than falling to a worse field.
 */
export interface Pair {
  item: number;
  field: number;
  score: number;
}

/** Pairs chosen best-first (ties: document order of items), at most one per item and one per field. */
export function assignOneToOne(pairs: readonly Pair[], threshold: number): Pair[] {
  const sorted = pairs.filter((p) => p.score >= threshold).sort((a, b) => b.score - a.score || a.item - b.item || a.field - b.field);
  const items = new Set<number>();
  const fields = new Set<number>();
  const out: Pair[] = [];
  for (const p of sorted) {
    if (items.has(p.item) || fields.has(p.field)) continue;
    items.add(p.item);
    fields.add(p.field);
    out.push(p);
  }
  return out;
}
