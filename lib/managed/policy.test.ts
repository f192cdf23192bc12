import { describe, expect, test } from 'vitest';
import { parseManagedPolicy } from './policy';

const adapter = {
  id: 'org-yjs',
  name: '研究生院学位系统',
  urlPattern: 'https://yjs.example.edu.cn/*',
  formId: 'degreeRecord',
  fields: { studentNo: { selector: '#xh' }, idNumber: { label: '身份证号' } },
};
const pilot = { id: 'pilotUniversities', version: '2024-official', source: '附件1', items: [{ name: '北京师范大学', batch: 1 }] };

describe('parseManagedPolicy', () => {
  test.each([undefined, null, {}])('%s is no policy and no error', (raw) => {
    expect(parseManagedPolicy(raw)).toEqual({ policy: null, error: null });
  });

  test('a full policy is read with managed adapters marked imported and "" as no deadline', () => {
    const { policy, error } = parseManagedPolicy({
      siteAdapters: [adapter],
      uploadPolicy: { 'https://yjs.example.edu.cn/*': 'clear' },
      referenceLists: [pilot],
      deadlines: { recommendation: '2025-08-01', degreeRecord: '' },
      exportAllowed: false,
    });
    expect(error).toBeNull();
    expect(policy).toEqual({
      siteAdapters: [{ ...adapter, source: 'imported', updatedAt: 0 }],
      uploadPolicy: { 'https://yjs.example.edu.cn/*': 'clear' },
      referenceLists: [pilot],
      deadlines: { recommendation: '2025-08-01', degreeRecord: null },
      exportAllowed: false,
    });
  });

  test('keys left out stay the user’s', () => {
    const { policy } = parseManagedPolicy({ deadlines: { recommendation: '2025-08-01' } });
    expect(policy).toEqual({ siteAdapters: [], uploadPolicy: {}, referenceLists: [], deadlines: { recommendation: '2025-08-01' } });
    expect(policy).not.toHaveProperty('exportAllowed');
  });

  test.each([
    ['an unknown key', { exportAllowd: false }, 'exportAllowd'],
    ['a wrong type', { exportAllowed: 'no' }, 'exportAllowed'],
    ['an all-sites adapter', { siteAdapters: [{ ...adapter, urlPattern: '<all_urls>' }] }, 'siteAdapters.0.urlPattern'],
    ['duplicate adapter ids', { siteAdapters: [adapter, adapter] }, 'duplicate id org-yjs'],
    ['an unknown upload policy', { uploadPolicy: { 'https://a.edu.cn/*': 'block' } }, 'uploadPolicy'],
    ['a malformed reference item', { referenceLists: [{ ...pilot, items: [{ name: 'x', batch: 'one' }] }] }, 'referenceLists.0'],
    ['a bad date', { deadlines: { recommendation: '2025/08/01' } }, 'deadlines'],
    ['an unknown form', { deadlines: { thesis: '2025-08-01' } }, 'unknown form thesis'],
    ['not an object', ['exportAllowed'], '(root)'],
  ])('%s ignores the whole policy with a message naming it', (_, raw, where) => {
    const { policy, error } = parseManagedPolicy(raw);
    expect(policy).toBeNull();
    expect(error!.zh).toContain('管理员策略无效，已忽略');
    expect(error!.en).toContain(where);
  });
});

describe('public/managed_schema.json', () => {
  test('describes exactly the keys the extension reads', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const sample = { siteAdapters: [adapter], uploadPolicy: {}, referenceLists: [pilot], deadlines: {}, exportAllowed: true };
    expect(parseManagedPolicy(sample).error).toBeNull();
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(sample).sort());
  });
});
