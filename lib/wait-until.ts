// One way to wait for a condition (a task finished, a server answering, a lock free): poll
// `check` until it returns a value other than undefined, or give up after `timeoutMs`.

export class WaitTimeout extends Error {}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * With `maxIntervalMs`, the interval doubles after each poll up to it: for waits that may be
 * short or last minutes (a task of a few thousand documents), without polling minutes long at
 * the first rate.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  {
    timeoutMs,
    intervalMs = 100,
    maxIntervalMs = intervalMs,
    what = "condition",
  }: { timeoutMs: number; intervalMs?: number; maxIntervalMs?: number; what?: string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let interval = intervalMs; ; interval = Math.min(interval * 2, Math.max(intervalMs, maxIntervalMs))) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new WaitTimeout(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}
