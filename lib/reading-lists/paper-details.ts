"use server";

import { z } from "zod";
import type { TopicRef } from "../papers/types";
import { loadListPapers } from "./load";
import { MAX_SHARED_PAPERS, TOO_MANY_PAPERS } from "./share-link";
import { paperSlugSchema } from "./schema";

// The server action /lists asks for the details of the papers in the visitor's lists: it gets
// slugs (what a share link would carry), reads the database and writes nothing.

export interface ListPaperDetails {
  slug: string;
  title: string;
  codeUrl: string | null;
  topics: TopicRef[];
}

const slugsSchema = z.array(paperSlugSchema).max(MAX_SHARED_PAPERS, { message: TOO_MANY_PAPERS });

/** Title, topics and code link of each slug that is a paper; slugs that are not are left out. */
export async function listPaperDetails(slugs: unknown): Promise<{ papers: ListPaperDetails[] } | { error: string }> {
  const parsed = slugsSchema.safeParse(slugs);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid slugs" };
  const listed = await loadListPapers([...new Set(parsed.data)]);
  return {
    papers: listed.flatMap(({ paper }) =>
      paper ? [{ slug: paper.slug, title: paper.title, codeUrl: paper.codeUrl, topics: paper.topics }] : [],
    ),
  };
}
