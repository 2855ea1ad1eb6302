-- The newest version of the three owners' migrations, and still the first to run: its owner comes first.
CREATE TABLE first_thing (id integer PRIMARY KEY);
