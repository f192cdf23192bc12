import { z } from 'zod';
import type { Bilingual } from '../forms/types';

/**
 * Site adapters as data: URL pattern → field path → how to find the control. Validated with zod wherever they enter
 * (import file, teach mode message, dashboard edit). Never imported by the content script (it gets plain objects).
 */
const fieldLocatorSchema = z
  .object({
    selector: z.string().min(1).max(1000).optional(),
    label: z.string().min(1).max(200).optional(),
    /** Frame URL path (or name) the control lives in, for framesets. */
    frame: z.string().max(1000).optional(),
  })
  .refine((f) => f.selector || f.label, { message: 'selector 或 label 至少填一个 / selector or label is required' });

/** `scheme://host/path*` where host may start with `*.`; `<all_urls>` is refused on purpose. */
export const urlPatternSchema = z
  .string()
  .max(1000)
  .regex(
    /^(https?|\*):\/\/(\*|(\*\.)?[^/*]+)(:\d+)?\/.*$/,
    '网址模式应形如 https://example.edu.cn/* / expected a pattern like https://example.edu.cn/*',
  );

const fieldPathSchema = z.string().regex(/^[A-Za-z][\w]*(\[(\d+)?\]\.[A-Za-z][\w]*)?$/, '字段路径无效 / invalid field path');

export const adapterSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  urlPattern: urlPatternSchema,
  formId: z.string().min(1).max(100),
  fields: z.record(fieldPathSchema, fieldLocatorSchema),
  addRow: z.record(z.string(), z.string().min(1).max(1000)).optional(),
  source: z.enum(['taught', 'imported']),
  updatedAt: z.number(),
  pdfPolicy: z.enum(['warn', 'clear']).optional(),
});

export type SiteAdapter = z.output<typeof adapterSchema>;

/** The adapter exchange file. */
export const adapterFileSchema = z.object({
  format: z.literal('guoyou-site-adapters'),
  version: z.literal(1),
  adapters: z.array(adapterSchema).max(1000),
});

export type AdapterFile = z.output<typeof adapterFileSchema>;

export function exportAdapters(adapters: SiteAdapter[]): string {
  const file: AdapterFile = { format: 'guoyou-site-adapters', version: 1, adapters };
  return JSON.stringify(file, null, 2);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: Bilingual };

/** Parse an adapter file; all-or-nothing, with a bilingual message naming the first problems. */
export function parseAdapterFile(json: string): ParseResult<SiteAdapter[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return {
      ok: false,
      error: { zh: `不是有效的 JSON 文件：${(e as Error).message}`, en: `Not a valid JSON file: ${(e as Error).message}` },
    };
  }
  const parsed = adapterFileSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`)
      .join('；');
    return { ok: false, error: { zh: `站点适配文件格式不正确：${detail}`, en: `The site adapter file is malformed: ${detail}` } };
  }
  const ids = new Set<string>();
  for (const a of parsed.data.adapters) {
    if (ids.has(a.id)) return { ok: false, error: { zh: `适配器编号重复：${a.id}`, en: `Duplicate adapter id: ${a.id}` } };
    ids.add(a.id);
  }
  return { ok: true, value: parsed.data.adapters };
}
