import { autofillMessages } from './areas/autofill';
import { pdfMessages } from './areas/pdf';

/**
 * The one runtime message protocol (content scripts / extension pages → background), merged from one data file per
 * area under lib/messaging/areas. Add an area: write `areas/<area>.ts` with `defineMessages({...})` and spread it here;
 * the background then must provide a handler for every key (the handler map is a total Record, see router.ts).
 */
export const protocol = {
  ...autofillMessages,
  ...pdfMessages,
};

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
