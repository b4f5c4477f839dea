-- A post copied to the other ecosystem and its copy point at each other.
ALTER TABLE posts ADD COLUMN linked_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL;
