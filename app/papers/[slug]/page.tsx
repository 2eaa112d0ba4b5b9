import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { CodeLink } from "@/components/code-link";
import { getPaper } from "@/lib/papers/queries";
import { relatedPapers } from "@/lib/papers/related";
import type { TopicEvidence } from "@/lib/papers/types";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const paper = await getPaper((await params).slug);
  if (!paper) notFound();
  return { title: paper.title, description: paper.abstract.slice(0, 200) };
}

export default async function PaperPage({ params }: Props) {
  const paper = await getPaper((await params).slug);
  if (!paper) notFound();
  const related = await relatedPapers(paper);

  return (
    <article className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0">
        <BackLink href="/">All papers</BackLink>
        <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">{paper.title}</h1>
        {paper.codeUrl && (
          <p className="mt-3">
            <CodeLink url={paper.codeUrl} />
          </p>
        )}
        <h2 className="mt-8 text-xs font-semibold uppercase tracking-wide text-stone-500">Abstract</h2>
        <p className="mt-2 font-serif text-lg leading-relaxed text-stone-800 dark:text-stone-200">{paper.abstract}</p>

        <section aria-labelledby="topics-heading" className="mt-10">
          <h2 id="topics-heading" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
            Topics
          </h2>
          <ul className="mt-3 space-y-2">
            {paper.topics.map((topic) => (
              <li key={topic.slug} className="text-sm">
                <Link href={`/topics/${topic.slug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-100">
                  {topic.name}
                </Link>
                <span className="text-stone-500"> — {describeEvidence(topic.evidence)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <aside className="space-y-8 text-sm lg:pt-10">
        <section aria-labelledby="digests-heading">
          <h2 id="digests-heading" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
            Appeared in
          </h2>
          <ul className="mt-2 space-y-1">
            {paper.digests.map((digest) => (
              <li key={digest.id}>
                <Link href={`/search?digest=${encodeURIComponent(digest.id)}`} className="hover:text-accent-600">
                  {digest.label ?? "Undated digest"} <span className="text-stone-500">({digest.fileName})</span>
                </Link>
                <span className="text-stone-500"> — #{digest.position}</span>
              </li>
            ))}
          </ul>
        </section>
        {related.length > 0 && (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
              Related papers
            </h2>
            <ul className="mt-2 space-y-2">
              {related.map((r) => (
                <li key={r.slug}>
                  <Link href={`/papers/${r.slug}`} className="leading-snug hover:text-accent-600">
                    {r.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </article>
  );
}

/** "matched “diffusion model” (title), “privacy”": each phrase once, where it was found. */
function describeEvidence(evidence: TopicEvidence[]): string {
  if (evidence.length === 0) return "no phrase matched (fallback topic)";
  const phrases = new Map<string, Set<string>>();
  for (const e of evidence) phrases.set(e.phrase, (phrases.get(e.phrase) ?? new Set()).add(e.field));
  const parts = [...phrases].slice(0, 6).map(([phrase, fields]) => `“${phrase}”${fields.has("title") ? " (title)" : ""}`);
  return `matched ${parts.join(", ")}${phrases.size > 6 ? ", …" : ""}`;
}
