import type { SiteAdapter } from '../autofill/adapter-schema';
import { matchesPattern } from '../autofill/url-pattern';
import type { UploadPolicy } from '../pdf/result-schema';
import type { StoredList } from '../reference';
import type { ValidateOptions } from '../rules/types';
import type { ManagedPolicy } from './policy';

/**
 * The user's settings with the organisation's policy on top: a managed value always wins, and nothing of the policy is
 * stored in the user's database, so no import, restore or edit can overwrite it. Pure; `policy` null = no policy.
 */

export type ListedAdapter = SiteAdapter & { managed?: true };

/** Managed adapters first (marked), then the user's — except one with the id of a managed adapter, which it shadows. */
export function mergeAdapters(user: SiteAdapter[], policy: ManagedPolicy | null): ListedAdapter[] {
  const managed = policy?.siteAdapters ?? [];
  const ids = new Set(managed.map((a) => a.id));
  return [...managed.map((a) => ({ ...a, managed: true as const })), ...user.filter((a) => !ids.has(a.id))];
}

export function isManagedAdapter(policy: ManagedPolicy | null, id: string): boolean {
  return !!policy?.siteAdapters.some((a) => a.id === id);
}

/** The upload guard's policy for `url` when the organisation sets it: its per-site entry, else a managed adapter's. */
export function managedUploadPolicy(policy: ManagedPolicy | null, url: string): UploadPolicy | undefined {
  if (!policy) return undefined;
  const site = Object.entries(policy.uploadPolicy).find(([pattern]) => matchesPattern(pattern, url));
  if (site) return site[1];
  return policy.siteAdapters.find((a) => a.pdfPolicy && matchesPattern(a.urlPattern, url))?.pdfPolicy;
}

/** Reference-list overrides for `loadReferenceData`: the user's imports, each replaced by a managed list with its id. */
export function mergeReferenceLists(user: StoredList[], policy: ManagedPolicy | null): StoredList[] {
  const managed = policy?.referenceLists ?? [];
  const ids = new Set<string>(managed.map((l) => l.id));
  return [...user.filter((l) => !ids.has(l.id)), ...managed.map((l) => ({ ...l, items: [...l.items] }))];
}

/** The rules' options for a form: the managed batch deadline when the policy names this form. */
export function validateOptions(policy: ManagedPolicy | null, formId: string): ValidateOptions {
  const deadlines = policy?.deadlines ?? {};
  return formId in deadlines ? { deadline: deadlines[formId] ?? null } : {};
}

/** Whether drafts may leave (Excel export, backup export, print): only an explicit `exportAllowed: false` forbids it. */
export function exportAllowed(policy: ManagedPolicy | null): boolean {
  return policy?.exportAllowed !== false;
}
