"""Storefront and staff catalog queries: products, product, categories."""

from __future__ import annotations

import strawberry

from mall.catalog import listing, visibility
from mall.catalog.models import ProductStatus
from mall.core.actors import Actor, Permission
from mall.core.money import MoneyFormatError, decimal_to_minor
from mall.graphql.catalog.inputs import ProductFilter, ProductSort
from mall.graphql.catalog.loaders import (
    CategoryByIdLoader,
    CategoryTreeLoader,
    VariantsByProductIdLoader,
)
from mall.graphql.catalog.types import (
    PRODUCT_COLUMNS,
    CategoryType,
    ProductType,
    SortDirection,
    VariantType,
)
from mall.graphql.context import Info
from mall.graphql.errors import BadUserInput, Forbidden, Unauthenticated
from mall.graphql.lookahead import selects
from mall.graphql.relay import Connection, connection, decode_query_id
from mall.settings import get_settings


def _minor(value: object, name: str) -> int:
    try:
        minor = decimal_to_minor(value)  # type: ignore[arg-type]
    except MoneyFormatError as exc:
        raise BadUserInput(f"{name}: {exc}.") from exc
    if minor < 0:
        raise BadUserInput(f"{name} must not be negative.")
    return minor


async def prefetch(info: Info, products: list[ProductType], *, path: tuple[str, ...]) -> None:
    """Fetch the variants and categories the client selects for a whole page at once."""
    if not products:
        return
    if selects(info, *path, "variants"):
        pages = await info.context.loader(VariantsByProductIdLoader).load_many([p._pk for p in products])
        currency = get_settings().currency
        for product, rows in zip(products, pages, strict=True):
            product._variants = [VariantType.from_row(row, staff=product._staff, currency=currency) for row in rows]
    if selects(info, *path, "category"):
        wanted = sorted({p._category_id for p in products if p._category_id is not None})
        found = dict(zip(wanted, await info.context.loader(CategoryByIdLoader).load_many(wanted), strict=True))
        for product in products:
            category = found.get(product._category_id) if product._category_id is not None else None
            product._category = CategoryType.from_model(category) if category else None


def _filters(given: ProductFilter | None, *, actor: Actor) -> listing.ProductFilter:
    if given is None:
        return listing.ProductFilter()
    if given.search is not None and len(given.search) > listing.MAX_SEARCH_LENGTH:
        raise BadUserInput(f"search is at most {listing.MAX_SEARCH_LENGTH} characters.")
    price_min = _minor(given.price_min, "priceMin") if given.price_min is not None else None
    price_max = _minor(given.price_max, "priceMax") if given.price_max is not None else None
    if price_min is not None and price_max is not None and price_min > price_max:
        raise BadUserInput("priceMin is above priceMax.")
    status = given.status if given.status is not None else ProductStatus.ACTIVE
    if not visibility.sees_status(actor, status):
        if not actor.is_authenticated:
            raise Unauthenticated("Sign in as staff to see DRAFT or ARCHIVED products.")
        raise Forbidden("Only staff with MANAGE_PRODUCTS see DRAFT or ARCHIVED products.")
    category_id = None
    if given.category_id is not None:
        # Another type's id matches no category: an empty list, not an error.
        category_id = decode_query_id(given.category_id, "Category") or -1
    return listing.ProductFilter(
        search=given.search, category_id=category_id, price_min=price_min, price_max=price_max,
        in_stock=given.in_stock, statuses=(status,),
    )


@strawberry.type
class CatalogQueries:
    @strawberry.field(description="Products, ACTIVE only unless staff ask for another status.")
    async def products(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, filter: ProductFilter | None = None, sort: ProductSort | None = None,
    ) -> Connection[ProductType]:
        actor = await info.context.actor()
        staff = actor.has(Permission.MANAGE_PRODUCTS)
        found = await listing.product_listing(
            _filters(filter, actor=actor),
            sort=listing.SortField(sort.field.value) if sort else None,
            descending=(sort.direction is SortDirection.DESC) if sort and sort.direction else None,
            columns=PRODUCT_COLUMNS,
        )
        page = await connection(
            found, first=first, after=after, last=last, before=before,
            to_node=lambda row: ProductType.from_row(row, staff=staff), edge_cursors=selects(info, "edges", "cursor"),
        )
        await prefetch(info, [edge.node for edge in page.edges], path=("edges", "node"))
        return page

    @strawberry.field(description="One product by id or slug (exactly one); null if not found or not visible.")
    async def product(self, info: Info, id: strawberry.ID | None = None, slug: str | None = None) -> ProductType | None:
        if (id is None) == (slug is None):
            raise BadUserInput("Give exactly one of id and slug.")
        actor = await info.context.actor()
        if id is not None:
            pk = decode_query_id(id, "Product")
            found = await visibility.product(actor, product_id=pk) if pk is not None else None
        else:
            found = await visibility.product(actor, slug=slug)
        return ProductType.from_model(found, staff=actor.has(Permission.MANAGE_PRODUCTS)) if found else None

    @strawberry.field(description="Every category, flat; build the tree from parent and children.")
    async def categories(self, info: Info) -> list[CategoryType]:
        tree = await info.context.loader(CategoryTreeLoader).load("tree")
        return [CategoryType.from_model(c) for c in tree.every]
