"""The category tree: creating categories and finding a category's descendants."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from mall.accounts import acting
from mall.audit import services as audit
from mall.catalog import validation
from mall.catalog.invalidation import catalog_changed
from mall.catalog.models import Category
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import Duplicate, NotFound
from mall.infra.transactions import transaction

MAX_DEPTH = 8


async def category_create(actor: Actor, *, name: str, slug: str | None, parent_id: int | None) -> Category:
    """Add a category, at the top or below ``parent_id`` (at most ``MAX_DEPTH`` levels)."""
    actor.require(Permission.MANAGE_PRODUCTS)
    clean_name = validation.text(name, field="name", max_length=100)
    clean_slug = validation.slug(slug, fallback_from=name, max_length=100)
    try:
        async with transaction():
            catalog_changed()
            await acting.require(actor, Permission.MANAGE_PRODUCTS)
            parent = None
            if parent_id is not None:
                parent = await Category.get_or_none(id=parent_id)
                if parent is None:
                    raise NotFound("No such category.", field="parentId")
                if parent.path.count("/") - 1 >= MAX_DEPTH:
                    raise validation.fail("parentId", f"Categories nest at most {MAX_DEPTH} levels deep.")
            if await Category.exists(slug=clean_slug):
                raise Duplicate("A category with this slug exists.", field="slug")
            category = await Category.create(
                name=clean_name, slug=clean_slug, parent_id=parent_id, path="", created_at=clock.now()
            )
            category.path = child_path(parent.path if parent else None, category.id)
            await category.save(update_fields=["path"])
            await audit.record(
                actor, action="category.create", target=f"Category:{category.id}",
                new={"name": clean_name, "slug": clean_slug, "parentId": parent_id},
            )
    except IntegrityError as exc:
        raise Duplicate("A category with this slug exists.", field="slug") from exc
    return category


def child_path(parent_path: str | None, category_id: int) -> str:
    """The materialised path of a category: its ancestors' ids, then its own."""
    return f"{parent_path or '/'}{category_id}/"


def path_ids(path: str) -> frozenset[int]:
    """The ids in a materialised path (``child_path``): the category and every one above it."""
    return frozenset(int(part) for part in path.strip("/").split("/") if part)
