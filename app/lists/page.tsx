import type { Metadata } from "next";
import { ListsManager } from "@/components/reading-lists/lists-manager";
import { NotInterestedList } from "@/components/seen/not-interested-list";

// Rendered per request like every page here: its scripts need the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your lists", robots: { index: false } };

/** The visitor's reading lists: they live in the browser, so the page is a shell for them. */
export default function ListsPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your lists</h1>
        <p className="mt-1 text-sm text-stone-500">
          Saved in this browser only — no account, nothing stored on the server. Share a list by its link, or export them all to
          keep them.
        </p>
      </div>
      <noscript>
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Your lists are kept by your browser and need JavaScript to show. Shared list links work without it.
        </p>
      </noscript>
      <ListsManager />
      <NotInterestedList />
    </div>
  );
}
