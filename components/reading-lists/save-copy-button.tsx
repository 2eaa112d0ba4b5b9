"use client";

import Link from "next/link";
import { useState } from "react";
import { announce } from "@/lib/reading-lists/announce";
import { createList } from "@/lib/reading-lists/document";
import { libraryStore } from "@/lib/reading-lists/store";
import { useLibrary } from "@/lib/reading-lists/use-library";

/** "Save a copy" of a shared list into the visitor's own lists; disabled until hydrated. */
export function SaveCopyButton({ name, slugs }: { name: string; slugs: string[] }) {
  const snapshot = useLibrary();
  const [saved, setSaved] = useState(false);
  const usable = snapshot?.status === "ready" && !snapshot.readOnly;

  function saveCopy() {
    const now = new Date();
    let listId: string | null = null;
    const error = libraryStore().update((lib) => {
      const made = createList(
        lib,
        name,
        now,
        slugs.map((slug) => ({ slug, addedAt: now.toISOString() })),
      );
      listId = made.listId;
      return made.library;
    });
    const message = error ?? (listId ? `Saved a copy of ${name} to your lists` : "You have too many lists to add another");
    announce(message);
    if (!error && listId) setSaved(true);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={!usable}
        onClick={saveCopy}
        className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50"
      >
        Save a copy
      </button>
      {saved && (
        <span className="text-sm">
          Saved.{" "}
          <Link href="/lists" className="underline hover:text-accent-600">
            Open your lists
          </Link>
        </span>
      )}
    </span>
  );
}
