import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkModelAgainstTaxonomy, createModelTagger, topicModelSchema, type TopicModel } from "./model";
import { compileRules } from "./features";
import type { Tagger } from "./tagger";
import { checkRulesAgainstTaxonomy, taxonomySchema, topicRulesSchema, type Topic, type TopicRules } from "./rules";

export const TOPICS_FILE = path.resolve("seeds/topics.json");
export const RULES_FILE = path.resolve("seeds/topic-rules.json");
/** Trained by `npm run topics:train`. */
export const MODEL_FILE = path.resolve("seeds/topic-model.json");

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

export interface TopicConfig {
  topics: Topic[];
  /** The phrase rules: features of the model, and the tagger of old. */
  rules: TopicRules;
  model: TopicModel;
}

/** Loads the taxonomy and the phrase rules (what training the model needs), failing with a message that names the file. */
export async function loadTaxonomyAndRules(
  topicsFile = TOPICS_FILE,
  rulesFile = RULES_FILE,
): Promise<Omit<TopicConfig, "model">> {
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

/** Loads the taxonomy, the phrase rules and the topic model, failing with a message that names the file. */
export async function loadTopicConfig(
  topicsFile = TOPICS_FILE,
  rulesFile = RULES_FILE,
  modelFile = MODEL_FILE,
): Promise<TopicConfig> {
  const { topics, rules } = await loadTaxonomyAndRules(topicsFile, rulesFile);
  const model = topicModelSchema.safeParse(await readJson(modelFile));
  if (!model.success) {
    const issue = model.error.issues[0];
    throw new TopicConfigError(`${modelFile}: ${issue?.path.join(".")}: ${issue?.message} (retrain it: npm run topics:train)`);
  }
  const modelMismatches = checkModelAgainstTaxonomy(
    model.data,
    topics.map((t) => t.slug),
  );
  if (modelMismatches.length) {
    throw new TopicConfigError(`${modelFile}: ${modelMismatches.join("; ")} (retrain it: npm run topics:train)`);
  }
  return { topics, rules, model: model.data };
}

/** The tagger of the product: the trained model, with the rules' scores among its features. */
export function createTopicTagger({ model, rules }: Pick<TopicConfig, "model" | "rules">): Tagger {
  return createModelTagger(model, compileRules(rules));
}

let cachedTagging: Promise<TopicConfig & { tagger: Tagger }> | undefined;

/** The taxonomy, rules, model and the tagger, loaded once per process (for the web app). */
export function tagging() {
  cachedTagging ??= loadTopicConfig().then((config) => ({ ...config, tagger: createTopicTagger(config) }));
  return cachedTagging;
}
