#!/usr/bin/env node
// The `guoyou` CLI. The logic is TypeScript in lib/cli and shared with the extension; jiti runs it without a build step.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { main } = await jiti.import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
