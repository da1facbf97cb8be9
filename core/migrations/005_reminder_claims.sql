-- Reminders are delivered outside the store's lock: the occurrence is claimed in the log and
-- committed, then delivered, then marked delivered (or the claim is released when delivery fails).
-- A claim left undelivered by a crash is released at the next start, so the reminder comes again
-- if its meeting has not started. Rows written before this migration were delivered.
ALTER TABLE reminder_log ADD COLUMN delivered INTEGER NOT NULL DEFAULT 1 CHECK (delivered = 0 OR delivered = 1);
