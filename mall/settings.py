"""All configuration, read from ``MALL_*`` environment variables (and ``.env``).

This is the only module that reads the environment. Every setting is listed,
with its default and meaning, in ``.env.example``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import secrets
import tempfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from mall.core.money import decimal_to_minor

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MALL_", env_file=".env", extra="ignore", frozen=True)

    # --- runtime shape (DESIGN §2) ---
    database_url: str = "sqlite://mall.db"
    redis_url: str | None = None
    redis_prefix: str = "mall:"
    redis_pool_max: int = Field(100, ge=1, le=1000)
    redis_timeout_seconds: float = Field(2.0, gt=0, le=60)
    database_pool_max: int = Field(10, ge=1, le=500)
    database_statement_cache: bool = True
    single_process: bool = False
    sandbox: bool | None = None
    debug: bool = False
    secret_key: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    jobs_interval_seconds: float = Field(5.0, gt=0, le=3600)

    # --- shop ---
    currency: str = Field("CNY", min_length=3, max_length=3)
    time_zone: str = "Asia/Shanghai"
    points_per_yuan: int = Field(100, ge=1, le=10_000)
    points_max_share: Decimal = Field(Decimal("0.5"), ge=0, le=1)
    # Points expire this many days after they were given (each lot on its own).
    points_valid_days: int = Field(365, ge=1, le=36_500)
    after_sale_window_days: int = Field(7, ge=0, le=365)
    # Days a rebate waits after its order's after-sale window closes before it becomes ACTIVE (DESIGN §3.6).
    rebate_hold_days: int = Field(0, ge=0, le=365)
    withdrawal_min: Decimal = Field(Decimal("10.00"), ge=0)
    withdrawal_fee_rate: Decimal = Field(Decimal("0.006"), ge=0, lt=1)
    withdrawal_min_fee: Decimal = Field(Decimal("1.00"), ge=0)
    # Rebate credit is spendable, not withdrawable, unless the operator says so (DESIGN §3.5).
    rebate_credit_withdrawable: bool = False
    # Withdrawals one customer may have waiting (REQUESTED, APPROVED or PAYING) at once.
    withdrawal_open_max: int = Field(5, ge=1, le=100)
    # walletTopUp: the least and most one top-up may be, and how many unpaid, unexpired ones a customer may hold.
    top_up_min: Decimal = Field(Decimal("1.00"), gt=0)
    top_up_max: Decimal = Field(Decimal("50000.00"), gt=0, le=Decimal("1000000000"))
    top_up_pending_max: int = Field(5, ge=1, le=100)
    cart_max_lines: int = Field(100, ge=1, le=500)
    cart_max_quantity: int = Field(999, ge=1, le=99_999)
    guest_carts_max_per_address: int = Field(60, ge=1)
    guest_carts_window_seconds: int = Field(3600, ge=1)
    # Orders (DESIGN §3.4): minutes an unpaid order holds its stock; the flat
    # shipping fee and the goods subtotal from which shipping is free.
    order_payment_timeout: int = Field(30, ge=1, le=7 * 24 * 60)
    # Days after shipping when an order the customer has not confirmed completes by itself.
    order_auto_confirm_days: int = Field(10, ge=1, le=90)
    # Unpaid orders one customer may hold at once (each holds stock until paid, cancelled or expired),
    # and payment attempts one order may have (each is a trade at the provider and a row here).
    order_unpaid_max: int = Field(5, ge=1, le=100)
    order_pay_attempts_max: int = Field(10, ge=1, le=100)
    shipping_fee: Decimal = Field(Decimal("10.00"), ge=0, le=Decimal("100000"))
    free_shipping_threshold: Decimal = Field(Decimal("99.00"), ge=0)

    # --- accounts and sessions ---
    access_token_ttl_seconds: int = Field(900, ge=30, le=86_400)
    refresh_token_ttl_days: int = Field(30, ge=1, le=365)
    refresh_reuse_grace_seconds: int = Field(10, ge=0, le=120)
    password_hash_time_cost: int = Field(3, ge=1)
    password_hash_memory_kib: int = Field(65_536, ge=8)
    password_hash_parallelism: int = Field(4, ge=1)
    login_max_failures_per_account: int = Field(5, ge=1)
    login_max_failures_per_address: int = Field(20, ge=1)
    login_max_failures_per_account_any_address: int = Field(100, ge=1)
    login_throttle_window_seconds: int = Field(900, ge=1)
    payment_password_max_failures: int = Field(5, ge=1)
    payment_password_window_seconds: int = Field(3600, ge=1)
    registration_max_per_address: int = Field(10, ge=1)
    registration_window_seconds: int = Field(3600, ge=1)
    trusted_proxies: Annotated[list[Network], NoDecode] = Field(default_factory=list)
    max_addresses_per_user: int = Field(20, ge=1, le=200)
    wechat_app_id: str | None = None
    wechat_app_secret: SecretStr | None = None

    # --- payments (DESIGN §3.7) ---
    sandbox_payment_private_key: SecretStr | None = None

    # --- GraphQL protection (DESIGN §4) ---
    # Unset: follow the sandbox (on for development, off in production).
    introspection: bool | None = None
    graphiql: bool | None = None
    max_query_depth: int = Field(12, ge=2)
    max_aliases: int = Field(30, ge=1)
    max_query_tokens: int = Field(4000, ge=100)
    max_selections: int = Field(300, ge=50)
    max_query_cost: int = Field(20_000, ge=100)
    max_subscriptions_per_connection: int = Field(20, ge=1)
    max_websockets: int = Field(1000, ge=1)
    websocket_init_timeout_seconds: float = Field(10, gt=0, le=300)
    max_request_bytes: int = Field(1_048_576, ge=1024)
    response_cache: bool = True
    response_cache_ttl_seconds: int = Field(300, ge=1)
    response_cache_max_bytes: int = Field(32 * 1024 * 1024, ge=64 * 1024)
    response_cache_entries_per_client: int = Field(200, ge=1)
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("trusted_proxies", "allowed_origins", mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("trusted_proxies", mode="after")
    @classmethod
    def _networks(cls, value: list[Network]) -> list[Network]:
        return [ipaddress.ip_network(str(net), strict=False) for net in value]

    @field_validator("sandbox_payment_private_key", mode="after")
    @classmethod
    def _rsa_private_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        # One-line .env values carry the PEM's line breaks as literal \n.
        pem = value.get_secret_value().replace("\\n", "\n").strip() + "\n"
        try:
            key = serialization.load_pem_private_key(pem.encode(), password=None)
        except (ValueError, TypeError) as exc:
            raise ValueError("MALL_SANDBOX_PAYMENT_PRIVATE_KEY is not an unencrypted PEM private key") from exc
        if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
            raise ValueError("MALL_SANDBOX_PAYMENT_PRIVATE_KEY must be an RSA key of 2048 bits or more")
        return SecretStr(pem)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("points_per_yuan")
    @classmethod
    def _whole_fen_per_point(cls, value: int) -> int:
        if 100 % value:  # DESIGN §3.0: one point is worth a whole number of fen
            raise ValueError("MALL_POINTS_PER_YUAN must divide 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100)")
        return value

    @field_validator("withdrawal_min", "withdrawal_min_fee", "shipping_fee", "free_shipping_threshold", "top_up_min",
                     "top_up_max")
    @classmethod
    def _whole_fen(cls, value: Decimal) -> Decimal:
        decimal_to_minor(value)
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if value.startswith("postgresql://"):
            value = "postgres://" + value.removeprefix("postgresql://")
        if not value.startswith(("sqlite://", "postgres://")):
            raise ValueError("MALL_DATABASE_URL must start with sqlite:// or postgres://")
        return value

    @model_validator(mode="after")
    def _production_needs_a_secret(self) -> Settings:
        if not self.is_sqlite and self.secret_key is None:
            raise ValueError("MALL_SECRET_KEY is required with PostgreSQL (the production shape)")
        return self

    # --- derived values ---
    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite://")

    @property
    def dialect(self) -> Literal["sqlite", "postgres"]:
        return "sqlite" if self.is_sqlite else "postgres"

    @property
    def jobs_in_serve(self) -> bool:
        """``mall serve`` runs the scheduled jobs in the embedded shape and in a declared single process;
        otherwise ``mall worker`` processes do."""
        return self.is_sqlite or self.single_process

    @property
    def sandbox_enabled(self) -> bool:
        """On by default in the embedded shape, off in production."""
        return self.is_sqlite if self.sandbox is None else self.sandbox

    @property
    def introspection_enabled(self) -> bool:
        """Introspection follows the sandbox unless set: production does not publish its schema."""
        return self.sandbox_enabled if self.introspection is None else self.introspection

    @property
    def graphiql_enabled(self) -> bool:
        """GraphiQL follows the sandbox unless set."""
        return self.sandbox_enabled if self.graphiql is None else self.graphiql

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        location = self.database_url.removeprefix("sqlite://").split("?", 1)[0]
        return None if location in ("", ":memory:") else Path(location)

    @property
    def signing_key(self) -> str:
        """The key that signs access tokens.

        Production must set MALL_SECRET_KEY. The embedded shape, when unset,
        keeps a generated key beside its database file so tokens survive a
        restart without a secret ever living in the repository.
        """
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _embedded_secret(self.sqlite_path)

    @property
    def access_token_ttl(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.access_token_ttl_seconds)

    @property
    def refresh_token_ttl(self) -> dt.timedelta:
        return dt.timedelta(days=self.refresh_token_ttl_days)

    @property
    def withdrawal_min_minor(self) -> int:
        return decimal_to_minor(self.withdrawal_min)

    @property
    def order_payment_timeout_delta(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.order_payment_timeout)

    @property
    def shipping_fee_minor(self) -> int:
        return decimal_to_minor(self.shipping_fee)

    @property
    def free_shipping_threshold_minor(self) -> int:
        return decimal_to_minor(self.free_shipping_threshold)

    @property
    def withdrawal_min_fee_minor(self) -> int:
        return decimal_to_minor(self.withdrawal_min_fee)


@lru_cache(maxsize=8)
def _embedded_secret(database_path: Path | None) -> str:
    if database_path is None:
        return secrets.token_urlsafe(48)
    key_file = database_path.with_name(database_path.name + ".secret")
    if not key_file.exists():
        _create_private_file(key_file, secrets.token_urlsafe(48))
    return key_file.read_text().strip()


def _create_private_file(target: Path, content: str) -> None:
    """Write ``content`` to a new file readable by its owner only, unless ``target`` exists.

    The content goes into a temporary file that ``mkstemp`` creates with mode
    0600 (O_EXCL), whatever the umask; ``os.link`` then publishes it whole and
    fails if another process got there first, whose file is then kept.
    """
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name + ".")
    try:
        with os.fdopen(fd, "w") as file:
            file.write(content)
        try:
            os.link(temporary, target)
        except FileExistsError:
            pass
    finally:
        os.unlink(temporary)


_current: Settings | None = None


def get_settings() -> Settings:
    """The process's settings, read from the environment once."""
    global _current
    if _current is None:
        _current = Settings()
    return _current


def use_settings(settings: Settings | None) -> None:
    """Replace the process's settings (tests, the CLI); None re-reads the environment."""
    global _current
    _current = settings
