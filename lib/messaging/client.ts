import { browser } from 'wxt/browser';
import { MessageError, type Reply, type RequestOf, type ResponseOf } from './define';
import type { Protocol, MessageType } from './protocol';

// Type-only import of the protocol: content scripts use this client without bundling zod.

/** Send a message of the protocol to the background; resolves with the handler's answer or throws MessageError. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<Protocol, K>): Promise<ResponseOf<Protocol, K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<Protocol, K>> | undefined;
  if (!reply) throw new MessageError({ zh: '后台没有响应', en: 'The background did not answer' });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}
