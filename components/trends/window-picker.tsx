import Link from "next/link";
import { trendsHref, WINDOW_SIZES, type TrendsParams, type TrendUnit } from "@/lib/trends/params";

const PRESETS: { label: string; params: TrendsParams & { window: TrendUnit } }[] = [
  { label: "Last digest vs previous 5", params: { window: "digests", recent: 1, baseline: 5 } },
  { label: "Last 5 digests vs previous 20", params: { window: "digests", recent: 5, baseline: 20 } },
  { label: "Last 7 days vs previous 28", params: { window: "days", recent: 7, baseline: 28 } },
  { label: "Last 28 days vs previous 56", params: { window: "days", recent: 28, baseline: 56 } },
];

/**
 * The windows as links (the URL is the state: each view can be shared), and a form for any
 * other sizes; both work without JavaScript. Windows of days are offered only for dated digests.
 */
export function WindowPicker({
  current,
  datesKnown,
}: {
  current: { unit: TrendUnit; recent: number; baseline: number };
  datesKnown: boolean;
}) {
  const presets = PRESETS.filter((p) => datesKnown || p.params.window === "digests");
  const field = "w-20 rounded-md border border-stone-300 bg-white px-2 py-1 tabular-nums dark:border-stone-700 dark:bg-stone-900";
  return (
    <div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-3">
      <nav aria-label="Windows">
        <ul className="flex flex-wrap gap-2 text-sm">
          {presets.map((p) => {
            const active =
              p.params.window === current.unit && p.params.recent === current.recent && p.params.baseline === current.baseline;
            return (
              <li key={p.label}>
                <Link
                  href={trendsHref(p.params)}
                  aria-current={active ? "page" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 ${
                    active
                      ? "border-accent-600 bg-accent-600 text-white"
                      : "border-stone-300 hover:border-accent-500 dark:border-stone-700"
                  }`}
                >
                  {p.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form action="/trends" method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-stone-600 dark:text-stone-400">Count</span>
          <select
            name="window"
            defaultValue={current.unit}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          >
            <option value="digests">digests</option>
            {datesKnown && <option value="days">days</option>}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-stone-600 dark:text-stone-400">Recent</span>
          <input
            name="recent"
            type="number"
            min={1}
            max={Math.max(WINDOW_SIZES.digests.maxRecent, WINDOW_SIZES.days.maxRecent)}
            defaultValue={current.recent}
            className={field}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-stone-600 dark:text-stone-400">Compared with the previous</span>
          <input
            name="baseline"
            type="number"
            min={1}
            max={Math.max(WINDOW_SIZES.digests.maxBaseline, WINDOW_SIZES.days.maxBaseline)}
            defaultValue={current.baseline}
            className={field}
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-300 px-3 py-1 font-medium hover:border-accent-500 dark:border-stone-700"
        >
          Compare
        </button>
      </form>
    </div>
  );
}
