-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "importKey" TEXT,
-- Kept up to date by PostgreSQL itself: the headline weighs most, then the dek, then the body.
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('german'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('german'::regconfig, coalesce("dek", '')), 'B') ||
  setweight(to_tsvector('german'::regconfig, coalesce("body", '')), 'C')
) STORED;

-- CreateTable
CREATE TABLE "ArticleSlugRedirect" (
    "slug" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ArticleSlugRedirect_articleId_idx" ON "ArticleSlugRedirect"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_importKey_key" ON "Article"("importKey");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "ArticleSlugRedirect" ADD CONSTRAINT "ArticleSlugRedirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


