-- The account a campaign publishes from: campaigns that name the same
-- account share its broadcast quota.
ALTER TABLE campaigns ADD COLUMN account TEXT;
