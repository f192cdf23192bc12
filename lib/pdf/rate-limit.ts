/**
 * A sliding-window limiter: at most `max` events per `perMs` for each key (a tab, a page). The upload guard uses it on
 * both sides, so a page cannot make the extension parse file after file (issue 13 §8).
 */
export function rateLimiter({ max, perMs }: { max: number; perMs: number }, now: () => number = () => Date.now()) {
  const seen = new Map<string, number[]>();
  return {
    /** Records an event for `key`; false when the key has used its allowance. */
    take(key: string): boolean {
      const t = now();
      const recent = (seen.get(key) ?? []).filter((x) => t - x < perMs);
      if (recent.length >= max) {
        seen.set(key, recent);
        return false;
      }
      recent.push(t);
      seen.set(key, recent);
      return true;
    },
  };
}
