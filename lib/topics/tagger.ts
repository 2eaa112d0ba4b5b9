import type { TopicRules } from "./rules";

export interface Evidence {
  phrase: string;
  field: "title" | "abstract";
  weight: number;
}

export interface TopicAssignment {
  slug: string;
  score: number;
  evidence: Evidence[];
}

interface CompiledTopic {
  slug: string;
  pattern: RegExp;
  weights: Map<string, number>;
}

export interface Tagger {
  tag(title: string, abstract: string): TopicAssignment[];
}

/**
 * Hyphens, slashes and case do not change a phrase's meaning ("fine-tuning" = "Fine tuning").
 * Both the rules and the text go through this, so they meet in the same form.
 */
export function normalizeForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_/–—]+/g, " ")
    .replace(/\s+/g, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Compiles the rules into one regular expression per topic (phrases longest first, each
 * allowing a plural "s"/"es"), so that tagging is a handful of scans per paper.
 */
export function createTagger(rules: TopicRules): Tagger {
  const compiled: CompiledTopic[] = Object.entries(rules.topics).map(([slug, phrases]) => {
    const weights = new Map<string, number>();
    for (const [phrase, weight] of Object.entries(phrases)) weights.set(normalizeForMatching(phrase).trim(), weight);
    const alternatives = [...weights.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`, "gu");
    return { slug, pattern, weights };
  });

  function score(topic: CompiledTopic, title: string, abstract: string) {
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (const [field, text, factor] of [
      ["title", title, rules.titleBoost],
      ["abstract", abstract, 1],
    ] as const) {
      for (const match of text.matchAll(topic.pattern)) {
        const phrase = match[1]!;
        // A phrase counts once per field: repetition says little more about the topic.
        if (seen.has(`${field}:${phrase}`)) continue;
        seen.add(`${field}:${phrase}`);
        const weight = (topic.weights.get(phrase) ?? 0) * factor;
        total += weight;
        evidence.push({ phrase, field, weight });
      }
    }
    return { slug: topic.slug, score: total, evidence };
  }

  return {
    tag(title, abstract) {
      const normalizedTitle = normalizeForMatching(title);
      const normalizedAbstract = normalizeForMatching(abstract);
      const scored = compiled
        .map((topic) => score(topic, normalizedTitle, normalizedAbstract))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      const chosen = scored.filter((s) => s.score >= rules.threshold).slice(0, rules.maxTopics);
      if (chosen.length > 0) return chosen;
      const best = scored[0];
      return best && best.score >= rules.fallbackMinimum ? [best] : [];
    },
  };
}
