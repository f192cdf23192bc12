import type { Finding } from '../rules/types';

/*
 * Findings name field paths (lib/forms `fieldPath`: `contactPhone`, `schools[2].creditCode`). The editor uses the same
 * strings to place each finding beside its input and to focus the input when a finding is clicked.
 */
/** The DOM id of the input for a path: ids must not contain `[`, `]` or `.` to stay usable in `#id` selectors. */
export function inputId(path: string): string {
  return 'field-' + path.replace(/\[(\d+)\]\./g, '-$1-');
}

/** Findings grouped by every path they name; a finding about two fields appears under both. */
export function findingsByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const p of f.fields) {
      const list = map.get(p);
      if (list) list.push(f);
      else map.set(p, [f]);
    }
  }
  return map;
}

/** Errors before warnings, then in the order the rules reported them (the rule order of the form pack). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.severity === b.f.severity ? a.i - b.i : a.f.severity === 'error' ? -1 : 1))
    .map((x) => x.f);
}

/**
 * The input a finding should focus: the first of its paths that is a real input in the form. A group-level finding
 * (`schools`, e.g. too few rows) maps to the group itself, which the editor renders as a focusable region.
 */
export function focusTarget(finding: Pick<Finding, 'fields'>, exists: (id: string) => boolean): string | null {
  for (const p of finding.fields) {
    const id = inputId(p);
    if (exists(id)) return id;
    const group = /^([A-Za-z_$][\w$]*)(?:\[\d+\])?$/.exec(p);
    if (group && exists(`group-${group[1]}`)) return `group-${group[1]}`;
  }
  return null;
}
