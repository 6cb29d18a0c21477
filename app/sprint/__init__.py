"""The savings sprint (Hoogeveen's hackathon): teams build packages of measures against
the clock, reviewers validate them from a shared queue, the steering group follows and
publishes standings, and the board composes the chosen package."""

# Every use case of the sprint asks the sprint's predicates: registering them with the
# package means a caller without the web app (the demo loader, a script) finds them too.
from app.sprint import permissions as _permissions  # noqa: F401
