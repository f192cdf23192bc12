import { version } from '../../package.json';

/**
 * The product's version, the same in the extension (WXT copies it into the manifest) and in the static toolkit,
 * where `browser.runtime.getManifest()` does not exist. Written into draft files and backups.
 */
export const APP_VERSION: string = version;
