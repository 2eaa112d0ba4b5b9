import Link from "next/link";
import type { CountedPeriod } from "@/lib/trends/load";
import { percent, type TopicTrend } from "@/lib/trends/rank";
import { Sparkline } from "./sparkline";

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
          {/* Cell padding and alignment set once on the table: 25 rows repeat no class lists. */}
          <table className="w-full text-sm tabular-nums [&_td]:px-2 [&_td]:py-2 [&_td]:text-right [&_td]:whitespace-nowrap sm:[&_td]:px-4 [&_th]:px-2 [&_th]:py-2 [&_th]:text-left [&_th]:font-medium sm:[&_th]:px-4">
            <caption className="sr-only">
              {title}: papers and share of all papers in {recent.name} and in {baseline.name}, the change in percentage points,
              and the share over time, oldest first: {chartPoints.map((p) => p.span).join("; ")} (the last is {recent.name})
            </caption>
            <thead className="text-xs text-stone-600 dark:text-stone-400">
              <tr className="border-b border-stone-200 dark:border-stone-800">
                <th scope="col">Topic</th>
                <th scope="col" className="text-right!">
                  {titleCase(recent.name)}
                </th>
                <th scope="col" className="hidden text-right! sm:table-cell">
                  {titleCase(baseline.name)}
                </th>
                <th scope="col" className="text-right!">
                  Change <span className="font-normal">(pts)</span>
                </th>
                <th scope="col">
                  <span className="sr-only sm:not-sr-only">Share over time</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {topics.map((t) => (
                <tr key={t.slug}>
                  <th scope="row">
                    <Link href={`/topics/${t.slug}`} className="hover:text-accent-600 hover:underline">
                      {t.name}
                    </Link>
                  </th>
                  <td>
                    <span className="hidden sm:inline">{t.recent.papers.toLocaleString("en-US")} (</span>
                    {percent(t.recent.share)}
                    <span className="hidden sm:inline">)</span>
                  </td>
                  <td className="hidden sm:table-cell">
                    {t.baseline.papers.toLocaleString("en-US")} ({percent(t.baseline.share)})
                  </td>
                  <td className={t.change > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}>
                    {points(t.change)}
                  </td>
                  <td>
                    <Sparkline points={t.points} subject={t.name} />
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
