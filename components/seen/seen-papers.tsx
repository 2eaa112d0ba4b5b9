"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { announce } from "@/lib/reading-lists/announce";
import { applyChange } from "@/lib/reading-lists/change";
import {
  isNotInterested,
  markDigestVisited,
  markNotInterested,
  markPapersSeen,
  paperSeenAt,
  restoreInterest,
} from "@/lib/reading-lists/seen";
import { libraryStore } from "@/lib/reading-lists/store";
import { useLibrary } from "@/lib/reading-lists/use-library";
import { isNewSince, visitAt, type Visit } from "@/lib/reading-lists/visit";

// One island per list of paper cards (browse, digest, search, topic): it remembers which cards
// were on screen for a moment, hides papers the visitor is not interested in, and where the page
// asks for it marks papers new since the last visit and hides those already seen. The cards'
// own parts (SeenItem, CardSeenActions) are small components that read what this one provides.

/** A card counts as seen once at least this share of it has been on screen for SEEN_AFTER_MS. */
const SEEN_RATIO = 0.5;
const SEEN_AFTER_MS = 1_000;
const WRITE_AFTER_MS = 300;

interface SeenContextValue {
  /** The stored library can be read and written. */
  ready: boolean;
  markNew: boolean;
  visit: Visit | null;
  isHidden: (slug: string) => boolean;
  observe: (element: Element, slug: string) => () => void;
  dismiss: (slug: string, title: string) => void;
}

const SeenContext = createContext<SeenContextValue | null>(null);

export interface HideSeen {
  on: boolean;
  /** The same page with the toggle flipped (other parameters kept). */
  toggleHref: string;
}

interface SeenPapersProps {
  /** The papers of the list, in its order (to count what is hidden). */
  slugs: string[];
  /** Mark papers stored after the last visit began as new. */
  markNew?: boolean;
  /** The "hide seen" toggle, where the page has one (its state is in the URL). */
  hideSeen?: HideSeen;
  /** A digest's page: the digest counts as visited. */
  digestId?: string;
  children: ReactNode;
}

export function SeenPapers({ slugs, markNew = false, hideSeen, digestId, children }: SeenPapersProps) {
  const snapshot = useLibrary();
  const library = snapshot?.status === "ready" ? snapshot.library : null;
  const ready = !!library && !(snapshot?.status === "ready" && snapshot.readOnly);
  // The visit this page was opened in: "hide seen" hides papers seen before it began, so that
  // what is first seen during it (new papers included) stays while the visitor scrolls or reloads.
  const [openedAt] = useState(() => Date.now());
  const pending = useRef(new Set<string>());
  const [undo, setUndo] = useState<{ slug: string; title: string } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  const visit = useMemo(() => (library ? visitAt(library.visit, new Date(openedAt)) : null), [library, openedAt]);

  const flush = useCallback(() => {
    if (pending.current.size === 0) return;
    const slugsToWrite = [...pending.current];
    const error = libraryStore().update((lib) => markPapersSeen(lib, slugsToWrite, new Date()));
    // Not ready yet (or read-only): kept for the next try.
    if (!error) for (const slug of slugsToWrite) pending.current.delete(slug);
  }, []);

  useEffect(() => {
    if (ready) flush();
  }, [ready, flush]);

  useEffect(() => {
    if (!ready || !digestId) return;
    libraryStore().update((lib) => markDigestVisited(lib, digestId, new Date()));
  }, [ready, digestId]);

  const observer = useRef<{ io: IntersectionObserver; slugs: Map<Element, string> } | null>(null);
  const observe = useCallback(
    (element: Element, slug: string) => {
      if (!observer.current) {
        if (typeof IntersectionObserver === "undefined") return () => {};
        const timers = new Map<Element, number>();
        const slugsOf = new Map<Element, string>();
        let writeTimer = 0;
        const io = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const target = entry.target;
              if (entry.isIntersecting && entry.intersectionRatio >= SEEN_RATIO) {
                if (timers.has(target)) continue;
                timers.set(
                  target,
                  window.setTimeout(() => {
                    timers.delete(target);
                    const seen = slugsOf.get(target);
                    if (!seen) return;
                    io.unobserve(target);
                    pending.current.add(seen);
                    window.clearTimeout(writeTimer);
                    writeTimer = window.setTimeout(flush, WRITE_AFTER_MS);
                  }, SEEN_AFTER_MS),
                );
              } else {
                window.clearTimeout(timers.get(target));
                timers.delete(target);
              }
            }
          },
          { threshold: [0, SEEN_RATIO] },
        );
        observer.current = { io, slugs: slugsOf };
      }
      const { io, slugs: slugsOf } = observer.current;
      slugsOf.set(element, slug);
      io.observe(element);
      return () => {
        io.unobserve(element);
        slugsOf.delete(element);
      };
    },
    [flush],
  );

  useEffect(() => {
    // What was seen just before the page is left is still written.
    const onHide = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      observer.current?.io.disconnect();
      flush();
    };
  }, [flush]);

  const hiddenAsSeen = useCallback(
    (slug: string) => {
      if (!hideSeen?.on || !library || !visit) return false;
      const at = paperSeenAt(library, slug);
      // Whole seconds, as the seen times are stored.
      return at !== undefined && at < Math.floor(Date.parse(visit.start) / 1000);
    },
    [hideSeen?.on, library, visit],
  );

  const isHidden = useCallback(
    (slug: string) => !!library && (isNotInterested(library, slug) || hiddenAsSeen(slug)),
    [library, hiddenAsSeen],
  );

  const dismiss = useCallback((slug: string, title: string) => {
    const { ok, message } = applyChange(
      libraryStore(),
      (lib) => markNotInterested(lib, slug, new Date()),
      `“${title}” is hidden`,
    );
    if (ok) setUndo({ slug, title });
    else announce(message);
  }, []);

  useEffect(() => {
    if (undo) undoRef.current?.focus();
  }, [undo]);

  const value = useMemo(
    () => ({ ready, markNew, visit, isHidden, observe, dismiss }),
    [ready, markNew, visit, isHidden, observe, dismiss],
  );

  const hiddenCount = library && hideSeen?.on ? slugs.filter((s) => !isNotInterested(library, s) && hiddenAsSeen(s)).length : 0;

  return (
    <SeenContext.Provider value={value}>
      {hideSeen && (
        <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-hide-seen>
          <p role="status" className="text-stone-600 dark:text-stone-300">
            {hideSeen.on &&
              library &&
              (hiddenCount === 0
                ? "No paper on this page was seen before this visit."
                : `${hiddenCount} seen ${hiddenCount === 1 ? "paper" : "papers"} hidden on this page.`)}
          </p>
          <Link
            href={hideSeen.toggleHref}
            rel="nofollow"
            className="rounded-md border border-stone-300 px-2 py-0.5 hover:border-accent-500 hover:text-accent-700 dark:border-stone-700 dark:hover:text-accent-100"
          >
            {hideSeen.on ? (hiddenCount > 0 ? "Show them" : "Show seen papers") : "Hide seen papers"}
          </Link>
        </div>
      )}
      {children}
      <div
        role="status"
        aria-live="polite"
        className="fixed inset-x-4 bottom-4 z-30 empty:hidden sm:right-4 sm:left-auto sm:w-96"
        data-not-interested-notice
      >
        {undo && (
          <div className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-3 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900">
            <span className="min-w-0 flex-1">Not interested: “{undo.title}” is hidden wherever papers are listed.</span>
            <button
              ref={undoRef}
              type="button"
              className="rounded-md border border-stone-300 px-2 py-1 hover:border-accent-500 dark:border-stone-700"
              onClick={() => {
                const { slug, title } = undo;
                setUndo(null);
                const { ok, message } = applyChange(libraryStore(), (lib) => restoreInterest(lib, slug), `“${title}” is back`);
                announce(message);
                if (ok) {
                  window.setTimeout(() => document.querySelector<HTMLElement>(`[data-paper="${slug}"] a[href]`)?.focus(), 0);
                }
              }}
            >
              Undo
            </button>
            <button type="button" className="text-stone-500 underline" onClick={() => setUndo(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </SeenContext.Provider>
  );
}

/** A paper card's list item: watched for "seen", hidden when not interested (or seen, with the toggle on). */
export function SeenItem({ slug, children }: { slug: string; children: ReactNode }) {
  const seen = useContext(SeenContext);
  const ref = useRef<HTMLLIElement>(null);
  const observe = seen?.observe;
  useEffect(() => (observe && ref.current ? observe(ref.current, slug) : undefined), [observe, slug]);
  return (
    <li ref={ref} data-paper={slug} hidden={seen?.isHidden(slug) ?? false}>
      {children}
    </li>
  );
}

/** On a card: the "New" mark and the "Not interested" button (nothing outside a SeenPapers list). */
export function CardSeenActions({ slug, title, firstSeenAt }: { slug: string; title: string; firstSeenAt?: string }) {
  const seen = useContext(SeenContext);
  if (!seen) return null;
  const isNew = seen.markNew && isNewSince(firstSeenAt, seen.visit);
  return (
    <>
      {isNew && (
        <span
          className="mt-1 shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
          title="Stored after your last visit began"
          data-new-mark
        >
          New<span className="sr-only"> since your last visit</span>
        </span>
      )}
      <button
        type="button"
        disabled={!seen.ready}
        onClick={() => seen.dismiss(slug, title)}
        title="Not interested: hide this paper everywhere (undo, or restore it from Lists)"
        className="inline-flex shrink-0 items-center rounded-lg border border-stone-300 bg-white px-1.5 py-1 text-stone-600 transition hover:border-accent-500 hover:text-accent-700 disabled:cursor-not-allowed disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300 dark:hover:text-accent-100"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8" cy="8" r="5.5" />
          <path d="M4.2 11.8l7.6-7.6" strokeLinecap="round" />
        </svg>
        <span className="sr-only">Not interested in “{title}”</span>
      </button>
    </>
  );
}
