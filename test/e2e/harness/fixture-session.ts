import { launchExtension, type ExtensionSession } from '../harness';
import { importBackup } from './autofill';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server';
import { fixtureBackup } from '../../fixtures/systems/drafts';

export interface FixtureSession {
  s: ExtensionSession;
  server: FixtureServer;
  close(): Promise<void>;
}

/** The fixture systems served locally, and Chromium with the extension holding the fixture drafts (imported as a user does). */
export async function startFixtureSession(): Promise<FixtureSession> {
  const server = await startFixtureServer();
  const s = await launchExtension();
  await importBackup(s, fixtureBackup());
  return {
    s,
    server,
    async close() {
      await s.close();
      await server.close();
    },
  };
}
