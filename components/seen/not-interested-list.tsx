"use client";

import Link from "next/link";
import { useId, useRef } from "react";
import { usePaperDetails } from "@/components/reading-lists/lists-manager";
import { announce } from "@/lib/reading-lists/announce";
import { applyChange } from "@/lib/reading-lists/change";
import { notInterestedIn, restoreInterest } from "@/lib/reading-lists/seen";
import { libraryStore } from "@/lib/reading-lists/store";
import { useLibrary } from "@/lib/reading-lists/use-library";

// /lists: the papers hidden with "Not interested", newest first, each with a way back.

const button =
  "rounded-md border border-stone-300 px-2 py-1 text-sm hover:border-accent-500 hover:text-accent-700 disabled:cursor-not-allowed disabled:opacity-40 dark:border-stone-700 dark:hover:text-accent-100";

export function NotInterestedList() {
  const snapshot = useLibrary();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const library = snapshot?.status === "ready" ? snapshot.library : null;
  const hidden = library ? notInterestedIn(library) : [];
  const { details, error } = usePaperDetails(hidden.map((n) => n.slug));
  if (!library) return null;
  const readOnly = snapshot?.status === "ready" && !!snapshot.readOnly;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl border border-stone-200 p-4 text-sm dark:border-stone-800"
    >
      {/* Focus comes here when the paper whose button had it is shown again (and leaves the list). */}
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        Not interested ({hidden.length})
      </h2>
      <p className="text-stone-600 dark:text-stone-300">
        Papers you marked “Not interested” are hidden wherever papers are listed. They are part of the JSON export above.
      </p>
      {error && <p className="text-amber-700 dark:text-amber-300">{error}</p>}
      {hidden.length === 0 ? (
        <p className="text-stone-500">None: use the ⊘ button on a paper to hide it.</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Papers you are not interested in">
          {hidden.map((entry) => {
            const paper = details.get(entry.slug);
            const title = paper && paper !== "missing" ? paper.title : entry.slug;
            return (
              <li key={entry.slug} className="flex flex-wrap items-center gap-3 py-2">
                <div className="min-w-0 flex-1">
                  {paper === "missing" ? (
                    <span className="text-stone-500">
                      Missing paper <code className="font-mono text-xs">{entry.slug}</code>
                    </span>
                  ) : (
                    <Link href={`/papers/${entry.slug}`} className="font-medium hover:text-accent-600 dark:hover:text-accent-100">
                      {title}
                    </Link>
                  )}
                  <span className="ml-2 text-xs text-stone-500">
                    hidden <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time>
                  </span>
                </div>
                <button
                  type="button"
                  className={button}
                  disabled={readOnly}
                  onClick={() => {
                    const { message } = applyChange(
                      libraryStore(),
                      (lib) => restoreInterest(lib, entry.slug),
                      `“${title}” is shown again`,
                    );
                    announce(message);
                    heading.current?.focus();
                  }}
                >
                  Show again<span className="sr-only"> “{title}”</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
