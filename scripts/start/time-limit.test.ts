import { describe, expect, it, vi } from 'vitest';
import { withTimeLimit } from './time-limit';

describe('withTimeLimit', () => {
  it('returns the result of work that finishes in time, without cleaning up', async () => {
    const onTimeout = vi.fn(async () => undefined);
    await expect(withTimeLimit(Promise.resolve(42), 1, 'zh-CN', onTimeout)).resolves.toBe(42);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('passes on the failure of work that fails in time', async () => {
    await expect(withTimeLimit(Promise.reject(new Error('boom')), 1, 'en', async () => undefined)).rejects.toThrow('boom');
  });

  it('stops work that never finishes: cleans up, then says how long it waited and what to do', async () => {
    vi.useFakeTimers();
    try {
      const onTimeout = vi.fn(async () => undefined);
      const p = withTimeLimit(new Promise<never>(() => undefined), 90, 'zh-CN', onTimeout);
      const settled = expect(p).rejects.toThrow(/90 秒内未完成.*--timeout/s);
      await vi.advanceTimersByTimeAsync(90_000);
      await settled;
      expect(onTimeout).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the English message when the locale is English, even if clean-up fails', async () => {
    vi.useFakeTimers();
    try {
      const p = withTimeLimit(new Promise<never>(() => undefined), 5, 'en', async () => {
        throw new Error('browser already gone');
      });
      const settled = expect(p).rejects.toThrow('did not finish within 5 s');
      await vi.advanceTimersByTimeAsync(5_000);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });
});
