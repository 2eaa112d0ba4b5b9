import type { ReactNode } from "react";

export function Notice({ tone = "info", title, children }: { tone?: "info" | "warning"; title: string; children?: ReactNode }) {
  const colors =
    tone === "warning"
      ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      : "border-stone-200 bg-white text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-200";
  return (
    <div role={tone === "warning" ? "alert" : "status"} className={`rounded-xl border p-4 text-sm ${colors}`}>
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1">{children}</div>}
    </div>
  );
}
