import Link from "next/link";
import type { Evidence, PaperDetail, TopicRef } from "@/lib/papers/types";
import { CORRECTION_MESSAGES } from "@/lib/topics/correction-messages";
import { additionBlocked } from "@/lib/topics/overrides";

interface PaperTopicsProps {
  paper: PaperDetail;
  /** The topic whose evidence is highlighted in the abstract, if any. */
  explained: string | null;
  /** Signed-in editors get forms to correct the topics. */
  editor: boolean;
  editingEnabled: boolean;
  allTopics: TopicRef[];
}

const smallButton =
  "rounded border border-stone-300 px-2 py-0.5 text-xs hover:border-accent-500 hover:text-accent-600 dark:border-stone-700";

/** Why each topic was given, with links to see the evidence in the abstract, and corrections. */
export function PaperTopics({ paper, explained, editor, editingEnabled, allTopics }: PaperTopicsProps) {
  const action = `/api/papers/${encodeURIComponent(paper.slug)}/topics`;
  const addable = allTopics.filter((t) => !paper.topics.some((p) => p.slug === t.slug));
  // No form where every addition would be refused: say why instead.
  const blocked = additionBlocked(paper.topics, allTopics);
  return (
    <section aria-labelledby="topics-heading" id="topics" className="mt-10 scroll-mt-6">
      <h2 id="topics-heading" className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        Topics
      </h2>
      <ul className="mt-3 space-y-3">
        {paper.topics.map((topic) => (
          <li key={topic.slug} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/topics/${topic.slug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-100">
                {topic.name}
              </Link>
              {topic.source === "manual" && (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                  edited
                </span>
              )}
              {topic.evidence.length > 0 && (
                <Link
                  href={
                    explained === topic.slug
                      ? `/papers/${paper.slug}#topics`
                      : `/papers/${paper.slug}?explain=${topic.slug}#abstract`
                  }
                  aria-current={explained === topic.slug ? "true" : undefined}
                  className="text-xs text-stone-500 underline hover:text-accent-600"
                >
                  {explained === topic.slug ? "hide evidence" : "show evidence in abstract"}
                </Link>
              )}
              {editor && (
                <form action={action} method="post" className="inline">
                  <input type="hidden" name="action" value={topic.source === "manual" ? "undo" : "remove"} />
                  <input type="hidden" name="topic" value={topic.slug} />
                  <button type="submit" className={smallButton} aria-label={`Remove the topic ${topic.name}`}>
                    {topic.source === "manual" ? "Undo addition" : "Remove"}
                  </button>
                </form>
              )}
            </div>
            <p className="mt-0.5 text-stone-500">{describeEvidence(topic.evidence, topic.source, topic.score)}</p>
          </li>
        ))}
      </ul>

      {paper.removedTopics.length > 0 && (
        <div className="mt-4 text-sm">
          <p className="text-stone-500">Removed by an editor:</p>
          <ul className="mt-1 space-y-1">
            {paper.removedTopics.map((topic) => (
              <li key={topic.slug} className="flex items-center gap-2">
                <span className="line-through decoration-stone-400">{topic.name}</span>
                {editor && (
                  <form action={action} method="post" className="inline">
                    <input type="hidden" name="action" value="undo" />
                    <input type="hidden" name="topic" value={topic.slug} />
                    <button type="submit" className={smallButton} aria-label={`Restore the topic ${topic.name}`}>
                      Undo removal
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {editor && blocked ? (
        <p className="mt-4 text-xs text-stone-500">
          {blocked === "too-many" ? CORRECTION_MESSAGES["too-many"] : "Every topic of the taxonomy is already on this paper."}
        </p>
      ) : editor ? (
        <form action={action} method="post" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="action" value="add" />
          <label htmlFor="add-topic" className="text-stone-600 dark:text-stone-300">
            Add a topic
          </label>
          <select
            id="add-topic"
            name="topic"
            required
            className="rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          >
            {addable.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className={smallButton}>
            Add
          </button>
        </form>
      ) : (
        editingEnabled && (
          <p className="mt-4 text-xs">
            <Link href={`/admin?next=${encodeURIComponent(`/papers/${paper.slug}#topics`)}`} className="text-stone-500 underline">
              Correct these topics (editors)
            </Link>
          </p>
        )
      )}
    </section>
  );
}

/**
 * "Strongest evidence: “diffusion models” in the title (+2.10), “privacy” (+0.80) — model
 * confidence 87%": the words that added most to the topic's score, each once, where found.
 */
function describeEvidence(evidence: Evidence[], source: "rule" | "manual", score: number): string {
  if (evidence.length === 0)
    return source === "manual" ? "Added by an editor." : "No word stood out; the best of weak candidates.";
  const phrases = new Map<string, { title: boolean; weight: number }>();
  for (const e of evidence) {
    const seen = phrases.get(e.phrase) ?? { title: false, weight: 0 };
    phrases.set(e.phrase, { title: seen.title || e.field === "title", weight: seen.weight + e.weight });
  }
  const parts = [...phrases]
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, 6)
    .map(([phrase, { title, weight }]) => `“${phrase}”${title ? " in the title" : ""} (+${weight.toFixed(2)})`);
  const lead = source === "manual" ? "Added by an editor; the model also saw" : "Strongest evidence:";
  // Scores up to 1 are the model's probabilities; older rows hold the rules' phrase totals.
  const confidence = score > 0 && score <= 1 ? ` — model confidence ${Math.round(score * 100)}%` : "";
  return `${lead} ${parts.join(", ")}${phrases.size > 6 ? ", …" : ""}${confidence}.`;
}
