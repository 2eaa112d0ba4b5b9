-- CreateTable
CREATE TABLE "PaperPhrase" (
    "paperId" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,

    PRIMARY KEY ("paperId", "phrase"),
    CONSTRAINT "PaperPhrase_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (by hand: SQLite adds a column with a constant default in place, where the
-- generated migration copied the whole Paper table)
ALTER TABLE "Paper" ADD COLUMN "phrasesVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Paper_phrasesVersion_idx" ON "Paper"("phrasesVersion");

-- CreateIndex
CREATE INDEX "PaperPhrase_phrase_paperId_idx" ON "PaperPhrase"("phrase", "paperId");

-- Papers stored before this migration have no key phrases yet (phrasesVersion 0): the next
-- ingest makes them (lib/ingest/key-phrases.ts) and says so.
