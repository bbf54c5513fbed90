"""Batch loads for accounts: one query per kind of row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.accounts import sessions
from mall.accounts.models import Address, Session, User


class UserByIdLoader(DataLoader[int, User | None]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[User | None]:
        keys = list(keys)
        found = {user.id: user for user in await User.filter(id__in=keys)}
        return [found.get(key) for key in keys]


class AddressesByUserIdLoader(DataLoader[int, list[Address]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[Address]]:
        keys = list(keys)
        grouped: dict[int, list[Address]] = defaultdict(list)
        for address in await Address.filter(user_id__in=keys).order_by("-is_default", "-created_at", "-id"):
            grouped[address.user_id].append(address)
        return [grouped[key] for key in keys]


class ActiveSessionsByUserIdLoader(DataLoader[int, list[Session]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[Session]]:
        keys = list(keys)
        grouped: dict[int, list[Session]] = defaultdict(list)
        for session in await sessions.active_sessions(keys):
            grouped[session.user_id].append(session)
        return [grouped[key] for key in keys]
