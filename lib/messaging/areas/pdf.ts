import { z } from 'zod';
import { defineMessages } from '../define';
import { pdfCheckResultSchema, uploadPolicySchema } from '../../pdf/result-schema';
import { GUARD_MAX_BYTES } from '../../pdf/limits';

/** Messages of the PDF area (issue 6): content scripts and pages → background. */
export const pdfMessages = defineMessages({
  /** Check one PDF chosen in a page's file input (upload guard). Bytes as base64; never leaves the machine. */
  'pdf.check': {
    request: z.object({
      name: z.string().max(1000),
      data: z.string().max(Math.ceil(GUARD_MAX_BYTES / 3) * 4 + 4),
      url: z.string().max(4000),
      draftId: z.string().max(200).optional(),
    }),
    response: z.object({ result: pdfCheckResultSchema, policy: uploadPolicySchema, locale: z.enum(['zh-CN', 'en']) }),
    // The upload guard sends the file and nothing else: no draft (its school names would come back in the verdict).
    fromContent: z.strictObject({
      name: z.string().max(1000),
      data: z.string().max(Math.ceil(GUARD_MAX_BYTES / 3) * 4 + 4),
      url: z.string().max(4000),
    }),
  },
  /** Per-site upload policies and the sites the user has permitted. */
  'pdf.policy.list': {
    request: z.object({}),
    response: z.object({
      sites: z.array(z.object({ pattern: z.string(), policy: uploadPolicySchema, managed: z.literal(true).optional() })),
    }),
  },
  'pdf.policy.set': { request: z.object({ pattern: z.string().min(1).max(500), policy: uploadPolicySchema }), response: z.object({}) },
});
