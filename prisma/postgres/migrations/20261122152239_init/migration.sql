-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "normalizedTitle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "codeUrl" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sortKey" INTEGER NOT NULL DEFAULT 0,
    "sortPosition" INTEGER NOT NULL DEFAULT 0,
    "textDigestId" TEXT,
    "indexedHash" TEXT,

    CONSTRAINT "Paper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "label" TEXT,
    "publishedOn" TIMESTAMP(3),
    "sortKey" INTEGER NOT NULL DEFAULT 0,
    "entryCount" INTEGER NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appearance" (
    "digestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "paperId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "Appearance_pkey" PRIMARY KEY ("digestId","position")
);

-- CreateTable
CREATE TABLE "Topic" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "paperCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "PaperTopic" (
    "paperId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL DEFAULT 'rule',

    CONSTRAINT "PaperTopic_pkey" PRIMARY KEY ("paperId","topicSlug")
);

-- CreateTable
CREATE TABLE "TopicOverride" (
    "paperId" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicOverride_pkey" PRIMARY KEY ("paperId","topicSlug")
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

-- AddForeignKey
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTopic" ADD CONSTRAINT "PaperTopic_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTopic" ADD CONSTRAINT "PaperTopic_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicOverride" ADD CONSTRAINT "TopicOverride_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicOverride" ADD CONSTRAINT "TopicOverride_topicSlug_fkey" FOREIGN KEY ("topicSlug") REFERENCES "Topic"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
