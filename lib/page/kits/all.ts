import { registerKits } from './registry';

/**
 * Every kit file of this folder, by file name (`antd`, `element-plus`): what the extension's pages probe pages for
 * (./load.ts), and what unit tests and benches load at once. Files that declare no kit (helpers, this registry) are
 * left out by the kits' shape, not by a list.
 */
export const KIT_MODULES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./index.ts', '!./all.ts', '!./load.ts', '!./registry.ts'], {
      eager: true,
    }),
  ).map(([file, mod]) => [file.replace(/^\.\/|\.ts$/g, ''), mod]),
);

/** Load every kit into this realm (unit tests, bench pages): as if each kit script had been injected. */
export function registerAllKits(): void {
  for (const mod of Object.values(KIT_MODULES)) registerKits(Object.values(mod));
}
