CREATE TABLE secret_note (subject_id uuid NOT NULL, body bytea NOT NULL);
