import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { OptionsPage } from './pages/options';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s?.close());

/**
 * Open one draft in two tabs; B holds an unsaved edit while A saves (see `withTimersHeld`). B must ask — never
 * overwrite silently. Returns both tabs after B shows the prompt.
 */
async function raceToConflict(title: string): Promise<{ a: OptionsPage; b: OptionsPage; id: string }> {
  const setup = await OptionsPage.open(s);
  const id = await setup.createDraft(title);
  await setup.close();
  const a = await OptionsPage.openDraft(s, id);
  const b = await OptionsPage.openDraft(s, id);
  await b.withTimersHeld(async () => {
    await b.type('filler', 'B写的');
    // Two separate saves in A: the choice in B must end on A's latest, not on the save that raised the conflict.
    await a.type('recommendingUnit', 'A写的单位');
    await a.waitSaved();
    await a.type('filler', 'A写的');
    await a.waitSaved();
  });
  await b.waitForConflict();
  return { a, b, id };
}

test('keep mine: B’s version is saved, A follows it, A’s text stays in the history', async () => {
  const { a, b, id } = await raceToConflict('冲突-保留我的');
  await b.chooseConflict('mine');
  await b.waitSaved();
  await a.waitForValue('filler', 'B写的');
  const fresh = await OptionsPage.openDraft(s, id);
  expect(await fresh.value('filler')).toBe('B写的');
  // A's version was snapshotted before being overwritten: its unit shows up in the history preview.
  await fresh.page.click('[data-testid="history-open"]');
  await fresh.page.waitForSelector('[data-testid="history-dialog"][open] .history-item');
  const reasons = await fresh.page.$$eval('.history-item .badge', (els) => els.map((e) => e.textContent));
  expect(reasons).toContain('冲突时保存');
  for (const p of [a, b, fresh]) await p.close();
});

test('use theirs: B shows A’s version and stores nothing of its own over it', async () => {
  const { a, b, id } = await raceToConflict('冲突-使用对方的');
  await b.chooseConflict('theirs');
  expect(await b.value('filler')).toBe('A写的');
  expect(await b.value('recommendingUnit')).toBe('A写的单位');
  const fresh = await OptionsPage.openDraft(s, id);
  expect(await fresh.value('filler')).toBe('A写的');
  for (const p of [a, b, fresh]) await p.close();
});

test('save as copy: B’s edit becomes a new draft, the original keeps A’s version', async () => {
  const { a, b, id } = await raceToConflict('冲突-另存副本');
  await b.chooseConflict('both');
  expect(await b.value('filler')).toBe('A写的');
  await b.waitForToast('冲突-另存副本（我的版本）');
  const list = await OptionsPage.open(s);
  await list.waitForListTitles((t) => t.includes('冲突-另存副本（我的版本）'));
  const copyId = await list.page.$$eval(
    '.draft-item',
    (els) =>
      (els as HTMLElement[]).find((e) => e.querySelector('.draft-title')?.textContent === '冲突-另存副本（我的版本）')?.dataset.draftId,
  );
  expect(copyId).toBeTruthy();
  const copy = await OptionsPage.openDraft(s, copyId!);
  expect(await copy.value('filler')).toBe('B写的');
  const original = await OptionsPage.openDraft(s, id);
  expect(await original.value('filler')).toBe('A写的');
  for (const p of [a, b, list, copy, original]) await p.close();
});
