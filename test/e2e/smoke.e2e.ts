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
