import { z } from "zod";

// Tagging rules are data (seeds/topic-rules.json) so that a curator can tune them without
// touching code; this schema is their contract, checked whenever they are loaded.

const phraseWeightsSchema = z.record(z.string().min(1), z.number().min(-20).max(20));

export const topicRulesSchema = z.object({
  version: z.number().int(),
  threshold: z.number().positive(),
  /** A topic must also score at least this share of the paper's best topic. */
  relativeThreshold: z.number().min(0).max(1).default(0),
  titleBoost: z.number().min(1),
  maxTopics: z.number().int().min(1).max(4),
  fallbackMinimum: z.number().positive(),
  topics: z.record(z.string(), phraseWeightsSchema),
});

export type TopicRules = z.infer<typeof topicRulesSchema>;

export const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
});

export const taxonomySchema = z.object({
  version: z.number().int(),
  topics: z.array(topicSchema).min(1),
});

export type Topic = z.infer<typeof topicSchema>;

/** Checks that rules and taxonomy agree: rules may only name topics that exist. */
export function checkRulesAgainstTaxonomy(rules: TopicRules, topics: Topic[]): string[] {
  const known = new Set(topics.map((t) => t.slug));
  const problems = Object.keys(rules.topics)
    .filter((slug) => !known.has(slug))
    .map((slug) => `the rules name a topic "${slug}" that seeds/topics.json does not have`);
  return problems;
}
