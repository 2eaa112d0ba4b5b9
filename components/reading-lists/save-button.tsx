"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { isTyping } from "@/components/is-typing";
import { announce } from "@/lib/reading-lists/announce";
import { applyChange } from "@/lib/reading-lists/change";
import {
  addEntry,
  addRefusal,
  createList,
  createRefusal,
  defaultList,
  listsWith,
  removeEntry,
  type Library,
} from "@/lib/reading-lists/document";
import { libraryStore, type Snapshot } from "@/lib/reading-lists/store";
import { useLibrary } from "@/lib/reading-lists/use-library";

// The one client island on paper cards and the paper page: the server renders it disabled
// (it cannot know a visitor's lists, and without JavaScript it could not save), and it comes
// alive once hydrated. A click saves to the default list or removes from it; the arrow button
// opens a small panel to pick other lists or make a new one.

interface SaveButtonProps {
  slug: string;
  title: string;
  /** "card": on a paper card; "page": the paper page (with the S shortcut); "icon": beside a link. */
  variant?: "card" | "page" | "icon";
}

function change(edit: (library: Library) => Library, message: string, refusal?: (library: Library) => string | null) {
  announce(applyChange(libraryStore(), edit, message, refusal).message);
}

/** The button's title: where a click saves, or why it cannot (the store's own reason). */
export function saveTitle(snapshot: Snapshot | null, slug: string): string {
  if (!snapshot) return "Saving needs JavaScript";
  if (snapshot.status === "unavailable") return `Saving is not possible: ${snapshot.reason}`;
  if (snapshot.readOnly) return snapshot.readOnly;
  const list = defaultList(snapshot.library);
  return list.entries.some((e) => e.slug === slug) ? `Saved in ${list.name}; click to remove` : `Save to ${list.name}`;
}

export function SaveButton({ slug, title, variant = "card" }: SaveButtonProps) {
  const snapshot = useLibrary();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLButtonElement>(null);

  const library = snapshot?.status === "ready" ? snapshot.library : null;
  const list = library ? defaultList(library) : null;
  const holding = library ? listsWith(library, slug) : [];
  const saved = !!list && holding.some((l) => l.id === list.id);
  const usable = !!library && !(snapshot?.status === "ready" && snapshot.readOnly);

  function toggle() {
    if (!list) return;
    // The intent follows what the button shows, so a stale view never removes by surprise.
    if (saved) change((lib) => removeEntry(lib, lib.defaultListId, slug), `Removed “${title}” from ${list.name}`);
    else
      change(
        (lib) => addEntry(lib, lib.defaultListId, slug, new Date()),
        `Saved “${title}” to ${list.name}`,
        (lib) => addRefusal(lib, lib.defaultListId, slug),
      );
  }

  const toggleNow = useRef(toggle);
  useEffect(() => {
    toggleNow.current = toggle;
  });

  useEffect(() => {
    if (variant !== "page" || !usable) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key !== "s" && event.key !== "S") return;
      event.preventDefault();
      toggleNow.current();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [variant, usable]);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const label = variant === "icon" ? `Save “${title}”` : "Save";
  const base =
    "inline-flex items-center gap-1.5 border text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50";
  const state = saved
    ? "border-accent-600 bg-accent-600 text-white hover:bg-accent-700 dark:border-accent-500 dark:bg-accent-500"
    : "border-stone-300 bg-white text-stone-700 hover:border-accent-500 hover:text-accent-700 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200 dark:hover:text-accent-100";
  const where = saveTitle(snapshot, slug);

  return (
    <div
      ref={wrapper}
      className="relative inline-flex shrink-0"
      data-save-button={slug}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          menuRef.current?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-pressed={saved}
        aria-keyshortcuts={variant === "page" ? "s" : undefined}
        disabled={!usable}
        title={where}
        onClick={toggle}
        className={`${base} ${state} ${variant === "icon" ? "rounded-md px-1.5 py-1" : "rounded-l-lg px-2.5 py-1"}`}
      >
        <BookmarkIcon filled={saved} />
        {variant === "icon" ? <span className="sr-only">{label}</span> : label}
      </button>
      {variant !== "icon" && (
        <button
          ref={menuRef}
          type="button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          disabled={!usable}
          onClick={() => setOpen((o) => !o)}
          // 24 px wide at least: the minimum touch target (WCAG 2.5.8), the caret alone is narrower.
          className={`${base} ${state} -ml-px min-w-6 justify-center rounded-r-lg px-1.5 py-1`}
        >
          <span aria-hidden>▾</span>
          <span className="sr-only">Choose lists for “{title}”</span>
        </button>
      )}
      {open && library && (
        <div
          id={panelId}
          role="group"
          aria-label={`Lists for “${title}”`}
          className="absolute top-full right-0 z-20 mt-1 w-64 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          <ul className="max-h-60 space-y-1 overflow-y-auto">
            {library.lists.map((l) => {
              const checked = holding.some((h) => h.id === l.id);
              return (
                <li key={l.id}>
                  <label className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-stone-100 dark:hover:bg-stone-800">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() =>
                        checked
                          ? change((lib) => removeEntry(lib, l.id, slug), `Removed “${title}” from ${l.name}`)
                          : change(
                              (lib) => addEntry(lib, l.id, slug, new Date()),
                              `Saved “${title}” to ${l.name}`,
                              (lib) => addRefusal(lib, l.id, slug),
                            )
                      }
                    />
                    <span className="truncate">{l.name}</span>
                    {l.id === library.defaultListId && <span className="ml-auto text-xs text-stone-500">default</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <NewListForm slug={slug} title={title} />
          <p className="mt-2 border-t border-stone-200 pt-2 text-xs dark:border-stone-700">
            <Link href="/lists" className="underline hover:text-accent-600">
              Manage lists
            </Link>
          </p>
        </div>
      )}
      {variant === "page" && (
        <span className="ml-2 self-center text-xs text-stone-500" aria-hidden>
          or press <kbd className="rounded border border-stone-300 px-1 font-mono dark:border-stone-600">s</kbd>
        </span>
      )}
    </div>
  );
}

/** Not a <form>: the card may sit inside one (search results' "More like these"). */
function NewListForm({ slug, title }: { slug: string; title: string }) {
  const [name, setName] = useState("");
  const inputId = useId();
  function submit() {
    const clean = name.trim();
    if (!clean) return;
    change(
      (lib) => createList(lib, clean, new Date(), [{ slug, addedAt: new Date().toISOString() }]).library,
      `Saved “${title}” to a new list, ${clean}`,
      createRefusal,
    );
    setName("");
  }
  return (
    <div className="mt-2 flex gap-1">
      <label htmlFor={inputId} className="sr-only">
        New list name
      </label>
      <input
        id={inputId}
        value={name}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            submit();
          }
        }}
        placeholder="New list…"
        maxLength={80}
        className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      <button
        type="button"
        onClick={submit}
        className="rounded border border-stone-300 px-2 py-1 hover:border-accent-500 dark:border-stone-700"
      >
        Add
      </button>
    </div>
  );
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill={filled ? "currentColor" : "none"} stroke="currentColor">
      <path d="M4 2.5h8v11l-4-3-4 3z" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
