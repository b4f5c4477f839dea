ALTER TABLE audit_log ADD COLUMN packs TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE waivers ADD COLUMN ecosystem TEXT;
ALTER TABLE waivers ADD COLUMN field TEXT;
ALTER TABLE waivers ADD COLUMN before_text TEXT;
ALTER TABLE waivers ADD COLUMN after_text TEXT;
ALTER TABLE waivers ADD COLUMN lapsed_at TEXT;
