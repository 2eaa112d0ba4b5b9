// One way to wait for a condition (a task finished, a server answering, a lock free): poll
// `check` until it returns a value other than undefined, or give up after `timeoutMs`.

export class WaitTimeout extends Error {}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs, intervalMs = 100, what = "condition" }: { timeoutMs: number; intervalMs?: number; what?: string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new WaitTimeout(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}
