"""The per-request context: who is asking, from where, and this request's dataloaders.

Over HTTP one context serves one request. A WebSocket connection keeps one
to authenticate its ``connection_init``, and each operation on it runs with
its own (``for_operation``): fresh loaders, the token authenticated anew.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiodataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from mall.accounts import sessions
from mall.accounts.errors import InvalidToken
from mall.accounts.sessions import Viewer
from mall.core.actors import Actor

LoaderT = TypeVar("LoaderT", bound=DataLoader)  # type: ignore[type-arg]


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


@dataclass
class Context:
    request_id: str
    client_ip: str
    user_agent: str = ""
    authorization: str | None = None
    # Set by the WebSocket protocols from the connection_init payload.
    connection_params: dict[str, Any] | None = None
    token_error: InvalidToken | None = None
    # Set (to a list) while a response the cache may keep is computed: where each
    # variant's stock went (response path, variant id), to be served fresh on hits.
    stock_marks: list[tuple[list[str | int], int]] | None = None
    _loaders: dict[type, DataLoader] = field(default_factory=dict)  # type: ignore[type-arg]
    _viewer: Viewer | None = None
    _viewer_loaded: bool = False
    _viewer_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def for_operation(self) -> Context:
        """A fresh context for one operation on this connection.

        The session may have been revoked, or the account deactivated, since
        the socket opened; loaders must not serve what earlier operations read.
        """
        return Context(
            request_id=self.request_id,
            client_ip=self.client_ip,
            user_agent=self.user_agent,
            authorization=self.authorization,
            connection_params=self.connection_params,
        )

    def loader(self, loader_class: type[LoaderT]) -> LoaderT:
        """This request's instance of ``loader_class`` (created on first use)."""
        instance = self._loaders.get(loader_class)
        if instance is None:
            instance = self._loaders[loader_class] = loader_class()
        return instance  # type: ignore[return-value]

    def clear_loaders(self) -> None:
        self._loaders.clear()

    def _token(self) -> str | None:
        if self.connection_params is not None:
            value = self.connection_params.get("authorization") or self.connection_params.get("Authorization")
            if isinstance(value, str):
                return bearer_token(value)
        return bearer_token(self.authorization)

    async def viewer(self) -> Viewer | None:
        """The signed-in viewer, or None. A bad token reads as anonymous and is kept in ``token_error``."""
        if self._viewer_loaded:
            return self._viewer
        async with self._viewer_lock:
            if not self._viewer_loaded:
                token = self._token()
                if token is not None:
                    try:
                        self._viewer = await sessions.authenticate(token)
                    except InvalidToken as exc:
                        self.token_error = exc
                self._viewer_loaded = True
        return self._viewer

    async def actor(self) -> Actor:
        viewer = await self.viewer()
        if viewer is None:
            return Actor.anonymous(client_ip=self.client_ip, request_id=self.request_id)
        return viewer.actor(client_ip=self.client_ip, request_id=self.request_id)


Info = StrawberryInfo[Context, None]
