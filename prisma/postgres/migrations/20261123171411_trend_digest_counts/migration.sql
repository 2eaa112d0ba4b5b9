-- DropIndex
DROP INDEX "PaperPhrase_phrase_paperId_idx";

-- CreateTable
CREATE TABLE "DigestTopic" (
    "digestId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "papers" INTEGER NOT NULL,

    CONSTRAINT "DigestTopic_pkey" PRIMARY KEY ("digestId","topicSlug")
);

-- CreateTable
CREATE TABLE "DigestPhrase" (
    "digestId" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "papers" INTEGER NOT NULL,

    CONSTRAINT "DigestPhrase_pkey" PRIMARY KEY ("digestId","phrase")
);

-- CreateIndex
CREATE INDEX "DigestPhrase_phrase_digestId_idx" ON "DigestPhrase"("phrase", "digestId");

-- AddForeignKey
ALTER TABLE "DigestTopic" ADD CONSTRAINT "DigestTopic_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestTopic" ADD CONSTRAINT "DigestTopic_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestPhrase" ADD CONSTRAINT "DigestPhrase_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Fill the counts from what the database holds, as lib/trends/digest-counts.ts does. Papers
-- without key phrases yet get them at the next ingest, and their digests their counts.
INSERT INTO "DigestTopic" ("digestId", "topicSlug", "papers")
SELECT a."digestId", pt."topicSlug", COUNT(*) FROM "Appearance" a JOIN "PaperTopic" pt ON pt."paperId" = a."paperId"
GROUP BY a."digestId", pt."topicSlug";

INSERT INTO "DigestPhrase" ("digestId", "phrase", "papers")
SELECT a."digestId", pp."phrase", COUNT(*) FROM "Appearance" a JOIN "PaperPhrase" pp ON pp."paperId" = a."paperId"
GROUP BY a."digestId", pp."phrase";
