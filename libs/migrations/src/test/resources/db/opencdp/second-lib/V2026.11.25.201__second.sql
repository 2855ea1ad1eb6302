-- Builds on the first library's table: runs after it although its version is lower.
CREATE TABLE second_thing (id integer PRIMARY KEY, first_id integer REFERENCES first_thing (id));
