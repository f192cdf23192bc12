/**
 * The signing block of an official form: "推荐单位（盖章）", "（公章）", "（章）" and a date line ("2024年8月5日" or a
 * blank "年  月  日"). Words that name the seal weigh most; 推荐单位 alone also heads the form's first page.
 */
const CUES: ReadonlyArray<{ pattern: RegExp; weight: number }> = [
  { pattern: /盖\s*章/, weight: 3 },
  { pattern: /公\s*章/, weight: 3 },
  { pattern: /[（(]\s*章\s*[)）]/, weight: 3 },
  { pattern: /签\s*章/, weight: 2 },
  { pattern: /推\s*荐\s*单\s*位/, weight: 1 },
  {
    pattern:
      /(?:\d{4}|[〇零一二三四五六七八九○]{4})?\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*日/,
    weight: 1,
  },
];

/** Score of one page's text as the signing page (0 = no cue). */
export function signatureScore(text: string): number {
  let score = 0;
  for (const c of CUES) if (c.pattern.test(text)) score += c.weight;
  return score;
}

/** Where to look when a page has no text (a scan): the form definition may name the page; otherwise the last. */
export type ScanSignaturePage = 'last' | 'first' | number;

/**
 * 1-based signature pages from each page's text (empty string for pages without a text layer). Pages with a seal cue
 * (盖章/公章/（章）) win; else pages with 推荐单位 and a date line; else the scan fallback.
 */
export function findSignaturePages(pageTexts: readonly string[], fallback: ScanSignaturePage = 'last'): number[] {
  const scores = pageTexts.map(signatureScore);
  const best = scores.reduce((m, s) => Math.max(m, s), 0);
  if (best >= 2) return scores.flatMap((s, i) => (s === best ? [i + 1] : []));
  const n = pageTexts.length;
  if (n === 0) return [];
  if (fallback === 'first') return [1];
  if (typeof fallback === 'number') return [Math.min(Math.max(1, fallback), n)];
  return [n];
}
