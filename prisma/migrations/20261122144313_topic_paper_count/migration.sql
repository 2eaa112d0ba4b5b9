-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Topic" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "paperCount" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Topic" ("description", "name", "rank", "slug") SELECT "description", "name", "rank", "slug" FROM "Topic";
DROP TABLE "Topic";
ALTER TABLE "new_Topic" RENAME TO "Topic";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Fill the new cache for databases that already hold papers.
UPDATE "Topic" SET "paperCount" = (SELECT count(*) FROM "PaperTopic" WHERE "PaperTopic"."topicSlug" = "Topic"."slug");
