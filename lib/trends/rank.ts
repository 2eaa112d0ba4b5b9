// The arithmetic of /trends, apart from the database: papers counted once per window (a paper
// listed in two digests of a window is one paper), shares of the window, which topics rose or
// fell, which phrases rose most and which appear for the first time.

/** Papers, and what share of a window's papers they are (null when the window has none). */
export interface Share {
  papers: number;
  share: number | null;
}

/** Counts of a group of digests: its papers, and its papers per term (a topic slug or a phrase). */
export interface GroupCounts {
  total: number;
  terms: Map<string, number>;
}

/** A paper listed in more than one digest of the windows: where, and its terms. */
export interface Relisted {
  digestIds: string[];
  terms: string[];
}

/**
 * Exact counts for a group of digests from counts that take each listing as a paper (what SQL
 * gives without COUNT(DISTINCT), and what sums of per-digest counts give): a paper listed k
 * times in the group is taken away k − 1 times, from the total and from each of its terms.
 */
export function countOnce(listings: GroupCounts, group: Iterable<string>, relisted: Relisted[]): GroupCounts {
  const inGroup = new Set(group);
  const terms = new Map(listings.terms);
  let total = listings.total;
  for (const paper of relisted) {
    const extra = paper.digestIds.filter((id) => inGroup.has(id)).length - 1;
    if (extra <= 0) continue;
    total -= extra;
    for (const term of paper.terms) {
      const n = (terms.get(term) ?? 0) - extra;
      if (n > 0) terms.set(term, n);
      else terms.delete(term);
    }
  }
  return { total, terms };
}

/** The listings of a group of digests, summed from per-digest counts. */
export function sumDigests(perDigest: Map<string, GroupCounts>, group: Iterable<string>): GroupCounts {
  const terms = new Map<string, number>();
  let total = 0;
  for (const id of group) {
    const counts = perDigest.get(id);
    if (!counts) continue;
    total += counts.total;
    for (const [term, n] of counts.terms) terms.set(term, (terms.get(term) ?? 0) + n);
  }
  return { total, terms };
}

export function shareOf(papers: number, total: number): Share {
  return { papers, share: total > 0 ? papers / total : null };
}

/** "4.2%" (one decimal; "0%" for none). */
export function percent(share: number | null): string {
  if (share === null) return "–";
  if (share === 0) return "0%";
  return `${(share * 100).toFixed(1)}%`;
}

export const papersText = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "paper" : "papers"}`;

/** What the two windows are called in sentences ("the last digest", "the previous 5 digests"). */
export interface WindowNames {
  recent: string;
  baseline: string;
}

export interface TopicTrend {
  slug: string;
  name: string;
  recent: Share;
  baseline: Share;
  /** Recent share minus baseline share (0.012 = 1.2 points more of the papers). */
  change: number;
  /** The topic's share at each point of the chart, oldest first; the last is the recent window. */
  points: Share[];
  /** "12 papers (4.0%) in the last digest vs 30 (2.1%) in the previous 5 digests". */
  explanation: string;
}

/**
 * Every topic with papers in either window, as rising (share grew, most first) or falling
 * (share shrank, most first); a topic whose share did not move is in neither.
 */
export function rankTopics(
  topics: { slug: string; name: string }[],
  recent: GroupCounts,
  baseline: GroupCounts,
  points: GroupCounts[],
  names: WindowNames,
): { rising: TopicTrend[]; falling: TopicTrend[] } {
  const trends: TopicTrend[] = [];
  for (const topic of topics) {
    const r = shareOf(recent.terms.get(topic.slug) ?? 0, recent.total);
    const b = shareOf(baseline.terms.get(topic.slug) ?? 0, baseline.total);
    if (r.papers === 0 && b.papers === 0) continue;
    trends.push({
      slug: topic.slug,
      name: topic.name,
      recent: r,
      baseline: b,
      change: (r.share ?? 0) - (b.share ?? 0),
      points: points.map((p) => shareOf(p.terms.get(topic.slug) ?? 0, p.total)),
      explanation:
        `${papersText(r.papers)} (${percent(r.share)}) in ${names.recent} vs ` +
        `${b.papers.toLocaleString("en-US")} (${percent(b.share)}) in ${names.baseline}`,
    });
  }
  const byName = (a: TopicTrend, b: TopicTrend) => a.name.localeCompare(b.name);
  return {
    rising: trends.filter((t) => t.change > 0).sort((a, b) => b.change - a.change || byName(a, b)),
    falling: trends.filter((t) => t.change < 0).sort((a, b) => a.change - b.change || byName(a, b)),
  };
}

/** A phrase must be in at least this many papers of the recent window to be a trend. */
export const MIN_PHRASE_PAPERS = 2;
/** How many phrases each list shows. */
export const PHRASE_LIMIT = 15;

export interface PhraseTrend {
  phrase: string;
  recent: Share;
  baseline: Share;
  /** The search for the phrase as written: `/search?q="…"`. */
  search: string;
  /** "12 papers in the last digest vs 3 in the previous 5 digests". */
  explanation: string;
}

/** Phrases in enough recent papers and in none of the baseline: they may never have been seen before. */
export function firstTimeCandidates(recent: GroupCounts, baseline: GroupCounts): string[] {
  return [...recent.terms]
    .filter(([phrase, n]) => n >= MIN_PHRASE_PAPERS && !baseline.terms.has(phrase))
    .map(([phrase]) => phrase)
    .sort();
}

export function phraseSearch(phrase: string): string {
  return `/search?q=${encodeURIComponent(`"${phrase}"`)}`;
}

/**
 * How far a phrase rose: its recent papers above what its baseline share predicts, in units of
 * that prediction's spread (a Poisson z-score, smoothed by one so that rare phrases do not win
 * on a single paper).
 */
export function riseScore(recent: number, recentTotal: number, baseline: number, baselineTotal: number): number {
  const expected = baselineTotal > 0 ? (baseline * recentTotal) / baselineTotal : 0;
  return (recent - expected) / Math.sqrt(expected + 1);
}

/**
 * The phrases that rose most (in at least MIN_PHRASE_PAPERS recent papers, above their baseline
 * share, strongest rise first) and those that appear for the first time (`firstTime`: in no
 * paper listed before the recent window; most papers first). A phrase is in one list only.
 */
export function rankPhrases(
  recent: GroupCounts,
  baseline: GroupCounts,
  firstTime: Set<string>,
  names: WindowNames,
): { rising: PhraseTrend[]; firstTime: PhraseTrend[] } {
  const trend = (phrase: string, r: number, explanation: string): PhraseTrend => ({
    phrase,
    recent: shareOf(r, recent.total),
    baseline: shareOf(baseline.terms.get(phrase) ?? 0, baseline.total),
    search: phraseSearch(phrase),
    explanation,
  });
  const rising = [...recent.terms]
    .filter(([phrase, r]) => r >= MIN_PHRASE_PAPERS && !firstTime.has(phrase))
    .map(([phrase, r]) => ({ phrase, r, score: riseScore(r, recent.total, baseline.terms.get(phrase) ?? 0, baseline.total) }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || b.r - a.r || a.phrase.localeCompare(b.phrase))
    .slice(0, PHRASE_LIMIT)
    .map(({ phrase, r }) =>
      trend(
        phrase,
        r,
        `${papersText(r)} in ${names.recent} vs ${(baseline.terms.get(phrase) ?? 0).toLocaleString("en-US")} in ${names.baseline}`,
      ),
    );
  const first = [...firstTime]
    .map((phrase) => ({ phrase, r: recent.terms.get(phrase) ?? 0 }))
    .filter((p) => p.r >= MIN_PHRASE_PAPERS)
    .sort((a, b) => b.r - a.r || a.phrase.localeCompare(b.phrase))
    .slice(0, PHRASE_LIMIT)
    .map(({ phrase, r }) => trend(phrase, r, `${papersText(r)} in ${names.recent}, none in any digest before`));
  return { rising, firstTime: first };
}
