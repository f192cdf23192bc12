import { readOnlyField, scanRoot, type ScannedControl } from '../page/scan';
import { matchControls, type Assignment } from './match';
import { adapterAssignments } from './adapters';
import { DRIVERS } from '../page/kits';
import { press, sleep, waitFor } from '../page/events';
import { cascadeValue, REGION_CHAIN } from '../page/options';
import { findAddButton } from './add-row';
import { shownMatches } from './report';
import { formatDate, wantedDateFormat } from './hints';
import type { FieldHint, FieldResult, FillPlan, FillReport, UndoResult } from './types';
import { NO_WAY, type Restored } from '../page/drivers';

/**
 * Fill one document (one frame) from a plan: scan, apply adapters then heuristics, add rows the draft needs, write
 * each value through its driver, and keep what was there before so `undo` can put it back. Never submits: the only
 * buttons it presses are add-row buttons that are not submit buttons.
 */

export interface UndoEntry {
  control: ScannedControl;
  snapshot: string;
  path: string;
}

export interface FillSession {
  undo: UndoEntry[];
  /** Controls we outlined, with their inline outline before. */
  outlined: Array<{ el: HTMLElement; outline: string; offset: string }>;
}

export function newSession(): FillSession {
  return { undo: [], outlined: [] };
}

function assign(
  doc: Document,
  plan: FillPlan,
  done: Set<string>,
  scanned?: Set<HTMLElement>,
  out?: { controls: ScannedControl[] },
): Assignment<ScannedControl>[] {
  const controls = scanRoot(doc);
  if (out) out.controls = controls;
  if (scanned) for (const c of controls) scanned.add(c.el);
  const frameUrl = doc.location?.href ?? '';
  const forced = adapterAssignments(doc, controls, plan.adapters, plan.hints, frameUrl).filter((a) => !done.has(a.path));
  const usedControls = new Set(forced.map((a) => a.control));
  const usedPaths = new Set([...done, ...forced.map((a) => a.path)]);
  const rest = matchControls(
    controls.filter((c) => !usedControls.has(c)),
    plan.hints,
    usedPaths,
    plan.groups,
  );
  // Selects whose label named nothing, known by their options instead (read once per page, see `learnChoices`).
  const named = new Set(rest.map((a) => a.control));
  const known = controls.filter((c) => !usedControls.has(c) && !named.has(c) && learned.has(c.face));
  for (const c of known) c.choices = learned.get(c.face);
  const byChoices = known.length ? matchControls(known, plan.hints, new Set([...usedPaths, ...rest.map((a) => a.path)]), plan.groups) : [];
  return withRegionLevels([...forced, ...rest, ...byChoices], plan.hints, usedPaths);
}

/** Option texts of selects read by `learnChoices`, by face. */
const learned = new WeakMap<HTMLElement, string[]>();
/** At most this many unnamed selects are opened to read their options (each takes a moment). */
const MAX_LEARNED = 8;

/**
 * Read the options of the selects no field was matched to, as a person who cannot tell a select by its label opens
 * it to see what it offers; returns whether any was read (then matching runs again).
 */
async function learnChoices(controls: ScannedControl[], assignments: Assignment<ScannedControl>[]): Promise<boolean> {
  const taken = new Set(assignments.map((a) => a.control.face));
  const open = controls.filter((c) => !taken.has(c.face) && !c.blocked && !c.radios && DRIVERS[c.kind].choices && !learned.has(c.face));
  for (const c of open.slice(0, MAX_LEARNED)) {
    try {
      learned.set(c.face, await DRIVERS[c.kind].choices!(c));
    } catch {
      learned.set(c.face, []);
    }
  }
  return open.length > 0;
}

/**
 * A cascader that took one level of a region path (a school's 县) holds the other levels of its row as well (市): it
 * is given the whole path either way (`cascadeValue`), so it also answers for those levels no other control took —
 * a second visit finds the path already shown and reads it back for the report.
 */
function withRegionLevels(
  assignments: Assignment<ScannedControl>[],
  hints: FieldHint[],
  used: ReadonlySet<string>,
): Assignment<ScannedControl>[] {
  const taken = new Set([...used, ...assignments.map((a) => a.path)]);
  const out = [...assignments];
  for (const a of assignments) {
    if (!a.control.cascade || !REGION_CHAIN.includes(a.hint.key)) continue;
    const prefix = a.path.slice(0, a.path.length - a.hint.key.length);
    for (const h of hints) {
      const path = prefix + h.key;
      if (h === a.hint || h.group !== a.hint.group || !REGION_CHAIN.includes(h.key) || taken.has(path)) continue;
      taken.add(path);
      out.push({ ...a, path, hint: h });
    }
  }
  return out;
}

function rowsFound(assignments: Assignment<ScannedControl>[], group: string): number {
  let max = -1;
  for (const a of assignments) {
    if (a.hint.group !== group) continue;
    const m = /\[(\d+)\]/.exec(a.path);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function countControls(doc: Document): number {
  return doc.querySelectorAll('input, select, textarea').length;
}

/** Per group that needed rows: whether an add-row button was found and pressed. */
type RowAttempts = Map<string, 'clicked' | 'noButton'>;

/** Click the add-row buttons until every group has as many rows as the draft. */
async function ensureRows(doc: Document, plan: FillPlan, assignments: Assignment<ScannedControl>[]): Promise<RowAttempts> {
  const attempts: RowAttempts = new Map();
  for (const g of plan.groups) {
    const need = plan.rows[g.key] ?? 0;
    let have = rowsFound(assignments, g.key);
    if (need <= have) continue;
    const rows = assignments.filter((a) => a.hint.group === g.key).map((a) => a.control.face);
    rows.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    const button = findAddButton(doc, g, plan.adapters.find((a) => a.addRow?.[g.key])?.addRow?.[g.key], rows);
    attempts.set(g.key, button ? 'clicked' : 'noButton');
    if (!button) continue;
    for (let guard = 0; have < need && guard < need + 2; guard++) {
      const before = countControls(doc);
      press(button);
      // Wait until the page rendered the new row (its controls appear), then count rows again by scanning.
      await waitFor(() => countControls(doc) > before || undefined, 1500);
      await sleep(0);
      have = rowsFound(assign(doc, plan, new Set(plan.done)), g.key);
    }
  }
  return attempts;
}

/**
 * Why a draft field no control took: its row is missing (no add button, or the button did not add enough rows), or
 * the page has no control for it — also when its row is there and only this column was not recognised.
 */
function missingReason(path: string, plan: FillPlan, rowsOnPage: Map<string, number>, attempts: RowAttempts): FieldResult['reason'] {
  const m = /^([^[]+)\[(\d+)\]/.exec(path);
  if (!m || !plan.hints.some((h) => h.group === m[1])) return 'notFound';
  const have = rowsOnPage.get(m[1]!) ?? 0;
  const attempt = attempts.get(m[1]!);
  if (Number(m[2]) < have || !attempt) return 'notFound';
  // No row of the group at all and no button: the group's table is not in this document.
  if (have === 0 && attempt === 'noButton') return 'notFound';
  return attempt === 'clicked' ? 'rowNotAdded' : 'noRow';
}

/** The text written for a draft value: a date in the format the control asks for (hint, placeholder, maxlength). */
function writtenValue(c: ScannedControl, hint: FieldHint, value: string): string {
  if (hint.type !== 'date' || c.kind === 'date' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const format = wantedDateFormat(
    c.el,
    c.face,
    c.labels.map((l) => l.text),
  );
  return format ? formatDate(value, format) : value;
}

/** A text control whose maxlength the written text exceeds: writing would cut the value. */
function tooLong(c: ScannedControl, text: string): boolean {
  if (c.kind !== 'text' && c.kind !== 'textarea') return false;
  const max = Number(c.el.getAttribute('maxlength'));
  return max > 0 && [...text].length > max;
}

/**
 * Whether a control found disabled by the scan still is when its turn comes: choosing an earlier option (是否联合培养 →
 * 是, a city enables its county) often enables the fields after it. Read-only stays as scanned; a component counts as
 * enabled once its value element is enabled (no `disabled`, or no `aria-disabled` on an ARIA widget) and its face
 * carries no disabled marker.
 */
export function blockedNow(c: ScannedControl): ScannedControl['blocked'] {
  if (c.blocked !== 'disabled' || !c.el.isConnected) return c.blocked;
  // A native control says it by `disabled`; an ARIA widget (a div combobox, a radiogroup) by `aria-disabled`.
  if ('disabled' in c.el ? (c.el as HTMLInputElement).disabled : c.el.getAttribute('aria-disabled') === 'true') return c.blocked;
  const face = c.face;
  if (face !== c.el && (face.getAttribute('aria-disabled') === 'true' || /(^|\s)(is-disabled|[\w-]+-disabled)(\s|$)/.test(face.className)))
    return c.blocked;
  // Enabled now, but perhaps read-only (a picker's input, which the scan saw only as disabled): typing would change
  // what it shows and nothing behind it.
  if (face === c.el && c.kind !== 'aria-date-dialog' && readOnlyField(c.el as HTMLInputElement)) return 'readonly';
  return undefined;
}

/** What the control shows, '' when its driver cannot read it. */
function readBack(c: ScannedControl): string {
  try {
    return DRIVERS[c.kind].read(c);
  } catch {
    return '';
  }
}

/** How long a control may take to show a value its driver wrote (a framework's next render, a picker closing). */
const SETTLE_MS = 400;

const OUTLINE: Record<FieldResult['status'], string> = {
  filled: '2px solid #16a34a',
  skipped: '2px dashed #ca8a04',
  failed: '2px solid #dc2626',
};

function outline(session: FillSession, el: HTMLElement, status: FieldResult['status']): void {
  if (!session.outlined.some((o) => o.el === el)) session.outlined.push({ el, outline: el.style.outline, offset: el.style.outlineOffset });
  el.style.outline = OUTLINE[status];
  el.style.outlineOffset = '1px';
}

/** Remove our outlines, putting back the page's own inline styles. */
export function clearOutlines(session: FillSession): void {
  for (const o of session.outlined) {
    o.el.style.outline = o.outline;
    o.el.style.outlineOffset = o.offset;
  }
  session.outlined = [];
}

/** A field being written: its control, the text written for it and where its result goes in the report. */
interface Write {
  a: Assignment<ScannedControl>;
  base: FieldResult;
  text: string;
  at: number;
}

/**
 * Plain text controls: their driver writes at once (setter and events, nothing awaited), so a run of them is written
 * back to back and read back together, letting the page's framework render once for the run instead of once per
 * field — as it does when a person tabs through a row. Custom widgets are driven one at a time.
 */
const BACK_TO_BACK = new Set<string>(['text', 'textarea']);

export async function fillDocument(doc: Document, plan: FillPlan, session: FillSession): Promise<FillReport> {
  const t0 = performance.now();
  const done = new Set(plan.done);
  const scanned = new Set<HTMLElement>();
  const page = { controls: [] as ScannedControl[] };
  let assignments = assign(doc, plan, done, scanned, page);
  const attempts = await ensureRows(doc, plan, assignments);
  if ([...attempts.values()].includes('clicked')) assignments = assign(doc, plan, done, scanned, page);
  if (await learnChoices(page.controls, assignments)) assignments = assign(doc, plan, done, scanned);
  const results: FieldResult[] = [];
  /** Fields reported filled, read again once every field is written (a later write may reset an earlier one). */
  const filled: Array<{ at: number; control: ScannedControl; hint: FieldHint; chosen?: string }> = [];
  const labelOf = new Map(plan.hints.map((h) => [h.path, h.label]));

  async function drive({ a, base, text, at }: Write): Promise<void> {
    const c = a.control;
    const value = base.value;
    const driver = DRIVERS[c.kind];
    const snapshot = driver.snapshot(c);
    let outcome: Awaited<ReturnType<typeof driver.write>>;
    try {
      outcome = await driver.write(c, text, a.hint);
    } catch (e) {
      outcome = { ok: false, reason: 'error', detail: String(e) };
    }
    // The report says what the page shows, not what the driver believes: read the control back and compare it with
    // the draft as the user sees it. A driver's success is given a moment to render; its failure is not trusted
    // either (a picker may accept the date and show it in its own format).
    const chosen = outcome.ok ? outcome.shown : undefined;
    const holds = () => shownMatches(readBack(c), value, a.hint, chosen);
    const ok = holds() || (outcome.ok && !!(await waitFor(() => holds() || undefined, SETTLE_MS)));
    const shown = readBack(c);
    const changed = driver.snapshot(c) !== snapshot;
    // A half-done custom control (dropdown opened, value not taken) still gets its old value back on undo.
    if (changed || (outcome.ok && outcome.changed)) session.undo.push({ control: c, snapshot, path: a.path });
    if (ok) {
      filled.push({ at, control: c, hint: a.hint, chosen });
      results[at] = { ...base, status: 'filled', reason: changed || (outcome.ok && outcome.changed) ? 'ok' : 'unchanged', detail: shown };
      outline(session, c.face, 'filled');
    } else {
      // A write the page refused is described by what the page shows instead.
      const refused = outcome.ok ? undefined : outcome;
      const byShown = !refused || refused.reason === 'rejected';
      const reason = byShown ? (shown.trim() ? 'notShown' : 'notKept') : refused.reason;
      const detail = byShown ? shown : refused.detail;
      results[at] = { ...base, status: 'failed', reason, ...(detail ? { detail } : {}) };
      outline(session, c.face, 'failed');
    }
  }

  let run: Array<Promise<void>> = [];
  /** Report slot per path (a second pass replaces the first pass's skip). */
  const slot = new Map<string, number>();
  const put = (r: FieldResult): number => {
    const at = slot.get(r.path);
    if (at !== undefined) {
      results[at] = r;
      return at;
    }
    slot.set(r.path, results.length);
    return results.push(r) - 1;
  };
  let custom = false;

  /** A field's report line before it is written: skipped for an empty value until something better is known. */
  const baseOf = (a: Assignment<ScannedControl>, value: string): FieldResult => ({
    path: a.path,
    label: labelOf.get(a.hint.path) ?? a.hint.label,
    status: 'skipped',
    reason: 'emptyValue',
    value,
    via: a.via,
    score: Math.round(a.score * 100) / 100,
  });

  /**
   * One field. Synchronous unless it must wait (a custom widget, or a disabled control after writes that may enable
   * it): a run of plain text fields is then written without yielding once, so the page's framework, which renders in
   * a microtask, renders once for the run — an `await` per field gave it a turn, and a whole table re-rendered after
   * every field (Element Plus, 5 schools: 2.7× a scripted fill).
   */
  function visit(a: Assignment<ScannedControl>): Promise<void> | undefined {
    const value = plan.values[a.path];
    if (value === undefined) return; // a page row the draft has no data for
    if (!value) {
      put(baseOf(a, value));
      return;
    }
    const c = a.control;
    // A custom widget written just before may be what enables this one: let its page render first.
    if (c.blocked === 'disabled' && run.length) {
      const before = run;
      run = [];
      return Promise.all(before).then(() => visitNow(a, value));
    }
    return visitNow(a, value);
  }

  function visitNow(a: Assignment<ScannedControl>, value: string): Promise<void> | undefined {
    const c = a.control;
    const base = baseOf(a, value);
    const blocked = blockedNow(c);
    if (blocked) {
      put({ ...base, reason: blocked });
      outline(session, c.face, 'skipped');
      return;
    }
    // A cascader is given the draft's path to the field (省/市/县); the report still holds the field's own value.
    const text = DRIVERS[c.kind].cascade ? (cascadeValue(plan.values, a.path) ?? value) : writtenValue(c, a.hint, value);
    if (tooLong(c, text)) {
      put({ ...base, reason: 'tooLong', detail: c.el.getAttribute('maxlength') ?? '' });
      outline(session, c.face, 'skipped');
      return;
    }
    const write: Write = { a, base, text, at: put(base) };
    if (BACK_TO_BACK.has(c.kind)) {
      run.push(drive(write));
      return;
    }
    custom = true;
    const before = run;
    run = [];
    return Promise.all(before).then(() => drive(write));
  }

  // Document order: top to bottom, as a user would type.
  const byPosition = (x: Assignment<ScannedControl>[]) =>
    x.sort((a, b) => (a.control.face.compareDocumentPosition(b.control.face) & 4 ? -1 : 1));
  /** Visit fields in document order, yielding only where a field must wait (`await undefined` would yield too). */
  async function visitAll(list: Assignment<ScannedControl>[]): Promise<void> {
    for (const a of byPosition(list)) {
      const waiting = visit(a);
      if (waiting) await waiting;
    }
    await Promise.all(run);
    run = [];
  }
  await visitAll(assignments);
  // A choice can bring controls in (`v-if` on 是否联合培养 = 是) or enable them: scan once more and fill the fields
  // still open with controls the first scan did not have or could not write.
  if (custom) {
    const disabledPaths = new Set(results.filter((r) => r.status === 'skipped' && r.reason === 'disabled').map((r) => r.path));
    const wasDisabled = new Set(assignments.filter((a) => disabledPaths.has(a.path)).map((a) => a.control.el));
    const closed = new Set([...done, ...results.filter((r) => !disabledPaths.has(r.path)).map((r) => r.path)]);
    // Only controls that are new, or were disabled, may take a field now: the others were judged in the first pass.
    const again = assign(doc, plan, closed).filter(
      (a) => !!plan.values[a.path] && (!scanned.has(a.control.el) || (wasDisabled.has(a.control.el) && !blockedNow(a.control))),
    );
    await visitAll(again);
    assignments = [...assignments, ...again];
  }
  // Read every filled control again: a later write (a province resetting its city, a picker closing) may have
  // changed what an earlier one showed.
  if (filled.length) await sleep(50);
  for (const f of filled) {
    if (!f.control.el.isConnected) continue;
    const shown = readBack(f.control);
    const r = results[f.at]!;
    if (shownMatches(shown, r.value, f.hint, f.chosen)) continue;
    results[f.at] = { ...r, status: 'failed', reason: shown.trim() ? 'notShown' : 'notKept', detail: shown };
    outline(session, f.control.face, 'failed');
  }
  // Fields of the draft that no control on this page took.
  const seen = new Set(results.map((r) => r.path));
  const rowsOnPage = new Map(plan.groups.map((g) => [g.key, rowsFound(assignments, g.key)]));
  for (const [path, value] of Object.entries(plan.values)) {
    if (seen.has(path) || done.has(path)) continue;
    const generic = path.replace(/\[\d+\]/, '[]');
    results.push({
      path,
      label: labelOf.get(generic) ?? path,
      status: 'skipped',
      reason: value ? missingReason(path, plan, rowsOnPage, attempts) : 'emptyValue',
      value,
    });
  }
  const count = (s: FieldResult['status']) => results.filter((r) => r.status === s).length;
  return {
    url: doc.defaultView?.top === doc.defaultView ? (doc.location?.href ?? '') : '',
    frameUrl: doc.location?.href ?? '',
    results,
    filled: count('filled'),
    skipped: count('skipped'),
    failed: count('failed'),
    ms: Math.round(performance.now() - t0),
  };
}

/**
 * Put back every value the fill changed, newest first, through the same drivers. Every field left as filled is named
 * with why: `noWay` when it was empty before and a person has no way to empty it (a radio group, a select without a
 * clear icon), `notRestored` when the page did not take the old value back.
 */
export async function undoFill(session: FillSession): Promise<UndoResult> {
  let restored = 0;
  const left: UndoResult['left'] = [];
  for (const u of [...session.undo].reverse()) {
    let outcome: Restored = false;
    try {
      outcome = await DRIVERS[u.control.kind].restore(u.control, u.snapshot);
    } catch {
      outcome = false;
    }
    if (outcome === true) restored++;
    else left.push({ path: u.path, reason: outcome === NO_WAY ? 'noWay' : 'notRestored' });
  }
  session.undo = [];
  clearOutlines(session);
  return { restored, failed: left.length, left };
}
