/**
 * The backup file format, version 1 — documented in FORMAT.md next to this file. A change that old readers cannot
 * read is a new `version` with its own schema here and a converter from the previous one; readers refuse newer
 * versions instead of guessing.
 */
import { adapterSchema } from '../autofill/adapter-schema';
import { z } from '../forms/zod';

export const BACKUP_FORMAT = 'guoyou-backup';
export const BACKUP_VERSION = 1;

const epochMs = z.number().int().nonnegative();

export const formDataSchema = z.object({
  fields: z.record(z.string(), z.string()),
  groups: z.record(z.string(), z.array(z.record(z.string(), z.string()))),
});

export const revisionReasonSchema = z.enum(['create', 'autosave', 'restore', 'import', 'conflict', 'rename', 'duplicate']);

/** One revision of a draft; its draft is the one it is nested in. */
export const backupRevisionSchema = z.object({
  rev: z.number().int().positive(),
  title: z.string(),
  data: formDataSchema,
  savedAt: epochMs,
  reason: revisionReasonSchema,
});

/**
 * Draft ids: what `crypto.randomUUID()` makes, and any id of letters, digits, `-` and `_`. Ids become parts of file
 * names (exports, backup zips): `/../../x` must never reach a path (issue 13 §12).
 */
export const DRAFT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A JSON value of bounded nesting (settings values are stored as they come; a 100,000-deep array overflows stacks). */
function shallowJson(value: unknown, maxDepth = 16): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let seen = 0; stack.length; seen++) {
    const [v, depth] = stack.pop()!;
    if (seen > 100_000 || depth > maxDepth) return false;
    if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return true;
}

export const backupDraftSchema = z.object({
  id: z.string().regex(DRAFT_ID),
  formId: z.string().min(1).max(100),
  formVersion: z.number().int().positive(),
  title: z.string().max(500),
  data: formDataSchema,
  rev: z.number().int().positive(),
  createdAt: epochMs,
  updatedAt: epochMs,
  archived: z.union([z.literal(0), z.literal(1)]),
  deletedAt: epochMs,
  /** Present when the backup was exported with its revision history. */
  revisions: z.array(backupRevisionSchema).optional(),
});

export const backupRosterSchema = z.object({
  rosterId: z.string().min(1),
  studentNo: z.string(),
  idNumber: z.string(),
  name: z.string(),
  data: z.record(z.string(), z.string()),
});

export const backupSettingSchema = z.object({ key: z.string().min(1).max(200), value: z.unknown().refine((v) => shallowJson(v)) });

/** Items are validated per list by `parseReferenceImport` (lib/reference) at import. */
export const backupReferenceListSchema = z.object({
  id: z.string().min(1),
  version: z.string(),
  source: z.string(),
  importedAt: epochMs,
  items: z.array(z.unknown()),
});

export const backupTemplateSchema = z.object({
  id: z.string().min(1),
  formId: z.string().min(1),
  name: z.string(),
  /** The workbook's bytes, base64 (RFC 4648, with padding). */
  bytes: z.base64(),
  importedAt: epochMs,
});

/** Just enough to tell what a file is before validating it whole. */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
});

export const backupSchemaV1 = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  app: z.object({ name: z.string(), version: z.string() }),
  drafts: z.array(backupDraftSchema),
  // Tables other than drafts may be left out of a hand-written backup.
  siteAdapters: z.array(adapterSchema).default([]),
  rosters: z.array(backupRosterSchema).default([]),
  settings: z.array(backupSettingSchema).default([]),
  referenceLists: z.array(backupReferenceListSchema).default([]),
  templates: z.array(backupTemplateSchema).default([]),
});

export type Backup = z.output<typeof backupSchemaV1>;
export type BackupDraft = Backup['drafts'][number];
