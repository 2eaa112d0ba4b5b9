import Link from "next/link";
import type { CountedPeriod } from "@/lib/trends/load";
import { percent, type TopicTrend } from "@/lib/trends/rank";
import { Sparkline } from "./sparkline";

const CELL = "px-2 py-2 sm:px-4";

/** The change in percentage points: "+5.9", "−0.3", "+<0.1". */
function points(change: number): string {
  const sign = change > 0 ? "+" : "−";
  const value = Math.abs(change * 100);
  return value < 0.05 ? `${sign}<0.1` : `${sign}${value.toFixed(1)}`;
}

const titleCase = (name: string) => name.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase());

/** Topics that rose (or fell): their papers and share in each window, the change, and a chart. */
export function TopicTrendTable({
  id,
  title,
  topics,
  recent,
  baseline,
  chartPoints,
}: {
  id: string;
  title: string;
  topics: TopicTrend[];
  recent: CountedPeriod;
  baseline: CountedPeriod;
  chartPoints: CountedPeriod[];
}) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {topics.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">None.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-sm">
            <caption className="sr-only">
              {title}: papers and share of all papers in {recent.name} and in {baseline.name}, the change in percentage points,
              and the share at each point of the chart
            </caption>
            <thead className="text-left text-xs text-stone-600 dark:text-stone-400">
              <tr className="border-b border-stone-200 dark:border-stone-800">
                <th scope="col" className={`${CELL} font-medium`}>
                  Topic
                </th>
                <th scope="col" className={`${CELL} text-right font-medium`}>
                  {titleCase(recent.name)}
                </th>
                <th scope="col" className={`${CELL} hidden text-right font-medium sm:table-cell`}>
                  {titleCase(baseline.name)}
                </th>
                <th scope="col" className={`${CELL} text-right font-medium`}>
                  Change <span className="font-normal">(pts)</span>
                </th>
                <th scope="col" className={`${CELL} font-medium`}>
                  <span className="sr-only sm:not-sr-only">Share over time</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {topics.map((t) => (
                <tr key={t.slug}>
                  <th scope="row" className={`${CELL} text-left font-medium`}>
                    <Link href={`/topics/${t.slug}`} className="hover:text-accent-600 hover:underline">
                      {t.name}
                    </Link>
                  </th>
                  <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>
                    <span className="hidden sm:inline">{t.recent.papers.toLocaleString("en-US")} </span>
                    <span className="text-stone-600 dark:text-stone-400">
                      <span className="hidden sm:inline">(</span>
                      {percent(t.recent.share)}
                      <span className="hidden sm:inline">)</span>
                    </span>
                  </td>
                  <td className={`${CELL} hidden text-right whitespace-nowrap tabular-nums sm:table-cell`}>
                    {t.baseline.papers.toLocaleString("en-US")}{" "}
                    <span className="text-stone-600 dark:text-stone-400">({percent(t.baseline.share)})</span>
                  </td>
                  <td
                    className={`${CELL} text-right font-medium whitespace-nowrap tabular-nums ${
                      t.change > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"
                    }`}
                  >
                    {points(t.change)}
                  </td>
                  <td className={CELL}>
                    <Sparkline points={t.points} labels={chartPoints.map((p) => p.span)} subject={t.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
