"""Background work: named functions with arguments, queued in the request's transaction
and run after it commits.

One interface for both databases. Jobs are rows in ``jobs``; a runner claims one at a time
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several app processes share the queue; on
SQLite the single app process serialises writes anyway). The runner is a thread inside the
app process, woken when a request that queued work commits, and polling now and then for
work queued elsewhere (a command-line script, another process). In the tests it runs
"inline": right after the request's commit, on the test's own connection.
"""

from __future__ import annotations

from app.jobs.queue import JobStatus, enqueue, job, registered_jobs

__all__ = ["JobStatus", "enqueue", "job", "registered_jobs"]
