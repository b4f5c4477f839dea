-- The digest: the summary an Official Account article shows under its title.
ALTER TABLE posts ADD COLUMN digest TEXT;
