-- The sites a moderator may moderate. A moderator with no rows here moderates every site (the
-- admin, and every account made before this table existed).
CREATE TABLE moderator_sites (
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    site_id      TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    PRIMARY KEY (moderator_id, site_id)
);
