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
export function createRouter<M extends MessageMap>(protocol: M, handlers: Handlers<M>, self: ExtensionSelf = runtimeSelf()) {
  return (message: unknown, sender: MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return undefined;
    const { type, payload } = message as { type: string; payload: unknown };
    // Not ours (another listener's message): leave it unanswered so that listener can reply.
    if (!Object.hasOwn(protocol, type)) return undefined;
    const kind = senderKind(sender, self);
    if (kind === 'content') {
      // A content script may send only the messages that name it, and only what they allow it to send.
      const strict = protocol[type]!.fromContent;
      if (!strict) return Promise.resolve({ ok: false, error: refused() });
      const checked = strict.safeParse(payload ?? {});
      if (!checked.success) return Promise.resolve({ ok: false, error: refused() });
    } else if (kind === 'other') return Promise.resolve({ ok: false, error: refused() });
    return dispatch(protocol, handlers, type, payload, sender);
  };
}

/** This extension's id and the origin of its pages (`chrome-extension://<id>/`). */
export interface ExtensionSelf {
  id: string;
  origin: string;
}

function runtimeSelf(): ExtensionSelf {
  const runtime = (globalThis as { chrome?: { runtime?: { id?: string; getURL?(p: string): string } } }).chrome?.runtime;
  return { id: runtime?.id ?? '', origin: runtime?.getURL?.('/') ?? '' };
}

/**
 * Who sent a message: one of this extension's pages (popup, options, offscreen — URL and origin in the extension), a
 * content script of this extension (in a web page's frame), or anything else (refused).
 */
export function senderKind(sender: MessageSender, self: ExtensionSelf): 'page' | 'content' | 'other' {
  if (!self.origin || sender.id !== self.id) return 'other';
  const inExtension = (u: string | undefined) => u === undefined || u.startsWith(self.origin) || `${u}/` === self.origin;
  if (sender.url?.startsWith(self.origin) && inExtension(sender.origin)) return 'page';
  return sender.tab || sender.url ? 'content' : 'other';
}

/** The URL a handler may act on: a content script's own frame URL, whatever it claims; a page's claim as it is. */
export function actingUrl(sender: MessageSender, claimed: string, self: ExtensionSelf = runtimeSelf()): string {
  return senderKind(sender, self) === 'content' ? (sender.url ?? '') : claimed;
}

const refused = () => ({ zh: t('guard.message.refused', undefined, 'zh-CN'), en: t('guard.message.refused', undefined, 'en') });

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
