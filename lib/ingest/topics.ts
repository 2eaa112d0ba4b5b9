import type { Db } from "../db";
import type { Topic } from "../topics/rules";

/** Makes the Topic table match seeds/topics.json (names and meanings may be edited there). */
export async function syncTopics(db: Db, topics: Topic[]): Promise<void> {
  await db.$transaction(
    topics.map((topic, rank) =>
      db.topic.upsert({
        where: { slug: topic.slug },
        create: { ...topic, rank },
        update: { name: topic.name, description: topic.description, rank },
      }),
    ),
  );
}
