import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { OptionsPage } from './pages/options';

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
    await editor.page.waitForFunction(() => document.activeElement?.id === 'field-contactPhone');
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
