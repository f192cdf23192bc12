import type { z } from 'zod';
import type { Bilingual } from '../forms/types';

/**
 * One message of the protocol: what the sender passes and what the handler answers, both as zod schemas so the
 * receiving side (background, extension pages) validates everything that crosses a context boundary.
 */
export interface MessageSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /**
   * Content scripts live in other people's pages: a message is for extension pages only unless it names what a
   * content script may send — this (stricter) schema of its payload (issue 13 §11).
   */
  fromContent?: z.ZodType;
}

export type MessageMap = Record<string, MessageSpec>;

/** Declare one area's messages (a data file per area, merged in lib/messaging/protocol.ts). */
export function defineMessages<const M extends MessageMap>(messages: M): M {
  return messages;
}

export type RequestOf<M extends MessageMap, K extends keyof M> = z.input<M[K]['request']>;
export type ResponseOf<M extends MessageMap, K extends keyof M> = z.output<M[K]['response']>;

/** What every handler call answers: never a thrown stack trace, always a bilingual error. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: Bilingual };

/** Thrown by handlers (and rethrown by `send`) to carry a user-facing bilingual message. */
export class MessageError extends Error {
  constructor(public readonly bilingual: Bilingual) {
    super(bilingual.zh);
    this.name = 'MessageError';
  }
}
