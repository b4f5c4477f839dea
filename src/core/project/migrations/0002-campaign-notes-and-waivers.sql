ALTER TABLE campaigns ADD COLUMN notes TEXT;
CREATE TABLE waivers (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  text TEXT,
  justification TEXT NOT NULL,
  waived_by TEXT NOT NULL,
  waived_at TEXT NOT NULL
);
CREATE INDEX waivers_post ON waivers (post_id);
