// Repository links in abstracts. Abstracts are scraped from PDFs and LaTeX, so URLs carry
// debris: trailing sentence punctuation, closing brackets, LaTeX braces ("\url{…}}," or
// "\href{url}{here.}" with the backslashes lost) and, now and then, a space after "https:".

/** Hosts whose links point at source code (the "GitHub and similar" of the product brief). */
export const CODE_HOSTS = [
  "github.com",
  "gitlab.com",
  "bitbucket.org",
  "codeberg.org",
  "gitee.com",
  "sourceforge.net",
  "anonymous.4open.science",
] as const;

const URL_PATTERN = /https?:\s?\/\/[^\s<>"']+/gi;
const TRAILING_DEBRIS = /[.,;:!?\]}>'"`*]+$/;

/** Every URL in the text, cleaned of LaTeX debris and trailing punctuation, in order. */
export function extractUrls(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = cleanUrl(match[0]);
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

export function cleanUrl(raw: string): string | null {
  let url = raw.replace(/^(https?):\s?\/\//i, "$1://");
  // A brace never belongs to a URL here: everything from the first one on is LaTeX.
  const brace = url.search(/[{}]/);
  if (brace >= 0) url = url.slice(0, brace);
  let previous;
  do {
    previous = url;
    url = url.replace(TRAILING_DEBRIS, "");
    // Keep a closing parenthesis only when the URL opened one, as Wikipedia links do.
    if (url.endsWith(")") && count(url, "(") < count(url, ")")) url = url.slice(0, -1);
    url = url.replace(/\/+$/, "");
  } while (url !== previous);
  try {
    const parsed = new URL(url);
    return parsed.hostname.includes(".") ? url : null;
  } catch {
    return null;
  }
}

/** A link to a code repository: a known code host and at least an owner and a project. */
export function isRepositoryUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.replace(/^www\./, "").toLowerCase();
  if (!CODE_HOSTS.some((codeHost) => host === codeHost)) return false;
  return parsed.pathname.split("/").filter(Boolean).length >= 2;
}

export function extractCodeUrls(text: string): string[] {
  return extractUrls(text).filter(isRepositoryUrl);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
