import { useId, type ReactNode } from "react";

// The export and import controls of /lists and /saved: the data lives only in this browser, so
// a JSON file is how a visitor keeps it or moves it to another browser.

/** Offers `text` as a JSON file download. */
export function downloadJson(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function BackupSection({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl border border-stone-200 p-4 text-sm dark:border-stone-800"
    >
      <h2 id={headingId} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** A JSON file picker; the chosen file is handed over and the picker cleared, so the same file can be chosen again. */
export function JsonFileInput({ id, disabled, onFile }: { id: string; disabled?: boolean; onFile: (file: File) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept="application/json,.json"
      disabled={disabled}
      className="block text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-2 file:py-1 dark:file:border-stone-700 dark:file:bg-stone-900"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = "";
        if (file) onFile(file);
      }}
    />
  );
}

/** What an import did; "error" also when it did only part of it. */
export type ImportMessage = { tone: "ok" | "error"; text: string };

/** A polite live region, present before any message so that the first one is read. */
export function ImportStatus({ message }: { message: ImportMessage | null }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className={message.tone === "error" ? "text-amber-700 dark:text-amber-300" : ""}>{message.text}</p>}
    </div>
  );
}
