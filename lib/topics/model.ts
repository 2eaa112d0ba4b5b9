import { z } from "zod";
import type { Evidence } from "./evidence";
import { extractFeatures, type CompiledRules, type FeatureValue } from "./features";
import type { Tagger, TopicAssignment } from "./tagger";

// The topic model trained by `npm run topics:train` (scripts/topics) and committed as
// seeds/topic-model.json: one logistic regression per topic over stemmed words and word pairs
// of the title and abstract, with a threshold per topic chosen by cross-validation.

export const topicModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.record(z.string(), z.number()),
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
  const order = Array.from({ length: margins.length }, (_, i) => i).sort((a, b) => margins[b]! - margins[a]! || a - b);
  const passing = order.filter((i) => margins[i]! >= 0).slice(0, maxTopics);
  return passing.length > 0 ? passing : order.slice(0, 1);
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

interface Weights {
  topics: Int32Array;
  weights: Float64Array;
}

/** What each feature present in a paper added to the logit of topic `t`, as evidence. */
function evidenceFor(present: { feature: FeatureValue; weights: Weights }[], t: number): Evidence[] {
  const evidence: Evidence[] = [];
  for (const { feature, weights } of present) {
    const k = weights.topics.indexOf(t);
    if (k < 0) continue;
    const contribution = weights.weights[k]! * feature.value;
    if (contribution <= 0) continue;
    if (!feature.rules) {
      evidence.push({ phrase: feature.surface, field: feature.field, weight: round(contribution, 2) });
      continue;
    }
    // A rule score's share goes to the phrases that made it, in proportion to their weights.
    const total = feature.rules.reduce((n, e) => n + Math.max(e.weight, 0), 0);
    for (const e of feature.rules) {
      if (e.weight > 0) evidence.push({ phrase: e.phrase, field: e.field, weight: round((contribution * e.weight) / total, 2) });
    }
  }
  // A word pair and the rule phrase it also is ("memorization" twice) count as one piece.
  const merged = new Map<string, Evidence>();
  for (const e of evidence) {
    const key = `${e.field}\u0000${e.phrase}`;
    const seen = merged.get(key);
    if (seen) seen.weight = round(seen.weight + e.weight, 2);
    else merged.set(key, e);
  }
  return [...merged.values()]
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, EVIDENCE_FEATURES);
}

/**
 * A tagger over a trained model (and the rules whose scores it uses as features). A topic's
 * score is the model's probability; its evidence the features that added most to its logit,
 * as written in the paper (so that they can be found and highlighted there), with what each
 * added.
 */
export function createModelTagger(model: TopicModel, rules?: CompiledRules): Tagger {
  const table = new Map<string, Weights>();
  for (const [feature, pairs] of Object.entries(model.weights)) {
    const n = pairs.length / 2;
    const entry: Weights = { topics: new Int32Array(n), weights: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      entry.topics[k] = pairs[2 * k]!;
      entry.weights[k] = pairs[2 * k + 1]!;
    }
    table.set(feature, entry);
  }
  return {
    tag(title, abstract): TopicAssignment[] {
      const logits = Float64Array.from(model.topics, (t) => t.bias);
      const present: { feature: FeatureValue; weights: Weights }[] = [];
      for (const [name, feature] of extractFeatures(title, abstract, model.featureOptions, rules)) {
        const weights = table.get(name);
        if (!weights) continue;
        present.push({ feature, weights });
        for (let k = 0; k < weights.topics.length; k++) logits[weights.topics[k]!]! += weights.weights[k]! * feature.value;
      }
      const margins = logits.map((logit, t) => logit - model.topics[t]!.threshold);
      return chooseTopics(margins, model.maxTopics).map((t) => ({
        slug: model.topics[t]!.slug,
        score: round(1 / (1 + Math.exp(-logits[t]!)), 3),
        evidence: evidenceFor(present, t),
      }));
    },
  };
}
