"""Run aerich or Tortoise against a scratch database in its own process.

``python -m tests.services.migration_probe <upgrade|pending|generate> <database url>``
prints a JSON result. A separate process keeps aerich's global Tortoise state
away from the test session's own connection.
"""

from __future__ import annotations

import asyncio
import json
import sys

from tortoise import Tortoise

from mall import migrate
from mall.infra import db
from mall.settings import Settings


async def main(action: str, url: str) -> object:
    settings = Settings(database_url=url, secret_key="probe", _env_file=None)  # type: ignore[call-arg]
    if action == "upgrade":
        return await migrate.upgrade(settings)
    if action == "pending":
        return await migrate.pending_changes(settings)
    if action == "unapplied":
        return await migrate.unapplied(settings)
    if action == "generate":
        await Tortoise.init(config=db.tortoise_config(settings))
        await Tortoise.generate_schemas()
        await Tortoise.close_connections()
        return "generated"
    raise SystemExit(f"unknown action {action}")


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2]))))
