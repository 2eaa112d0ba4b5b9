import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-500">There is no such paper or page here.</p>
      <p className="mt-6 flex justify-center gap-4 text-sm">
        <Link className="text-accent-600 underline" href="/">
          Browse papers
        </Link>
        <Link className="text-accent-600 underline" href="/search">
          Search
        </Link>
      </p>
    </div>
  );
}
