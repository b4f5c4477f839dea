-- An Official Account's own content, drafted with its campaigns: its
-- automatic replies and its custom menu. An account is the name campaigns
-- give it on one ecosystem; the two ecosystems' accounts never mix.
CREATE TABLE auto_replies (
  id INTEGER PRIMARY KEY,
  ecosystem TEXT NOT NULL CHECK (ecosystem IN ('weixin', 'wechat')),
  account TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('welcome', 'message', 'keyword')),
  name TEXT,
  keywords TEXT,
  exact_match INTEGER NOT NULL DEFAULT 0 CHECK (exact_match IN (0, 1)),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX auto_replies_account ON auto_replies (ecosystem, account);
-- One welcome message and one reply to any message per account.
CREATE UNIQUE INDEX auto_replies_one_per_trigger ON auto_replies (ecosystem, account, trigger)
  WHERE trigger != 'keyword';

CREATE TABLE menu_items (
  id INTEGER PRIMARY KEY,
  ecosystem TEXT NOT NULL CHECK (ecosystem IN ('weixin', 'wechat')),
  account TEXT NOT NULL,
  parent_id INTEGER REFERENCES menu_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  action TEXT NOT NULL DEFAULT 'message' CHECK (action IN ('message', 'link')),
  message TEXT,
  link TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX menu_items_account ON menu_items (ecosystem, account);
CREATE INDEX menu_items_parent ON menu_items (parent_id);
