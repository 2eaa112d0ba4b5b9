import type { Metadata } from "next";
import type { ReactNode } from "react";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Paperdex", template: "%s · Paperdex" },
  description: "Browse and search recent AI papers by topic, in full text.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <KeyboardShortcuts />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 pt-6 pb-16 sm:px-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500 dark:border-stone-800">
          Paperdex — abstracts from daily paper digests, searchable by topic.{" "}
          {/* A JSON route handler, not a page: a plain link, so the client router does not try to render it. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="underline" href="/api/papers">
            JSON API
          </a>
        </footer>
      </body>
    </html>
  );
}
