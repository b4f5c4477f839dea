-- The QR codes a campaign prints, one per placement: the link they open,
-- the source parameter that tells their scans apart, and how they print.
CREATE TABLE qr_codes (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  placement TEXT NOT NULL,
  link TEXT NOT NULL,
  source_key TEXT NOT NULL DEFAULT 'utm_source',
  source TEXT,
  error_correction TEXT NOT NULL DEFAULT 'medium'
    CHECK (error_correction IN ('low', 'medium', 'quartile', 'high')),
  quiet_zone INTEGER NOT NULL DEFAULT 4 CHECK (quiet_zone BETWEEN 0 AND 16),
  size_mm INTEGER NOT NULL DEFAULT 30 CHECK (size_mm BETWEEN 15 AND 1000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (campaign_id, placement)
);
CREATE INDEX qr_codes_campaign ON qr_codes (campaign_id);
