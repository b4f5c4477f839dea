-- The author an Official Account article names under its title.
ALTER TABLE posts ADD COLUMN author TEXT;
