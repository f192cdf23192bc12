// Dexie in Node: a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
// Page reading with every library's kit, as on a page that shows them all (the extension injects them on demand).
import { registerAllKits } from '../lib/page/kits/all';
registerAllKits();
