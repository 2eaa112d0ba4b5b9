import { z } from "zod";
import type { Evidence } from "./evidence";
import { featureValue, forEachWordFeature, ruleFeatures, surfaceOf, tokenize, type CompiledRules, type Token } from "./features";
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

/** A feature of the model found in a paper. */
interface Present {
  value: number;
  field: Evidence["field"];
  weights: Weights;
  /** Where its words are (their surface is computed only when it becomes evidence). */
  tokens: Token[];
  from: number;
  to: number;
  /** A rule feature's phrases. */
  rules?: Evidence[];
}

const NO_WORDS = { tokens: [] as Token[], from: 0, to: 0 };

/** What each feature present in a paper added to the logit of topic `t`, as evidence. */
function evidenceFor(present: Present[], t: number): Evidence[] {
  const evidence: Evidence[] = [];
  for (const feature of present) {
    const k = feature.weights.topics.indexOf(t);
    if (k < 0) continue;
    const contribution = feature.weights.weights[k]! * feature.value;
    if (contribution <= 0) continue;
    if (!feature.rules) {
      evidence.push({
        phrase: surfaceOf(feature.tokens, feature.from, feature.to),
        field: feature.field,
        weight: round(contribution, 2),
      });
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

/** The model's word features by first stem, then (for a pair) by second stem; and its rule features. */
function compileWeights(model: TopicModel) {
  const words = new Map<string, { single?: Weights; pairs?: Map<string, Weights> }>();
  const rules = new Map<string, Weights>();
  for (const [feature, pairs] of Object.entries(model.weights)) {
    const n = pairs.length / 2;
    const entry: Weights = { topics: new Int32Array(n), weights: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      entry.topics[k] = pairs[2 * k]!;
      entry.weights[k] = pairs[2 * k + 1]!;
    }
    if (feature.startsWith("rule:")) {
      rules.set(feature, entry);
      continue;
    }
    const [first, second] = feature.split(" ") as [string, string | undefined];
    const node = words.get(first) ?? {};
    if (second === undefined) node.single = entry;
    else (node.pairs ??= new Map()).set(second, entry);
    words.set(first, node);
  }
  return { words, rules };
}

/**
 * A tagger over a trained model (and the rules whose scores it uses as features). A topic's
 * score is the model's probability; its evidence the features that added most to its logit,
 * as written in the paper (so that they can be found and highlighted there), with what each
 * added. It computes the features of `extractFeatures`, but only those the model has.
 */
export function createModelTagger(model: TopicModel, rules?: CompiledRules): Tagger {
  const table = compileWeights(model);
  const options = model.featureOptions;
  return {
    tag(title, abstract): TopicAssignment[] {
      const titleTokens = tokenize(title);
      const abstractTokens = tokenize(abstract);
      const counted = new Map<Weights, { abstract: number; title: boolean; tokens: Token[]; from: number; to: number }>();
      for (const [tokens, field] of [
        [titleTokens, "title"],
        [abstractTokens, "abstract"],
      ] as const) {
        forEachWordFeature(tokens, (first, second, from, to) => {
          const node = table.words.get(first);
          const weights = second === null ? node?.single : node?.pairs?.get(second);
          if (!weights) return;
          const seen = counted.get(weights);
          if (!seen) counted.set(weights, { abstract: field === "abstract" ? 1 : 0, title: field === "title", tokens, from, to });
          else if (field === "title") seen.title = true;
          else seen.abstract++;
        });
      }
      const present: Present[] = [];
      for (const [weights, c] of counted) {
        const field = c.title ? "title" : "abstract";
        present.push({
          value: featureValue(c.abstract, c.title, options),
          field,
          weights,
          tokens: c.tokens,
          from: c.from,
          to: c.to,
        });
      }
      if (rules) {
        for (const [name, feature] of ruleFeatures(titleTokens, abstractTokens, options, rules)) {
          const weights = table.rules.get(name);
          if (weights) present.push({ ...NO_WORDS, value: feature.value, field: feature.field, weights, rules: feature.rules });
        }
      }
      const logits = Float64Array.from(model.topics, (t) => t.bias);
      for (const { value, weights } of present) {
        for (let k = 0; k < weights.topics.length; k++) logits[weights.topics[k]!]! += weights.weights[k]! * value;
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
