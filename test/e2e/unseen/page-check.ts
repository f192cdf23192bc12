/**
 * One check for a page the product was not written against: fill a fixture draft with the harness (a black box), read
 * the page's own `window.__state()`, and hold it to the page's `Expected` key by key; hold the fill report to the state
 * (nothing reported `filled` whose keys differ); undo, and hold the state to what it was before the fill. A per-field
 * table is printed whenever something differs, and one summary line per page always (the numbers the issue tracks).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { fillTab, undoLeft, undoTab, type useFixtureSession } from '../harness';
import { splitUndo, table as stateTable } from './state-diff';
import type { Expected } from '../../fixtures/systems/expected';

type Fixture = ReturnType<typeof useFixtureSession>;
type Fill = Awaited<ReturnType<typeof fillTab>>;
type State = Record<string, unknown>;

export interface PageCase {
  /** Path on the fixture server, e.g. `/bootstrap/degree.html`. */
  path: string;
  draftId: string;
  expected: Expected;
  /** Name of the frame that holds `__state()` (framesets, admin shells); the top document when absent. */
  frame?: string;
}

export interface Row {
  key: string;
  path: string | null;
  want: unknown;
  got: unknown;
  ok: boolean;
}

/**
 * Nested state (arrays of rows, objects) as dotted keys: `{ schools: [{ name }] }` → `schools.0.name`. An empty row
 * (`{}`) has no keys: its fields are absent, as a blank field is.
 */
export function flatten(value: unknown, prefix = '', out: State = {}): State {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as object)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

/** A cleared component's own empty value (`undefined`, `null`) counts as the empty string. */
const norm = (v: unknown): unknown => (v === undefined || v === null ? '' : v);
const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));
const blank = (v: unknown) => v === false || same(v, '');

export function compare(state: State, expected: Expected): Row[] {
  return Object.entries(expected).map(([key, { want, path }]) => ({ key, path, want, got: state[key], ok: same(state[key], want) }));
}

/** Paths the report calls `filled` while a state key they feed differs. */
export function dishonest(rows: Row[], fill: Fill): string[] {
  const bad = new Set(rows.filter((r) => !r.ok && r.path).map((r) => r.path!));
  return [...new Set(fill.report.filter((e) => e.status === 'filled' && bad.has(e.path)).map((e) => e.path))];
}

/**
 * One line per page: draft fields right (a field is right when every state key it feeds is), untouched controls
 * kept, the report's counts, and the fields reported filled whose state differs.
 */
function summary(path: string, rows: Row[], fill: Fill): string {
  const byField = new Map<string, boolean>();
  for (const r of rows) if (r.path) byField.set(r.path, (byField.get(r.path) ?? true) && r.ok);
  const right = [...byField.values()].filter(Boolean).length;
  const untouched = rows.filter((r) => !r.path);
  const lies = dishonest(rows, fill);
  return (
    `[unseen] ${path}: ${right}/${byField.size} fields right, ${untouched.filter((r) => r.ok).length}/${untouched.length} ` +
    `untouched controls kept; report: ${fill.filled} filled, ${fill.skipped} skipped, ${fill.failed} failed; ` +
    `${lies.length} reported filled but differ${lies.length ? ` (${lies.join(', ')})` : ''}`
  );
}

/**
 * Keys that differ after undo from before the fill. A key that only exists after (a row the fill added, which stays)
 * must hold what the same key of a row that existed before held (`schools[4].xd` ↔ `schools[0].xd`), or, when no
 * row had it, be blank.
 */
export function undoDiff(before: State, after: State): Row[] {
  const rows: Row[] = [];
  for (const [key, want] of Object.entries(before))
    if (!same(after[key], want)) rows.push({ key, path: null, want, got: after[key], ok: false });
  for (const [key, got] of Object.entries(after)) {
    if (key in before) continue;
    const twin = twinOf(key, before);
    const ok = twin === undefined ? blank(got) : same(got, before[twin]);
    if (!ok) rows.push({ key, path: null, want: twin === undefined ? '' : before[twin], got, ok: false });
  }
  return rows;
}

function twinOf(key: string, before: State): string | undefined {
  const runs = [...key.matchAll(/\d+/g)];
  for (const m of runs) {
    for (const n of ['0', '1']) {
      const k = key.slice(0, m.index) + n + key.slice(m.index! + m[0].length);
      if (k in before) return k;
    }
  }
  return undefined;
}

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

export function table(rows: Row[], fill?: Fill): string {
  const status = new Map(fill?.report.map((e) => [e.path, `${e.status}${e.reason ? ` (${e.reason})` : ''}`]));
  const lines = rows.map((r) => [
    r.key,
    r.path ?? '—',
    show(r.want),
    show(r.got),
    r.path ? (status.get(r.path) ?? '(not in report)') : '—',
  ]);
  const head = ['state key', 'draft path', 'expected', 'page state', 'report'];
  const width = head.map((h, i) =>
    Math.min(
      48,
      lines.reduce((m, l) => Math.max(m, l[i]!.length), h.length),
    ),
  );
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(width[i]!)).join(' | ');
  return [fmt(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(fmt)].join('\n');
}

async function stateFrame(page: Page, name?: string): Promise<Page | Frame> {
  if (!name) return page;
  const frame = page.frames().find((f) => f.name() === name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
}

async function readState(page: Page, c: PageCase): Promise<State> {
  const target = await stateFrame(page, c.frame);
  return flatten(await target.evaluate(() => (window as unknown as { __state(): unknown }).__state()));
}

/**
 * Registers the three checks of one page in the current `describe`: values, honesty, undo. The page is opened and
 * filled once, before them.
 */
export function checkPage(fx: Fixture, c: PageCase): void {
  let page: Page;
  let before: State;
  let after: State;
  let fill: Fill;
  let rows: Row[];
  let posted = 0;

  beforeAll(async () => {
    page = await fx.s.browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(fx.server.url + c.path);
    // Pages that build themselves (Vue, React, an AJAX dictionary) expose __state once ready; framesets load frames
    // later, and old pages add their rows on load.
    if (c.frame) await page.waitForFrame((f) => f.name() === c.frame);
    const target = await stateFrame(page, c.frame);
    await target.waitForFunction(
      () => document.readyState === 'complete' && typeof (window as unknown as { __state?: unknown }).__state === 'function',
    );
    before = await readState(page, c);
    posted = fx.server.submissions.length;
    fill = await fillTab(fx.s, page, c.draftId);
    after = await readState(page, c);
    rows = compare(after, c.expected);
    console.log(summary(c.path, rows, fill));
  });

  afterAll(async () => {
    await fill?.popup?.close();
    await page?.close();
  });

  it(`${c.path}: the page's own state holds every field of the draft`, () => {
    const bad = rows.filter((r) => !r.ok);
    if (bad.length) console.log(`${c.path} — ${bad.length} of ${rows.length} keys differ:\n${table(bad, fill)}`);
    expect(bad.map((r) => r.key)).toEqual([]);
    expect(fx.server.submissions.length, 'the fill submitted the form').toBe(posted);
  });

  it(`${c.path}: nothing is reported filled that the page does not hold`, () => {
    const lies = dishonest(rows, fill);
    if (lies.length)
      console.log(
        `${c.path} — reported filled, but the state differs:\n${table(
          rows.filter((r) => !r.ok && r.path && lies.includes(r.path)),
          fill,
        )}`,
      );
    expect(lies).toEqual([]);
  });

  it(`${c.path}: undo restores what the page held before`, async () => {
    const line = await undoTab(fill.popup);
    const restored = await readState(page, c);
    const diff = undoDiff(before, restored);
    // A field empty before that a person has no way to empty (a radio group, a select without a clear icon) stays as
    // filled, and the product says so per field; anything else undo leaves different is a miss.
    const { noWay, missed } = splitUndo(
      diff.map((r) => ({ field: '—', statePath: r.key, want: r.want, got: r.got, ok: false })),
      await undoLeft(fill.popup),
      (k) => {
        const p = c.expected[k]?.path;
        return p ? [p] : [];
      },
    );
    console.log(`[unseen] ${c.path} undo: ${diff.length} keys differ, ${noWay.length} reported as no way for a person to empty`);
    if (diff.length)
      console.log(
        `${c.path} — after undo (${line}):\n${stateTable('not restored by undo', missed)}\n` +
          stateTable('left, reported as no way for a person to empty', noWay),
      );
    expect(missed.map((r) => r.statePath)).toEqual([]);
  });
}
