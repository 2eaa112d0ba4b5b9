-- CreateTable
CREATE TABLE "WriterLock" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WriterLock_pkey" PRIMARY KEY ("name")
);
