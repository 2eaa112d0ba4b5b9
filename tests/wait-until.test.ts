import { afterEach, describe, expect, it, vi } from "vitest";
import { waitUntil, WaitTimeout } from "@/lib/wait-until";

/** The gaps between the polls of a wait that is satisfied at its `polls`-th check. */
async function gaps(polls: number, options: { intervalMs: number; maxIntervalMs?: number }): Promise<number[]> {
  const times: number[] = [];
  const wait = waitUntil(
    () => {
      times.push(Date.now());
      return times.length === polls ? "done" : undefined;
    },
    { timeoutMs: 60_000, ...options },
  );
  await vi.runAllTimersAsync();
  expect(await wait).toBe("done");
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe("waitUntil", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("polls at a steady interval by default", async () => {
    vi.useFakeTimers();
    expect(await gaps(5, { intervalMs: 25 })).toEqual([25, 25, 25, 25]);
  });

  it("doubles the interval up to maxIntervalMs", async () => {
    vi.useFakeTimers();
    expect(await gaps(7, { intervalMs: 50, maxIntervalMs: 400 })).toEqual([50, 100, 200, 400, 400, 400]);
  });

  it("still gives up at the deadline", async () => {
    vi.useFakeTimers();
    const wait = waitUntil(() => undefined, { timeoutMs: 1_000, intervalMs: 50, maxIntervalMs: 400, what: "nothing" });
    const failed = expect(wait).rejects.toThrow(WaitTimeout);
    await vi.runAllTimersAsync();
    await failed;
  });
});
