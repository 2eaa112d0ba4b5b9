import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Notice } from "@/components/notice";
import { ADMIN_COOKIE, editingEnabled, isEditor, safeNext } from "@/lib/admin/auth";
import type { RawParams } from "@/lib/api/params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Editors", robots: { index: false } };

export default async function AdminPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const params = await searchParams;
  const next = safeNext(typeof params.next === "string" ? params.next : "/");
  const signedIn = await isEditor((await cookies()).get(ADMIN_COOKIE)?.value);
  const input = "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900";
  const button = "rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700";

  return (
    <div className="mx-auto max-w-md space-y-4 py-8">
      <h1 className="text-2xl font-semibold">Editors</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Editors can correct a paper&apos;s topics on its page. Corrections are kept apart from the tagging rules, survive every
        re-ingest, and can be undone.
      </p>
      {!editingEnabled() ? (
        <Notice title="Editing is off">
          Set ADMIN_TOKEN (16 characters or more) in the server&apos;s environment to allow it.
        </Notice>
      ) : signedIn ? (
        <>
          <Notice title="You are signed in as an editor." />
          <form action="/admin/logout" method="post">
            <button type="submit" className={button}>
              Sign out
            </button>
          </form>
        </>
      ) : (
        <form action="/admin/login" method="post" className="space-y-3">
          {params.error && <Notice tone="warning" title="That token is not right." />}
          <input type="hidden" name="next" value={next} />
          <label htmlFor="token" className="block text-sm font-medium">
            Admin token
          </label>
          <input id="token" name="token" type="password" required autoComplete="current-password" className={input} />
          <button type="submit" className={button}>
            Sign in
          </button>
        </form>
      )}
    </div>
  );
}
