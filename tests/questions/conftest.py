"""The same stage as the discussion tests: a dialogue in its white-paper phase with
proposals, group members, an official and outsiders."""

from tests.discussion.conftest import Stage, stage

__all__ = ["Stage", "stage"]
