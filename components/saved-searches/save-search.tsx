"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { announce } from "@/lib/reading-lists/announce";
import { findByQuery, markOpened, saveRefusal, saveSearch } from "@/lib/saved-searches/document";
import { savedSearchStore } from "@/lib/saved-searches/store";
import { useSavedSearches } from "@/lib/saved-searches/use-saved-searches";

// The search page's island: "Save this search" with a name, or "Saved as …" when it is saved.
// Visiting a saved search here counts as opening it (its "new" count on /saved starts again).
// Rendered disabled on the server (saving needs JavaScript and this browser's storage).

const button =
  "rounded-md border border-stone-300 px-2 py-1 text-xs hover:border-accent-500 hover:text-accent-700 disabled:cursor-not-allowed disabled:opacity-40 dark:border-stone-700 dark:hover:text-accent-100";

/** `query`: the search's query string as /search writes it, without the page; `defaultName` from its query and filters. */
export function SaveSearch({ query, defaultName }: { query: string; defaultName: string }) {
  const snapshot = useSavedSearches();
  const [open, setOpen] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const savedLink = useRef<HTMLAnchorElement>(null);
  const focusSaved = useRef(false);

  const ready = snapshot?.status === "ready" ? snapshot : null;
  const saved = ready ? findByQuery(ready.document, query) : undefined;
  const usable = !!ready && !ready.readOnly;
  const savedId = saved?.id;

  // Once per search shown: a saved one is being looked at, so it counts as opened now.
  useEffect(() => {
    if (savedId && usable) savedSearchStore().update((doc) => markOpened(doc, query, new Date()));
  }, [savedId, usable, query]);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);

  // The button is gone once saved: focus moves to what replaced it, not to the page's start.
  useEffect(() => {
    if (!savedId || !focusSaved.current) return;
    focusSaved.current = false;
    savedLink.current?.focus();
  }, [savedId]);

  const reason = !snapshot
    ? "Saving needs JavaScript"
    : snapshot.status === "unavailable"
      ? `Saving is not possible: ${snapshot.reason}`
      : snapshot.readOnly;

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
      {saved ? (
        <span>
          Saved as “{saved.name}” ·{" "}
          <Link ref={savedLink} href="/saved" className="underline hover:text-accent-600">
            Saved searches
          </Link>
        </span>
      ) : (
        <button
          ref={toggleRef}
          type="button"
          className={button}
          disabled={!usable}
          title={reason ?? undefined}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          Save this search
        </button>
      )}
      {open && !saved && (
        <form
          className="flex flex-wrap items-center gap-2"
          aria-label="Save this search"
          onSubmit={(event) => {
            event.preventDefault();
            const name = input.current?.value.trim() || defaultName;
            let refused: string | null = null;
            const error = savedSearchStore().update((doc) => {
              refused = saveRefusal(doc, query);
              return refused ? doc : saveSearch(doc, query, name, new Date());
            });
            announce(error ?? refused ?? `Saved this search as “${name}”`);
            if (!error && !refused) {
              focusSaved.current = true;
              setOpen(false);
            }
          }}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            setOpen(false);
            toggleRef.current?.focus();
          }}
        >
          <label htmlFor={inputId}>Name</label>
          <input
            ref={input}
            id={inputId}
            name="name"
            defaultValue={defaultName}
            maxLength={80}
            required
            className="w-56 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          />
          <button type="submit" className={button}>
            Save
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              setOpen(false);
              toggleRef.current?.focus();
            }}
          >
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
