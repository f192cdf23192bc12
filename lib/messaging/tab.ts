import { browser } from 'wxt/browser';
import { MessageError, type Reply } from './define';
import type { FillPlan, FillReport, ScannedSummary, UndoResult } from '../autofill/types';

/**
 * Messages from extension pages (popup, dashboard, harness) to the content scripts in a tab, one frame at a time.
 * Typed only, not zod-validated: only this extension can message its isolated-world content scripts, and keeping
 * zod out of the content script keeps it small. Other areas add their entries to this interface.
 */
export interface TabProtocol {
  'autofill.ping': { request: Record<string, never>; response: { frameUrl: string; top: boolean } };
  'autofill.scan': { request: { hints?: FillPlan['hints']; adapters?: FillPlan['adapters'] }; response: ScannedSummary[] };
  'autofill.fill': { request: FillPlan; response: FillReport };
  'autofill.undo': { request: Record<string, never>; response: UndoResult };
  'autofill.teach': {
    request: { enabled: boolean; formId: string; fields: Array<{ path: string; label: string }>; locale: 'zh-CN' | 'en' };
    response: { enabled: boolean };
  };
  'autofill.clear': { request: Record<string, never>; response: Record<string, never> };
}

export type TabMessageType = keyof TabProtocol;

/** Send to one frame of a tab (frameId 0 is the top frame). */
export async function sendToFrame<K extends TabMessageType>(
  tabId: number,
  frameId: number,
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<TabProtocol[K]['response']> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId })) as Reply<TabProtocol[K]['response']> | undefined;
  if (!reply) throw new MessageError({ zh: '页面没有响应', en: 'The page did not answer' });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}

export type TabHandlers = {
  [K in TabMessageType]?: (payload: TabProtocol[K]['request']) => Promise<TabProtocol[K]['response']> | TabProtocol[K]['response'];
};

/** Content-script side: answer the tab messages this script handles; returns an unsubscribe function. */
export function onTabMessages(handlers: TabHandlers): () => void {
  const listener = (message: unknown): Promise<Reply<unknown>> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const { type, payload } = message as { type?: string; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as TabMessageType] as (p: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(payload ?? {}))
      .then(
        (data) => ({ ok: true as const, data }),
        (e: unknown) => ({
          ok: false as const,
          error: e instanceof MessageError ? e.bilingual : { zh: '页面内操作失败', en: 'Failed in the page' },
        }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
