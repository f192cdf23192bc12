import path from 'node:path';
import type { Bilingual } from '../../lib/forms/types';
import { messages } from '../../lib/i18n/messages';

export interface StartOptions {
  /** Run the demo flow without a window even when a display exists. */
  headless: boolean;
  /** Folder for screenshots and exports; default `out/demo-<timestamp>/`. */
  out: string;
  /** Reuse existing builds (GUOYOU_EXTENSION_DIR / the toolkit folder) instead of building. */
  build: boolean;
  /** Global time limit for the headless flow, seconds. */
  timeoutSeconds: number;
  locale: 'zh-CN' | 'en';
}

export type ParseResult = { ok: true; options: StartOptions } | { ok: false; error: Bilingual };

/** `out/demo-2026-11-29T14-15-16` — sortable, and legal on every OS. */
export function defaultOutDir(root: string, now: Date = new Date()): string {
  return path.join(root, 'out', `demo-${now.toISOString().slice(0, 19).replace(/:/g, '-')}`);
}

/** Parse `npm start -- …` arguments. Unknown flags are refused rather than ignored. */
export function parseStartArgs(argv: string[], root: string, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): ParseResult {
  const o: StartOptions = {
    headless: false,
    out: defaultOutDir(root, now),
    build: true,
    timeoutSeconds: 300,
    locale: (env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN',
  };
  const bad = (arg: string): ParseResult => {
    const m = messages['toolkit.start.badArg'];
    const usage = messages['toolkit.start.usage'];
    return { ok: false, error: { zh: `${m.zh.replace('{arg}', arg)}\n${usage.zh}`, en: `${m.en.replace('{arg}', arg)}\n${usage.en}` } };
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--headless':
        o.headless = true;
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--out': {
        const v = value();
        if (!v) return bad(flag);
        o.out = path.resolve(root, v);
        break;
      }
      case '--timeout': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0) return bad(argv[i] ?? flag);
        o.timeoutSeconds = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'zh' && v !== 'zh-CN') return bad(`--lang ${v ?? ''}`);
        o.locale = v === 'en' ? 'en' : 'zh-CN';
        break;
      }
      default:
        return bad(argv[i]!);
    }
  }
  return { ok: true, options: o };
}
