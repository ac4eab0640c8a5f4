-- The first schema: contributions as the routes hand them over, and the uploads they claim.
-- A contribution's fields live in `record` (JSON), so that a new optional field needs no
-- migration; what the store queries by has a column of its own.
CREATE TABLE contributions (
  seq         bigserial   PRIMARY KEY,
  id          text        NOT NULL UNIQUE,
  call_id     text        NOT NULL,
  received_at timestamptz NOT NULL,
  record      jsonb       NOT NULL
);

-- One row per upload a contribution names. The primary key is what makes a claim exclusive:
-- two instances accepting contributions that name the same upload cannot both commit.
CREATE TABLE upload_claims (
  upload_id       text NOT NULL PRIMARY KEY,
  contribution_id text NOT NULL REFERENCES contributions (id)
);
