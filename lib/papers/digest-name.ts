// How pages name a digest: its full date when an ingest could date it, else the label the
// page printed ("Mar 12", no year), else a fallback such as the file name.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2025-03-18" → "18 March 2025". Read from the string itself, so no time zone can shift the day. */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  if (!year || !name || !day) return isoDay;
  return `${day} ${name} ${year}`;
}

export function digestName(digest: { publishedOn: string | null; label: string | null }, fallback: string): string {
  if (digest.publishedOn) return formatDay(digest.publishedOn);
  return digest.label ?? fallback;
}
