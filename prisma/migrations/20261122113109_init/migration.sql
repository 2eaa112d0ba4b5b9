-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "normalizedTitle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "codeUrl" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sortKey" INTEGER NOT NULL DEFAULT 0,
    "sortPosition" INTEGER NOT NULL DEFAULT 0,
    "indexedHash" TEXT
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "label" TEXT,
    "publishedOn" DATETIME,
    "sortKey" INTEGER NOT NULL DEFAULT 0,
    "entryCount" INTEGER NOT NULL,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Appearance" (
    "digestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "paperId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,

    PRIMARY KEY ("digestId", "position"),
    CONSTRAINT "Appearance_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Appearance_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Topic" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rank" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "PaperTopic" (
    "paperId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("paperId", "topicSlug"),
    CONSTRAINT "PaperTopic_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperTopic_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Paper_slug_key" ON "Paper"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Paper_normalizedTitle_key" ON "Paper"("normalizedTitle");

-- CreateIndex
CREATE INDEX "Paper_sortKey_sortPosition_idx" ON "Paper"("sortKey", "sortPosition");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_fileName_key" ON "Digest"("fileName");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_contentHash_key" ON "Digest"("contentHash");

-- CreateIndex
CREATE INDEX "Digest_sortKey_idx" ON "Digest"("sortKey");

-- CreateIndex
CREATE INDEX "Appearance_paperId_idx" ON "Appearance"("paperId");

-- CreateIndex
CREATE INDEX "PaperTopic_topicSlug_idx" ON "PaperTopic"("topicSlug");
