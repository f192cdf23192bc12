import { browser, type PublicPath } from 'wxt/browser';
import type { Kit } from '../kit';
import { CORE_KITS } from './index';
import { KIT_MODULES } from './all';

/**
 * Extension-page side of kits on demand: before the autofill or verify script reads a tab, each frame is probed with
 * every library kit's signature — the selectors of its component roots, faces, form items and upload areas, as data —
 * and only the kits whose signature matches are injected (`/kits/<file>.js`, one script per kit file, built by
 * wxt.config.ts). A kit already loaded in a frame is not injected again; one found later (a form rendered after the
 * first fill) is added on the next run, and page reading picks it up in place (lib/page/kits/index.ts).
 */

type Signature = [file: string, names: string[], selector: string];

const isKit = (v: unknown): v is Kit<string> => !!v && typeof v === 'object' && Array.isArray((v as Kit<string>).components);

export const KIT_SIGNATURES: Signature[] = Object.entries(KIT_MODULES).flatMap(([file, mod]) => {
  const kits = Object.values(mod).filter(isKit);
  if (!kits.length || kits.every((k) => CORE_KITS.includes(k.name))) return [];
  const selectors = kits.flatMap((k) => [
    ...k.components.map((c) => c.root),
    ...k.faces.map((f) => f.face),
    ...k.formItems.map((f) => f.item),
    ...k.uploadAreas,
  ]);
  return [[file, kits.map((k) => k.name), [...new Set(selectors)].join(', ')] satisfies Signature];
});

/** Runs in each frame (serialised by `executeScript`): the kit files the frame shows and has not loaded yet. */
function probe(signatures: Signature[]): string[] {
  const loaded = ((globalThis as unknown as { __guoyouKits?: { kits: Array<{ name: string }> } }).__guoyouKits?.kits ?? []).map(
    (k) => k.name,
  );
  return signatures
    .filter(([, names, selector]) => !names.every((n) => loaded.includes(n)) && document.querySelector(selector))
    .map(([file]) => file);
}

/** Inject into every frame of the tab the kits its page uses. A frame that refuses scripts is left as it is. */
export async function loadKits(tabId: number): Promise<void> {
  const found = await browser.scripting
    .executeScript({ target: { tabId, allFrames: true }, func: probe, args: [KIT_SIGNATURES] })
    .catch(() => []);
  const framesOf = new Map<string, number[]>();
  for (const r of found)
    for (const file of (r.result as string[] | undefined) ?? []) framesOf.set(file, [...(framesOf.get(file) ?? []), r.frameId]);
  await Promise.all(
    [...framesOf].map(([file, frameIds]) =>
      browser.scripting
        .executeScript({ target: { tabId, frameIds }, files: [`/kits/${file}.js` as Extract<PublicPath, `/kits/${string}`>] })
        .catch(() => undefined),
    ),
  );
}
