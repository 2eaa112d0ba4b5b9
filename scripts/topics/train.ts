import { createHash } from "node:crypto";
import type { IdfTable } from "../../lib/embeddings/vectors";
import { CategoryScores, type CategoryTable } from "../../lib/topics/categories";
import { extractFeatures, type CompiledRules, type FeatureOptions } from "../../lib/topics/features";
import { chooseTopics, type TopicModel } from "../../lib/topics/model";
import type { LabelledPaper } from "../eval/topic-metrics";
import { fitLogistic, scoreRow, type LogisticModel, type LogisticOptions, type SparseRow } from "./logistic";

// Training of the topic model (seeds/topic-model.json): features of the training papers, one
// logistic regression per topic, thresholds per topic chosen on cross-validated scores.

export interface TrainOptions extends LogisticOptions, FeatureOptions {
  /** A feature must occur in at least this many training papers. */
  minDf: number;
  /** What a paper whose topic is only "ok" (defensible) counts as a positive; 0 leaves it out. */
  okWeight: number;
  /** Folds of the cross-validation that chooses the thresholds. */
  folds: number;
  /** Precision the thresholds aim at on cross-validated scores (recall as high as it then goes). */
  targetPrecision: number;
  /** Weights smaller than this are dropped from the saved model. */
  prune: number;
  maxTopics: number;
  /** Scale of the rule scores (seeds/topic-rules.json) as features; 0 = without them. */
  ruleScale: number;
  /** Scale word features by their corpus IDF (seeds/term-idf.json). */
  idf: boolean;
  /** Positives weigh (negatives / positives) ** this, per topic. */
  balance: number;
  /** Rounds of per-topic threshold adjustment after the common threshold (0 = one for all). */
  thresholdRounds: number;
}

/** What training needs beside the papers: the topics, the rules and the corpus IDF. */
export interface TrainingContext {
  slugs: string[];
  rules?: CompiledRules;
  idf?: IdfTable;
  /** The stems' scores for groups of arXiv categories (categories.ts): features `cat:…`. */
  categories?: CategoryTable;
}

/** What a feature's value is multiplied by in training (its IDF / 5, or 1); folded into the saved weights. */
function featureScale(feature: string, options: TrainOptions, idf: IdfTable | undefined): number {
  if (!options.idf || !idf || feature.includes(":")) return 1;
  const words = feature.split(" ");
  return words.reduce((n, w) => n + (idf.idf[w] ?? idf.unknownIdf), 0) / words.length / 5;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  titleWeight: 1,
  minDf: 2,
  okWeight: 0,
  l2: 1e-3,
  epochs: 300,
  learningRate: 0.05,
  folds: 5,
  targetPrecision: 0.94,
  prune: 0.02,
  maxTopics: 4,
  ruleScale: 0.3,
  idf: true,
  balance: 0.7,
  thresholdRounds: 3,
};

interface Featurized {
  vocabulary: string[];
  rows: SparseRow[];
}

function featurize(papers: LabelledPaper[], options: TrainOptions, context: TrainingContext, vocabulary?: string[]): Featurized {
  const categories = context.categories && { scores: new CategoryScores(context.categories), groups: context.categories.groups };
  const extracted = papers.map((p) => extractFeatures(p.title, p.abstract, options, context.rules, categories));
  if (!vocabulary) {
    const df = new Map<string, number>();
    for (const features of extracted) for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    vocabulary = [...df]
      .filter(([, n]) => n >= options.minDf)
      .map(([f]) => f)
      .sort();
  }
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const scale = vocabulary.map((f) => featureScale(f, options, context.idf));
  const rows = extracted.map((features) => {
    const row: SparseRow = { indices: [], values: [] };
    for (const [feature, { value }] of features) {
      const i = index.get(feature);
      if (i === undefined) continue;
      row.indices.push(i);
      row.values.push(value * scale[i]!);
    }
    return row;
  });
  return { vocabulary, rows };
}

function targets(papers: LabelledPaper[], slugs: string[], options: TrainOptions) {
  const labels = papers.map((p) =>
    Uint8Array.from(slugs, (s) => (p.must.includes(s) || (options.okWeight > 0 && p.may.includes(s)) ? 1 : 0)),
  );
  const positives = slugs.map((s) => papers.filter((p) => p.must.includes(s)).length);
  const boost = positives.map((n) => ((papers.length - n) / Math.max(n, 1)) ** options.balance);
  const weights = papers.map((p) =>
    Float64Array.from(slugs, (s, k) => (p.must.includes(s) ? boost[k]! : p.may.includes(s) ? options.okWeight * boost[k]! : 1)),
  );
  return { labels, weights };
}

/** Logits of `test` papers from a model fitted on `train` papers. */
export function fitAndScore(train: LabelledPaper[], test: LabelledPaper[], context: TrainingContext, options: TrainOptions) {
  const { slugs } = context;
  const fitted = featurize(train, options, context);
  const { labels, weights } = targets(train, slugs, options);
  const model = fitLogistic(fitted.rows, fitted.vocabulary.length, labels, weights, slugs.length, options);
  prune(model, fitted.vocabulary, context, options);
  return featurize(test, options, context, fitted.vocabulary).rows.map((row) => scoreRow(model, row));
}

/** A paper's fold: from the hash of its title, so the same paper always lands in the same fold. */
export function foldOf(paper: { title: string }, folds: number): number {
  return createHash("sha256").update(paper.title).digest().readUInt32BE(0) % folds;
}

/** Out-of-fold logits of every paper (each scored by a model that did not see it). */
export function crossValidatedLogits(papers: LabelledPaper[], context: TrainingContext, options: TrainOptions): Float64Array[] {
  const logits: Float64Array[] = new Array<Float64Array>(papers.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const inFold = papers.map((p) => foldOf(p, options.folds) === fold);
    const scored = fitAndScore(
      papers.filter((_, i) => !inFold[i]),
      papers.filter((_, i) => inFold[i]),
      context,
      options,
    );
    let k = 0;
    papers.forEach((_, i) => {
      if (inFold[i]) logits[i] = scored[k++]!;
    });
  }
  return logits;
}

interface Tally {
  right: number;
  given: number;
  mustFound: number;
  must: number;
}

/** Micro precision / recall (LABELLING.md) of thresholded logits. */
export function tally(
  papers: LabelledPaper[],
  logits: Float64Array[],
  slugs: string[],
  thresholds: number[],
  maxTopics: number,
): Tally {
  const t: Tally = { right: 0, given: 0, mustFound: 0, must: 0 };
  papers.forEach((paper, i) => {
    const chosen = chooseTopics(
      logits[i]!.map((l, k) => l - thresholds[k]!),
      maxTopics,
    ).map((k) => slugs[k]!);
    t.given += chosen.length;
    t.right += chosen.filter((s) => paper.must.includes(s) || paper.may.includes(s)).length;
    t.must += paper.must.length;
    t.mustFound += paper.must.filter((s) => chosen.includes(s)).length;
  });
  return t;
}

/**
 * `tally` for many trials of thresholds on the same papers: their labels as flags per topic
 * (1 must, 2 defensible), their logits and the margins in flat arrays.
 */
function quickTally(papers: LabelledPaper[], logits: Float64Array[], slugs: string[], maxTopics: number) {
  const topics = slugs.length;
  const flags = new Uint8Array(papers.length * topics);
  const must = papers.reduce((n, paper) => n + paper.must.length, 0);
  papers.forEach((paper, i) =>
    slugs.forEach((slug, k) => {
      if (paper.must.includes(slug)) flags[i * topics + k] = 3;
      else if (paper.may.includes(slug)) flags[i * topics + k] = 2;
    }),
  );
  const margins = new Float64Array(topics);
  return (thresholds: number[]): Tally => {
    const t: Tally = { right: 0, given: 0, mustFound: 0, must };
    for (let i = 0; i < papers.length; i++) {
      const row = logits[i]!;
      for (let k = 0; k < topics; k++) margins[k] = row[k]! - thresholds[k]!;
      for (const k of chooseTopics(margins, maxTopics)) {
        const flag = flags[i * topics + k]!;
        t.given++;
        if (flag >= 2) t.right++;
        if (flag === 3) t.mustFound++;
      }
    }
    return t;
  };
}

/** The thresholds tried: -4 to 4 logits in steps of an eighth. */
const GRID = Array.from({ length: 65 }, (_, i) => -4 + i * 0.125);

/**
 * Thresholds per topic (logits) by coordinate ascent on the papers' cross-validated logits:
 * recall as high as it goes while precision stays at the target (a shortfall in precision
 * costs ten times as much as recall). Starts from one common threshold.
 */
export function chooseThresholds(
  papers: LabelledPaper[],
  logits: Float64Array[],
  slugs: string[],
  options: TrainOptions,
): number[] {
  const tallyOf = quickTally(papers, logits, slugs, options.maxTopics);
  const objective = (th: number[]) => {
    const t = tallyOf(th);
    const precision = t.right / Math.max(t.given, 1);
    const recall = t.mustFound / Math.max(t.must, 1);
    return recall - 10 * Math.max(0, options.targetPrecision - precision);
  };
  let best = { value: -Infinity, common: 0 };
  for (const common of GRID) {
    const value = objective(slugs.map(() => common));
    if (value > best.value) best = { value, common };
  }
  const thresholds = slugs.map(() => best.common);
  let current = best.value;
  for (let pass = 0; pass < options.thresholdRounds; pass++) {
    let changed = false;
    for (let k = 0; k < slugs.length; k++) {
      for (const candidate of GRID) {
        const trial = thresholds.slice();
        trial[k] = candidate;
        const value = objective(trial);
        if (value > current + 1e-9) {
          current = value;
          thresholds[k] = candidate;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return thresholds;
}

/**
 * Drops weights that would be saved smaller than `options.prune` (as the saved model does), so
 * that the thresholds chosen on cross-validated scores fit the pruned model.
 */
function prune(model: LogisticModel, vocabulary: string[], context: TrainingContext, options: TrainOptions): void {
  vocabulary.forEach((feature, f) => {
    const scale = featureScale(feature, options, context.idf);
    for (let t = 0; t < model.topics; t++) {
      const j = f * model.topics + t;
      if (Math.abs(model.weights[j]! * scale) < options.prune) model.weights[j] = 0;
    }
  });
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Trains the model on `papers`: weights on all of them, thresholds from cross-validation; and
 * the cross-validated precision and recall per group of papers (with those thresholds).
 */
export function trainTopicModel<P extends LabelledPaper>(
  papers: P[],
  context: TrainingContext,
  options: TrainOptions,
  groupOf: (paper: P) => string,
): TopicModel {
  const { slugs } = context;
  const logits = crossValidatedLogits(papers, context, options);
  const thresholds = chooseThresholds(papers, logits, slugs, options);
  const trainedOn: Record<string, number> = {};
  const crossValidated: TopicModel["crossValidated"] = {};
  for (const group of [...new Set(papers.map(groupOf))].sort()) {
    const members = papers.map((_, i) => i).filter((i) => groupOf(papers[i]!) === group);
    const t = tally(
      members.map((i) => papers[i]!),
      members.map((i) => logits[i]!),
      slugs,
      thresholds,
      options.maxTopics,
    );
    trainedOn[group] = members.length;
    crossValidated[group] = {
      papers: members.length,
      precision: round(t.right / t.given, 4),
      recall: round(t.mustFound / t.must, 4),
    };
  }
  const fitted = featurize(papers, options, context);
  const { labels, weights } = targets(papers, slugs, options);
  const model = fitLogistic(fitted.rows, fitted.vocabulary.length, labels, weights, slugs.length, options);
  prune(model, fitted.vocabulary, context, options);
  const saved: Record<string, number[]> = {};
  fitted.vocabulary.forEach((feature, f) => {
    const pairs: number[] = [];
    const scale = featureScale(feature, options, context.idf);
    for (let t = 0; t < slugs.length; t++) {
      const w = model.weights[f * slugs.length + t]! * scale;
      if (Math.abs(w) >= options.prune) pairs.push(t, round(w, 3));
    }
    if (pairs.length) saved[feature] = pairs;
  });
  return {
    version: 1,
    trainedOn,
    crossValidated,
    featureOptions: { titleWeight: options.titleWeight, ruleScale: options.ruleScale },
    maxTopics: options.maxTopics,
    topics: slugs.map((slug, t) => ({ slug, bias: round(model.bias[t]!, 4), threshold: thresholds[t]! })),
    weights: saved,
    ...(context.categories ? { categories: context.categories } : {}),
  };
}
