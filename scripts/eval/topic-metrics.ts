import type { TopicAssignment } from "../../lib/topics/tagger";

// Measures tagging against labels: hand labels (must/may per paper) and, for generalization,
// arXiv categories mapped to topics where the mapping is unambiguous.

export type TagFn = (title: string, abstract: string) => TopicAssignment[];

export interface LabelledPaper {
  title: string;
  abstract: string;
  /** Topics the paper is about: missing one costs recall. */
  must: string[];
  /** Topics that are defensible: predicting one is not a false positive. */
  may: string[];
}

export interface TopicCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface LabelledEvaluation extends TopicCounts {
  papers: number;
  precision: number;
  recall: number;
  untagged: string[];
  perTopic: Record<string, TopicCounts>;
  mistakes: { title: string; extra: string[]; missing: string[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Micro-averaged precision and recall: a predicted topic is right when it is a must or a
 * may; a must topic that is not predicted is missed.
 */
export function evaluateLabelled(papers: LabelledPaper[], tag: TagFn): LabelledEvaluation {
  const perTopic: Record<string, TopicCounts> = {};
  const counts = (slug: string) => (perTopic[slug] ??= { tp: 0, fp: 0, fn: 0 });
  const total: TopicCounts = { tp: 0, fp: 0, fn: 0 };
  const untagged: string[] = [];
  const mistakes: LabelledEvaluation["mistakes"] = [];
  for (const paper of papers) {
    const predicted = tag(paper.title, paper.abstract).map((t) => t.slug);
    if (predicted.length === 0) untagged.push(paper.title);
    const allowed = new Set([...paper.must, ...paper.may]);
    const extra = predicted.filter((slug) => !allowed.has(slug));
    const missing = paper.must.filter((slug) => !predicted.includes(slug));
    for (const slug of predicted) {
      if (allowed.has(slug)) {
        counts(slug).tp++;
        total.tp++;
      } else {
        counts(slug).fp++;
        total.fp++;
      }
    }
    for (const slug of missing) {
      counts(slug).fn++;
      total.fn++;
    }
    if (extra.length || missing.length) mistakes.push({ title: paper.title, extra, missing });
  }
  return {
    papers: papers.length,
    ...total,
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(
      papers.reduce((n, p) => n + p.must.length, 0) - total.fn,
      papers.reduce((n, p) => n + p.must.length, 0),
    ),
    untagged,
    perTopic,
    mistakes,
  };
}

/**
 * arXiv categories whose meaning maps onto our topics without doubt. cs.CV also covers image
 * and video generation, which the taxonomy keeps apart, so generative models count for it.
 */
export const CATEGORY_TOPICS: Record<string, string[]> = {
  "cs.CV": ["computer-vision", "vision-language", "generative-models"],
  "eess.IV": ["computer-vision", "generative-models"],
  "cs.CL": ["large-language-models", "vision-language"],
  "cs.RO": ["reinforcement-learning"],
  "cs.MA": ["reinforcement-learning"],
  "cs.IR": ["retrieval-embeddings"],
  "cs.SE": ["code-generation"],
  "cs.PL": ["code-generation"],
  "cs.CR": ["safety-robustness", "unlearning-privacy"],
};

export interface CategorizedPaper {
  title: string;
  abstract: string;
  categories: string[];
}

export interface AgreementRow {
  category: string;
  topics: string[];
  papers: number;
  agreeing: number;
  agreement: number;
}

/** Share of (paper, mapped category) pairs where the tagger gives one of the mapped topics. */
export function evaluateAgreement(
  papers: CategorizedPaper[],
  tag: TagFn,
): { rows: AgreementRow[]; overall: number; pairs: number } {
  const rows = new Map<string, AgreementRow>();
  for (const paper of papers) {
    const mapped = paper.categories.filter((c) => CATEGORY_TOPICS[c]);
    if (mapped.length === 0) continue;
    const predicted = new Set(tag(paper.title, paper.abstract).map((t) => t.slug));
    for (const category of new Set(mapped)) {
      const topics = CATEGORY_TOPICS[category]!;
      const row = rows.get(category) ?? { category, topics, papers: 0, agreeing: 0, agreement: 0 };
      row.papers++;
      if (topics.some((t) => predicted.has(t))) row.agreeing++;
      rows.set(category, row);
    }
  }
  const list = [...rows.values()]
    .map((r) => ({ ...r, agreement: ratio(r.agreeing, r.papers) }))
    .sort((a, b) => b.papers - a.papers);
  const pairs = list.reduce((n, r) => n + r.papers, 0);
  return {
    rows: list,
    overall: ratio(
      list.reduce((n, r) => n + r.agreeing, 0),
      pairs,
    ),
    pairs,
  };
}

/** Abstracts tagged per second on this core, over at least `minMs` of work. */
export function measureThroughput(papers: { title: string; abstract: string }[], tag: TagFn, minMs = 1_000): number {
  let tagged = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (const paper of papers) tag(paper.title, paper.abstract);
    tagged += papers.length;
  }
  return tagged / ((performance.now() - started) / 1000);
}
