import { z } from 'zod';
import { defineMessages } from '../define';
import { adapterSchema } from '../../autofill/adapter-schema';

const fieldPathSchema = z.string().min(1).max(200);

/** Messages the autofill area sends to the background (validated there). */
export const autofillMessages = defineMessages({
  /** Every site adapter (dashboard list): the organisation's (`managed`, from its policy) and the user's. */
  'autofill.adapters.list': { request: z.object({}), response: z.array(adapterSchema.extend({ managed: z.literal(true).optional() })) },
  /** Adapters whose URL pattern matches a page (content script on a registered site, popup before a fill). */
  'autofill.adapters.forUrl': {
    request: z.object({ url: z.string().max(4000) }),
    response: z.array(adapterSchema),
    fromContent: z.strictObject({ url: z.string().max(4000) }),
  },
  /** Teach mode: the user picked a field for a control; add it to the site's taught adapter. */
  'autofill.adapters.teach': {
    request: z.object({
      url: z.string().max(4000),
      formId: z.string().min(1).max(100),
      fieldPath: fieldPathSchema,
      selector: z.string().min(1).max(1000),
      label: z.string().max(200).optional(),
      frame: z.string().max(1000).optional(),
    }),
    response: z.object({ id: z.string() }),
    fromContent: z.strictObject({
      url: z.string().max(4000),
      formId: z.string().min(1).max(100),
      fieldPath: fieldPathSchema,
      selector: z.string().min(1).max(1000),
      label: z.string().max(200).optional(),
      frame: z.string().max(1000).optional(),
    }),
  },
  'autofill.adapters.save': { request: z.object({ adapter: adapterSchema }), response: z.object({ id: z.string() }) },
  'autofill.adapters.delete': { request: z.object({ id: z.string() }), response: z.object({}) },
  /** Import an adapter file (JSON text); all-or-nothing. */
  'autofill.adapters.import': { request: z.object({ json: z.string().max(5_000_000) }), response: z.object({ count: z.number() }) },
  'autofill.adapters.export': { request: z.object({}), response: z.object({ json: z.string() }) },
});
