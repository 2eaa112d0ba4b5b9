import type { TopicModel } from "../../lib/topics/model";

/**
 * The model as committed: JSON with one feature per line (sorted), so that a retrained model's
 * diff shows which words changed weight.
 */
export function serializeModel(model: TopicModel): string {
  const { weights, ...rest } = model;
  const head = JSON.stringify(rest, null, 1).replace(/\n}$/, "");
  const lines = Object.keys(weights)
    .sort()
    .map((feature) => `  ${JSON.stringify(feature)}: ${JSON.stringify(weights[feature])}`);
  return `${head},\n "weights": {\n${lines.join(",\n")}\n }\n}\n`;
}
