// One polite live region per page for what saving does ("Saved to …", "Removed from …"),
// created on first use so that pages without reading-list controls carry none.

let region: HTMLElement | null = null;

export function announce(message: string): void {
  if (!region || !region.isConnected) {
    region = document.createElement("div");
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.dataset.readingListStatus = "";
    region.className = "sr-only";
    document.body.append(region);
  }
  // Clearing first makes a repeated message be read again.
  region.textContent = "";
  const target = region;
  window.setTimeout(() => (target.textContent = message), 50);
}
