import { browser } from 'wxt/browser';
import { NO_POLICY, parseManagedPolicy, type PolicyState } from './policy';
import { exportAllowed } from './merge';

type ManagedArea = { get(keys?: null): Promise<Record<string, unknown>> };
type StorageEvents = {
  addListener(l: (changes: object, area: string) => void): void;
  removeListener(l: (changes: object, area: string) => void): void;
};

function storage(): { managed?: ManagedArea; onChanged?: StorageEvents } | undefined {
  // The static toolkit (a web page) has no extension APIs: no policy there.
  return (browser as unknown as { storage?: { managed?: ManagedArea; onChanged?: StorageEvents } } | undefined)?.storage;
}

/**
 * The organisation's policy from `storage.managed`. An absent API (the toolkit), a browser without a policy store for
 * the extension (Firefox without its native manifest rejects the read) or an empty area is "no policy"; an invalid
 * policy is ignored with a console warning and returned with its error, for the dashboard to show.
 */
export async function readManagedPolicy(): Promise<PolicyState> {
  const area = storage()?.managed;
  if (!area) return NO_POLICY;
  let raw: unknown;
  try {
    raw = await area.get(null);
  } catch {
    return NO_POLICY;
  }
  const state = parseManagedPolicy(raw);
  if (state.error) console.warn(`[guoyou] ${state.error.en}`);
  return state;
}

/** Call `listener` when the administrator changes the policy (Chrome re-reads policies while it runs). */
export function onManagedPolicyChange(listener: () => void): () => void {
  const events = storage()?.onChanged;
  if (!events) return () => undefined;
  const l = (_: object, area: string) => {
    if (area === 'managed') listener();
  };
  events.addListener(l);
  return () => events.removeListener(l);
}

/** Checked by every export path right before a draft leaves, whatever its button showed. */
export async function exportRefused(): Promise<boolean> {
  return !exportAllowed((await readManagedPolicy()).policy);
}
