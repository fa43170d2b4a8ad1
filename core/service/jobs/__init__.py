"""Background jobs (README "Background jobs"): start, read, list, cancel, follow, and the runner
that every worker runs (claims jobs under a lease, commits each chunk with its progress)."""

from core.service.jobs.engine import Job, Jobs, ListJobs, StartJob

__all__ = ["Job", "Jobs", "ListJobs", "StartJob"]
