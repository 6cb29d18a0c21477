"""The savings sprint (Hoogeveen's hackathon): teams build packages of measures against
the clock, reviewers validate them from a shared queue, the steering group follows and
publishes standings, and the board composes the chosen package."""
