"""What Mall writes to its logs (DESIGN §5): no secrets from SQL parameters."""

from __future__ import annotations

import logging

from mall.accounts.models import User
from tests.operations import contract

REGISTER = contract("Register")
LOGIN = contract("Login")


async def test_debug_logging_of_sql_shows_statements_but_never_their_parameters(configure, make_api, caplog):
    configure(debug=True)  # counts SQL too, as MALL_DEBUG does
    api = make_api()
    caplog.set_level(logging.DEBUG, logger="tortoise.db_client")

    registered = await api(REGISTER, {"input": {"email": "han.meimei@example.com", "password": "s3cret-pass"}})
    login = await api(LOGIN, {"input": {"login": "han.meimei@example.com", "password": "s3cret-pass"}})

    assert registered.data["accountRegister"]["userErrors"] == login.data["tokenCreate"]["userErrors"] == []
    user = await User.get(email="han.meimei@example.com")
    statements = [record.getMessage() for record in caplog.records if record.name == "tortoise.db_client"]
    assert any(message.startswith("INSERT INTO \"users\"") for message in statements)
    for message in statements:
        for secret in (user.password_hash, "han.meimei@example.com", "s3cret-pass"):
            assert secret not in message
    # Still counted once per statement.
    assert int(login.headers["x-mall-sql-statements"]) > 0
