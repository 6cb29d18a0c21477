"""Dialoog: a co-creation platform for municipal budget dialogues."""
