/**
 * One unseen-page check: fill a draft as a user does, compare the page's own state field by field, hold the report to
 * it, undo and compare again. Prints readable tables; asserts softly so one run shows every kind of failure.
 */
import { expect } from 'vitest';
import type { Page } from 'puppeteer';
import { fillTab, undoLeft, undoTab, type startFixtureSession } from '../harness';
import type { FormData } from '../../../lib/forms/types';
import { diffFill, diffUndo, fieldsOfKey, splitUndo, summary, table } from './state-diff';

declare global {
  interface Window {
    /** The fixture page's own framework state as plain JSON. */
    __state?: () => unknown;
  }
}

export interface UnseenCase {
  name: string;
  /** The tab the user fills (for a shell: the shell page, the form being in one of its frames). */
  page: Page;
  /** Reads `window.__state()` in the frame that holds the form. */
  state: () => Promise<unknown>;
  draftId: string;
  draft: FormData;
  expected: unknown;
  paths: Record<string, string>;
}

export async function checkFill(session: Awaited<ReturnType<typeof startFixtureSession>>['s'], c: UnseenCase): Promise<void> {
  const before = await c.state();
  const result = await fillTab(session, c.page, c.draftId);
  const diff = diffFill({ draft: c.draft, paths: c.paths, expected: c.expected, state: await c.state(), report: result.report });
  console.log(
    [
      summary(c.name, diff),
      table(
        'fields not right in the page state',
        diff.fields.filter((f) => !f.ok),
      ),
      table(
        'other state keys not right',
        diff.other.filter((f) => !f.ok),
      ),
      table('reported filled, state differs', diff.dishonest),
      `report entries naming no page field: ${diff.unmatchedReport.map((r) => `${r.path}=${r.status}`).join(', ') || 'none'}`,
    ].join('\n'),
  );
  const undone = await undoTab(result.popup);
  // A field empty before that a person has no way to empty (a radio group, a select without a clear icon) stays as
  // filled, and the product says so per field; anything else undo leaves different is a miss.
  const { noWay, missed: undo } = splitUndo(diffUndo(before, await c.state(), 'schools'), await undoLeft(result.popup), (k) =>
    fieldsOfKey(c.paths, k),
  );
  console.log(
    `${c.name} undo: ${undone}; ${undo.length + noWay.length} keys differ, ${noWay.length} reported as no way for a person to empty\n` +
      `${table('not restored by undo', undo)}\n${table('left, reported as no way for a person to empty', noWay)}`,
  );
  expect
    .soft(
      diff.fields.filter((f) => !f.ok).map((f) => f.field),
      'draft fields not right in the page state',
    )
    .toEqual([]);
  expect
    .soft(
      diff.other.filter((f) => !f.ok).map((f) => f.statePath),
      'other page state not right',
    )
    .toEqual([]);
  expect
    .soft(
      diff.dishonest.map((f) => f.field),
      'reported filled but the state differs',
    )
    .toEqual([]);
  expect
    .soft(
      undo.map((f) => f.statePath),
      'state not restored by undo',
    )
    .toEqual([]);
}

/** After a person's fill: every draft field and every other state key as expect.ts says (the yardstick is reachable). */
export function expectReachable(name: string, c: Pick<UnseenCase, 'draft' | 'expected' | 'paths'>, state: unknown): void {
  const diff = diffFill({ draft: c.draft, paths: c.paths, expected: c.expected, state, report: [] });
  const wrong = [...diff.fields, ...diff.other].filter((f) => !f.ok);
  console.log(`${summary(name, diff)}\n${table('not reached by a person', wrong)}`);
  expect(wrong.map((f) => f.statePath)).toEqual([]);
}
