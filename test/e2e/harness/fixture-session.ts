import { afterAll, beforeAll } from 'vitest';
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

/**
 * One fixture session for a test file: started before its tests (after `prepare`, e.g. building a fixture) and closed
 * after them. Read `s` and `server` inside tests, once the session exists.
 */
export function useFixtureSession(prepare?: () => Promise<void>): { readonly s: ExtensionSession; readonly server: FixtureServer } {
  let session: FixtureSession | undefined;
  beforeAll(async () => {
    await prepare?.();
    session = await startFixtureSession();
  });
  afterAll(() => session?.close());
  const live = (): FixtureSession => {
    if (!session) throw new Error('the fixture session has not started');
    return session;
  };
  return {
    get s() {
      return live().s;
    },
    get server() {
      return live().server;
    },
  };
}
