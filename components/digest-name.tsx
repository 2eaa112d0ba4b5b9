import { digestName } from "@/lib/papers/digest-name";

/** A digest's full date as a <time> when known, else its label, else the fallback. */
export function DigestName({
  digest,
  fallback = "Undated digest",
}: {
  digest: { publishedOn: string | null; label: string | null };
  fallback?: string;
}) {
  const name = digestName(digest, fallback);
  return digest.publishedOn ? <time dateTime={digest.publishedOn}>{name}</time> : <>{name}</>;
}
