import { useSyncExternalStore } from "react";
import { savedSearchStore, type Snapshot } from "./store";

const subscribe = (listener: () => void) => savedSearchStore().subscribe(listener);
const getSnapshot = () => savedSearchStore().getSnapshot();
// The server knows nothing of a visitor's saved searches: null until hydrated.
const getServerSnapshot = () => null;

/** The visitor's saved searches from localStorage, or null on the server and while the validator loads. */
export function useSavedSearches(): Snapshot | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
