import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMessages, MessageError } from './define';
import { callLocal, createRouter, type Handlers } from './router';

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

describe('router', () => {
  const route = createRouter(demo, handlers);
  const sender = {};

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
