"use client";

import { BackupSection, downloadJson, ImportStatus, JsonFileInput, type ImportMessage } from "@/components/personal-data/backup";
import { BUTTON_CLASS as button } from "@/components/personal-data/button";
import { KeptAsideNotice, Loading, Problem, UndoNotice } from "@/components/personal-data/notices";
import { ExportLinks } from "@/components/reading-lists/export-links";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { announce } from "@/lib/reading-lists/announce";
import { applyChange } from "@/lib/reading-lists/change";
import {
  createList,
  createRefusal,
  deleteList,
  exportLibrary,
  findList,
  mergeSkippedText,
  moveEntry,
  removeEntry,
  renameList,
  replaceLibrary,
  restoreEntry,
  restoreList,
  setDefaultList,
  type Library,
  type MergeSkipped,
  type ReadingList,
} from "@/lib/reading-lists/document";
import { detailsInBatches } from "@/lib/reading-lists/details-batches";
import { listPaperDetails, type ListPaperDetails } from "@/lib/reading-lists/paper-details";
import { mergeImport } from "@/lib/reading-lists/seen";
import { MAX_SHARED_PAPERS, shareHref } from "@/lib/reading-lists/share-link";
import { libraryStore } from "@/lib/reading-lists/store";
import { useLibrary } from "@/lib/reading-lists/use-library";

// /lists: the visitor's lists from localStorage, with the papers' details asked of the server
// by slug (a server action that reads and writes nothing). Everything else stays here.

type Undo = { message: string; undo: (library: Library) => Library };

function save(edit: (library: Library) => Library, message: string, refusal?: (library: Library) => string | null): boolean {
  const { ok, message: said } = applyChange(libraryStore(), edit, message, refusal);
  announce(said);
  return ok;
}

export function ListsManager() {
  const snapshot = useLibrary();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);

  if (!snapshot) return <Loading what="lists" />;
  if (snapshot.status === "unavailable") {
    return <Problem title={`Your lists cannot be shown: ${snapshot.reason}.`} />;
  }
  const { library, keptAside, readOnly } = snapshot;
  const selected = findList(library, selectedId ?? "") ?? findList(library, library.defaultListId) ?? library.lists[0]!;

  function act(edit: (library: Library) => Library, message: string, undoable?: Undo) {
    if (save(edit, message)) setUndo(undoable ?? null);
  }

  return (
    <div className="space-y-6">
      {readOnly && <Problem title={readOnly} />}
      {keptAside.map((kept) => (
        <KeptAsideNotice
          key={kept.key}
          title={`Lists stored in this browser could not be read (${kept.detail}). They were kept aside, not deleted; you started with empty lists.`}
          store={libraryStore()}
          keptKey={kept.key}
          fileName={`paperdex-lists-unreadable-${kept.at}.json`}
          downloadLabel="Download what was kept"
          discardLabel="Discard it"
        />
      ))}
      {undo && (
        <UndoNotice
          offer={undo}
          message={undo.message}
          onUndo={() => {
            const restore = undo.undo;
            setUndo(null);
            save(restore, "Undone");
          }}
          onDismiss={() => setUndo(null)}
        />
      )}
      <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
        <nav aria-label="Your lists" className="space-y-3">
          <ul className="space-y-1">
            {library.lists.map((list) => (
              <li key={list.id}>
                <button
                  type="button"
                  aria-current={list.id === selected.id ? "true" : undefined}
                  onClick={() => setSelectedId(list.id)}
                  className="flex w-full items-center justify-between gap-2 rounded-lg px-3 py-2 text-left text-sm hover:bg-stone-100 aria-[current]:bg-accent-50 aria-[current]:font-semibold aria-[current]:text-accent-700 dark:hover:bg-stone-800 dark:aria-[current]:bg-stone-800 dark:aria-[current]:text-accent-100"
                >
                  <span className="truncate">
                    {list.name}
                    {list.id === library.defaultListId && (
                      <span className="ml-1 text-xs font-normal text-stone-600 dark:text-stone-400">(default)</span>
                    )}
                  </span>
                  <span className="text-xs text-stone-600 tabular-nums dark:text-stone-400">{list.entries.length}</span>
                </button>
              </li>
            ))}
          </ul>
          <NameForm
            label="New list"
            submitLabel="Create"
            disabled={!!readOnly}
            onSubmit={(name) => {
              let made = null as string | null;
              const ok = save(
                (lib) => {
                  const result = createList(lib, name, new Date());
                  made = result.listId;
                  return result.library;
                },
                `Created the list ${name}`,
                createRefusal,
              );
              if (ok && made) setSelectedId(made);
            }}
          />
        </nav>
        <ListView
          key={selected.id}
          list={selected}
          isDefault={selected.id === library.defaultListId}
          readOnly={!!readOnly}
          act={act}
        />
      </div>
      <ImportExport library={library} readOnly={!!readOnly} />
    </div>
  );
}

function ListView({
  list,
  isDefault,
  readOnly,
  act,
}: {
  list: ReadingList;
  isDefault: boolean;
  readOnly: boolean;
  act: (edit: (library: Library) => Library, message: string, undo?: Undo) => void;
}) {
  const { details, error: detailsError } = usePaperDetails(list.entries.map((e) => e.slug));
  const [renaming, setRenaming] = useState(false);
  const focusAfter = useRef<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (!focusAfter.current) return;
    document.querySelector<HTMLButtonElement>(`[data-move="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  });

  const slugs = list.entries.map((e) => e.slug);
  const shareable = slugs.length > 0 && slugs.length <= MAX_SHARED_PAPERS;
  const title = (slug: string) => {
    const paper = details.get(slug);
    return paper && paper !== "missing" ? paper.title : slug;
  };

  function move(slug: string, delta: number, direction: string) {
    focusAfter.current = `${slug}:${direction}`;
    act((lib) => moveEntry(lib, list.id, slug, delta), `Moved “${title(slug)}” ${direction}`);
  }

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h2 id={headingId} className="font-serif text-2xl font-semibold">
          {list.name}
        </h2>
        <span className="text-sm text-stone-500">
          {list.entries.length} {list.entries.length === 1 ? "paper" : "papers"}
          {isDefault && " · default list (the Save button adds here)"}
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          disabled={readOnly}
          onClick={() => setRenaming((r) => !r)}
          aria-expanded={renaming}
        >
          Rename
        </button>
        {!isDefault && (
          <button
            type="button"
            className={button}
            disabled={readOnly}
            onClick={() => act((lib) => setDefaultList(lib, list.id), `${list.name} is now the default list`)}
          >
            Make default
          </button>
        )}
        <button
          type="button"
          className={button}
          disabled={readOnly}
          onClick={() => {
            let removed: ReturnType<typeof deleteList>["deleted"] = null;
            act(
              (lib) => {
                const result = deleteList(lib, list.id, new Date());
                removed = result.deleted;
                return result.library;
              },
              `Deleted the list ${list.name}`,
              { message: `Deleted the list ${list.name}.`, undo: (lib) => (removed ? restoreList(lib, removed) : lib) },
            );
          }}
        >
          Delete list
        </button>
      </div>
      {renaming && (
        <NameForm
          label="New name"
          submitLabel="Rename"
          initial={list.name}
          autoFocus
          onSubmit={(name) => {
            act((lib) => renameList(lib, list.id, name), `Renamed the list to ${name}`);
            setRenaming(false);
          }}
        />
      )}
      {detailsError && <Problem title={detailsError} />}
      {slugs.length > 0 && <ShareLinks name={list.name} slugs={slugs} shareable={shareable} />}
      {list.entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-6 text-sm text-stone-500 dark:border-stone-700">
          No papers yet. Use the <strong>Save</strong> button on any paper (or press <kbd>s</kbd> on a paper’s page).
        </p>
      ) : (
        <ol className="space-y-3" aria-label={`Papers in ${list.name}`}>
          {list.entries.map((entry, index) => {
            const paper = details.get(entry.slug);
            const name = title(entry.slug);
            return (
              <li
                key={entry.slug}
                className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
              >
                <div className="flex flex-wrap items-start gap-3">
                  <div className="min-w-0 flex-1">
                    <h3 className="font-serif text-lg leading-snug font-semibold">
                      {paper === "missing" ? (
                        <span className="text-stone-500">
                          Missing paper <code className="font-mono text-xs">{entry.slug}</code>
                        </span>
                      ) : (
                        <Link href={`/papers/${entry.slug}`} className="hover:text-accent-600 dark:hover:text-accent-100">
                          {paper ? paper.title : entry.slug}
                        </Link>
                      )}
                    </h3>
                    <p className="mt-1 text-xs text-stone-500">
                      Added <time dateTime={entry.addedAt}>{entry.addedAt.slice(0, 10)}</time>
                      {paper === "missing" && " · no longer in this Paperdex"}
                    </p>
                    {paper && paper !== "missing" && (
                      <div className="mt-2 flex flex-wrap items-center gap-2">
                        {paper.topics.map((t) => (
                          <Link
                            key={t.slug}
                            href={`/topics/${t.slug}`}
                            className="inline-flex items-center rounded-full border border-accent-100 bg-accent-50 px-2.5 py-0.5 text-xs font-medium text-accent-700 hover:border-accent-500 dark:border-stone-700 dark:bg-stone-800 dark:text-accent-100"
                          >
                            {t.name}
                          </Link>
                        ))}
                        {paper.codeUrl && /^https?:\/\//.test(paper.codeUrl) && (
                          <a
                            href={paper.codeUrl}
                            rel="noopener noreferrer nofollow"
                            target="_blank"
                            className="rounded-md border border-stone-200 px-2 py-0.5 font-mono text-xs text-stone-600 hover:border-accent-500 dark:border-stone-700 dark:text-stone-300"
                          >
                            {"</>"} code<span className="sr-only"> (opens in a new tab)</span>
                          </a>
                        )}
                      </div>
                    )}
                  </div>
                  <div className="flex shrink-0 gap-1">
                    <button
                      type="button"
                      className={button}
                      data-move={`${entry.slug}:up`}
                      disabled={readOnly || index === 0}
                      onClick={() => move(entry.slug, -1, "up")}
                    >
                      <span aria-hidden>↑</span>
                      <span className="sr-only">Move “{name}” up</span>
                    </button>
                    <button
                      type="button"
                      className={button}
                      data-move={`${entry.slug}:down`}
                      disabled={readOnly || index === list.entries.length - 1}
                      onClick={() => move(entry.slug, 1, "down")}
                    >
                      <span aria-hidden>↓</span>
                      <span className="sr-only">Move “{name}” down</span>
                    </button>
                    <button
                      type="button"
                      className={button}
                      disabled={readOnly}
                      onClick={() =>
                        act((lib) => removeEntry(lib, list.id, entry.slug), `Removed “${name}” from ${list.name}`, {
                          message: `Removed “${name}” from ${list.name}.`,
                          undo: (lib) => restoreEntry(lib, list.id, entry, index),
                        })
                      }
                    >
                      Remove<span className="sr-only"> “{name}”</span>
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * Details of the papers, fetched in link-sized batches; a slug the server does not know is
 * "missing". When a batch fails, what the others brought stays and the error is shown.
 */
export function usePaperDetails(slugs: string[]): { details: Map<string, ListPaperDetails | "missing">; error: string | null } {
  const [details, setDetails] = useState(() => new Map<string, ListPaperDetails | "missing">());
  const [error, setError] = useState<string | null>(null);
  const wanted = slugs.filter((s) => !details.has(s));
  const key = wanted.join(" ");
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void (async () => {
      const answer = await detailsInBatches(key.split(" "), listPaperDetails);
      if (cancelled) return;
      if (answer.found.size > 0) setDetails((old) => new Map([...old, ...answer.found]));
      setError(
        answer.error
          ? `Details of ${answer.failed} ${answer.failed === 1 ? "paper" : "papers"} could not be loaded (${answer.error}); they are shown by their slugs.`
          : null,
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [key]);
  return { details, error: key ? error : null };
}

function ShareLinks({ name, slugs, shareable }: { name: string; slugs: string[]; shareable: boolean }) {
  const inputId = useId();
  if (!shareable) {
    return (
      <p className="text-sm text-stone-500">
        Share links and exports hold at most {MAX_SHARED_PAPERS} papers; this list has {slugs.length}. Export all lists as JSON
        below instead.
      </p>
    );
  }
  const link = shareHref(name, slugs);
  return (
    <div className="space-y-2 rounded-xl border border-stone-200 bg-stone-100/60 p-3 text-sm dark:border-stone-800 dark:bg-stone-900/60">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="font-medium">
          Share link
        </label>
        <input
          id={inputId}
          readOnly
          value={new URL(link, window.location.href).href}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-xs dark:border-stone-700 dark:bg-stone-950"
        />
        <Link href={link} className="underline hover:text-accent-600">
          Open
        </Link>
      </div>
      <ExportLinks label="Export this list:" name={name} slugs={slugs} />
    </div>
  );
}

function NameForm({
  label,
  submitLabel,
  initial = "",
  autoFocus = false,
  disabled = false,
  onSubmit,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  onSubmit: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  const inputId = useId();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const clean = name.trim();
        if (!clean) return;
        onSubmit(clean);
        setName("");
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <input
        id={inputId}
        value={name}
        disabled={disabled}
        // The user opened this field themselves (Rename): focus follows their action.
        autoFocus={autoFocus}
        maxLength={80}
        placeholder={label}
        onChange={(event) => setName(event.target.value)}
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      <button type="submit" className={button} disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}

function ImportExport({ library, readOnly }: { library: Library; readOnly: boolean }) {
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const fileId = useId();

  async function importFile(file: File) {
    // The validator is most of the code of reading lists: loaded when a file is imported, not with the page.
    const { parseLibrary } = await import("@/lib/reading-lists/schema");
    const parsed = parseLibrary(await file.text());
    if (!parsed.ok) {
      setMessage({ tone: "error", text: `“${file.name}” was not imported: ${parsed.detail}. Your lists are unchanged.` });
      return;
    }
    const lists = parsed.library.lists.length;
    const papers = parsed.library.lists.reduce((n, l) => n + l.entries.length, 0);
    let skipped: MergeSkipped = { lists: [], papers: 0 };
    const error = libraryStore().update((lib) => {
      if (mode === "replace") return replaceLibrary(parsed.library);
      const merged = mergeImport(lib, parsed.library);
      skipped = merged.skipped;
      return merged.library;
    });
    const left = mergeSkippedText(skipped);
    setMessage(
      error
        ? { tone: "error", text: error }
        : {
            tone: left ? "error" : "ok",
            text: `${mode === "merge" ? "Merged" : "Replaced your lists with"} ${lists} ${lists === 1 ? "list" : "lists"} (${papers} ${papers === 1 ? "paper" : "papers"}) from “${file.name}”.${left}`,
          },
    );
  }

  return (
    <BackupSection heading="Back up or move your lists">
      <p className="text-stone-600 dark:text-stone-300">
        Your lists live only in this browser. Export them as a file to keep them when the browser is cleared, or to move them to
        another browser.
      </p>
      <button
        type="button"
        className={button}
        onClick={() => {
          const now = new Date();
          downloadJson(`paperdex-lists-${now.toISOString().slice(0, 10)}.json`, exportLibrary(library, now));
        }}
      >
        Export all lists (JSON)
      </button>
      <fieldset className="space-y-2" disabled={readOnly}>
        <legend className="font-medium">Import a file</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-1">
            <input type="radio" name="import-mode" checked={mode === "merge"} onChange={() => setMode("merge")} />
            Merge into my lists
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="import-mode" checked={mode === "replace"} onChange={() => setMode("replace")} />
            Replace my lists
          </label>
        </div>
        <label htmlFor={fileId} className="sr-only">
          Lists file (JSON)
        </label>
        <JsonFileInput id={fileId} onFile={(file) => void importFile(file)} />
      </fieldset>
      <ImportStatus message={message} />
    </BackupSection>
  );
}
