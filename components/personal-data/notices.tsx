import { useEffect, useRef, type ReactNode } from "react";
import { BUTTON_CLASS } from "./button";
import { downloadJson } from "./backup";

// What /lists and /saved say about the data they keep in this browser: loading, a problem with
// it, an undo after a deletion, and values that could not be read.

export function Loading({ what }: { what: string }) {
  return (
    <p className="text-sm text-stone-500" role="status">
      Loading your {what}…
    </p>
  );
}

export function Problem({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">{title}</p>
      {children}
    </div>
  );
}

/**
 * Says what was deleted and offers Undo. Focus moves to Undo when the notice appears and again
 * whenever `offer` changes (another deletion while it shows), so that one key press undoes it.
 */
export function UndoNotice({
  offer,
  message,
  onUndo,
  onDismiss,
}: {
  offer: object;
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undoRef.current?.focus();
  }, [offer]);
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-3 text-sm dark:border-stone-800 dark:bg-stone-900"
      role="status"
    >
      <span>{message}</span>
      <button ref={undoRef} type="button" className={BUTTON_CLASS} onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="text-stone-500 underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The part of a browser store that holds values it could not read. */
export interface KeptAsideHolder {
  keptAsideText(key: string): string | null;
  discardKeptAside(key: string): void;
}

/** A stored value that could not be read, kept aside under `keptKey`: offered as a download, or discarded. */
export function KeptAsideNotice({
  title,
  store,
  keptKey,
  fileName,
  downloadLabel,
  discardLabel,
}: {
  title: string;
  store: KeptAsideHolder;
  keptKey: string;
  fileName: string;
  downloadLabel: string;
  discardLabel: string;
}) {
  return (
    <Problem title={title}>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={BUTTON_CLASS} onClick={() => downloadJson(fileName, store.keptAsideText(keptKey) ?? "")}>
          {downloadLabel}
        </button>
        <button type="button" className={BUTTON_CLASS} onClick={() => store.discardKeptAside(keptKey)}>
          {discardLabel}
        </button>
      </div>
    </Problem>
  );
}
