import { sinceTime } from "./params";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A valid `since` value as people read it: "23 Nov 2026" for a date, "23 Nov 2026, 08:00 UTC"
 * for a date-time (shown in UTC, so the server's time zone never shifts it).
 */
export function sinceLabel(since: string): string {
  const at = new Date(sinceTime(since));
  const day = `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
  if (!since.includes("T")) return day;
  const time = [at.getUTCHours(), at.getUTCMinutes()].map((n) => String(n).padStart(2, "0")).join(":");
  return `${day}, ${time} UTC`;
}
