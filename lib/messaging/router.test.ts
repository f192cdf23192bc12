import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMessages, MessageError } from './define';
import { callLocal, createRouter, senderKind, type Handlers } from './router';
import { protocol } from './protocol';

const demo = defineMessages({
  'demo.add': { request: z.object({ a: z.number(), b: z.number() }), response: z.object({ sum: z.number() }) },
  'demo.fail': { request: z.object({}), response: z.object({}) },
  'demo.crash': { request: z.object({}), response: z.object({}) },
});

const handlers: Handlers<typeof demo> = {
  'demo.add': ({ a, b }) => ({ sum: a + b }),
  'demo.fail': () => {
    throw new MessageError({ zh: '不行', en: 'No' });
  },
  'demo.crash': () => {
    throw new Error('boom');
  },
};

const self = { id: 'ext', origin: 'chrome-extension://ext/' };

describe('router', () => {
  const route = createRouter(demo, handlers, self);
  const sender = { id: 'ext', url: 'chrome-extension://ext/options.html', origin: 'chrome-extension://ext' };

  it('validates the payload and answers the handler result', async () => {
    expect(await route({ type: 'demo.add', payload: { a: 2, b: 3 } }, sender)).toEqual({ ok: true, data: { sum: 5 } });
  });

  it('refuses an invalid payload with a bilingual message, without calling the handler', async () => {
    const r = await route({ type: 'demo.add', payload: { a: '2' } }, sender);
    expect(r).toMatchObject({
      ok: false,
      error: { zh: expect.stringContaining('消息内容无效'), en: expect.stringContaining('Invalid message payload') },
    });
  });

  it('passes a handler’s bilingual error through and wraps an unexpected one (no stack trace)', async () => {
    expect(await route({ type: 'demo.fail', payload: {} }, sender)).toEqual({ ok: false, error: { zh: '不行', en: 'No' } });
    const crash = await route({ type: 'demo.crash', payload: {} }, sender);
    expect(crash).toMatchObject({ ok: false, error: { zh: expect.stringContaining('操作失败'), en: expect.stringContaining('failed') } });
    expect(JSON.stringify(crash)).not.toContain('boom');
  });

  it.each([[{ type: 'other.area', payload: {} }], ['text'], [null], [{ payload: {} }]])(
    'leaves messages that are not its own unanswered: %j',
    (m) => {
      expect(route(m, sender)).toBeUndefined();
    },
  );

  it('callLocal runs the same validation in-process', async () => {
    expect(await callLocal(demo, handlers, 'demo.add', { a: 1, b: 1 })).toEqual({ ok: true, data: { sum: 2 } });
  });
});

/** Issue 13 §11: who may send what. */
describe('senders', () => {
  const page = { id: 'ext', url: 'chrome-extension://ext/popup.html?tab=3', origin: 'chrome-extension://ext' };
  const popupTab = { ...page, tab: { id: 3 } as never };
  const content = {
    id: 'ext',
    url: 'https://portal.example.cn/upload',
    origin: 'https://portal.example.cn',
    tab: { id: 7 } as never,
    frameId: 0,
  };
  const contentFrame = { ...content, frameId: 4, url: 'https://other.example.cn/frame' };

  it.each([
    ['an extension page', page, 'page'],
    ['the popup opened as a tab', popupTab, 'page'],
    ['a content script', content, 'content'],
    ['a content script in a subframe', contentFrame, 'content'],
    ['another extension', { ...page, id: 'other' }, 'other'],
    ['a page claiming an extension URL from a web origin', { ...page, origin: 'https://evil.example' }, 'content'],
    ['no sender', {}, 'other'],
  ] as const)('%s is %s', (_name, sender, kind) => {
    expect(senderKind(sender, self)).toBe(kind);
  });

  const handled: string[] = [];
  const all = Object.fromEntries(
    Object.keys(protocol).map((k) => [
      k,
      () => {
        handled.push(k);
        return {};
      },
    ]),
  ) as never;
  const route = createRouter(protocol, all, self);
  const privileged: Array<[string, unknown]> = [
    [
      'autofill.adapters.save',
      {
        adapter: { id: 'x', name: 'x', urlPattern: 'https://a.cn/*', formId: 'recommendation', fields: {}, source: 'taught', updatedAt: 1 },
      },
    ],
    ['autofill.adapters.delete', { id: 'x' }],
    ['autofill.adapters.import', { json: '[]' }],
    ['autofill.adapters.export', {}],
    ['autofill.adapters.list', {}],
    ['pdf.policy.set', { pattern: 'https://a.cn/*', policy: 'clear' }],
    ['pdf.policy.list', {}],
    ['pdf.check', { name: 'a.pdf', data: 'AA==', url: 'https://a.cn/', draftId: 'd1' }],
    ['autofill.adapters.forUrl', { url: 'https://a.cn/', extra: 1 }],
  ];

  it.each(privileged)('a content script may not send %s (or more than it needs)', async (type, payload) => {
    handled.length = 0;
    const r = await route({ type, payload }, content);
    expect(r).toMatchObject({ ok: false, error: { zh: expect.stringContaining('已拒绝') } });
    expect(handled).toEqual([]);
  });

  it.each(privileged)('an extension page may send %s', async (type, payload) => {
    handled.length = 0;
    const r = await route({ type, payload }, page);
    // Reaches its handler (schemas may still refuse a made-up payload, but not for who sent it).
    expect(JSON.stringify(r)).not.toContain('已拒绝');
  });

  it.each([
    ['pdf.check', { name: 'a.pdf', data: 'AA==', url: 'https://portal.example.cn/upload' }],
    ['autofill.adapters.forUrl', { url: 'https://portal.example.cn/upload' }],
    ['autofill.adapters.teach', { url: 'https://portal.example.cn/upload', formId: 'recommendation', fieldPath: 'filler', selector: '#a' }],
  ])('a content script may send %s with what it needs', async (type, payload) => {
    handled.length = 0;
    expect(await route({ type, payload }, content)).toEqual({ ok: true, data: {} });
    expect(handled).toEqual([type]);
  });
});
