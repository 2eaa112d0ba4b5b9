import type { Metadata } from "next";
import { ExportLinks } from "@/components/reading-lists/export-links";
import { Notice } from "@/components/notice";
import { PaperCard } from "@/components/paper-card";
import { SaveCopyButton } from "@/components/reading-lists/save-copy-button";
import { describeIssue, type RawParams } from "@/lib/api/params";
import { loadListPapers } from "@/lib/reading-lists/load";
import { shareParamsSchema } from "@/lib/reading-lists/share-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = shareParamsSchema.safeParse(await searchParams);
  return { title: parsed.success ? `List: ${parsed.data.name}` : "Shared list", robots: { index: false } };
}

/** A list shared by link: everything it holds is in the address; read-only, rendered here. */
export default async function SharedListPage({ searchParams }: Props) {
  const parsed = shareParamsSchema.safeParse(await searchParams);
  if (!parsed.success) {
    const { param, message } = describeIssue(parsed.error);
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">Shared list</h1>
        <Notice tone="warning" title={`This list link has an invalid "${param}"`}>
          {message}.
        </Notice>
      </div>
    );
  }
  const { name, paper: slugs } = parsed.data;
  const listed = await loadListPapers(slugs);
  const missing = listed.filter((l) => !l.paper).length;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Shared reading list</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight">{name}</h1>
        <p className="mt-1 text-sm text-stone-500">
          {slugs.length} {slugs.length === 1 ? "paper" : "papers"}
          {missing > 0 && `, ${missing} no longer in Paperdex`}. This list lives in its link: nothing about it is stored on the
          server.
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          {slugs.length > 0 && <SaveCopyButton name={name} slugs={slugs} />}
          {listed.length > 0 && <ExportLinks label="Export:" name={name} slugs={slugs} className="text-sm" />}
        </div>
      </div>
      {slugs.length === 0 ? (
        <Notice title="This list is empty" />
      ) : (
        <ol className="space-y-4" aria-label={`Papers in ${name}`}>
          {listed.map((item, index) => (
            <li key={item.slug}>
              {item.paper ? (
                <PaperCard
                  slug={item.slug}
                  title={item.paper.title}
                  excerpt={item.paper.abstract}
                  topics={item.paper.topics}
                  codeUrl={item.paper.codeUrl}
                  meta={`#${index + 1}`}
                />
              ) : (
                <div className="rounded-xl border border-dashed border-stone-300 p-4 text-sm text-stone-500 dark:border-stone-700">
                  <p className="font-medium">Missing paper</p>
                  <p className="mt-1">
                    <code className="font-mono text-xs">{item.slug}</code> is no longer in this Paperdex (or the link was
                    mistyped).
                  </p>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
