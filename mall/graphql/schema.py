"""The one schema: every domain's queries and mutations, plus the protection extensions.

``build_schema(settings)`` varies only behaviour (limits, introspection,
suggestions, batching), never the types: ``schema.graphql`` is the same
whatever the settings.
"""

from __future__ import annotations

from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from mall.graphql.accounts.mutations import AccountMutations
from mall.graphql.accounts.queries import AccountQueries
from mall.graphql.admin.mutations import AdminMutations
from mall.graphql.admin.queries import AdminQueries
from mall.graphql.admin.reports import ReportQueries
from mall.graphql.after_sales.mutations import AfterSaleMutations
from mall.graphql.after_sales.queries import AfterSaleQueries
from mall.graphql.cart.mutations import CartMutations
from mall.graphql.cart.queries import CartQueries
from mall.graphql.catalog.mutations import CatalogMutations
from mall.graphql.catalog.queries import CatalogQueries
from mall.graphql.documents import DocumentCaches, TextBoundedLru
from mall.graphql.errors import HideSuggestions, MaskUnexpectedErrors
from mall.graphql.limits import QueryLimits
from mall.graphql.node import NodeQueries
from mall.graphql.orders.mutations import OrderMutations
from mall.graphql.orders.payments import PaymentMutations
from mall.graphql.orders.queries import OrderQueries
from mall.graphql.rebates.rules import RebateRuleMutations, RebateRuleQueries
from mall.graphql.rebates.staff import RebateStaffMutations, RebateStaffQueries
from mall.graphql.sandbox.mutations import SandboxMutations
from mall.graphql.sandbox.tracking import SandboxTrackingMutations
from mall.graphql.scalars import SCALAR_MAP
from mall.graphql.shop.queries import ShopQueries
from mall.graphql.wallet.mutations import WalletMutations
from mall.graphql.wallet.queries import WalletQueries
from mall.graphql.wallet.withdrawals import TopUpMutations, WithdrawalMutations, WithdrawalQueries
from mall.settings import Settings


@strawberry.type
class Query(
    NodeQueries, AccountQueries, CatalogQueries, CartQueries, OrderQueries, AfterSaleQueries, ShopQueries, AdminQueries,
    WalletQueries, WithdrawalQueries, RebateRuleQueries, RebateStaffQueries, ReportQueries,
):
    pass


@strawberry.type
class Mutation(
    AccountMutations, CatalogMutations, CartMutations, OrderMutations, PaymentMutations, AfterSaleMutations,
    AdminMutations, WalletMutations, WithdrawalMutations, TopUpMutations, SandboxMutations, SandboxTrackingMutations,
    RebateRuleMutations, RebateStaffMutations,
):
    pass


class MallSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Log nothing here: deliberate errors are the client's, and
        ``MaskUnexpectedErrors`` logs the unexpected ones with the request id."""


def build_schema(settings: Settings, *, for_export: bool = False) -> strawberry.Schema:
    extensions: list[object] = [
        MaskUnexpectedErrors,
        QueryLimits,
        # After QueryLimits: its refusal before validation must be seen here.
        partial(DocumentCaches, validated=TextBoundedLru()),
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    if not settings.debug:
        extensions.append(HideSuggestions)
    config = StrawberryConfig(
        disable_field_suggestions=not settings.debug,
        batching_config={"max_operations": 10} if settings.debug else None,
        # Sorted only for printing: strawberry 0.341's sorted schema cannot
        # serialise enum values.
        sort_schema=for_export,
        scalar_map=SCALAR_MAP,
    )
    return MallSchema(query=Query, mutation=Mutation, extensions=extensions, config=config)  # type: ignore[arg-type]


def schema_sdl() -> str:
    """The schema as ``schema.graphql`` holds it."""
    return build_schema(Settings(database_url="sqlite://:memory:"), for_export=True).as_str() + "\n"
