import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { CodeLink } from "@/components/code-link";
import { DigestName } from "@/components/digest-name";
import { getPaper, listTopics } from "@/lib/papers/queries";
import { cookies } from "next/headers";
import { Highlighted } from "@/components/highlighted";
import { Notice } from "@/components/notice";
import { SaveButton } from "@/components/reading-lists/save-button";
import { PaperTopics } from "@/components/papers/paper-topics";
import { ADMIN_COOKIE, editingEnabled, isEditor } from "@/lib/admin/auth";
import { firstAppearance } from "@/lib/papers/provenance";
import { relatedPapers } from "@/lib/search/related";
import type { RawParams } from "@/lib/api/params";
import { CORRECTION_MESSAGES, isCorrectionCode } from "@/lib/topics/correction-messages";
import { highlightEvidence } from "@/lib/topics/highlight-evidence";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const paper = await getPaper((await params).slug);
  if (!paper) notFound();
  return { title: paper.title, description: paper.abstract.slice(0, 200) };
}

export default async function PaperPage({ params, searchParams }: Props) {
  const paper = await getPaper((await params).slug);
  if (!paper) notFound();
  const query = await searchParams;
  const [related, allTopics, editor, first] = await Promise.all([
    relatedPapers(paper),
    listTopics(),
    cookies().then((c) => isEditor(c.get(ADMIN_COOKIE)?.value)),
    firstAppearance(paper),
  ]);
  const explained = paper.topics.find((t) => t.slug === query.explain) ?? null;
  const flash = flashMessage(query);

  return (
    <article className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0">
        <BackLink href="/">All papers</BackLink>
        <h1 className="font-serif text-3xl leading-tight font-semibold tracking-tight">{paper.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <SaveButton slug={paper.slug} title={paper.title} variant="page" />
          {paper.codeUrl && <CodeLink url={paper.codeUrl} />}
        </div>
        {flash && (
          <div className="mt-4">
            <Notice tone={flash.tone} title={flash.title} />
          </div>
        )}
        <h2 id="abstract" className="mt-8 scroll-mt-6 text-xs font-semibold tracking-wide text-stone-500 uppercase">
          Abstract
        </h2>
        {explained && (
          <p className="mt-1 text-xs text-stone-500">
            Highlighting why this paper is in <strong>{explained.name}</strong>.{" "}
            <Link href={`/papers/${paper.slug}`} className="underline">
              Clear
            </Link>
          </p>
        )}
        <p className="mt-2 font-serif text-lg leading-relaxed text-stone-800 dark:text-stone-200">
          {explained ? (
            <Highlighted
              segments={highlightEvidence(
                paper.abstract,
                explained.evidence.map((e) => e.phrase),
              )}
            />
          ) : (
            paper.abstract
          )}
        </p>

        <PaperTopics
          paper={paper}
          explained={explained?.slug ?? null}
          editor={editor}
          editingEnabled={editingEnabled()}
          allTopics={allTopics}
        />
      </div>

      <aside className="space-y-8 text-sm lg:pt-10">
        <section aria-labelledby="digests-heading">
          <h2 id="digests-heading" className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
            Provenance
          </h2>
          {first && (
            <p className="mt-2">
              First appeared in{" "}
              <Link href={`/digests/${first.digest.id}`} className="font-medium hover:text-accent-600">
                <DigestName digest={first.digest} fallback={first.digest.fileName} />
              </Link>{" "}
              at #{first.position}; in Paperdex since {first.storedAt.slice(0, 10)}.
            </p>
          )}
          <p className="mt-2 text-stone-500">All digests it appeared in:</p>
          <ul className="mt-2 space-y-1">
            {paper.digests.map((digest) => (
              <li key={digest.id}>
                <Link href={`/digests/${encodeURIComponent(digest.id)}`} className="hover:text-accent-600">
                  <DigestName digest={digest} /> <span className="text-stone-500">({digest.fileName})</span>
                </Link>
                <span className="text-stone-500"> — #{digest.position}</span>
              </li>
            ))}
          </ul>
        </section>
        {related.length > 0 && (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading" className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
              Related papers
            </h2>
            <ul className="mt-2 space-y-2">
              {related.map((r) => (
                <li key={r.slug} className="flex items-start justify-between gap-2">
                  <Link href={`/papers/${r.slug}`} className="leading-snug hover:text-accent-600">
                    {r.title}
                  </Link>
                  <SaveButton slug={r.slug} title={r.title} variant="icon" />
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </article>
  );
}

/** The outcome of a correction, passed back as a code in the URL by the form's redirect. */
function flashMessage(query: RawParams): { tone: "info" | "warning"; title: string } | null {
  if (isCorrectionCode(query.error)) return { tone: "warning", title: CORRECTION_MESSAGES[query.error] };
  if (isCorrectionCode(query.edited)) return { tone: "info", title: CORRECTION_MESSAGES[query.edited] };
  return null;
}
