import { FACETS, FIRST_SEEN_ATTRIBUTE, type FacetParam } from "./settings";

export interface FacetSelection {
  topic: string[];
  digest: string[];
  hasCode: boolean | undefined;
  /** Only papers first stored at or after this time (ms since 1970). Not a facet: every count keeps it. */
  since?: number;
}

/** Quotes a value for a Meilisearch filter: backslash and double quote are escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `attribute = "value"` for an allow-listed facet; the attribute never comes from input. */
function equals(param: FacetParam, value: string): string {
  return `${FACETS[param]} = ${quoteFilterValue(value)}`;
}

/** `attribute >= number` for an allow-listed numeric attribute; only a finite number is written. */
function atLeast(attribute: typeof FIRST_SEEN_ATTRIBUTE, value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `${attribute} >= ${value}`;
}

/**
 * The filter for a selection: values within a facet are OR-ed (an inner array), facets are
 * AND-ed (the outer array). `except` leaves one facet out, for its disjunctive counts.
 */
export function buildFilter(selection: FacetSelection, except?: FacetParam): string[][] {
  const groups: string[][] = [];
  if (except !== "topic" && selection.topic.length) groups.push(selection.topic.map((v) => equals("topic", v)));
  if (except !== "digest" && selection.digest.length) groups.push(selection.digest.map((v) => equals("digest", v)));
  if (except !== "hasCode" && selection.hasCode !== undefined) {
    groups.push([equals("hasCode", String(selection.hasCode))]);
  }
  if (selection.since !== undefined) groups.push([atLeast(FIRST_SEEN_ATTRIBUTE, selection.since)]);
  return groups;
}
