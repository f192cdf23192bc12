import { z } from 'zod';
import type { Browser } from 'wxt/browser';
import { MessageError, type MessageMap, type Reply, type RequestOf, type ResponseOf } from './define';
import { t } from '../i18n';

// Extension pages forbid eval; zod 4 would otherwise try to JIT its parsers and log CSP violations.
z.config({ jitless: true });

export type MessageSender = Browser.runtime.MessageSender;

/** A handler per message key. The map is total: forgetting a key of the protocol is a compile error. */
export type Handlers<M extends MessageMap> = {
  [K in keyof M]: (payload: z.output<M[K]['request']>, sender: MessageSender) => Promise<ResponseOf<M, K>> | ResponseOf<M, K>;
};

const badPayload = (detail: string) => ({ zh: `消息内容无效：${detail}`, en: `Invalid message payload: ${detail}` });

/**
 * Build the background's `runtime.onMessage` listener: validate the payload with the message's zod schema, run its
 * handler, answer a `Reply` (never throws across the boundary). Messages that are not envelopes of this protocol
 * are left to other listeners (returns undefined).
 */
export function createRouter<M extends MessageMap>(protocol: M, handlers: Handlers<M>) {
  return (message: unknown, sender: MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return undefined;
    const { type, payload } = message as { type: string; payload: unknown };
    // Not ours (another listener's message): leave it unanswered so that listener can reply.
    if (!Object.hasOwn(protocol, type)) return undefined;
    return dispatch(protocol, handlers, type, payload, sender);
  };
}

async function dispatch<M extends MessageMap>(
  protocol: M,
  handlers: Handlers<M>,
  type: keyof M & string,
  payload: unknown,
  sender: MessageSender,
): Promise<Reply<unknown>> {
  const spec = protocol[type]!;
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success)
    return { ok: false, error: badPayload(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
  try {
    const handler = handlers[type] as (p: unknown, s: MessageSender) => unknown;
    const data = await handler(parsed.data, sender);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof MessageError) return { ok: false, error: e.bilingual };
    // An unexpected failure's own text (a library's message) is not for the user.
    return { ok: false, error: { zh: t('guard.message.failed', undefined, 'zh-CN'), en: t('guard.message.failed', undefined, 'en') } };
  }
}

/** Call a handler directly (same context), with the same validation as over the wire. For tests and pages. */
export async function callLocal<M extends MessageMap, K extends keyof M & string>(
  protocol: M,
  handlers: Handlers<M>,
  type: K,
  payload: RequestOf<M, K>,
): Promise<Reply<ResponseOf<M, K>>> {
  return (await dispatch(protocol, handlers, type, payload, {} as MessageSender)) as Reply<ResponseOf<M, K>>;
}
