import type { ScannedControl } from '../page/scan';
import type { AdapterSpec, FieldHint } from './types';
import type { Assignment } from './match';
import { labelKey } from '../page/label-text';

/**
 * Resolve site adapters (declarative: field path → selector/label) against scanned controls. Adapter assignments
 * override heuristics. A group path with `[]` takes every control the locator finds, one per row in order.
 */
export function adapterAssignments(
  doc: Document,
  controls: ScannedControl[],
  adapters: AdapterSpec[],
  hints: FieldHint[],
  frameUrl: string,
): Assignment<ScannedControl>[] {
  const out: Assignment<ScannedControl>[] = [];
  const byPath = new Map(hints.map((h) => [h.path, h]));
  for (const a of adapters) {
    for (const [path, loc] of Object.entries(a.fields)) {
      if (loc.frame && !frameUrl.includes(loc.frame)) continue;
      const generic = path.replace(/\[\d+\]/, '[]');
      const hint = byPath.get(generic);
      if (!hint) continue;
      let found: ScannedControl[] = [];
      if (loc.selector) {
        let els: Element[] = [];
        try {
          els = Array.from(doc.querySelectorAll(loc.selector));
        } catch {
          els = [];
        }
        found = els
          .map((e) => controls.find((c) => c.el === e || c.face === e || c.face.contains(e)))
          .filter((c): c is ScannedControl => !!c);
      }
      if (!found.length && loc.label) {
        const k = labelKey(loc.label);
        found = controls.filter((c) => c.labels.some((l) => l.text === k));
      }
      if (!found.length) continue;
      if (path.includes('[]')) {
        found.forEach((c, i) =>
          out.push({ control: c, path: path.replace('[]', `[${c.row?.index ?? i}]`), hint, score: 1, via: 'adapter' }),
        );
      } else {
        out.push({ control: found[0]!, path, hint, score: 1, via: 'adapter' });
      }
    }
  }
  return out;
}

/** Generated ids (`el-id-1024-12`, `rc_select_3`) change between visits: not stable. */
const GENERATED_ID = /\d{2,}|^(el-id|rc_|:r)/;

/** A selector that finds `el` again on a later visit: id, then unique name, then a short structural path. */
export function uniqueSelector(el: Element): string {
  const doc = el.ownerDocument;
  const esc = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'));
  if (el.id && !GENERATED_ID.test(el.id) && doc.querySelectorAll(`#${esc(el.id)}`).length === 1) return `#${esc(el.id)}`;
  const name = el.getAttribute('name');
  const tag = el.tagName.toLowerCase();
  if (name && doc.querySelectorAll(`${tag}[name="${esc(name)}"]`).length === 1) return `${tag}[name="${esc(name)}"]`;
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur !== doc.body && parts.length < 8) {
    if (cur.id && !GENERATED_ID.test(cur.id)) {
      parts.unshift(`#${esc(cur.id)}`);
      break;
    }
    const t = cur.tagName.toLowerCase();
    let n = 1;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === cur.tagName) n++;
    parts.unshift(`${t}:nth-of-type(${n})`);
    cur = cur.parentElement;
  }
  return parts.join(' > ');
}
