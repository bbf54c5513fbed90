"""Infrastructure: database wiring and transactions, Redis, caches, rate limits,
SQL counting and logging. Each backend (memory or Redis) sits behind a small
protocol and is chosen once, at start-up (``mall.infra.backends``)."""
