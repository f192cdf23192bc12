import { parseFieldPath } from '../../lib/forms';
import type { Finding } from '../../lib/rules/types';
import { focusTarget } from '../../lib/ui/field-path';
import { REVEAL_ROW, type RevealDetail } from './group-editor';

/**
 * Focus the input a finding is about (the first of its fields that exists), scrolled into view. A finding in a closed
 * group row opens the row first; its inputs exist after the next render.
 */
export function focusFinding(f: Pick<Finding, 'fields'>): void {
  for (const p of f.fields) {
    const ref = parseFieldPath(p);
    if (ref?.group !== undefined) dispatchEvent(new CustomEvent<RevealDetail>(REVEAL_ROW, { detail: { group: ref.group, row: ref.row } }));
  }
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const id = focusTarget(f, (x) => !!document.getElementById(x));
      const el = id ? document.getElementById(id) : null;
      if (!el) return;
      // Smooth unless the user asked for less motion (then a moving page would only delay the field they chose).
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: reduced ? 'instant' : 'smooth' });
      el.focus({ preventScroll: true });
    }),
  );
}
