import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchDownloads } from '../../scripts/demo/downloads';
import { launchExtension, type ExtensionSession } from './harness';
import { OptionsPage, POLL } from './pages/options';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('drafts survive a closed tab', () => {
  test('every keystroke older than 1 s is there after closing the tab mid-edit and reopening', async () => {
    const editor = await OptionsPage.open(s);
    const id = await editor.createDraft('江苏省推荐表 e2e');
    const typed: Record<string, string> = {
      recommendingUnit: '江苏省教育厅',
      filler: '王小明',
      contactPhone: '025-83335500',
      'schools[0].schoolName': '南京市第一中学',
      'schools[1].schoolName': '苏州中学',
      'schools[0].reason': '科学类课程师资雄厚，实践基地完善。',
    };
    for (const [path, text] of Object.entries(typed)) await editor.type(path, text, 15);
    await editor.select('province', '江苏省');
    typed.province = '江苏省';
    await sleep(1100);
    // Keep typing right up to the close: these last keystrokes are younger than 1 s and may or may not survive.
    await editor.type('schools[2].schoolName', '无锡市第一中学', 5);
    await editor.close();

    const reopened = await OptionsPage.openDraft(s, id);
    for (const [path, text] of Object.entries(typed)) expect(await reopened.value(path), path).toBe(text);
    expect(await reopened.title()).toBe('江苏省推荐表 e2e');
    // Whatever did survive of the late field is a prefix of what was typed, never garbage.
    expect('无锡市第一中学'.startsWith(await reopened.value('schools[2].schoolName'))).toBe(true);
    await reopened.close();
  });

  test('live validation shows a finding beside the field with its clause', async () => {
    const editor = await OptionsPage.open(s);
    await editor.createDraft('校验 e2e');
    await editor.type('contactPhone', '12345');
    await editor.page.waitForSelector('#field-contactPhone[aria-invalid="true"]');
    const note = await editor.page.$eval('#field-contactPhone-notes', (el) => el.textContent ?? '');
    expect(note).toContain('依据');
    // The findings panel lists it too; clicking it focuses the field.
    const button = await editor.page.waitForSelector('[data-testid="findings"] .finding-btn:has([data-rule="contact.phone"])');
    await editor.page.focus('#field-filler');
    await button!.click();
    await editor.page.waitForFunction(() => document.activeElement?.id === 'field-contactPhone', POLL);
    await editor.close();
  });
});

describe('draft list actions', () => {
  test('rename, duplicate, delete and undo', async () => {
    const o = await OptionsPage.open(s);
    const id = await o.createDraft('待改名草稿');
    await o.type('filler', '李四');
    await o.waitSaved();
    await o.goto('#/drafts');
    await o.waitForListTitles((t) => t.includes('待改名草稿'));

    await o.rename(id, '已改名草稿');
    await o.waitForListTitles((t) => t.includes('已改名草稿') && !t.includes('待改名草稿'));

    await o.clickItemButton(id, '复制');
    const withCopy = await o.waitForListTitles((t) => t.includes('已改名草稿（副本）'));
    expect(withCopy).toContain('已改名草稿');

    await o.clickItemButton(id, '删除');
    expect(await o.waitForToast('已删除')).toContain('已改名草稿');
    const afterDelete = await o.waitForListTitles((t) => !t.includes('已改名草稿'));
    expect(afterDelete).toContain('已改名草稿（副本）');

    await o.clickToastAction();
    await o.waitForListTitles((t) => t.includes('已改名草稿'));

    // The copy carries the data; the undone original still opens with its data.
    const reopened = await OptionsPage.openDraft(s, id);
    expect(await reopened.value('filler')).toBe('李四');
    await reopened.close();
    await o.close();
  });
});

describe('renaming gives exactly the new title, whatever the keyboard or input method does', () => {
  // The list re-renders on every database change; the dialog must never put the old title back under the user's keys.
  test.each([
    ['type', 'draft2024', '已改名-打字'],
    ['selectAll', '全选后改名', '已改名-全选'],
    ['doubleClick', 'draft2025', '已改名-双击'],
    ['paste', '粘贴前的名字', '已改名-粘贴'],
    ['ime', '输入法前的名字', '输入法改名草稿'],
  ] as const)('%s', async (how, before, after) => {
    const o = await OptionsPage.open(s);
    const id = await o.createDraft(before);
    await o.goto('#/drafts');
    await o.waitForListTitles((t) => t.includes(before));
    await o.rename(id, after, how);
    const titles = await o.waitForListTitles((t) => !t.includes(before));
    expect(titles).toContain(after);
    expect(titles.filter((t) => t.includes(after))).toEqual([after]);
    await o.close();
  });
});

test('renaming from the editor while the draft is being saved keeps every character the user types', async () => {
  const o = await OptionsPage.open(s);
  await o.createDraft('编辑器中改名');
  // An edit just before: its autosave (and the editor's re-renders for "saving…"/"saved") lands while the user types.
  await o.type('filler', '王五');
  await o.page.click('[data-testid="editor-rename"]');
  await o.page.waitForFunction(() => document.activeElement?.id === 'rename-input', POLL);
  await o.page.keyboard.type('边保存边改名的推荐表', { delay: 150 });
  await o.page.click('[data-testid="rename-dialog"] button[type="submit"]');
  await o.page.waitForFunction(() => document.querySelector('[data-testid="draft-title"]')?.textContent === '边保存边改名的推荐表', POLL);
  await o.close();
});

test('a deleted draft waits in the trash: restore brings it back, emptying removes it for good', async () => {
  const o = await OptionsPage.open(s);
  const keep = await o.createDraft('回收站-恢复');
  const drop = await o.createDraft('回收站-清空');
  await o.goto('#/drafts');
  await o.waitForListTitles((t) => t.includes('回收站-恢复') && t.includes('回收站-清空'));
  await o.clickItemButton(keep, '删除');
  await o.clickItemButton(drop, '删除');
  await o.waitForListTitles((t) => !t.includes('回收站-恢复') && !t.includes('回收站-清空'));

  await o.page.click('[data-testid="toggle-trash"]');
  await o.waitForListTitles((t) => t.includes('回收站-恢复') && t.includes('回收站-清空'));
  await o.clickItemButton(keep, '恢复');
  await o.waitForListTitles((t) => !t.includes('回收站-恢复'));

  await o.page.click('.toolbar .btn-danger');
  await o.page.waitForSelector('dialog[open] .btn-danger-fill');
  await o.page.click('dialog[open] .btn-danger-fill');
  await o.waitForToast('已永久删除');
  await o.waitForListTitles((t) => t.length === 0);

  await o.page.click('[data-testid="toggle-trash"]');
  const live = await o.waitForListTitles((t) => t.includes('回收站-恢复'));
  expect(live).not.toContain('回收站-清空');
  await o.close();
});

describe('editor safety nets', () => {
  test('a removed school row comes back with Undo', async () => {
    const o = await OptionsPage.open(s);
    await o.createDraft('删除行 e2e');
    await o.page.click('[data-testid="add-schools"]'); // a sixth row, so one may be removed
    await o.type('schools[5].schoolName', '第六所学校');
    await o.type('schools[1].schoolName', '第二所学校');
    await o.page.click('.group-row[data-row="1"] .btn-danger');
    await o.waitForValue('schools[1].schoolName', '');
    await o.waitForToast('学校 2');
    await o.clickToastAction();
    await o.waitForValue('schools[1].schoolName', '第二所学校');
    expect(await o.value('schools[5].schoolName')).toBe('第六所学校');
    await o.close();
  });

  test('revision history previews a revision and restores it', async () => {
    const o = await OptionsPage.open(s);
    await o.createDraft('历史 e2e');
    await o.type('filler', '后来写的');
    await o.waitSaved();
    await o.page.click('[data-testid="history-open"]');
    await o.page.waitForSelector('[data-testid="history-dialog"][open] .history-item');
    // Oldest is the empty 'create' snapshot; its preview shows what restoring would change.
    const items = await o.page.$$('.history-item');
    await items[items.length - 1]!.click();
    await o.page.waitForFunction(() => document.querySelector('.history-preview table')?.textContent?.includes('后来写的'), POLL);
    await o.page.click('.history-preview .btn-primary');
    await o.waitForValue('filler', '');
    await o.waitForToast('已恢复');
    await o.close();
  });

  test('a full disk shows the reason and a download, keeps the edits, and saves once there is room', async () => {
    const o = await OptionsPage.open(s);
    const id = await o.createDraft('配额 e2e');
    await o.page.evaluate(() => {
      const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
      w.__put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await o.type('filler', '存不下的字');
    await o.page.waitForSelector('[data-testid="save-error"]');
    expect(await o.page.$eval('[data-testid="save-error"]', (el) => el.textContent)).toContain('存储空间已满');
    expect(await o.saveState()).toBe('error');
    expect(await o.value('filler')).toBe('存不下的字');
    // "Download this draft": a backup file holding what is on screen, not the stale stored copy.
    const downloads = await watchDownloads(s.browser, mkdtempSync(path.join(tmpdir(), 'guoyou-quota-')));
    const saved = await downloads.expect(() => o.page.click('[data-testid="save-error"] button'));
    const file = JSON.parse(readFileSync(saved, 'utf8')) as {
      format: string;
      drafts: Array<{ id: string; data: { fields: Record<string, string> } }>;
    };
    expect(file.format).toBe('guoyou-backup');
    expect(file.drafts[0]).toMatchObject({ id, data: { fields: { filler: '存不下的字' } } });

    await o.page.evaluate(() => {
      IDBObjectStore.prototype.put = (window as unknown as { __put: typeof IDBObjectStore.prototype.put }).__put;
    });
    await o.type('filler', '。');
    await o.waitSaved();
    await o.page.waitForSelector('[data-testid="save-error"]', { hidden: true });
    await o.close();
    const reopened = await OptionsPage.openDraft(s, id);
    expect(await reopened.value('filler')).toBe('存不下的字。');
    await reopened.close();
  });
});

describe('popup', () => {
  test('lists recent drafts, marks the one last edited as current, and remembers a new choice', async () => {
    const o = await OptionsPage.open(s);
    await o.createDraft('弹窗草稿一');
    await o.createDraft('弹窗草稿二');
    await o.close();
    const popup = await s.openPage('popup.html');
    await popup.waitForSelector('.recent-item');
    const titles = await popup.$$eval('.recent-title', (els) => els.map((e) => e.textContent));
    expect(titles.length).toBeLessThanOrEqual(5);
    expect(titles[0]).toBe('弹窗草稿二');
    const checked = () => popup.$eval('.recent-item.current .recent-title', (el) => el.textContent);
    expect(await checked()).toBe('弹窗草稿二');
    const radios = await popup.$$('.recent-item input[type="radio"]');
    await radios[1]!.click();
    await popup.waitForFunction(() => document.querySelector('.recent-item.current .recent-title')?.textContent === '弹窗草稿一', POLL);
    await popup.close();
    const again = await s.openPage('popup.html');
    await again.waitForSelector('.recent-item.current');
    expect(await again.$eval('.recent-item.current .recent-title', (el) => el.textContent)).toBe('弹窗草稿一');
    await again.close();
  });
});

test('popup: a new draft of the chosen form opens in an editor tab', async () => {
  const popup = await s.openPage('popup.html');
  await popup.waitForSelector('#popup-form');
  await popup.select('#popup-form', 'degreeRecord');
  const opened = s.browser.waitForTarget((t) => t.url().includes('options.html#/draft/'), { timeout: 10_000 });
  await popup.click('.new-draft .btn-primary');
  const editor = (await (await opened).page())!;
  await editor.waitForSelector('[data-testid="editor"]');
  // The degree record has no repeated group: its fields come straight from the form pack.
  await editor.waitForSelector('#field-idNumber');
  expect(await editor.$('.group')).toBeNull();
  await editor.close();
});

describe('keyboard', () => {
  test('a draft can be created and edited without a mouse; Esc closes a dialog and focus goes back', async () => {
    const o = await OptionsPage.open(s);
    const p = o.page;
    const focusedTestId = () =>
      p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.id ?? '');
    // Tab from the top of the page to the "new draft" button.
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await p.keyboard.press('Tab');
      found = (await focusedTestId()) === 'new-draft';
    }
    expect(found).toBe(true);
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid="new-draft-dialog"][open]');
    await p.waitForFunction(() => document.activeElement?.id === 'new-draft-title', POLL);
    await p.keyboard.press('Escape');
    await p.waitForSelector('[data-testid="new-draft-dialog"]:not([open])');
    expect(await focusedTestId()).toBe('new-draft');

    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'new-draft-title', POLL);
    await p.keyboard.type('键盘草稿');
    await p.keyboard.press('Enter');
    await o.waitForEditor();
    // Focus lands on the draft's title, not on the page body.
    await p.waitForFunction(() => document.activeElement?.tagName === 'H1', POLL);
    // Inputs are reachable by Tab in form order, and every one has a visible label.
    const unlabelled = await p.$$eval('.editor-main input, .editor-main select, .editor-main textarea', (els) =>
      els
        .filter((el) => !document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim())
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    expect(unlabelled).toEqual([]);
    await p.focus('#field-recommendingUnit');
    await p.keyboard.type('江苏省教育厅');
    await p.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('field-filler');
    await p.keyboard.down('Control');
    await p.keyboard.press('s');
    await p.keyboard.up('Control');
    await o.waitSaved();
    await o.close();
  });
});
