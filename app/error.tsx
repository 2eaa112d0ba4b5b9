"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-stone-500">The page could not be loaded. The details are in the server log.</p>
      <button onClick={reset} className="mt-6 rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </div>
  );
}
