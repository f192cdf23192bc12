import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/db';
import { readSetting, writeSetting } from './settings';

const db = openDb(`ui-settings-${Math.random()}`);
afterEach(() => db.settings.clear());

describe('ui settings', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await readSetting(db, 'ui.locale')).toBe('zh-CN');
    expect(await readSetting(db, 'ui.currentDraft')).toBeNull();
  });

  it('round-trips values', async () => {
    await writeSetting(db, 'ui.locale', 'en');
    await writeSetting(db, 'ui.currentDraft', 'd1');
    expect(await readSetting(db, 'ui.locale')).toBe('en');
    expect(await readSetting(db, 'ui.currentDraft')).toBe('d1');
  });

  it.each([['fr'], [42], [{ zh: 1 }]])('reads an invalid stored locale %j as the default', async (value) => {
    await db.settings.put({ key: 'ui.locale', value });
    expect(await readSetting(db, 'ui.locale')).toBe('zh-CN');
  });
});
