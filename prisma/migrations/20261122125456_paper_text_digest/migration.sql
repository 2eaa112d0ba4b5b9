-- AlterTable
ALTER TABLE "Paper" ADD COLUMN "textDigestId" TEXT;
