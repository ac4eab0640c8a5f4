-- An organiser's review: every contribution starts as received (those kept before this
-- migration too), and is published or rejected. publishedAt is kept if it is later rejected.
ALTER TABLE contributions
  ADD COLUMN status       text NOT NULL DEFAULT 'received'
                          CHECK (status IN ('received', 'published', 'rejected')),
  ADD COLUMN published_at timestamptz,
  ADD COLUMN reviewed_at  timestamptz;

-- The organiser lists a call's contributions by status, and the public list shows the
-- published ones, newest first.
CREATE INDEX contributions_call_status_seq ON contributions (call_id, status, seq DESC);
CREATE INDEX contributions_status_seq ON contributions (status, seq DESC);
