-- CreateEnum
CREATE TYPE "FollowDelivery" AS ENUM ('IMMEDIATE', 'HOURLY', 'DAILY');

-- CreateEnum
CREATE TYPE "GuestTokenPurpose" AS ENUM ('CONFIRM_COMMENT', 'CONFIRM_FOLLOW', 'DELETE_COMMENT', 'EXPORT_DATA', 'DELETE_DATA');

-- AlterEnum
ALTER TYPE "CommentStatus" ADD VALUE 'UNCONFIRMED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "followDelivery" "FollowDelivery" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "notifyMentions" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "guestId" TEXT;

-- CreateTable
CREATE TABLE "Guest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "blockedAt" TIMESTAMP(3),
    "blockedById" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'de',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Guest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestToken" (
    "id" TEXT NOT NULL,
    "guestId" TEXT NOT NULL,
    "purpose" "GuestTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "commentId" TEXT,
    "articleId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT,
    "guestId" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowMail" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("commentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Guest_email_key" ON "Guest"("email");

-- CreateIndex
CREATE UNIQUE INDEX "GuestToken_tokenHash_key" ON "GuestToken"("tokenHash");

-- CreateIndex
CREATE INDEX "GuestToken_guestId_purpose_idx" ON "GuestToken"("guestId", "purpose");

-- CreateIndex
CREATE INDEX "Subscription_userId_idx" ON "Subscription"("userId");

-- CreateIndex
CREATE INDEX "Subscription_guestId_idx" ON "Subscription"("guestId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_articleId_userId_key" ON "Subscription"("articleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_articleId_guestId_key" ON "Subscription"("articleId", "guestId");

-- CreateIndex
CREATE INDEX "FollowMail_sentAt_createdAt_idx" ON "FollowMail"("sentAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowMail_subscriptionId_commentId_key" ON "FollowMail"("subscriptionId", "commentId");

-- CreateIndex
CREATE INDEX "Mention_userId_idx" ON "Mention"("userId");

-- CreateIndex
CREATE INDEX "Comment_guestId_createdAt_idx" ON "Comment"("guestId", "createdAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestToken" ADD CONSTRAINT "GuestToken_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowMail" ADD CONSTRAINT "FollowMail_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowMail" ADD CONSTRAINT "FollowMail_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


