import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft, getDraft, listRevisions, saveDraft } from '../db/drafts';
import type { GuoyouDB } from '../db/schema';
import { freshDb, sampleData, testForm } from '../db/test-helpers';
import { applyImport, backupFileName, backupToJson, exportBackup, parseBackup, previewImport } from './backup';
import { backupSchemaV1, type Backup } from './format';

const cleanups: Array<() => Promise<void>> = [];
function db(): GuoyouDB {
  const fresh = freshDb();
  cleanups.push(fresh.cleanup);
  return fresh.db;
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const templateBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 128, 7]);

/** A database with something in every table. */
async function populated(): Promise<GuoyouDB> {
  const d = db();
  const a = await createDraft(d, testForm, { title: '河北省推荐', data: sampleData('河北省教育厅', ['石家庄市第一中学']) });
  await saveDraft(d, a.id, sampleData('河北省教育厅', ['石家庄市第一中学', '保定一中']), 1, {
    autosaveIntervalMs: 0,
    maxPerDraft: 200,
  });
  await createDraft(d, testForm, { title: 'Ｆｕｌｌ 全角 “引号”', data: sampleData('０１２３') });
  await d.siteAdapters.put({
    id: 'portal',
    name: '演示门户',
    urlPattern: 'https://portal.example.edu.cn/*',
    formId: 'testForm',
    fields: { unit: { selector: '#unit' }, 'schools[].schoolName': { label: '学校名称' } },
    source: 'taught',
    updatedAt: 1,
  });
  await d.rosters.bulkAdd([
    { rosterId: 'r2024', studentNo: '001', idNumber: '11010519491231002X', name: '张三', data: { XM: '张三' } },
    { rosterId: 'r2024', studentNo: '002', idNumber: '110105194912310037', name: '李四', data: {} },
  ]);
  await d.settings.bulkPut([
    { key: 'locale', value: 'en' },
    { key: 'ui', value: { compact: true, columns: [1, 2] } },
  ]);
  await d.referenceLists.put({
    id: 'pilotUniversities',
    version: 'v-test',
    source: 'test',
    importedAt: 5,
    items: [{ name: '测试大学', batch: 2 }],
  });
  await d.templates.put({ id: 'tpl', formId: 'testForm', name: '附件2.xlsx', bytes: templateBytes.slice().buffer, importedAt: 9 });
  return d;
}

/** Everything in a database, comparable (no auto-increment ids, no timestamps of the export). */
async function contents(d: GuoyouDB) {
  const backup = await exportBackup(d);
  const { exportedAt: _e, ...rest } = backup;
  return rest;
}

describe('exportBackup', () => {
  it('writes a backup that its own schema accepts, with every table', async () => {
    const d = await populated();
    const backup = await exportBackup(d, { includeRevisions: true });
    expect(backupSchemaV1.safeParse(JSON.parse(backupToJson(backup))).success).toBe(true);
    expect(backup).toMatchObject({ format: 'guoyou-backup', version: 1, app: { name: 'guoyou-form-assistant' } });
    expect(backup.drafts.map((x) => x.title)).toEqual(['河北省推荐', 'Ｆｕｌｌ 全角 “引号”']);
    expect(backup.drafts[0]?.revisions?.map((r) => [r.rev, r.reason])).toEqual([
      [1, 'create'],
      [2, 'autosave'],
    ]);
    expect(backup.rosters).toHaveLength(2);
    expect(backup.templates[0]?.bytes).toBe('UEsDBAD/gAc=');
    expect((await exportBackup(d)).drafts[0]?.revisions).toBeUndefined();
  });

  it('names files by date', () => {
    expect(backupFileName(new Date(2026, 10, 29, 9, 5))).toBe('guoyou-backup-20261129-0905.json');
  });
});

describe('round trip', () => {
  it.each([{ includeRevisions: false }, { includeRevisions: true }])(
    'export → JSON → import into an empty database → identical content ($includeRevisions)',
    async ({ includeRevisions }) => {
      const source = await populated();
      const json = backupToJson(await exportBackup(source, { includeRevisions }));
      const target = db();
      const preview = await previewImport(target, json);
      if (!preview.ok) throw new Error(preview.error.en);
      expect(preview.plan.new.map((x) => x.title)).toEqual(['河北省推荐', 'Ｆｕｌｌ 全角 “引号”']);
      expect(preview.plan.changed).toEqual([]);
      expect(preview.plan.tables).toEqual({
        siteAdapters: { new: 1, changed: 0, same: 0 },
        rosters: { new: 2, changed: 0, same: 0 },
        settings: { new: 2, changed: 0, same: 0 },
        referenceLists: { new: 1, changed: 0, same: 0 },
        templates: { new: 1, changed: 0, same: 0 },
      });
      const applied = await applyImport(target, preview.plan);
      expect(applied.ok).toBe(true);
      expect(await contents(target)).toEqual(await contents(source));
      const tpl = await target.templates.get('tpl');
      expect(new Uint8Array(tpl!.bytes)).toEqual(templateBytes);
      const id = preview.plan.new[0]!.id;
      const reasons = (await listRevisions(target, id)).map((r) => r.reason);
      expect(reasons).toEqual(includeRevisions ? ['import', 'autosave', 'create'] : ['import']);
    },
  );

  it('is idempotent: importing the same backup again changes nothing', async () => {
    const source = await populated();
    const json = backupToJson(await exportBackup(source, { includeRevisions: true }));
    const target = db();
    const first = await previewImport(target, json);
    if (!first.ok) throw new Error('refused');
    await applyImport(target, first.plan);
    const before = await target.revisions.count();
    const again = await previewImport(target, json);
    if (!again.ok) throw new Error('refused');
    expect([again.plan.new.length, again.plan.changed.length, again.plan.same.length]).toEqual([0, 0, 2]);
    expect(Object.values(again.plan.tables).every((c) => c.new === 0 && c.changed === 0)).toBe(true);
    await applyImport(target, again.plan);
    expect(await target.revisions.count()).toBe(before);
    expect(await target.rosters.count()).toBe(2);
  });
});

describe('merge', () => {
  it('classifies new / changed / same, never deletes, and keeps both versions of a changed draft', async () => {
    const d = await populated();
    const backup = await exportBackup(d);
    const [hebei, fullWidth] = backup.drafts;
    // Edit locally after the backup; add a draft the backup does not have.
    await saveDraft(d, hebei!.id, sampleData('本地修改'), hebei!.rev);
    const localOnly = await createDraft(d, testForm, { title: '只在本机' });
    // The backup also brings a draft this machine never had.
    const brandNew = { ...fullWidth!, id: 'from-other-machine', title: '外来草稿' };
    const incoming: Backup = { ...backup, drafts: [hebei!, fullWidth!, brandNew] };

    const preview = await previewImport(d, JSON.parse(JSON.stringify(incoming)));
    if (!preview.ok) throw new Error(preview.error.en);
    expect(preview.plan.new.map((x) => x.id)).toEqual(['from-other-machine']);
    expect(preview.plan.changed.map((x) => [x.id, x.local?.data.fields.unit])).toEqual([[hebei!.id, '本地修改']]);
    expect(preview.plan.same.map((x) => x.id)).toEqual([fullWidth!.id]);
    // The preview wrote nothing.
    expect(await getDraft(d, 'from-other-machine')).toBeUndefined();

    const localRev = (await getDraft(d, hebei!.id))!.rev;
    const result = await applyImport(d, preview.plan);
    expect(result.ok).toBe(true);
    const merged = (await getDraft(d, hebei!.id))!;
    expect(merged.data).toEqual(hebei!.data);
    expect(merged.rev).toBeGreaterThan(localRev);
    const revs = await listRevisions(d, hebei!.id);
    expect(revs.slice(0, 2).map((r) => [r.reason, r.data.fields.unit])).toEqual([
      ['import', '河北省教育厅'],
      ['import', '本地修改'],
    ]);
    expect(await getDraft(d, localOnly.id)).toBeDefined();
    expect((await getDraft(d, 'from-other-machine'))?.title).toBe('外来草稿');
  });

  it('updates roster students in place by (rosterId, studentNo) and adds new ones', async () => {
    const d = await populated();
    const backup = await exportBackup(d);
    const rosters = [
      { ...backup.rosters[0]!, name: '张三丰' },
      backup.rosters[1]!,
      { rosterId: 'r2024', studentNo: '003', idNumber: '', name: '王五', data: {} },
    ];
    const preview = await previewImport(d, { ...backup, rosters });
    if (!preview.ok) throw new Error(preview.error.en);
    expect(preview.plan.tables.rosters).toEqual({ new: 1, changed: 1, same: 1 });
    await applyImport(d, preview.plan);
    const rows = await d.rosters.orderBy('studentNo').toArray();
    expect(rows.map((r) => [r.studentNo, r.name])).toEqual([
      ['001', '张三丰'],
      ['002', '李四'],
      ['003', '王五'],
    ]);
  });

  it('re-checks at apply time what changed since the preview', async () => {
    const d = await populated();
    const backup = await exportBackup(d);
    const preview = await previewImport(d, backup);
    if (!preview.ok) throw new Error('refused');
    expect(preview.plan.changed).toEqual([]);
    const id = backup.drafts[0]!.id;
    await saveDraft(d, id, sampleData('after preview'), backup.drafts[0]!.rev);
    const result = await applyImport(d, preview.plan);
    expect(result.ok && result.plan.changed.map((x) => x.id)).toEqual([id]);
    const revs = await listRevisions(d, id);
    expect(revs.some((r) => r.reason === 'import' && r.data.fields.unit === 'after preview')).toBe(true);
  });
});

describe('refused input leaves the database unchanged', () => {
  const valid = async () => JSON.parse(backupToJson(await exportBackup(await populated()))) as Record<string, unknown>;
  const cases: Array<{ name: string; make: (b: Record<string, unknown>) => unknown; zh: string; en: string }> = [
    { name: 'not JSON', make: () => '{"format": "guoyou-backup", ', zh: '不是有效的 JSON', en: 'not valid JSON' },
    { name: 'empty file', make: () => '', zh: '不是有效的 JSON', en: 'not valid JSON' },
    { name: 'a JSON array', make: () => '[]', zh: '不是国优表单助手的备份', en: 'not a Guoyou' },
    { name: 'another format', make: (b) => ({ ...b, format: 'guoyou-site-adapters' }), zh: '不是国优', en: 'not a Guoyou' },
    { name: 'newer version', make: (b) => ({ ...b, version: 2 }), zh: '格式版本为 2', en: 'format version 2' },
    { name: 'drafts missing', make: ({ drafts: _d, ...b }) => b, zh: '位置：drafts', en: 'at drafts' },
    {
      name: 'a draft with a numeric field value',
      make: (b) => ({
        ...b,
        drafts: [{ ...(b.drafts as Array<Record<string, unknown>>)[0], data: { fields: { unit: 1 }, groups: {} } }],
      }),
      zh: '位置：drafts.0.data.fields.unit',
      en: 'at drafts.0.data.fields.unit',
    },
    {
      name: 'duplicate draft ids',
      make: (b) => ({ ...b, drafts: [(b.drafts as unknown[])[0], (b.drafts as unknown[])[0]] }),
      zh: '出现了不止一次',
      en: 'more than once',
    },
    {
      name: 'template bytes not base64',
      make: (b) => ({ ...b, templates: [{ ...(b.templates as object[])[0], bytes: '%%%' }] }),
      zh: '位置：templates.0.bytes',
      en: 'at templates.0.bytes',
    },
    {
      name: 'a reference list with a wrong shape',
      make: (b) => ({
        ...b,
        referenceLists: [{ id: 'provinces', version: 'x', source: 'x', importedAt: 1, items: [{ name: '河北' }] }],
      }),
      zh: '整个文件未导入',
      en: 'referenceLists.0',
    },
  ];

  it.each(cases)('$name', async ({ make, zh, en }) => {
    const target = await populated();
    const before = await contents(target);
    const revisionsBefore = await target.revisions.count();
    const input = make(await valid());
    const result = await previewImport(target, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.zh).toContain(zh);
    expect(result.error.en).toContain(en);
    expect(result.error.zh).not.toMatch(/\n\s+at /);
    expect(await contents(target)).toEqual(before);
    expect(await target.revisions.count()).toBe(revisionsBefore);
  });

  it('parseBackup accepts a UTF-8 BOM and fills tables a hand-written backup left out', () => {
    const r = parseBackup(
      '\uFEFF' +
        JSON.stringify({
          format: 'guoyou-backup',
          version: 1,
          exportedAt: '2026-11-29T14:00:00+08:00',
          app: { name: 'x', version: '0' },
          drafts: [],
        }),
    );
    expect(r.ok && r.backup.rosters).toEqual([]);
  });

  it('an import that fails half-way is rolled back entirely', async () => {
    const source = await populated();
    const backup = await exportBackup(source);
    const fresh = freshDb();
    cleanups.push(fresh.cleanup);
    const target = fresh.db;
    // Storage that refuses the last table written by the import (templates), after drafts and revisions succeeded.
    target.use({
      stack: 'dbcore',
      name: 'test-templates-full',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'templates') return table;
          return {
            ...table,
            mutate: (req) => (req.type === 'put' ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : table.mutate(req)),
          };
        },
      }),
    });
    const preview = await previewImport(target, backup);
    if (!preview.ok) throw new Error('refused');
    const result = await applyImport(target, preview.plan);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.zh).toContain('导入已全部撤销');
    expect(await target.drafts.count()).toBe(0);
    expect(await target.revisions.count()).toBe(0);
    expect(await target.siteAdapters.count()).toBe(0);
    expect(await target.settings.count()).toBe(0);
  });
});

describe('backup file bytes (issue 13 §13: Notepad "Unicode" reads in the extension as in the CLI)', () => {
  const backupText = () =>
    JSON.stringify({
      format: 'guoyou-backup',
      version: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      app: { name: 'x', version: '1' },
      drafts: [
        {
          id: 'abc',
          formId: testForm.id,
          formVersion: 2,
          title: '河北省推荐表',
          data: sampleData('河北省教育厅'),
          rev: 1,
          createdAt: 1,
          updatedAt: 1,
          archived: 0,
          deletedAt: 0,
        },
      ],
    });
  const utf16 = (text: string, le: boolean, bom: boolean) => {
    const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (le) out.push(c & 0xff, c >> 8);
      else out.push(c >> 8, c & 0xff);
    }
    return new Uint8Array(out);
  };
  it.each([
    ['UTF-16LE with BOM', utf16(backupText(), true, true)],
    ['UTF-16BE with BOM', utf16(backupText(), false, true)],
    ['UTF-16LE without BOM', utf16(backupText(), true, false)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(backupText())])],
  ])('%s is read whole', async (_name, bytes) => {
    const r = await previewImport(db(), bytes);
    expect(r.ok && r.plan.new.map((d) => d.title)).toEqual(['河北省推荐表']);
  });
  it('bytes of no text encoding are refused with a sentence, not a decoder error', () => {
    const r = parseBackup(new Uint8Array([0x7b, 0xff, 0xfe, 0x80, 0x81, 0xc0, 0x00, 0xfe, 0xff]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.zh).toContain('编码');
  });
});
