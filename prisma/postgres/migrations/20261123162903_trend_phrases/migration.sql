-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "phrasesVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PaperPhrase" (
    "paperId" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,

    CONSTRAINT "PaperPhrase_pkey" PRIMARY KEY ("paperId","phrase")
);

-- CreateIndex
CREATE INDEX "PaperPhrase_phrase_paperId_idx" ON "PaperPhrase"("phrase", "paperId");

-- CreateIndex
CREATE INDEX "Paper_phrasesVersion_idx" ON "Paper"("phrasesVersion");

-- AddForeignKey
ALTER TABLE "PaperPhrase" ADD CONSTRAINT "PaperPhrase_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Papers stored before this migration have no key phrases yet (phrasesVersion 0): the next
-- ingest makes them (lib/ingest/key-phrases.ts) and says so.
