"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { BackupSection, downloadJson, ImportStatus, JsonFileInput, type ImportMessage } from "@/components/personal-data/backup";
import { BUTTON_CLASS as button } from "@/components/personal-data/button";
import { KeptAsideNotice, Loading, Problem, UndoNotice } from "@/components/personal-data/notices";
import { ExportLinks } from "@/components/search/export-links";
import { announce } from "@/lib/reading-lists/announce";
import {
  deleteSearch,
  exportSavedSearches,
  markOpened,
  MAX_SEARCH_NAME,
  mergeSavedSearches,
  newSinceQuery,
  renameSearch,
  restoreSearch,
  stateOfQuery,
  type DeletedSearch,
  type SavedSearch,
  type SavedSearches,
} from "@/lib/saved-searches/document";
import { savedSearchStore } from "@/lib/saved-searches/store";
import { useSavedSearches } from "@/lib/saved-searches/use-saved-searches";

// /saved: the visitor's saved searches from localStorage. For each, the papers it matches now
// and those first stored since it was last opened are counted by /api/search (perPage=1, the
// total only); the browser sends the search's own parameters, nothing else of the visitor's.

function save(edit: (document: SavedSearches) => SavedSearches, message: string): boolean {
  const error = savedSearchStore().update(edit);
  announce(error ?? message);
  return !error;
}

export function SavedSearchesManager() {
  const snapshot = useSavedSearches();
  const [deleted, setDeleted] = useState<DeletedSearch | null>(null);

  if (!snapshot) return <Loading what="saved searches" />;
  if (snapshot.status === "unavailable") return <Problem title={`Your saved searches cannot be shown: ${snapshot.reason}.`} />;
  const { document, keptAside, readOnly } = snapshot;

  return (
    <div className="space-y-6">
      {readOnly && <Problem title={readOnly} />}
      {keptAside.map((kept) => (
        <KeptAsideNotice
          key={kept.key}
          title={`Saved searches stored earlier could not be read (${kept.detail}); they are kept aside in this browser.`}
          store={savedSearchStore()}
          keptKey={kept.key}
          fileName="paperdex-saved-searches-unreadable.json"
          downloadLabel="Download them"
          discardLabel="Discard them"
        />
      ))}
      {deleted && (
        <UndoNotice
          offer={deleted}
          message={`Deleted the saved search “${deleted.search.name}”.`}
          onUndo={() => {
            setDeleted(null);
            save((doc) => restoreSearch(doc, deleted), `Restored the saved search “${deleted.search.name}”`);
          }}
          onDismiss={() => setDeleted(null)}
        />
      )}
      {document.searches.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-6 text-sm text-stone-500 dark:border-stone-700">
          No saved searches yet. Search for something, then use <strong>Save this search</strong> above the results.
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Saved searches">
          {document.searches.map((search) => (
            <SavedSearchItem
              key={search.id}
              search={search}
              readOnly={!!readOnly}
              onDelete={() => {
                let removed: DeletedSearch | null = null;
                const ok = save((doc) => {
                  const result = deleteSearch(doc, search.id);
                  removed = result.deleted;
                  return result.document;
                }, `Deleted the saved search “${search.name}”`);
                if (ok) setDeleted(removed);
              }}
            />
          ))}
        </ul>
      )}
      <ImportExport document={document} readOnly={!!readOnly} />
    </div>
  );
}

type Counts = { status: "loading" } | { status: "ok"; total: number; fresh: number } | { status: "error"; message: string };

async function countOf(query: string, signal: AbortSignal): Promise<number> {
  const response = await fetch(`/api/search?${query}${query ? "&" : ""}perPage=1`, { signal, cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as { total?: number; error?: string };
  if (!response.ok || typeof body.total !== "number") throw new Error(body.error ?? `the server answered ${response.status}`);
  return body.total;
}

/** The papers a saved search matches now, and those first stored since it was last opened. */
function useCounts(search: SavedSearch): Counts {
  // Answers are kept with the request they answer: a changed search reads as loading until its own arrives.
  const [answer, setAnswer] = useState<{ key: string; counts: Counts } | null>(null);
  const since = newSinceQuery(search);
  const key = `${search.query}\n${since}`;
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([countOf(search.query, controller.signal), countOf(since, controller.signal)]).then(
      ([total, fresh]) => setAnswer({ key, counts: { status: "ok", total, fresh } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, counts: { status: "error", message: error instanceof Error ? error.message : "failed" } });
      },
    );
    return () => controller.abort();
  }, [key, search.query, since]);
  return answer?.key === key ? answer.counts : { status: "loading" };
}

/** What a saved search looks for, in words: its query, filters and order. */
function describe(query: string): string {
  const state = stateOfQuery(query);
  const parts = [state.q ? `“${state.q}”` : "all papers"];
  if (state.topic.length) parts.push(`topic ${state.topic.join(" or ")}`);
  if (state.digest.length) parts.push(`digest ${state.digest.join(" or ")}`);
  if (state.hasCode !== undefined) parts.push(state.hasCode ? "with code" : "without code");
  if (state.since) parts.push(`added since ${state.since}`);
  if (state.sort !== "relevance") parts.push(`${state.sort} first`);
  return parts.join(" · ");
}

function SavedSearchItem({ search, readOnly, onDelete }: { search: SavedSearch; readOnly: boolean; onDelete: () => void }) {
  const counts = useCounts(search);
  const [renaming, setRenaming] = useState(false);
  const headingId = useId();
  const inputId = useId();
  const renameRef = useRef<HTMLButtonElement>(null);
  const href = `/search${search.query ? `?${search.query}` : ""}`;
  const opened = new Date(search.lastOpenedAt);

  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="font-serif text-lg leading-snug font-semibold">
          <Link
            href={href}
            className="hover:text-accent-600 dark:hover:text-accent-100"
            onClick={() => savedSearchStore().update((doc) => markOpened(doc, search.query, new Date()))}
          >
            {search.name}
          </Link>
        </h2>
        <p className="text-sm text-stone-600 tabular-nums dark:text-stone-300" data-saved-search-counts>
          {counts.status === "loading" && "Counting…"}
          {counts.status === "error" && (
            <span className="text-amber-700 dark:text-amber-300">Could not count: {counts.message}</span>
          )}
          {counts.status === "ok" && (
            <>
              {counts.total} {counts.total === 1 ? "paper" : "papers"} ·{" "}
              <strong className={counts.fresh > 0 ? "text-accent-700 dark:text-accent-100" : "font-normal"}>
                {counts.fresh} new
              </strong>{" "}
              <span className="text-stone-500">
                since opened <time dateTime={search.lastOpenedAt}>{opened.toLocaleString()}</time>
              </span>
            </>
          )}
        </p>
      </div>
      <p className="text-xs break-words text-stone-500">{describe(search.query)}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={renameRef}
          type="button"
          className={button}
          disabled={readOnly}
          aria-expanded={renaming}
          onClick={() => setRenaming((r) => !r)}
        >
          Rename<span className="sr-only"> {search.name}</span>
        </button>
        <button type="button" className={button} disabled={readOnly} onClick={onDelete}>
          Delete<span className="sr-only"> {search.name}</span>
        </button>
        <ExportLinks state={stateOfQuery(search.query)} label={`Feed and exports of ${search.name}`} />
      </div>
      {renaming && (
        <form
          className="flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            const name = new FormData(event.currentTarget).get("name");
            if (typeof name !== "string" || !name.trim()) return;
            save((doc) => renameSearch(doc, search.id, name), `Renamed the saved search to “${name.trim()}”`);
            setRenaming(false);
            renameRef.current?.focus();
          }}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            setRenaming(false);
            renameRef.current?.focus();
          }}
        >
          <label htmlFor={inputId}>New name</label>
          <input
            id={inputId}
            name="name"
            defaultValue={search.name}
            maxLength={MAX_SEARCH_NAME}
            required
            autoFocus
            className="w-64 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          />
          <button type="submit" className={button}>
            Rename
          </button>
        </form>
      )}
    </li>
  );
}

function ImportExport({ document, readOnly }: { document: SavedSearches; readOnly: boolean }) {
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const fileId = useId();

  async function importFile(file: File) {
    const { parseSavedSearches } = await import("@/lib/saved-searches/schema");
    const parsed = parseSavedSearches(await file.text());
    if (!parsed.ok) {
      setMessage({
        tone: "error",
        text: `“${file.name}” was not imported: ${parsed.detail}. Your saved searches are unchanged.`,
      });
      return;
    }
    let result = { added: 0, skipped: 0 };
    const error = savedSearchStore().update((doc) => {
      const merged = mergeSavedSearches(doc, parsed.document);
      result = merged;
      return merged.document;
    });
    const skipped = result.skipped ? ` ${result.skipped} left out: at most 200 saved searches.` : "";
    setMessage(
      error
        ? { tone: "error", text: error }
        : {
            tone: result.skipped ? "error" : "ok",
            text: `Added ${result.added} saved ${result.added === 1 ? "search" : "searches"} from “${file.name}” (those already here were kept as they are).${skipped}`,
          },
    );
  }

  return (
    <BackupSection heading="Back up or move your saved searches">
      <button
        type="button"
        className={button}
        onClick={() =>
          downloadJson(`paperdex-saved-searches-${new Date().toISOString().slice(0, 10)}.json`, exportSavedSearches(document))
        }
      >
        Export saved searches (JSON)
      </button>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={fileId} className="font-medium">
          Import a file (merged into these)
        </label>
        <JsonFileInput id={fileId} disabled={readOnly} onFile={(file) => void importFile(file)} />
      </div>
      <ImportStatus message={message} />
    </BackupSection>
  );
}
