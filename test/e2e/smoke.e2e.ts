import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s?.close());

test('the extension loads and its options page renders', async () => {
  const page = await s.openPage('options.html');
  await page.waitForSelector('#app *');
  expect(await page.title()).toBe('国优表单助手');
});

test('the dashboard has a roster tab with the roster import', async () => {
  const page = await s.openPage('options.html#/roster');
  await page.waitForSelector('[data-testid="roster-file"]');
  const current = await page.$eval('a[aria-current="page"]', (a) => a.textContent);
  expect(current).toBe('国优名册');
  await page.close();
});
