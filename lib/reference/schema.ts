import type { Bilingual } from '../forms/types';
import { z } from '../forms/zod';
import type { ReferenceData, ReferenceListId } from './types';

const text = z.string().trim().min(1);

/** Item shapes per list id; unknown keys are dropped so imported files cannot smuggle data into verdicts. */
export const referenceItemSchemas = {
  universities: z.object({
    code: z.string().regex(/^\d{5}$/),
    name: text,
    province: text,
    city: z.string().optional(),
    authority: z.string().optional(),
    level: z.string().optional(),
    private: z.boolean().optional(),
  }),
  doubleFirstClass: z.object({
    name: text,
    code: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    aliases: z.array(text).optional(),
  }),
  pilotUniversities: z.object({
    name: text,
    code: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    batch: z.number().int().min(1).max(99),
  }),
  provinces: z.object({ code: z.string().regex(/^\d{2}$/), name: text, aliases: z.array(text) }),
  divisions: z.object({ code: z.string().regex(/^\d{4}(\d{2})?$/), name: text }),
} as const satisfies Record<ReferenceListId, z.ZodType>;

export const referenceListIds = Object.keys(referenceItemSchemas) as ReferenceListId[];

/** Any one reference list, discriminated by `id`. */
export type AnyReferenceList = { [K in ReferenceListId]: ReferenceData[K] }[ReferenceListId];

const header = z.object({
  id: z.enum(referenceListIds as [ReferenceListId, ...ReferenceListId[]]),
  version: text,
  source: text,
  items: z.array(z.unknown()).min(1),
});

export type ParseResult = { ok: true; list: AnyReferenceList } | { ok: false; error: Bilingual };

const names: Record<ReferenceListId, Bilingual> = {
  universities: { zh: '高校名单', en: 'university list' },
  doubleFirstClass: { zh: '“双一流”建设高校名单', en: '"Double First-Class" list' },
  pilotUniversities: { zh: '“国优计划”试点高校名单', en: 'Guoyou pilot university list' },
  provinces: { zh: '省级行政区名单', en: 'province list' },
  divisions: { zh: '行政区划名单（地级、县级）', en: 'division list (prefectures, counties)' },
};

/**
 * Validates an admin-imported reference list (parsed JSON). All-or-nothing: one malformed item refuses the whole file,
 * with a message naming the item and field. Accepted shapes: `{ id, version, source, items: [...] }` for any list, and
 * the Ministry university list as shipped (`{ source, universities: [...] }`, version taken from `version` or `date`).
 */
export function parseReferenceImport(json: unknown): ParseResult {
  let input = json;
  if (
    input &&
    typeof input === 'object' &&
    !Array.isArray(input) &&
    !('id' in input) &&
    Array.isArray((input as { universities?: unknown }).universities)
  ) {
    const u = input as { source?: unknown; version?: unknown; date?: unknown; universities: unknown[] };
    input = { id: 'universities', version: u.version ?? u.date ?? 'imported', source: u.source, items: u.universities };
  }
  const head = header.safeParse(input);
  if (!head.success) {
    const issue = head.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    return {
      ok: false,
      error: {
        zh: `参考名单格式不正确：需要 {id, version, source, items} 结构（id 为 ${referenceListIds.join('/')}，items 非空），问题在 ${where}。未导入任何内容。`,
        en: `Not a reference list: expected {id, version, source, items} (id one of ${referenceListIds.join('/')}, items not empty); problem at ${where}. Nothing was imported.`,
      },
    };
  }
  const { id, version, source, items } = head.data;
  const schema = referenceItemSchemas[id];
  const parsed: unknown[] = [];
  for (const [i, item] of items.entries()) {
    const r = schema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0];
      const fieldName = issue?.path.join('.') || '(item)';
      return {
        ok: false,
        error: {
          zh: `${names[id].zh}第 ${i + 1} 项的“${fieldName}”不正确。整个文件未导入。`,
          en: `Item ${i + 1} of the ${names[id].en}: "${fieldName}" is invalid. The file was not imported.`,
        },
      };
    }
    parsed.push(r.data);
  }
  return { ok: true, list: { id, version, source, items: parsed } as AnyReferenceList };
}
