import type { Bilingual } from '../../forms/types';
import { common } from './common';

/**
 * All UI messages, one file per area (common, editor, autofill, verify, excel, pdf, ...), each a
 * `Record<string, Bilingual>` with keys prefixed by the area. Add an area by adding a file and spreading it here.
 */
export const messages = {
  ...common,
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;
