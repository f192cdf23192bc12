import { browser } from 'wxt/browser';
import { matchesPattern, sitePattern } from '../autofill/url-pattern';
import type { GuoyouDB } from '../db/schema';
import { VaultLockedError } from '../db/keyring';
import { MessageError } from '../messaging/define';
import type { pdfMessages } from '../messaging/areas/pdf';
import { actingUrl, type Handlers } from '../messaging/router';
import { rateLimiter } from './rate-limit';
import { OFFSCREEN_TARGET, type OffscreenCheckReply, type OffscreenCheckRequest } from './offscreen-messages';
import { uploadPolicySchema, type UploadPolicy } from './result-schema';
import { bilingual } from './text';
import { readManagedPolicy } from '../managed/read';
import { managedUploadPolicy } from '../managed/merge';

/** Id of the dynamic content script that watches file inputs on permitted sites. */
export const UPLOAD_GUARD_SCRIPT_ID = 'guoyou-upload-guard';
export const POLICY_SETTING = 'pdf.uploadPolicy';
const OFFSCREEN_URL = 'offscreen.html';

/**
 * Register the upload guard on every site the user has permitted (granted host permissions), so a PDF chosen there
 * is checked before submit. Re-run when permissions change.
 */
export async function syncUploadGuard(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const origins = ((await browser.permissions.getAll()).origins ?? []).filter((o) => /^(https?|\*):\/\//.test(o));
  const existing = await scripting.getRegisteredContentScripts({ ids: [UPLOAD_GUARD_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [UPLOAD_GUARD_SCRIPT_ID] });
  if (!origins.length) return;
  await scripting.registerContentScripts([
    {
      id: UPLOAD_GUARD_SCRIPT_ID,
      matches: origins,
      js: ['content-scripts/upload-guard.js'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

async function readPolicies(db: GuoyouDB): Promise<Record<string, UploadPolicy>> {
  const row = await db.settings.get(POLICY_SETTING);
  const out: Record<string, UploadPolicy> = {};
  if (row && row.value && typeof row.value === 'object') {
    for (const [k, v] of Object.entries(row.value as Record<string, unknown>)) {
      const p = uploadPolicySchema.safeParse(v);
      if (p.success) out[k] = p.data;
    }
  }
  return out;
}

/**
 * The organisation's policy wins (its per-site entry, then its adapters'); else a site adapter's `pdfPolicy`; else the
 * site's setting; else warn only (never remove a user's file silently).
 */
export async function policyFor(db: GuoyouDB, url: string): Promise<UploadPolicy> {
  const managed = managedUploadPolicy((await readManagedPolicy()).policy, url);
  if (managed) return managed;
  const adapters = await db.siteAdapters.toArray();
  const fromAdapter = adapters.find((a) => a.pdfPolicy && matchesPattern(a.urlPattern, url))?.pdfPolicy;
  if (fromAdapter) return fromAdapter;
  let pattern: string;
  try {
    pattern = sitePattern(url);
  } catch {
    return 'warn';
  }
  return (await readPolicies(db))[pattern] ?? 'warn';
}

let creating: Promise<void> | undefined;

/** The one offscreen document (Chrome allows one per extension), created on first use. */
async function ensureOffscreen(): Promise<void> {
  const offscreen = (
    browser as unknown as { offscreen?: { createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void> } }
  ).offscreen;
  if (!offscreen) throw new MessageError(bilingual('pdf.guard.noOffscreen'));
  const contexts = await (browser.runtime as unknown as { getContexts(f: { contextTypes: string[] }): Promise<unknown[]> }).getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
  });
  if (contexts.length) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['WORKERS'],
      justification: 'Check PDFs for the official seal with pdf.js and its worker, on this computer.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/**
 * Firefox has no offscreen documents, but its MV3 background is an event page with a DOM (document, canvas, Worker):
 * the same queue runs there directly. Only the Firefox build carries pdf.js in its background; Chromium's service
 * worker has no DOM and keeps using the offscreen document.
 */
async function checkHere(payload: OffscreenCheckRequest['payload']): Promise<OffscreenCheckReply | undefined> {
  if (!import.meta.env.FIREFOX || typeof document === 'undefined') return undefined;
  const { queuePdfCheck } = await import('./check-queue');
  return queuePdfCheck(payload);
}

async function checkInOffscreen(payload: OffscreenCheckRequest['payload']) {
  let reply = await checkHere(payload);
  if (!reply) {
    await ensureOffscreen();
    const message: OffscreenCheckRequest = { target: OFFSCREEN_TARGET, type: 'pdf.offscreen.check', payload };
    reply = (await browser.runtime.sendMessage(message)) as OffscreenCheckReply | undefined;
  }
  if (!reply) throw new MessageError(bilingual('pdf.guard.noOffscreen'));
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.result;
}

const guardRate = rateLimiter({ max: 6, perMs: 60_000 });

function unlessLocked(e: unknown): undefined {
  if (e instanceof VaultLockedError) return undefined;
  throw e;
}

/** The background's handlers for the PDF messages. */
export function pdfHandlers(getDb: () => GuoyouDB): Handlers<typeof pdfMessages> {
  return {
    'pdf.check': async ({ name, data, url: claimed, draftId }, sender) => {
      const db = getDb();
      const url = actingUrl(sender, claimed);
      // One page may not keep the checker busy: a few files a minute per tab is what a person chooses.
      if (sender.tab?.id !== undefined && url === sender.url && !guardRate.take(`${sender.tab.id}`))
        throw new MessageError(bilingual('pdf.guard.rateLimited'));
      // Drafts locked by a passphrase: the seal is still checked; only the comparison with the draft is left out.
      const row = draftId ? await db.drafts.get(draftId).catch(unlessLocked) : undefined;
      const draft = row ? { formId: row.formId, data: row.data } : undefined;
      const [result, policy, localeRow] = await Promise.all([
        checkInOffscreen({ name, data, draft }),
        policyFor(db, url),
        db.settings.get('ui.locale'),
      ]);
      // The verdict speaks the language the user chose in the extension.
      return { result, policy, locale: localeRow?.value === 'en' ? ('en' as const) : ('zh-CN' as const) };
    },
    'pdf.policy.list': async () => {
      const [policies, { policy: managed }] = await Promise.all([readPolicies(getDb()), readManagedPolicy()]);
      const locked = managed?.uploadPolicy ?? {};
      const origins = ((await browser.permissions.getAll()).origins ?? []).filter((o) => /^(https?|\*):\/\//.test(o));
      const patterns = [...new Set([...origins, ...Object.keys(policies), ...Object.keys(locked)])].sort();
      return {
        sites: patterns.map((pattern) =>
          locked[pattern] ? { pattern, policy: locked[pattern], managed: true as const } : { pattern, policy: policies[pattern] ?? 'warn' },
        ),
      };
    },
    'pdf.policy.set': async ({ pattern, policy }) => {
      if ((await readManagedPolicy()).policy?.uploadPolicy[pattern]) throw new MessageError(bilingual('managed.uploadLocked'));
      const db = getDb();
      await db.transaction('rw', db.settings, async () => {
        const policies = await readPolicies(db);
        policies[pattern] = policy;
        await db.settings.put({ key: POLICY_SETTING, value: policies });
      });
      return {};
    },
  };
}
