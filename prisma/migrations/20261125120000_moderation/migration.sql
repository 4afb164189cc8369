-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyDigest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyReplies" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "flags" JSONB,
ADD COLUMN     "moderatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "commentId" TEXT,
    "data" JSONB NOT NULL,
    "readAt" TIMESTAMP(3),
    "appeal" TEXT,
    "appealedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_status_moderatedAt_idx" ON "Comment"("status", "moderatedAt");

-- CreateIndex
CREATE INDEX "ModerationLogEntry_action_createdAt_idx" ON "ModerationLogEntry"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit trail is append-only: no UPDATE or DELETE. Only clearing is allowed: deleting a user
-- or comment clears the reference to it (ON DELETE SET NULL), and deleting an account erases the
-- personal words (reason, before, after) from its entries. Nothing can be rewritten.
CREATE FUNCTION "moderation_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."id" = OLD."id" AND NEW."action" = OLD."action" AND NEW."targetType" = OLD."targetType"
     AND NEW."targetId" = OLD."targetId" 
     AND (NEW."reason" IS NOT DISTINCT FROM OLD."reason" OR NEW."reason" IS NULL)
     AND (NEW."before"::text IS NOT DISTINCT FROM OLD."before"::text OR NEW."before" IS NULL)
     AND (NEW."after"::text IS NOT DISTINCT FROM OLD."after"::text OR NEW."after" IS NULL)
     AND NEW."createdAt" = OLD."createdAt"
     AND (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" OR NEW."actorId" IS NULL)
     AND (NEW."commentId" IS NOT DISTINCT FROM OLD."commentId" OR NEW."commentId" IS NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the moderation log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "moderation_log_append_only"
  BEFORE UPDATE OR DELETE ON "ModerationLogEntry"
  FOR EACH ROW EXECUTE FUNCTION "moderation_log_append_only"();
