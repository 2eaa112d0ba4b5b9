import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="hover:text-accent-600 text-stone-500">
        ← {children}
      </Link>
    </p>
  );
}
