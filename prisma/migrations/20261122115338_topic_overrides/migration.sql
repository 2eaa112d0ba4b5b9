-- CreateTable
CREATE TABLE "TopicOverride" (
    "paperId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("paperId", "topicSlug"),
    CONSTRAINT "TopicOverride_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TopicOverride_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PaperTopic" (
    "paperId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL DEFAULT 'rule',

    PRIMARY KEY ("paperId", "topicSlug"),
    CONSTRAINT "PaperTopic_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperTopic_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PaperTopic" ("evidence", "paperId", "score", "topicSlug") SELECT "evidence", "paperId", "score", "topicSlug" FROM "PaperTopic";
DROP TABLE "PaperTopic";
ALTER TABLE "new_PaperTopic" RENAME TO "PaperTopic";
CREATE INDEX "PaperTopic_topicSlug_idx" ON "PaperTopic"("topicSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
