#!/usr/bin/env node
// `npm start` (see scripts/start/main.ts): build, serve the demo portal and the toolkit, open Chromium with the
// extension — or, with no display or `--headless`, run the demo flow headless, write screenshots, say where, exit.
import path from 'node:path';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { main } = await jiti.import(path.join(import.meta.dirname, 'start/main.ts'));
const code = await main(process.argv.slice(2));
// Exit explicitly: a stray handle (a socket, a timer in a library) must never keep `npm start` alive. First let
// piped output drain (process.exit would cut it short), with a bound in case the reader went away.
setTimeout(() => process.exit(code), 2000);
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
