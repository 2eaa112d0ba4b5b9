import type { TopicModel } from "../../lib/topics/model";

/**
 * The model as committed: JSON with one feature per line (sorted), and one stem per line of
 * the category table, so that a retrained model's diff shows which words changed weight.
 */
export function serializeModel(model: TopicModel): string {
  const { weights, categories, ...rest } = model;
  const head = JSON.stringify(rest, null, 1).replace(/\n}$/, "");
  const byLine = (record: Record<string, number[]>, indent: string) =>
    Object.keys(record)
      .sort()
      .map((key) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(record[key])}`)
      .join(",\n");
  const tail = categories
    ? `,\n "categories": {\n  "groups": ${JSON.stringify(categories.groups)},\n  "scale": ${categories.scale},\n` +
      `  "weights": {\n${byLine(categories.weights, "   ")}\n  }\n }`
    : "";
  return `${head},\n "weights": {\n${byLine(weights, "  ")}\n }${tail}\n}\n`;
}
