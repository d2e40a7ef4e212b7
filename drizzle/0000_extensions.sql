-- Trigram indexes back the desk's substring search (title, outlet, URL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
