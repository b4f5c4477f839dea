CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
CREATE TABLE allowed_domains (domain TEXT PRIMARY KEY NOT NULL);
CREATE TABLE allowed_terms (term TEXT PRIMARY KEY NOT NULL);
CREATE TABLE banned_terms (
  term TEXT PRIMARY KEY NOT NULL,
  category TEXT NOT NULL
);
CREATE TABLE enabled_packs (pack_id TEXT PRIMARY KEY NOT NULL);
CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  ecosystem TEXT NOT NULL CHECK (ecosystem IN ('weixin', 'wechat')),
  account_type TEXT,
  objective TEXT,
  start_date TEXT,
  end_date TEXT,
  budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),
  currency TEXT,
  target_regions TEXT
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'moments-ad', 'channels',
                                     'mini-program', 'group-message')),
  title TEXT,
  body TEXT,
  call_to_action TEXT,
  link TEXT,
  scheduled_at TEXT,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in-review', 'approved', 'rejected', 'published')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX posts_campaign ON posts (campaign_id);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  reviewer TEXT NOT NULL,
  comment TEXT,
  reviewed_at TEXT NOT NULL,
  findings TEXT NOT NULL,
  pack_versions TEXT NOT NULL
);
CREATE INDEX reviews_post ON reviews (post_id);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX comments_post ON comments (post_id);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT,
  detail TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
