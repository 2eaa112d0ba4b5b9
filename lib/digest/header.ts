// The boilerplate that daily-papers pages print above the list. Matched case-insensitively
// and with spacing folded, because snapshots differ ("byAK" and "by AK").
const BOILERPLATE = [
  "new",
  "get trending papers in your email inbox!",
  "get trending papers in your email inbox once a day!",
  "subscribe",
  "daily papers",
  "by ak and the research community",
  "byak and the research community",
];

// Longest first, so that a glued prefix is stripped whole.
const GLUE_PREFIXES = [
  "Get trending papers in your email inbox once a day!",
  "Get trending papers in your email inbox!",
  "Daily Papers",
  "Subscribe",
];

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE_LABEL = new RegExp(`^(${MONTHS})[a-z]*\\.? (\\d{1,2})$`, "i");

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.includes(line.replace(/\s+/g, " ").trim().toLowerCase());
}

export function isDateLabel(line: string): boolean {
  return DATE_LABEL.test(line.trim());
}

/**
 * A header line with the first title glued on, as in "SubscribeQuery Rewriting for …" (a
 * snapshot that lost its line breaks). Returns the title part, or null when the line is not
 * one: the rest must start like a title (capital letter or digit), so "Subscribers" is safe.
 */
export function splitGluedHeader(line: string): string | null {
  for (const prefix of GLUE_PREFIXES) {
    if (line.length > prefix.length && line.startsWith(prefix)) {
      const rest = line.slice(prefix.length);
      if (/^[\p{Lu}\p{N}]/u.test(rest)) return rest.trim();
    }
  }
  return null;
}

/** "Mar 12" → 312, for ordering digests whose year is unknown. */
export function labelMonthDay(label: string): number | null {
  const match = DATE_LABEL.exec(label.trim());
  if (!match?.[1] || !match[2]) return null;
  const month = MONTHS.split("|").indexOf(match[1].toLowerCase());
  const monthNumber = month >= 9 ? month : month + 1; // "sep" and "sept" are both September
  const day = Number(match[2]);
  if (day < 1 || day > 31) return null;
  return monthNumber * 100 + day;
}
