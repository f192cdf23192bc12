import type { FieldHint } from '../page/types';
import type { OverlayTexts } from './overlay';
import type { PageRead } from './types';

/**
 * The verify area's tab messages (extension page → content script), added to the shared `TabProtocol` of
 * lib/messaging/tab.ts by interface merging, so the area's messages live with the area.
 */
export interface ShowItem {
  refs: number[];
  severity: 'error' | 'warning';
  where: string;
  message: string;
  clause: string;
}

declare module '../messaging/tab' {
  interface TabProtocol {
    /** Read every record the frame shows (form, read-only view, list tables). */
    'verify.read': { request: { hints: FieldHint[] }; response: PageRead };
    /** Draw the findings of this frame (anchors from the last read). */
    'verify.show': { request: { items: ShowItem[]; texts: OverlayTexts }; response: { shown: number } };
    /** Remove the overlay. */
    'verify.clear': { request: Record<string, never>; response: Record<string, never> };
    /** What the overlay shows now (harness, tests). */
    'verify.state': { request: Record<string, never>; response: { markers: number; hidden: boolean; present: boolean } };
  }
}

/** Path of the built content script, for `scripting.executeScript`. */
export const VERIFY_SCRIPT = '/content-scripts/verify.js';
