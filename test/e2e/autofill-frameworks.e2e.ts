import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer';
import { fillTab, undoTab, useFixtureSession } from './harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../fixtures/systems/drafts';
import * as element from '../fixtures/systems/element/expect';
import * as layui from '../fixtures/systems/layui/expect';
import * as antd from '../fixtures/systems/antd/expect';
import { buildAntdFixture } from '../fixtures/build-antd';

// Component-library systems: values are checked in the framework's own state (Vue model / React state), not the DOM.
const fx = useFixtureSession(buildAntdFixture);

type State = Record<string, unknown>;

async function open(pagePath: string): Promise<Page> {
  const page = await fx.s.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`${fx.server.url}${pagePath}`, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function');
  return page;
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __state(): State }).__state());
const submitted = (page: Page) => page.evaluate(() => (window as unknown as { __submitted?: number }).__submitted ?? 0);

/**
 * Empty is empty: a cleared component reports its own empty value (Element Plus: `undefined` for a select, `null`
 * for a date picker; an antd Form store has no key until a field is set) where the page started with `''`.
 * Everything else must match exactly.
 */
function normalise(v: unknown, shape?: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x, i) => normalise(x, Array.isArray(shape) ? shape[i] : undefined));
  if (typeof v === 'object') {
    // `undefined` values vanish in JSON: take the keys of the expected shape too.
    const keys = new Set([...Object.keys(v as object), ...Object.keys((shape as object | undefined) ?? {})]);
    return Object.fromEntries([...keys].map((k) => [k, normalise((v as State)[k], (shape as State | undefined)?.[k])]));
  }
  return v;
}

/**
 * After undo: the state before the fill, plus any rows the fill added, which hold what a new row holds (the blank
 * first row's values). `firstRowKey` maps a flat key of a later row to the same column of row 1 (layui's form.val).
 */
function blankened(before: State, after: State, firstRowKey?: (key: string) => string): State {
  const out: State = { ...before };
  for (const [k, v] of Object.entries(after)) {
    const b = before[k];
    if (Array.isArray(v) && Array.isArray(b) && v.length > b.length) out[k] = [...b, ...v.slice(b.length).map(() => b[0])];
    else if (!(k in before) && firstRowKey) out[k] = before[firstRowKey(k)];
  }
  return out;
}

async function fillAndUndo(pagePath: string, draftId: string, expected: State, firstRowKey?: (key: string) => string) {
  const page = await open(pagePath);
  const before = await state(page);
  const r = await fillTab(fx.s, page, draftId);
  const after = await state(page);
  expect(r.report.filter((x) => x.status === 'failed')).toEqual([]);
  expect(normalise(after, expected)).toEqual(normalise(expected, after));
  expect(await submitted(page)).toBe(0);
  const undone = await undoTab(r.popup);
  expect(undone).not.toMatch(/未能恢复|could not/);
  await new Promise((res) => setTimeout(res, 300));
  const want = blankened(before, after, firstRowKey);
  const got = await state(page);
  expect(normalise(got, want)).toEqual(normalise(want, got));
  await r.popup.close();
  await page.close();
}

describe('Element Plus', () => {
  test('recommendation: el-select, el-date-picker, radio group, "+ 添加学校" row table', async () => {
    await fillAndUndo('/element/recommend.html', DRAFT_IDS.recommendation, element.expectedRecommendation(recommendationData));
  });
  test('degree record: selects, pickers in two display formats, radio groups, checkbox', async () => {
    await fillAndUndo('/element/degree.html', DRAFT_IDS.degree, element.expectedDegree(degreeData));
  });
});

describe('layui', () => {
  test('recommendation: layui selects (dd click), layui radios, laydate input, "新增学校" rows', async () => {
    await fillAndUndo('/layui/recommend.html', DRAFT_IDS.recommendation, layui.expectedRecommendation(recommendationData), (k) =>
      k.replace(/^s\d+_/, 's1_'),
    );
  });
  test('degree record: layui selects and radios, a switch, a primary checkbox, a read-only laydate in yyyy年MM月dd日', async () => {
    await fillAndUndo('/layui/degree.html', DRAFT_IDS.degree, layui.expectedDegree(degreeData));
  });
});

describe('Ant Design (React)', () => {
  test('recommendation: Form.List cards with "+ 添加学校", Select, DatePicker; checked in the antd Form store', async () => {
    await fillAndUndo('/antd/recommend.html', DRAFT_IDS.recommendation, antd.expectedRecommendation(recommendationData));
  });
  test('degree record: Select (mousedown, virtual list), DatePicker, Radio.Group, Checkbox; checked in React state', async () => {
    await fillAndUndo('/antd/degree.html', DRAFT_IDS.degree, antd.expectedDegree(degreeData));
  });
});
