"""Scheduled jobs: the registry and the runner (DESIGN §2, §3.0).

A job is a name, an interval and an idempotent ``run(now) -> int`` that
handles at most one bounded batch of whatever is due at ``now`` (the clock's
time, sandbox offset included) and says how many items it handled. The
runner runs each job once per due time and one at a time across every
process: in ``mall worker`` processes (production), inside ``mall serve``
(embedded), or once from ``mall jobs run``.
"""
