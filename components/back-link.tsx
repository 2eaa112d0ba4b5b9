import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-stone-500 hover:text-accent-600">
        ← {children}
      </Link>
    </p>
  );
}
