import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../db/test-helpers';
import { callLocal } from '../messaging/router';
import type { RequestOf } from '../messaging/define';
import { autofillMessages } from '../messaging/areas/autofill';
import { autofillHandlers } from './background';

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const t = freshDb();
  cleanup = t.cleanup;
  const handlers = autofillHandlers(() => t.db);
  return {
    db: t.db,
    call: <K extends keyof typeof autofillMessages & string>(k: K, p: RequestOf<typeof autofillMessages, K>) =>
      callLocal(autofillMessages, handlers, k, p),
  };
}

describe('autofill background handlers', () => {
  it('teach mode builds one adapter per site and form, field by field', async () => {
    const { call } = setup();
    await call('autofill.adapters.teach', {
      url: 'http://127.0.0.1:4321/custom/student.html',
      formId: 'degreeRecord',
      fieldPath: 'studentNo',
      selector: 'input[name="f2"]',
      label: 'a02',
    });
    await call('autofill.adapters.teach', {
      url: 'http://127.0.0.1:4321/custom/other.html',
      formId: 'degreeRecord',
      fieldPath: 'idNumber',
      selector: '#zj',
    });
    const list = await call('autofill.adapters.list', {});
    expect(list.ok && list.data).toEqual([
      expect.objectContaining({
        urlPattern: 'http://127.0.0.1/*',
        formId: 'degreeRecord',
        source: 'taught',
        fields: { studentNo: { selector: 'input[name="f2"]', label: 'a02' }, idNumber: { selector: '#zj' } },
      }),
    ]);
    const forUrl = await call('autofill.adapters.forUrl', { url: 'http://127.0.0.1/x' });
    expect(forUrl.ok && forUrl.data.length).toBe(1);
    const elsewhere = await call('autofill.adapters.forUrl', { url: 'https://example.edu.cn/' });
    expect(elsewhere.ok && elsewhere.data.length).toBe(0);
  });

  it('export → import round-trips; a bad file is refused whole and the store is unchanged', async () => {
    const { call, db } = setup();
    await call('autofill.adapters.teach', {
      url: 'https://yjs.example.edu.cn/a',
      formId: 'degreeRecord',
      fieldPath: 'name',
      selector: '#xm',
    });
    const exported = await call('autofill.adapters.export', {});
    if (!exported.ok) throw new Error('export failed');
    const file = JSON.parse(exported.data.json);
    file.adapters.push({ ...file.adapters[0], id: 'second', urlPattern: '<all_urls>' });
    const bad = await call('autofill.adapters.import', { json: JSON.stringify(file) });
    expect(bad).toMatchObject({ ok: false, error: { zh: expect.stringContaining('站点适配文件格式不正确') } });
    expect(await db.siteAdapters.count()).toBe(1);
    const notJson = await call('autofill.adapters.import', { json: '{' });
    expect(notJson).toMatchObject({ ok: false, error: { zh: expect.stringContaining('不是有效的 JSON') } });

    await db.siteAdapters.clear();
    const ok = await call('autofill.adapters.import', { json: exported.data.json });
    expect(ok).toEqual({ ok: true, data: { count: 1 } });
    expect((await db.siteAdapters.toArray()).map((a) => [a.urlPattern, a.source])).toEqual([['https://yjs.example.edu.cn/*', 'imported']]);
  });

  it('refuses a teach message with a missing selector', async () => {
    const r = await callLocal(
      autofillMessages,
      autofillHandlers(() => undefined as never),
      'autofill.adapters.teach',
      {
        url: 'http://a/',
        formId: 'x',
        fieldPath: 'name',
        selector: '',
      },
    );
    expect(r.ok).toBe(false);
  });
});
