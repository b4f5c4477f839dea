-- What a post is for: the Advertising Law's rules bind advertising only. A
-- paid placement (a Moments ad, a Mini Program ad) is always advertising.
ALTER TABLE posts ADD COLUMN purpose TEXT NOT NULL DEFAULT 'advertising'
  CHECK (purpose IN ('advertising', 'editorial', 'notice')
         AND (purpose = 'advertising' OR kind NOT IN ('moments-ad', 'mini-program')));
