export { parseDigest, readsAsProse, readsAsHeading } from "./parse";
export { decodeDigest, MAX_FILE_BYTES } from "./decode";
export { extractCodeUrls, extractUrls, cleanUrl, isRepositoryUrl } from "./code-links";
export { normalizeTitle, slugify, digestIdFromFileName } from "./normalize";
export { labelMonthDay } from "./header";
export type { DigestEntry, DigestProblem, ParsedDigest, DigestLayout } from "./types";
