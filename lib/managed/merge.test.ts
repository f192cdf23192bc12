import { describe, expect, test } from 'vitest';
import type { SiteAdapter } from '../autofill/adapter-schema';
import { exportAllowed, isManagedAdapter, managedUploadPolicy, mergeAdapters, mergeReferenceLists, validateOptions } from './merge';
import type { ManagedPolicy } from './policy';

const mk = (id: string, urlPattern: string, extra: Partial<SiteAdapter> = {}): SiteAdapter => ({
  id,
  name: id,
  urlPattern,
  formId: 'degreeRecord',
  fields: { studentNo: { selector: `#${id}` } },
  source: 'imported',
  updatedAt: 1,
  ...extra,
});

const policy: ManagedPolicy = {
  siteAdapters: [mk('org', 'https://yjs.example.edu.cn/*', { pdfPolicy: 'clear' })],
  uploadPolicy: { 'https://up.example.edu.cn/*': 'warn' },
  referenceLists: [{ id: 'pilotUniversities', version: 'official', source: '附件1', items: [{ name: '甲大学', batch: 2 }] }],
  deadlines: { recommendation: '2025-08-01', degreeRecord: null },
  exportAllowed: false,
};

describe('managed values win over the user’s', () => {
  test('a user adapter with a managed id (an import, a restore) is shadowed; others are kept after the managed ones', () => {
    const user = [mk('mine', 'https://a.edu.cn/*'), mk('org', 'https://evil.example/*')];
    const merged = mergeAdapters(user, policy);
    expect(merged.map((a) => [a.id, a.urlPattern, a.managed])).toEqual([
      ['org', 'https://yjs.example.edu.cn/*', true],
      ['mine', 'https://a.edu.cn/*', undefined],
    ]);
    expect(mergeAdapters(user, null)).toEqual(user);
    expect(isManagedAdapter(policy, 'org')).toBe(true);
    expect(isManagedAdapter(policy, 'mine')).toBe(false);
    expect(isManagedAdapter(null, 'org')).toBe(false);
  });

  test('upload policy: the per-site entry, then a managed adapter’s; nothing for other sites', () => {
    expect(managedUploadPolicy(policy, 'https://up.example.edu.cn/form')).toBe('warn');
    expect(managedUploadPolicy(policy, 'https://yjs.example.edu.cn/x')).toBe('clear');
    expect(managedUploadPolicy(policy, 'https://other.edu.cn/')).toBeUndefined();
    expect(managedUploadPolicy(null, 'https://up.example.edu.cn/form')).toBeUndefined();
  });

  test('reference lists: a managed list replaces the user’s import of the same list', () => {
    const user = [
      { id: 'pilotUniversities', version: 'mine', source: 'me', items: [] },
      { id: 'provinces', version: 'mine', source: 'me', items: [] },
    ];
    expect(mergeReferenceLists(user, policy).map((l) => [l.id, l.version])).toEqual([
      ['provinces', 'mine'],
      ['pilotUniversities', 'official'],
    ]);
    expect(mergeReferenceLists(user, null)).toEqual(user);
  });

  test('deadline per form: a date, "none" as null, and the form pack’s default where the policy is silent', () => {
    expect(validateOptions(policy, 'recommendation')).toEqual({ deadline: '2025-08-01' });
    expect(validateOptions(policy, 'degreeRecord')).toEqual({ deadline: null });
    expect(validateOptions({ ...policy, deadlines: {} }, 'recommendation')).toEqual({});
    expect(validateOptions(null, 'recommendation')).toEqual({});
  });

  test('export is refused only by an explicit false', () => {
    expect(exportAllowed(policy)).toBe(false);
    expect(exportAllowed({ ...policy, exportAllowed: true })).toBe(true);
    const { exportAllowed: _, ...silent } = policy;
    expect(exportAllowed(silent)).toBe(true);
    expect(exportAllowed(null)).toBe(true);
  });
});
