/**
 * `guoyou check-pdf <files…> [--json] [--draft <draft.json>]`: checks each PDF for the official seal on its signing
 * page (issue 6) with the same analysis as the extension. Exit 0 when every file is `sealed`, 1 otherwise, 2 on usage.
 */
import path from 'node:path';
import { getForm } from '../../forms/index';
import type { Bilingual, FormData, FormDefinition } from '../../forms/types';
import { decodeText } from '../../normalize/decode';
import { jsonErrorPlace } from '../../db/errors';
import { PDF_LIMITS } from '../../pdf/check';
import { fsProblem, readInput } from '../input';
import { t, type Locale } from '../../i18n';
import { checkPdfInNode } from '../../pdf/node';
import { bilingual } from '../../pdf/text';
import type { PdfCheckResult, SignatureCheck } from '../../pdf/types';
import type { CliIO, Command } from '../main';

/** One element of the `--json` array: the fields of issue 6 §6, plus the reason and draft findings. */
export function toJson(r: PdfCheckResult): Record<string, unknown> {
  return {
    file: r.file,
    status: r.status,
    pages: r.pages,
    signaturePages: r.signaturePages,
    seals: r.seals.map((s) => ({
      page: s.page,
      kind: s.kind,
      box: s.box,
      confidence: s.confidence,
      ...(s.signer ? { signer: s.signer } : {}),
      ...(s.filter ? { filter: s.filter } : {}),
      ...(s.subFilter ? { subFilter: s.subFilter } : {}),
      ...(s.invisible ? { invisible: true } : {}),
      ...(s.signature ? { signature: s.signature } : {}),
    })),
    error: r.error ? { code: r.error.code, message: r.error.message } : null,
    reason: r.reason,
    findings: r.findings,
    ms: r.ms,
  };
}

/** "签名后未被改动 · 证书：…" of a read signature. */
function signatureText(sig: SignatureCheck, locale: Locale): string {
  const parts = [t(`pdf.checker.integrity.${sig.integrity}`, undefined, locale)];
  const name = [sig.certificateOrganisation, sig.certificateName].filter(Boolean).join(' ');
  if (name) parts.push(t('pdf.checker.certificate', { name }, locale));
  return parts.join(' · ');
}

/** Human-readable report of one file. */
export function formatText(r: PdfCheckResult, locale: Locale): string[] {
  const pick = (b: { zh: string; en: string }) => (locale === 'en' ? b.en : b.zh);
  const lines = [`${r.file}: ${t(`pdf.status.${r.status}`, undefined, locale)} — ${pick(r.reason)}`];
  if (r.status !== 'error') {
    const meta = [t('pdf.checker.pages', { pages: r.pages }, locale)];
    if (r.signaturePages.length) meta.push(t('pdf.checker.signaturePages', { pages: r.signaturePages.join(', ') }, locale));
    meta.push(t('pdf.checker.ms', { ms: r.ms }, locale));
    lines.push('  ' + meta.join(' · '));
  }
  for (const s of r.seals) {
    const b = s.box;
    let line = `  - ${t('pdf.checker.seal', { page: s.page, kind: t(`pdf.kind.${s.kind}`, undefined, locale), confidence: s.confidence.toFixed(2) }, locale)}`;
    line += s.invisible ? ` (${t('pdf.checker.invisible', undefined, locale)})` : ` [${b.x}, ${b.y}, ${b.width}×${b.height} pt]`;
    if (s.signer) line += ` ${t('pdf.checker.signer', { signer: s.signer }, locale)}`;
    if (s.subFilter) line += ` ${s.filter ?? ''}/${s.subFilter}`;
    if (s.signature) line += ` · ${signatureText(s.signature, locale)}`;
    lines.push(line);
  }
  for (const f of r.findings) lines.push(`  ! ${pick(f.message)} (${f.ruleId})`);
  return lines;
}

async function readDraft(file: string): Promise<{ form: FormDefinition; data: FormData } | Bilingual> {
  let text: string | undefined;
  try {
    text = decodeText(await readInput(file));
  } catch (e) {
    return fsProblem(e, file);
  }
  if (text === undefined) return bilingual('excel.error.csvEncoding');
  let json: { formId?: unknown; data?: unknown };
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as { formId?: unknown; data?: unknown };
  } catch (e) {
    return bilingual('guard.json.invalid', { place: jsonErrorPlace(e) });
  }
  const form = typeof json?.formId === 'string' ? getForm(json.formId) : undefined;
  if (!form || !json.data || typeof json.data !== 'object') return bilingual('pdf.cli.unreadable', { detail: 'formId/data' });
  return { form, data: json.data as FormData };
}

/** `npm run guoyou -- check-pdf x.pdf` runs in the package root: paths are relative to where npm was started. */
function resolve(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

const checkPdf: Command = {
  summary: { zh: '检查 PDF 是否在签章页加盖公章', en: 'check that PDFs carry the seal on their signing page' },
  usage: 'check-pdf <files…> [--json] [--draft <draft.json>]',
  async run(args: string[], io: CliIO): Promise<number> {
    const locale: Locale = io.locale === 'en' ? 'en' : 'zh-CN';
    const files: string[] = [];
    let json = false;
    let draftFile: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--draft') draftFile = args[++i];
      else if (a.startsWith('--draft=')) draftFile = a.slice('--draft='.length);
      else if (a === '-h' || a === '--help') {
        io.out(t('pdf.cli.usage', undefined, locale));
        return 0;
      } else if (a.startsWith('-')) {
        io.err(t('pdf.cli.unknownOption', { option: a }, locale));
        io.err(t('pdf.cli.usage', undefined, locale));
        return 2;
      } else files.push(a);
    }
    if (files.length === 0 || (draftFile !== undefined && !draftFile)) {
      io.err(t('pdf.cli.usage', undefined, locale));
      return 2;
    }
    let draft: { form: FormDefinition; data: FormData } | undefined;
    if (draftFile) {
      const d = await readDraft(resolve(draftFile));
      if (!('form' in d)) {
        io.err(`${draftFile}: ${locale === 'en' ? d.en : d.zh}`);
        return 2;
      }
      draft = d;
    }
    const results: PdfCheckResult[] = [];
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = await readInput(resolve(file), PDF_LIMITS.maxBytes);
      } catch (e) {
        // An unreadable path is reported like any other failed file, so a batch still checks the rest.
        const code = (e as NodeJS.ErrnoException).code;
        const message = code === 'ENOENT' ? bilingual('pdf.cli.missing') : fsProblem(e, file);
        results.push({
          file,
          status: 'error',
          pages: 0,
          signaturePages: [],
          seals: [],
          reason: message,
          error: { code: 'not-pdf', message },
          textLayer: false,
          findings: [],
          ms: 0,
        });
        continue;
      }
      results.push(await checkPdfInNode(bytes, { fileName: file, draft }));
    }
    if (json) io.out(JSON.stringify(results.map(toJson), null, 2));
    else {
      for (const r of results) for (const l of formatText(r, locale)) io.out(l);
      io.out(t('pdf.cli.summary', { total: results.length, sealed: results.filter((r) => r.status === 'sealed').length }, locale));
    }
    return results.every((r) => r.status === 'sealed') ? 0 : 1;
  },
};

export default checkPdf;
