// GET /api/topics – the taxonomy with paper counts
import { json, serverError } from "@/lib/api/respond";
import type { TopicsResponse } from "@/lib/api/schemas";
import { listTopics } from "@/lib/papers/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return json<TopicsResponse>(await listTopics());
  } catch (error) {
    return serverError(error, "topics");
  }
}
