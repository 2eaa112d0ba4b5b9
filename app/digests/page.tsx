import type { Metadata } from "next";
import Link from "next/link";
import { DigestName } from "@/components/digest-name";
import { listDigestInfo } from "@/lib/papers/provenance";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Digests" };

export default async function DigestsPage() {
  const digests = await listDigestInfo();
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">Digests</h1>
      <p className="mt-1 text-sm text-stone-500">
        Every ingested digest, newest first (undated digests follow the dated ones in the order they were ingested), with how many
        of its papers appeared there for the first time.
      </p>
      <ol className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {digests.map((d) => (
          <li key={d.id}>
            <Link
              href={`/digests/${d.id}`}
              className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800"
            >
              <span>
                <span className="font-medium">
                  <DigestName digest={d} />
                </span>{" "}
                <span className="text-sm text-stone-500">{d.fileName}</span>
              </span>
              <span className="text-sm text-stone-600 tabular-nums dark:text-stone-300">
                {d.entryCount} papers · {d.newPapers} new
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
