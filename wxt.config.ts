import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// E2E and the headless demo build the extension with host access to the local fixture servers granted up front,
// because Chromium's permission prompt cannot be answered by automation. The published build asks per site at run time.
const localTestHosts = process.env.GUOYOU_TEST_HOSTS === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

/** Firefox's add-on id: fixed, so storage, granted sites and the managed policy (keyed by id) survive updates. */
export const GECKO_ID = 'guoyou-form-assistant@guoyou.invalid';

const KITS_DIR = path.resolve(import.meta.dirname, 'lib/page/kits');

/**
 * One unlisted script per library kit (`/kits/<file>.js`), generated from the kit files of lib/page/kits: every file
 * that declares a kit, except the kits page reading bundles itself (the value imports of its index.ts). Each script
 * registers its file's kits; lib/page/kits/load.ts injects it where the kit's signature matches.
 */
function kitEntrypoints(wxtDir: string, outDir: string) {
  const core = new Set(
    [...readFileSync(path.join(KITS_DIR, 'index.ts'), 'utf8').matchAll(/^import \{[^}]*\} from '\.\/([\w-]+)';$/gm)].map((m) => m[1]),
  );
  const dir = path.join(wxtDir, 'kits');
  mkdirSync(dir, { recursive: true });
  return readdirSync(KITS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !core.has(f.slice(0, -3)))
    .filter((f) => /\bdefineKit\(/.test(readFileSync(path.join(KITS_DIR, f), 'utf8')))
    .map((f) => {
      const name = f.slice(0, -3);
      const inputPath = path.join(dir, `${name}.ts`);
      writeFileSync(
        inputPath,
        [
          `import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';`,
          `import * as kit from ${JSON.stringify(path.join(KITS_DIR, name))};`,
          `import { registerKits } from ${JSON.stringify(path.join(KITS_DIR, 'registry'))};`,
          `export default defineUnlistedScript(() => registerKits(Object.values(kit)));`,
          '',
        ].join('\n'),
      );
      return { type: 'unlisted-script' as const, name, inputPath, outputDir: path.join(outDir, 'kits'), options: {}, skipped: false };
    });
}

export default defineConfig({
  imports: false,
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const kit of kitEntrypoints(wxt.config.wxtDir, wxt.config.outDir)) entrypoints.push(kit);
      // Firefox's background is an event page with a DOM, and the upload guard's PDF check runs there (no offscreen
      // documents). As an ES module it is built with the pages: pdf.js, its worker and data files stay separate files
      // loaded on the first check, not data: URLs inlined into a classic script (where the worker would not start).
      if (wxt.config.browser === 'firefox')
        for (const e of entrypoints) if (e.type === 'background') e.options = { ...e.options, type: 'module' };
    },
  },
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifestVersion: 3,
  // `npm run zip` (scripts/zip.mjs): the Firefox build also gets the sources zip addons.mozilla.org asks for — what
  // `npm ci && npm run build:firefox` needs to rebuild it, without tests, fixtures or screenshots.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/check-node.cjs',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'CHANGELOG.md',
      'docs/admin.md',
    ],
  },
  vite: () => ({
    plugins: [preact()],
    resolve: { dedupe: ['preact'] },
    build: {
      // `npm run bench -- size` attributes the injected scripts' bytes to their sources through the maps.
      sourcemap: process.env.GUOYOU_SOURCEMAP === '1',
      rolldownOptions: {
        // The kits' driver factories have no side effects: a script that takes one export of a kit (the upload
        // guard takes upload areas) does not carry the rest.
        treeshake: { manualPureFunctions: ['defineKit', 'popupSelect', 'toggleDriver', 'numberBox', 'cascaderDriver'] },
      },
    },
  }),
  // The same code for both families; only what the manifest must say differs (`wxt build -b firefox`).
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'zh_CN',
      // Firefox has no offscreen documents (and no `offscreen` permission).
      permissions: ['storage', 'scripting', 'activeTab', 'unlimitedStorage', ...(firefox ? [] : ['offscreen'])],
      optional_host_permissions: ['http://*/*', 'https://*/*'],
      ...(localTestHosts.length ? { host_permissions: localTestHosts } : {}),
      action: { default_title: '__MSG_extName__' },
      content_security_policy: {
        extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // 128 ESR: MV3 with persistent registered content scripts and storage.session.
                strict_min_version: '128.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : // The organisation's policy (docs/admin.md); Firefox reads managed storage from a native manifest instead.
          { minimum_chrome_version: '116', storage: { managed_schema: 'managed_schema.json' } }),
    };
  },
});
