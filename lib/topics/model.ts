import { z } from "zod";
import { categoryFeature, CategoryScores, categoryTableSchema } from "./categories";
import type { Evidence } from "./evidence";
import {
  emptyTokens,
  featureValue,
  forEachWordFeature,
  ruleFeature,
  ruleFeatureValue,
  RuleScores,
  surfaceOf,
  tokenize,
  WordTable,
  type CompiledRules,
} from "./features";
import type { Tagger, TopicAssignment } from "./tagger";

// The topic model trained by `npm run topics:train` (scripts/topics) and committed as
// seeds/topic-model.json: one logistic regression per topic over stemmed words and word pairs
// of the title and abstract, with a threshold per topic chosen by cross-validation.

export const topicModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.record(z.string(), z.number()),
  /** The labelled splits the model was fitted on (absent: train only). */
  splits: z.array(z.enum(["train", "dev"])).optional(),
  featureOptions: z.object({ titleWeight: z.number().min(0), ruleScale: z.number().min(0) }),
  maxTopics: z.number().int().min(1).max(4),
  topics: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]+$/),
      bias: z.number(),
      /** The logit a paper must reach to get the topic. */
      threshold: z.number(),
    }),
  ),
  /** Cross-validated micro precision and recall on the training papers, per population. */
  crossValidated: z.record(z.string(), z.object({ papers: z.number(), precision: z.number(), recall: z.number() })),
  /** Per feature, pairs of (topic index, weight) flattened: [t, w, t, w, …]. */
  weights: z.record(z.string(), z.array(z.number())),
  /** The stems' scores for groups of arXiv categories, behind the `cat:` features (categories.ts). */
  categories: categoryTableSchema.optional(),
});

export type TopicModel = z.infer<typeof topicModelSchema>;

/** How many of a topic's strongest features are kept as its evidence. */
export const EVIDENCE_FEATURES = 5;

/**
 * The topics a paper gets from its margins (logit − threshold per topic): every topic at or
 * over its threshold, best first, at most `maxTopics`; when none is, the single best one, so
 * that no paper is left without a topic.
 */
export function chooseTopics(margins: ArrayLike<number>, maxTopics: number): number[] {
  // the passing topics kept sorted as they come (a tie keeps the lower index first), and the best one
  const passing: number[] = [];
  let best = 0;
  for (let t = 0; t < margins.length; t++) {
    const margin = margins[t]!;
    if (margin > margins[best]!) best = t;
    if (!(margin >= 0)) continue;
    let at = passing.length;
    while (at > 0 && margin > margins[passing[at - 1]!]!) at--;
    if (at >= maxTopics) continue;
    passing.splice(at, 0, t);
    if (passing.length > maxTopics) passing.pop();
  }
  if (passing.length > 0) return passing;
  return margins.length > 0 ? [best] : [];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Checks a model against the taxonomy: it must score exactly the taxonomy's topics. */
export function checkModelAgainstTaxonomy(model: TopicModel, slugs: string[]): string[] {
  const modelled = new Set(model.topics.map((t) => t.slug));
  const known = new Set(slugs);
  return [
    ...[...modelled].filter((s) => !known.has(s)).map((s) => `the model scores a topic "${s}" that the taxonomy does not have`),
    ...[...known].filter((s) => !modelled.has(s)).map((s) => `the model has no weights for the topic "${s}"`),
  ];
}

/** A stem that the model's word features start or end with. */
interface Stem {
  /** Its number among those stems. */
  id: number;
  /** The feature of the stem alone (-1: none). */
  single: number;
  /** The features of pairs that start with it, by the second stem's id. */
  pairs: Map<number, number> | undefined;
}

/**
 * The model's features numbered 0, 1, 2, …: feature f's weights are `topics[k]`, `weights[k]`
 * for k from `start[f]` to `start[f + 1]` (one flat array, quick to run through).
 */
interface FlatWeights {
  start: Int32Array;
  topics: Int32Array;
  weights: Float64Array;
}

function flatten(features: [topic: number, weight: number][][]): FlatWeights {
  const start = new Int32Array(features.length + 1);
  features.forEach((pairs, f) => (start[f + 1] = start[f]! + pairs.length));
  const flat = { start, topics: new Int32Array(start[features.length]!), weights: new Float64Array(start[features.length]!) };
  features.forEach((pairs, f) =>
    pairs.forEach(([topic, weight], k) => {
      flat.topics[start[f]! + k] = topic;
      flat.weights[start[f]! + k] = weight;
    }),
  );
  return flat;
}

/**
 * The model's features numbered: their weights, and for evidence each topic's first weight
 * only (the same unless a feature names a topic twice); its word features by stem; its rule
 * features by topic of the rules (-1: none).
 */
function compileWeights(model: TopicModel, rules: CompiledRules | undefined) {
  const features: [number, number][][] = [];
  const stems = new Map<string, Stem>();
  const stemOf = (text: string) => {
    let stem = stems.get(text);
    if (!stem) stems.set(text, (stem = { id: stems.size, single: -1, pairs: undefined }));
    return stem;
  };
  const byRuleTopic = new Int32Array(rules?.slugs.length ?? 0).fill(-1);
  const ruleTopics = new Map(rules?.slugs.map((slug, i) => [ruleFeature(slug), i]));
  const groups = model.categories?.groups ?? [];
  const byGroup = new Int32Array(groups.length).fill(-1);
  const groupOf = new Map(groups.map((group, g) => [categoryFeature(group), g]));
  for (const [feature, flat] of Object.entries(model.weights)) {
    const index = features.push(Array.from({ length: flat.length / 2 }, (_, k) => [flat[2 * k]!, flat[2 * k + 1]!])) - 1;
    if (feature.startsWith("rule:")) {
      const topic = ruleTopics.get(feature);
      if (topic !== undefined) byRuleTopic[topic] = index;
      continue;
    }
    if (feature.startsWith("cat:")) {
      const group = groupOf.get(feature);
      if (group !== undefined) byGroup[group] = index;
      continue;
    }
    const [first, second] = feature.split(" ") as [string, string | undefined];
    const stem = stemOf(first);
    if (second === undefined) stem.single = index;
    else (stem.pairs ??= new Map()).set(stemOf(second).id, index);
  }
  const weights = flatten(features);
  const repeats = features.some((pairs) => new Set(pairs.map(([t]) => t)).size < pairs.length);
  const evidence = repeats
    ? flatten(features.map((pairs) => pairs.filter(([t], k) => pairs.findIndex(([u]) => u === t) === k)))
    : weights;
  return { count: features.length, weights, evidence, stems, byRuleTopic, byGroup };
}

const TITLE = 0;
const ABSTRACT = 1;
const FIELDS = ["title", "abstract"] as const;

/**
 * A tagger over a trained model (and the rules whose scores it uses as features). A topic's
 * score is the model's probability; its evidence the features that added most to its logit,
 * as written in the paper (so that they can be found and highlighted there), with what each
 * added. It computes the features of `extractFeatures`, but only those the model has, in
 * buffers it reuses from paper to paper (tagging is synchronous: papers never share them).
 */
export function createModelTagger(model: TopicModel, rules?: CompiledRules): Tagger {
  const compiled = compileWeights(model, rules);
  const { weights, evidence, stems, byRuleTopic, byGroup } = compiled;
  const options = model.featureOptions;
  const stemOfWord = new WordTable((word) => (word.stop || word.skip ? null : (stems.get(word.stem) ?? null)));
  const topicCount = model.topics.length;
  const biases = Float64Array.from(model.topics, (t) => t.bias);
  const thresholds = Float64Array.from(model.topics, (t) => t.threshold);
  const logits = new Float64Array(topicCount);
  const margins = new Float64Array(topicCount);
  const slotOf = new Int8Array(topicCount).fill(-1);
  const ruleScores = rules && options.ruleScale > 0 ? new RuleScores(rules) : undefined;
  const categoryScores = model.categories ? new CategoryScores(model.categories) : undefined;
  const tokens = [emptyTokens(), emptyTokens()];

  // Per feature, while counting a paper's: the paper it was last seen in, how often in the
  // abstract, whether in the title, and where it first occurred (field, first and last token).
  const seenIn = new Int32Array(compiled.count);
  const abstractCount = new Int32Array(compiled.count);
  const inTitle = new Uint8Array(compiled.count);
  const firstField = new Uint8Array(compiled.count);
  const firstFrom = new Int32Array(compiled.count);
  const firstTo = new Int32Array(compiled.count);
  let paper = 0;

  // The features present in a paper, in the order they were first met (the rule and category
  // features last): the feature, its value, and what it is: -1 a word feature, t ≥ 0 the rule
  // feature of topic t in the rules, -2 - g the feature of group g of categories.
  let present = 0;
  const presentFeature = new Int32Array(compiled.count);
  const presentValue = new Float64Array(compiled.count);
  const presentRuleTopic = new Int32Array(compiled.count);

  function count(feature: number, field: number, from: number, to: number) {
    if (seenIn[feature] !== paper) {
      seenIn[feature] = paper;
      abstractCount[feature] = field === ABSTRACT ? 1 : 0;
      inTitle[feature] = field === TITLE ? 1 : 0;
      firstField[feature] = field;
      firstFrom[feature] = from;
      firstTo[feature] = to;
      presentFeature[present++] = feature;
    } else if (field === TITLE) inTitle[feature] = 1;
    else abstractCount[feature]!++;
  }

  /** The field's word and pair features that the model knows, counted. */
  function countWordFeatures(field: number) {
    forEachWordFeature(tokens[field]!, (first, second, from, to) => {
      const stem = stemOfWord.get(first);
      if (stem === null) return;
      if (second === null) {
        if (stem.single >= 0) count(stem.single, field, from, to);
        return;
      }
      const next = stemOfWord.get(second);
      const pair = next === null ? undefined : stem.pairs?.get(next.id);
      if (pair !== undefined) count(pair, field, from, to);
    });
  }

  /** What each feature present added to the logits of the chosen topics, as their evidence. */
  function evidenceFor(chosen: number[]): Evidence[][] {
    const lists = chosen.map((): Evidence[] => []);
    chosen.forEach((t, slot) => (slotOf[t] = slot));
    const { start, topics, weights } = evidence;
    for (let p = 0; p < present; p++) {
      const feature = presentFeature[p]!;
      const end = start[feature + 1]!;
      for (let k = start[feature]!; k < end; k++) {
        const slot = slotOf[topics[k]!]!;
        if (slot < 0) continue;
        const contribution = weights[k]! * presentValue[p]!;
        if (contribution <= 0) continue;
        const list = lists[slot]!;
        const ruleTopic = presentRuleTopic[p]!;
        if (ruleTopic <= -2) {
          list.push(...categoryScores!.evidence(-2 - ruleTopic, contribution));
          continue;
        }
        if (ruleTopic < 0) {
          list.push({
            phrase: surfaceOf(tokens[firstField[feature]!]!, firstFrom[feature]!, firstTo[feature]!),
            field: inTitle[feature] ? "title" : "abstract",
            weight: round(contribution, 2),
          });
          continue;
        }
        // A rule score's share goes to the phrases that made it, in proportion to their weights.
        const phrases = ruleScores!.evidence[ruleTopic]!;
        const total = phrases.reduce((n, e) => n + Math.max(e.weight, 0), 0);
        for (const e of phrases) {
          if (e.weight > 0) list.push({ phrase: e.phrase, field: e.field, weight: round((contribution * e.weight) / total, 2) });
        }
      }
    }
    for (const t of chosen) slotOf[t] = -1;
    return lists.map(strongest);
  }

  return {
    tag(title, abstract): TopicAssignment[] {
      if (++paper === 0x7fffffff) {
        seenIn.fill(0);
        paper = 1;
      }
      present = 0;
      tokenize(title, tokens[TITLE]);
      tokenize(abstract, tokens[ABSTRACT]);
      countWordFeatures(TITLE);
      countWordFeatures(ABSTRACT);
      for (let p = 0; p < present; p++) {
        const feature = presentFeature[p]!;
        presentValue[p] = featureValue(abstractCount[feature]!, inTitle[feature] === 1, options);
        presentRuleTopic[p] = -1;
      }
      if (ruleScores) {
        ruleScores.clear();
        ruleScores.add(tokens[TITLE]!, FIELDS[TITLE]);
        ruleScores.add(tokens[ABSTRACT]!, FIELDS[ABSTRACT]);
        for (const topic of ruleScores.scored) {
          const score = ruleScores.score[topic]!;
          const feature = byRuleTopic[topic]!;
          if (score <= 0 || feature < 0) continue;
          presentFeature[present] = feature;
          presentValue[present] = ruleFeatureValue(score, options);
          presentRuleTopic[present++] = topic;
        }
      }
      if (categoryScores) {
        categoryScores.clear();
        categoryScores.add(tokens[TITLE]!, FIELDS[TITLE]);
        categoryScores.add(tokens[ABSTRACT]!, FIELDS[ABSTRACT]);
        const values = categoryScores.finish();
        for (let g = 0; g < values.length; g++) {
          const feature = byGroup[g]!;
          if (values[g] === 0 || feature < 0) continue;
          presentFeature[present] = feature;
          presentValue[present] = values[g]!;
          presentRuleTopic[present++] = -2 - g;
        }
      }
      logits.set(biases);
      const { start, topics } = weights;
      for (let p = 0; p < present; p++) {
        const feature = presentFeature[p]!;
        const value = presentValue[p]!;
        const end = start[feature + 1]!;
        for (let k = start[feature]!; k < end; k++) logits[topics[k]!]! += weights.weights[k]! * value;
      }
      for (let t = 0; t < topicCount; t++) margins[t] = logits[t]! - thresholds[t]!;
      const chosen = chooseTopics(margins, model.maxTopics);
      const evidenceOf = evidenceFor(chosen);
      return chosen.map((t, slot) => ({
        slug: model.topics[t]!.slug,
        score: round(1 / (1 + Math.exp(-logits[t]!)), 3),
        evidence: evidenceOf[slot]!,
      }));
    },
  };
}

/** Whether evidence `a` comes before `b`: it weighs more, or as much with a phrase earlier in the alphabet. */
const comesBefore = (a: Evidence, b: Evidence) => a.weight > b.weight || (a.weight === b.weight && a.phrase < b.phrase);

/**
 * The strongest pieces of evidence (EVIDENCE_FEATURES at most, best first, ties in the order met),
 * where a word pair and the rule phrase it also is ("memorization" twice) count as one piece.
 */
function strongest(evidence: Evidence[]): Evidence[] {
  const merged: Evidence[] = [];
  const inTitle = new Map<string, Evidence>();
  const inAbstract = new Map<string, Evidence>();
  for (const e of evidence) {
    const byPhrase = e.field === "title" ? inTitle : inAbstract;
    const seen = byPhrase.get(e.phrase);
    if (seen) seen.weight = round(seen.weight + e.weight, 2);
    else {
      byPhrase.set(e.phrase, e);
      merged.push(e);
    }
  }
  const best: Evidence[] = [];
  for (const e of merged) {
    if (!(e.weight > 0)) continue;
    let at = best.length;
    while (at > 0 && comesBefore(e, best[at - 1]!)) at--;
    if (at >= EVIDENCE_FEATURES) continue;
    best.splice(at, 0, e);
    if (best.length > EVIDENCE_FEATURES) best.pop();
  }
  return best;
}
