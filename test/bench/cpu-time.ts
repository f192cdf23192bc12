/**
 * On-CPU time of a headless Chromium's renderer main threads (Linux: /proc/<pid>/task/<pid>/schedstat, ns), so a
 * bench can report what a step cost the page's thread rather than the wall time, which a loaded machine inflates
 * several times over. Elsewhere (no /proc) `rendererCpu` returns undefined and benches report wall time only.
 */
import fs from 'node:fs';

function children(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid);
      if (list) list.push(Number(d));
      else kids.set(ppid, [Number(d)]);
    } catch {
      // (The process ended meanwhile.)
    }
  }
  return kids;
}

/** A reader of the summed on-CPU ms of the renderer main threads under `browserPid`, or undefined without /proc. */
export function rendererCpu(browserPid: number | undefined): (() => number) | undefined {
  if (!browserPid || !fs.existsSync(`/proc/${browserPid}/stat`)) return undefined;
  const kids = children();
  const files: string[] = [];
  const walk = (p: number): void => {
    for (const k of kids.get(p) ?? []) {
      try {
        if (fs.readFileSync(`/proc/${k}/cmdline`, 'utf8').includes('--type=renderer')) files.push(`/proc/${k}/task/${k}/schedstat`);
      } catch {
        // (Ended meanwhile.)
      }
      walk(k);
    }
  };
  walk(browserPid);
  if (!files.length) return undefined;
  return () => {
    let ns = 0;
    for (const f of files) {
      try {
        ns += Number(fs.readFileSync(f, 'utf8').split(' ')[0]);
      } catch {
        // (A renderer that ended counts no more.)
      }
    }
    return ns / 1e6;
  };
}
