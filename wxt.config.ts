import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// E2E and the headless demo build the extension with host access to the local fixture servers granted up front,
// because Chromium's permission prompt cannot be answered by automation. The published build asks per site at run time.
const localTestHosts = process.env.GUOYOU_TEST_HOSTS === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

export default defineConfig({
  imports: false,
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    resolve: { dedupe: ['preact'] },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    minimum_chrome_version: '116',
    permissions: ['storage', 'scripting', 'activeTab', 'offscreen', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(localTestHosts.length ? { host_permissions: localTestHosts } : {}),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
  },
});
