#!/usr/bin/env node
// `npm run screenshots`: the README's pictures from the headless demo (see readme-shots.ts).
import path from 'node:path';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { readmeShots } = await jiti.import(path.join(import.meta.dirname, 'readme-shots.ts'));
const code = await readmeShots(process.argv.slice(2));
setTimeout(() => process.exit(code), 2000);
process.stdout.write('', () => process.exit(code));
