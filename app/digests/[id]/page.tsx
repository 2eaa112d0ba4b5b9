import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { DigestName } from "@/components/digest-name";
import { PaperList } from "@/components/paper-list";
import { digestName } from "@/lib/papers/digest-name";
import { getDigest } from "@/lib/papers/provenance";
import type { RawParams } from "@/lib/api/params";
import { hidesSeen, withHideSeen } from "@/lib/reading-lists/hide-seen";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getDigest((await params).id);
  if (!found) notFound();
  return { title: `Digest ${digestName(found.digest, found.digest.fileName)}` };
}

export default async function DigestPage({ params, searchParams }: Props) {
  const found = await getDigest((await params).id);
  if (!found) notFound();
  const { digest, entries } = found;
  const hideSeen = hidesSeen(await searchParams);
  return (
    <div className="mx-auto max-w-4xl">
      <BackLink href="/digests">All digests</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">
        <DigestName digest={digest} />
      </h1>
      <p className="mt-1 text-sm text-stone-500">
        {digest.fileName} · ingested {digest.ingestedAt.slice(0, 10)} · {entries.length} papers, {digest.newPapers} new here ·{" "}
        <Link href={`/search?digest=${digest.id}`} className="text-accent-600 underline">
          search within this digest
        </Link>
      </p>
      <div className="mt-6">
        <PaperList
          papers={entries.map((e) => e.paper)}
          markNew
          hideSeen={{ on: hideSeen, toggleHref: withHideSeen(`/digests/${digest.id}`, !hideSeen) }}
          digestId={digest.id}
          meta={(_, i) => {
            const { position, seenBefore } = entries[i]!;
            return (
              <>
                #{position} ·{" "}
                {seenBefore ? (
                  <Link href={`/digests/${seenBefore.id}`} className="underline">
                    seen before in <DigestName digest={seenBefore} fallback={seenBefore.fileName} />
                  </Link>
                ) : (
                  <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                    new
                  </span>
                )}
              </>
            );
          }}
        />
      </div>
    </div>
  );
}
