import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTagger, type Tagger } from "./tagger";
import { checkRulesAgainstTaxonomy, taxonomySchema, topicRulesSchema, type Topic, type TopicRules } from "./rules";

export const TOPICS_FILE = path.resolve("seeds/topics.json");
export const RULES_FILE = path.resolve("seeds/topic-rules.json");

export class TopicConfigError extends Error {}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new TopicConfigError(`cannot read ${file}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TopicConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Loads the taxonomy and the tagging rules, failing with a message that names the file. */
export async function loadTopicConfig(
  topicsFile = TOPICS_FILE,
  rulesFile = RULES_FILE,
): Promise<{ topics: Topic[]; rules: TopicRules }> {
  const taxonomy = taxonomySchema.safeParse(await readJson(topicsFile));
  if (!taxonomy.success) throw new TopicConfigError(`${topicsFile}: ${taxonomy.error.issues[0]?.message}`);
  const rules = topicRulesSchema.safeParse(await readJson(rulesFile));
  if (!rules.success) {
    const issue = rules.error.issues[0];
    throw new TopicConfigError(`${rulesFile}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const mismatches = checkRulesAgainstTaxonomy(rules.data, taxonomy.data.topics);
  if (mismatches.length) throw new TopicConfigError(`${rulesFile}: ${mismatches.join("; ")}`);
  return { topics: taxonomy.data.topics, rules: rules.data };
}

let cachedTagging: Promise<{ topics: Topic[]; rules: TopicRules; tagger: Tagger }> | undefined;

/** The taxonomy, rules and a compiled tagger, loaded once per process (for the web app). */
export function tagging() {
  cachedTagging ??= loadTopicConfig().then(({ topics, rules }) => ({ topics, rules, tagger: createTagger(rules) }));
  return cachedTagging;
}
