import type { Metadata } from "next";
import { SavedSearchesManager } from "@/components/saved-searches/saved-searches-manager";

// Rendered per request like every page here: its scripts need the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Saved searches", robots: { index: false } };

/** The visitor's saved searches: they live in the browser, so the page is a shell for them. */
export default function SavedPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Saved searches</h1>
        <p className="mt-1 text-sm text-stone-500">
          Saved in this browser only — no account, nothing stored on the server. Each search shows how many papers match now and
          how many arrived since you last opened it; follow one by its Atom feed.
        </p>
      </div>
      <noscript>
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Your saved searches are kept by your browser and need JavaScript to show. Searches, their feeds and exports work without
          it.
        </p>
      </noscript>
      <SavedSearchesManager />
    </div>
  );
}
