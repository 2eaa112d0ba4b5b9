import type { Metadata } from "next";
import { Notice } from "@/components/notice";
import { PhraseTrendList } from "@/components/trends/phrase-trend-list";
import { TopicTrendTable } from "@/components/trends/topic-trend-table";
import { WindowPicker } from "@/components/trends/window-picker";
import { describeIssue, toRawParams, type RawParams } from "@/lib/api/params";
import { loadTrends, type Trends } from "@/lib/trends/load";
import { trendsParamsSchema, WINDOW_SIZES } from "@/lib/trends/params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Trends",
  description: "Topics and phrases that rose or fell in the latest digests, compared with the ones before.",
};

type Props = { searchParams: Promise<RawParams> };

export default async function TrendsPage({ searchParams }: Props) {
  // The URL is the state; one that cannot be served says why and shows the default windows.
  const parsed = trendsParamsSchema.safeParse(toRawParams(await searchParams));
  let problem = parsed.success ? null : describeIssue(parsed.error);
  let result = await loadTrends(parsed.success ? parsed.data : {});
  if (result.kind === "invalid") {
    problem = { param: result.param, message: result.message };
    result = await loadTrends({});
  }

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold tracking-tight">Trends</h1>
      {problem && (
        <div className="mt-4">
          <Notice tone="warning" title={`The window in the address cannot be shown (${problem.param}: ${problem.message}).`}>
            The default windows are shown instead.
          </Notice>
        </div>
      )}
      {result.kind === "empty" && (
        <>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Trends compare the latest digests with the ones before them.
          </p>
          <div className="mt-4">
            <Notice title="Nothing to compare yet.">{result.reason}</Notice>
          </div>
          <WindowPicker current={{ unit: result.unit, ...WINDOW_SIZES[result.unit] }} datesKnown={result.datesKnown} />
        </>
      )}
      {result.kind === "trends" && <TrendsView trends={result.trends} />}
    </div>
  );
}

function TrendsView({ trends }: { trends: Trends }) {
  const { recent, baseline } = trends;
  const pointWord =
    trends.unit === "days"
      ? `${trends.pointSize} ${trends.pointSize === 1 ? "day" : "days"}`
      : `${trends.pointSize} ${trends.pointSize === 1 ? "digest" : "digests"}`;
  return (
    <>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        What changed in <strong className="font-semibold text-stone-900 dark:text-stone-100">{recent.name}</strong> ({recent.span}
        , {recent.papers.toLocaleString("en-US")} papers) compared with{" "}
        <strong className="font-semibold text-stone-900 dark:text-stone-100">{baseline.name}</strong> ({baseline.span},{" "}
        {baseline.papers.toLocaleString("en-US")} papers).
        {trends.chosenByData &&
          (trends.unit === "days" ? " The digests are dated, so the windows are weeks." : " The windows are counted in digests.")}
      </p>
      <WindowPicker
        current={{ unit: trends.unit, recent: trends.recentSize, baseline: trends.baselineSize }}
        datesKnown={trends.datesKnown}
      />
      {trends.papersWithoutPhrases > 0 && (
        <div className="mt-4">
          <Notice tone="warning" title={`${trends.papersWithoutPhrases.toLocaleString("en-US")} papers have no key phrases yet.`}>
            They were stored before key phrases existed; the next <code>npm run ingest</code> makes them. Until then their phrases
            are not counted.
          </Notice>
        </div>
      )}
      <p className="mt-6 text-xs text-stone-600 dark:text-stone-400">
        Shares are of all papers in a window; a paper listed in several digests of a window counts once. Each chart point is{" "}
        {pointWord} of the baseline, and the last one (marked) is the recent window.
      </p>
      <TopicTrendTable
        id="topics-rising"
        title="Topics that rose"
        topics={trends.topics.rising}
        recent={recent}
        baseline={baseline}
        chartPoints={trends.points}
      />
      <TopicTrendTable
        id="topics-falling"
        title="Topics that fell"
        topics={trends.topics.falling}
        recent={recent}
        baseline={baseline}
        chartPoints={trends.points}
      />
      <div className="grid gap-x-8 lg:grid-cols-2">
        <PhraseTrendList
          id="phrases-rising"
          title="Phrases that rose most"
          intro={`Key phrases (terms of several words, and acronyms) in more papers of ${recent.name} than their share of ${baseline.name} predicts.`}
          phrases={trends.phrases.rising}
          empty="No phrase rose."
        />
        <PhraseTrendList
          id="phrases-new"
          title="New phrases"
          intro={`Key phrases of ${recent.name} that no paper listed before had.`}
          phrases={trends.phrases.firstTime}
          empty="No phrase appeared for the first time."
        />
      </div>
    </>
  );
}
