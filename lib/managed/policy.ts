import { z } from 'zod';
import { adapterSchema, urlPatternSchema, type SiteAdapter } from '../autofill/adapter-schema';
import type { Bilingual } from '../forms/types';
import { getForm } from '../forms';
import { uploadPolicySchema, type UploadPolicy } from '../pdf/result-schema';
import { parseReferenceImport, type AnyReferenceList } from '../reference/schema';

/**
 * The organisation's policy, as an administrator sets it through the browser's managed storage (Chrome: group policy
 * or `/etc/…/policies/managed/*.json` under `3rdparty.extensions.<id>`; described for Chrome by public/managed_schema.json).
 * Each key is optional: what the policy leaves out stays the user's. Validated whole: a policy with one bad entry is
 * ignored (and reported), so a typo never half-applies.
 */
const policyInputSchema = z.strictObject({
  /** Site adapters in the same shape as an adapter file's entries (`source`/`updatedAt` may be left out). */
  siteAdapters: z
    .array(
      adapterSchema.omit({ source: true, updatedAt: true }).extend({ source: z.string().optional(), updatedAt: z.number().optional() }),
    )
    .max(1000)
    .optional(),
  /** Upload guard per site: `https://host/*` → `warn` or `clear`. */
  uploadPolicy: z.record(urlPatternSchema, uploadPolicySchema).optional(),
  /** Reference lists, each as the dashboard's reference import takes it (`{ id, version, source, items }`). */
  referenceLists: z.array(z.unknown()).max(20).optional(),
  /** Batch deadline per form id: `YYYY-MM-DD`, or `""` for "no deadline". */
  deadlines: z.record(z.string(), z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'), z.literal('')])).optional(),
  /** `false`: no draft leaves through Excel export, backup export or print. */
  exportAllowed: z.boolean().optional(),
});

export interface ManagedPolicy {
  siteAdapters: SiteAdapter[];
  uploadPolicy: Record<string, UploadPolicy>;
  referenceLists: AnyReferenceList[];
  /** Form id → deadline (`null`: none); only the forms the policy names. */
  deadlines: Record<string, string | null>;
  /** Absent from the policy: `undefined` (the user's choice, i.e. allowed). */
  exportAllowed?: boolean;
}

/** What the browser's managed storage says: no policy, a policy, or a policy that was ignored because it is invalid. */
export interface PolicyState {
  policy: ManagedPolicy | null;
  error: Bilingual | null;
}

export const NO_POLICY: PolicyState = { policy: null, error: null };

const invalid = (detail: string): PolicyState => ({
  policy: null,
  error: { zh: `管理员策略无效，已忽略：${detail}`, en: `The administrator's policy is invalid and was ignored: ${detail}` },
});

/** Validate what `storage.managed.get()` returned; empty or absent is "no policy", never an error. */
export function parseManagedPolicy(raw: unknown): PolicyState {
  if (raw === undefined || raw === null || (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0))
    return NO_POLICY;
  const parsed = policyInputSchema.safeParse(raw);
  if (!parsed.success) {
    return invalid(
      parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
    );
  }
  const input = parsed.data;
  const siteAdapters: SiteAdapter[] = [];
  for (const a of input.siteAdapters ?? []) {
    if (siteAdapters.some((b) => b.id === a.id)) return invalid(`siteAdapters: duplicate id ${a.id}`);
    siteAdapters.push({ ...a, source: 'imported', updatedAt: a.updatedAt ?? 0 });
  }
  const referenceLists: AnyReferenceList[] = [];
  for (const [i, l] of (input.referenceLists ?? []).entries()) {
    const r = parseReferenceImport(l);
    if (!r.ok) return invalid(`referenceLists.${i}: ${r.error.en}`);
    if (referenceLists.some((b) => b.id === r.list.id)) return invalid(`referenceLists: duplicate id ${r.list.id}`);
    referenceLists.push(r.list);
  }
  const deadlines: Record<string, string | null> = {};
  for (const [formId, date] of Object.entries(input.deadlines ?? {})) {
    if (!getForm(formId)) return invalid(`deadlines: unknown form ${formId}`);
    deadlines[formId] = date || null;
  }
  return {
    policy: {
      siteAdapters,
      uploadPolicy: input.uploadPolicy ?? {},
      referenceLists,
      deadlines,
      ...(input.exportAllowed === undefined ? {} : { exportAllowed: input.exportAllowed }),
    },
    error: null,
  };
}
