// Dexie in Node: a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
