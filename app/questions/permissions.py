"""Permission predicates of questions."""
