-- The dashboard filters by article with or without a site: an index led by the article, in id
-- order within a status. (comments_article_status, led by the site, keeps serving the public
-- list and its count, which always name both.)
CREATE INDEX comments_article_queue ON comments (article_id, status, id);
