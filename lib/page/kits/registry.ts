import type { Kit } from '../kit';

/**
 * The kits present in this frame, shared by every script of the extension that runs in it. Page reading bundles only
 * the generic kits (ARIA, native controls); a library's kit is a script of its own (`/kits/<name>.js`), injected by
 * the extension where its signature matches (see ./load.ts), that registers here. The registry lives on the content
 * scripts' global (the isolated world, which the page cannot see), so a kit injected once serves the autofill and the
 * verify scripts alike, whichever of them ran first.
 */

type AnyKit = Kit<string>;

interface Registry {
  kits: AnyKit[];
  listeners: Array<(kit: AnyKit) => void>;
}

const KEY = '__guoyouKits';

function registry(): Registry {
  const g = globalThis as unknown as Record<typeof KEY, Registry | undefined>;
  return (g[KEY] ??= { kits: [], listeners: [] });
}

const isKit = (v: unknown): v is AnyKit =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as AnyKit).name === 'string' &&
  Array.isArray((v as AnyKit).components) &&
  !!(v as AnyKit).drivers;

/** Register the kits among `values` (a kit module's exports); a kit already registered is not added twice. */
export function registerKits(values: readonly unknown[]): void {
  const r = registry();
  for (const kit of values.filter(isKit)) {
    if (r.kits.some((k) => k.name === kit.name)) continue;
    r.kits.push(kit);
    for (const l of r.listeners) l(kit);
  }
}

/** Call `listener` with every kit registered so far and every kit registered later. */
export function onKitRegistered(listener: (kit: AnyKit) => void): void {
  const r = registry();
  for (const k of r.kits) listener(k);
  r.listeners.push(listener);
}
