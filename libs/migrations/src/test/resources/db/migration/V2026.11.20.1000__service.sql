-- The service's migration, of the lowest version here, runs last and may build on every library's table.
CREATE TABLE service_thing (id integer PRIMARY KEY, second_id integer REFERENCES second_thing (id));
