import { useSyncExternalStore } from "react";
import { libraryStore, type Snapshot } from "./store";

const subscribe = (listener: () => void) => libraryStore().subscribe(listener);
const getSnapshot = () => libraryStore().getSnapshot();
// The server knows nothing of a visitor's lists: null until hydrated, so controls render disabled.
const getServerSnapshot = () => null;

/** The visitor's library from localStorage, or null while rendering on the server and hydrating. */
export function useLibrary(): Snapshot | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
