import { labelMonthDay } from "../digest";

export interface DigestDate {
  publishedOn: Date | null;
  /** YYYYMMDD with a year, MMDD from the label alone, 0 without a label. */
  sortKey: number;
}

/** Dates a digest from its "Mar 12" label; the year comes only from the caller (--year). */
export function digestDate(label: string | null, year: number | undefined): DigestDate {
  const monthDay = label ? labelMonthDay(label) : null;
  if (monthDay === null) return { publishedOn: null, sortKey: 0 };
  if (year === undefined) return { publishedOn: null, sortKey: monthDay };
  const month = Math.floor(monthDay / 100);
  const day = monthDay % 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return { publishedOn: null, sortKey: monthDay }; // "Feb 30"
  return { publishedOn: date, sortKey: year * 10_000 + monthDay };
}
