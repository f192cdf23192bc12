/**
 * The extension and toolkit as an earlier release shipped them, built from git, for the upgrade test (issue 17 §5).
 * The release is the newest `v*` tag older than package.json's version (or `GUOYOU_UPGRADE_FROM`); in a clone without
 * tags, the commit before package.json's version was raised to the current one. Its
 * tree is taken with `git archive`, installed with its own lockfile and built once into a cache keyed by commit, so a
 * second run costs nothing. Where there is no git history or no earlier tag the caller skips, saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface PreviousBuild {
  tag: string;
  commit: string;
  /** The unpacked Chromium extension (built with the e2e test hosts, as the current one is). */
  extensionDir: string;
  /** The static toolkit (index.html inside). */
  toolkitDir: string;
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** Orders `v1.2.3` tags by their numbers. */
function versionKey(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
}
function older(a: string, b: string): boolean {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** `package.json`'s version at a commit. */
function versionAt(commit: string): string {
  return (JSON.parse(git('show', `${commit}:package.json`)) as { version: string }).version;
}

/**
 * Without tags (a clean clone of the branch has none): the previous release is the tree just before the commit that
 * set package.json's current version — the last commit that still carried the older version.
 */
function releaseFromHistory(current: string): { tag: string; commit: string } | undefined {
  let bump: string | undefined;
  for (const c of git('log', '--format=%H', '--', 'package.json').split('\n').filter(Boolean)) {
    const v = versionAt(c);
    if (v === current) bump = c;
    else if (older(v, current)) break;
  }
  if (!bump) return undefined;
  try {
    const commit = git('rev-parse', `${bump}^`);
    return { tag: `v${versionAt(commit)}`, commit };
  } catch {
    return undefined; // a shallow clone ends at the bump
  }
}

/** The release to upgrade from: a tag, else the history of package.json's version; or why there is none here. */
export function previousRelease(): { tag: string; commit: string } | { skip: string } {
  const current = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  let tags: string[];
  try {
    tags = git('tag', '--list', 'v*').split('\n').filter(Boolean);
  } catch {
    return { skip: 'no git history here (the upgrade test builds the previous release from git)' };
  }
  const wanted = process.env.GUOYOU_UPGRADE_FROM;
  const tag = wanted ?? tags.filter((t) => older(t, current)).sort((a, b) => (older(a, b) ? 1 : -1))[0];
  if (tag) return { tag, commit: git('rev-parse', `${tag}^{commit}`) };
  return (
    releaseFromHistory(current) ?? {
      skip: `no release older than ${current} in this clone's history (a shallow clone? git fetch --unshallow)`,
    }
  );
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', ...env } });
}

/** Builds (or finds in the cache) the extension and toolkit of `tag`. Takes a few minutes the first time. */
export function previousBuild(release: { tag: string; commit: string }): PreviousBuild {
  const root = path.join(process.env.GUOYOU_CACHE ?? path.join(homedir(), '.cache', 'guoyou'), 'releases', release.commit);
  const extensionDir = path.join(root, '.output', 'e2e', 'chrome-mv3');
  const toolkitDir = path.join(root, 'dist', 'toolkit');
  const done = path.join(root, '.built');
  if (!existsSync(done)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${release.commit} | tar -x -C "${root}"`], { stdio: 'inherit' });
    run('npm', ['ci', '--no-audit', '--no-fund'], root);
    run(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build'], root, { GUOYOU_TEST_HOSTS: '1', WXT_OUT_DIR: '.output/e2e' });
    run('npm', ['run', '--silent', 'build:toolkit'], root);
    execFileSync('touch', [done]);
  }
  return { ...release, extensionDir, toolkitDir };
}
