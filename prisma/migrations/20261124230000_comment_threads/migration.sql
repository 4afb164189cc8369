-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "replyToId" TEXT,
ADD COLUMN     "rootId" TEXT;

-- CreateIndex
CREATE INDEX "Comment_articleId_parentId_reactionCount_createdAt_idx" ON "Comment"("articleId", "parentId", "reactionCount" DESC, "createdAt");

-- CreateIndex
CREATE INDEX "Comment_rootId_createdAt_idx" ON "Comment"("rootId", "createdAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_rootId_fkey" FOREIGN KEY ("rootId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Backfill: every existing reply learns the top-level comment of its thread.
WITH RECURSIVE thread AS (
  SELECT "id", "id" AS "root" FROM "Comment" WHERE "parentId" IS NULL
  UNION ALL
  SELECT c."id", t."root" FROM "Comment" c JOIN thread t ON c."parentId" = t."id"
)
UPDATE "Comment" SET "rootId" = thread."root" FROM thread WHERE "Comment"."id" = thread."id" AND "Comment"."parentId" IS NOT NULL;
