import type { TopicAssignment } from "./tagger";

export type OverrideAction = "add" | "remove";

export interface TopicOverrideRef {
  topicSlug: string;
  action: string;
}

export interface EffectiveTopic extends TopicAssignment {
  source: "rule" | "manual";
}

export const MAX_TOPICS = 4;

/**
 * A paper's topics as shown: the tagger's, minus those an editor removed, plus those an
 * editor added (first, so that a rule change cannot push them out of the four).
 */
export function effectiveTopics(ruleTopics: TopicAssignment[], overrides: TopicOverrideRef[]): EffectiveTopic[] {
  const removed = new Set(overrides.filter((o) => o.action === "remove").map((o) => o.topicSlug));
  const added = overrides.filter((o) => o.action === "add").map((o) => o.topicSlug);
  const fromRules = ruleTopics.filter((t) => !removed.has(t.slug) && !added.includes(t.slug));
  const manual: EffectiveTopic[] = added.map((slug) => {
    const rule = ruleTopics.find((t) => t.slug === slug);
    return { slug, score: rule?.score ?? 0, evidence: rule?.evidence ?? [], source: "manual" };
  });
  return [...manual, ...fromRules.map((t) => ({ ...t, source: "rule" as const }))].slice(0, MAX_TOPICS);
}

export type CorrectionProblem =
  { kind: "unknown-topic" } | { kind: "already" } | { kind: "too-many" } | { kind: "last-topic" } | { kind: "nothing-to-undo" };

/** Checks an editor's change against the paper's current topics; null when it may go ahead. */
export function checkCorrection(
  action: OverrideAction | "undo",
  topicSlug: string,
  current: { slug: string }[],
  overrides: TopicOverrideRef[],
  knownTopics: Set<string>,
): CorrectionProblem | null {
  if (!knownTopics.has(topicSlug)) return { kind: "unknown-topic" };
  const has = current.some((t) => t.slug === topicSlug);
  if (action === "undo") return overrides.some((o) => o.topicSlug === topicSlug) ? null : { kind: "nothing-to-undo" };
  if (action === "add") {
    if (has) return { kind: "already" };
    return current.length >= MAX_TOPICS ? { kind: "too-many" } : null;
  }
  if (!has) return { kind: "already" };
  return current.length <= 1 ? { kind: "last-topic" } : null;
}

/**
 * Why no topic can be added to a paper with these topics (checkCorrection would refuse every
 * one), or null when some can: the paper page then offers no "Add a topic" form.
 */
export function additionBlocked(current: { slug: string }[], knownTopics: { slug: string }[]): "too-many" | "none-left" | null {
  if (current.length >= MAX_TOPICS) return "too-many";
  return knownTopics.some((t) => !current.some((c) => c.slug === t.slug)) ? null : "none-left";
}

/** A topic as a PaperTopic row. */
export function toTopicRow(topic: EffectiveTopic) {
  return { topicSlug: topic.slug, score: topic.score, evidence: JSON.stringify(topic.evidence), source: topic.source };
}

/** Compares a paper's stored topic rows with new ones. */
export function topicKey(rows: { topicSlug: string; score: number; evidence: string; source: string }[]): string {
  return rows
    .map((r) => `${r.topicSlug}:${r.score}:${r.source}:${r.evidence}`)
    .sort()
    .join("|");
}
