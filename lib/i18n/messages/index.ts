import type { Bilingual } from '../../forms/types';
import { common } from './common';
import { editor } from './editor';
import { popup } from './popup';
import { autofill } from './autofill';
import { verify } from './verify';
import { excel } from './excel';
import { pdf } from './pdf';
import { db } from './db';
import { toolkit } from './toolkit';
import { guard } from './guard';
import { gate } from './gate';
import { reference } from './reference';
import { managed } from './managed';
import { vault } from './vault';

/**
 * All UI messages, one file per area, each a `Record<string, Bilingual>` whose keys start with the area
 * (`editor.save`, `pdf.status.sealed`). Add an area by adding a file and spreading it here.
 */
export const messages = {
  ...common,
  ...editor,
  ...popup,
  ...autofill,
  ...verify,
  ...excel,
  ...pdf,
  ...db,
  ...toolkit,
  ...guard,
  ...gate,
  ...reference,
  ...managed,
  ...vault,
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;
