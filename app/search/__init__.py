"""Search across everything published: the index, kept current on every flush, and /zoeken."""
