/** A repository link; rel attributes because the URL comes from scraped text. */
export function CodeLink({ url }: { url: string }) {
  let label = url;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    label = `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname}`;
  } catch {
    return null;
  }
  return (
    <a
      href={url}
      rel="noopener noreferrer nofollow"
      target="_blank"
      className="inline-flex max-w-full items-center gap-1 truncate rounded-md border border-stone-200 px-2 py-1 font-mono text-xs text-stone-600 hover:border-accent-500 hover:text-accent-600 dark:border-stone-700 dark:text-stone-300"
    >
      <span aria-hidden>{"</>"}</span>
      <span className="truncate">{label}</span>
      <span className="sr-only">(code, opens in a new tab)</span>
    </a>
  );
}
