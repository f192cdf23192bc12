import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired up in lib/messaging: the service worker only routes messages; it keeps no state in memory.
});
