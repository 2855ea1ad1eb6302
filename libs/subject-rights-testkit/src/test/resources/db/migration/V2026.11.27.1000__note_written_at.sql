-- When a note was written: the start of the test application's retention category "notes".
ALTER TABLE note ADD COLUMN written_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX note_written_at ON note (written_at);
