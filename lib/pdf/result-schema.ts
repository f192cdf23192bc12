import { z } from 'zod';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** A `PdfCheckResult` as it crosses a context boundary (offscreen document → background → page). */
export const pdfCheckResultSchema = z.object({
  file: z.string(),
  status: z.enum(['sealed', 'seal-misplaced', 'unsealed', 'uncertain', 'error']),
  pages: z.number(),
  signaturePages: z.array(z.number()),
  seals: z.array(
    z.object({
      page: z.number(),
      kind: z.enum(['image', 'digital', 'riding']),
      box,
      confidence: z.number(),
      signer: z.string().optional(),
      filter: z.string().optional(),
      subFilter: z.string().optional(),
      invisible: z.boolean().optional(),
      signature: z
        .object({
          integrity: z.enum(['unchanged', 'changed', 'unverifiable']),
          appended: z.boolean(),
          algorithm: z.enum(['RSA', 'ECDSA', 'SM2']).optional(),
          certificateName: z.string().optional(),
          certificateOrganisation: z.string().optional(),
        })
        .optional(),
      thumbnail: z.string().optional(),
    }),
  ),
  reason: bilingual,
  error: z.object({ code: z.enum(['not-pdf', 'encrypted', 'damaged', 'too-large', 'timeout']), message: bilingual }).optional(),
  textLayer: z.boolean(),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning']),
      fields: z.array(z.string()),
      message: bilingual,
      clause: z.string(),
      fix: bilingual.optional(),
    }),
  ),
  ms: z.number(),
});

export const uploadPolicySchema = z.enum(['warn', 'clear']);
export type UploadPolicy = z.infer<typeof uploadPolicySchema>;
