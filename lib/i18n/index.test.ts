import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, onLocaleChange, pick, setLocale, t } from './index';
import { messages } from './messages';

afterEach(() => setLocale('zh-CN'));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message table', () => {
  it.each(Object.entries(messages))('%s has both languages with the same placeholders', (_key, entry) => {
    expect(entry.zh.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(placeholders(entry.en)).toEqual(placeholders(entry.zh));
  });

  it('keys start with their area', () => {
    for (const key of Object.keys(messages)) expect(key).toMatch(/^[a-z]+\.[\w.-]+$/);
  });
});

describe('t and pick', () => {
  it('translates in the current locale and fills placeholders', () => {
    expect(t('editor.list.updated', { when: '今天' })).toBe('更新于 今天');
    setLocale('en');
    expect(t('editor.list.updated', { when: 'today' })).toBe('updated today');
    expect(t('editor.list.updated', { when: 'x' }, 'zh-CN')).toBe('更新于 x');
  });

  it('replaces every occurrence of a placeholder', () => {
    expect(t('editor.field.counter', { n: 3, max: 500 })).toBe('3/500 字');
  });

  it('picks the side of a bilingual text', () => {
    expect(pick({ zh: '学校', en: 'school' })).toBe('学校');
    expect(pick({ zh: '学校', en: 'school' }, 'en')).toBe('school');
  });

  it('notifies listeners once per real change and lets them unsubscribe', () => {
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    setLocale('en');
    setLocale('en');
    setLocale('zh-CN');
    off();
    setLocale('en');
    expect(seen).toEqual(['en', 'zh-CN']);
    expect(getLocale()).toBe('en');
  });
});
