import type { Db } from "../db";
import type { Topic } from "../topics/rules";
import type { WriterFence } from "./writer-lock";

/** Makes the Topic table match seeds/topics.json (names and meanings may be edited there). */
export async function syncTopics(db: Db, topics: Topic[], fence?: WriterFence): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence?.assertHeld(tx);
    for (const [rank, topic] of topics.entries()) {
      await tx.topic.upsert({
        where: { slug: topic.slug },
        create: { ...topic, rank },
        update: { name: topic.name, description: topic.description, rank },
      });
    }
  });
}
