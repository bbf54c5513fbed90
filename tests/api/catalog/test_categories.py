"""The category tree as a flat list whose parent and children links agree (DESIGN §3.2)."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

CATEGORIES = contract("Categories")
CATEGORY_CREATE = contract("CategoryCreate")
DEEP = "query Deep { categories { name parent { name parent { name parent { name } } } } }"


def gid(category) -> str:
    return encode_id("Category", category.id)


async def test_categories_is_every_category_flat_with_parent_and_children(api):
    food = await factories.category(name="食品")
    tea = await factories.category(name="茶叶", parent=food)
    green = await factories.category(name="绿茶", parent=tea)
    black = await factories.category(name="红茶", parent=tea)
    snacks = await factories.category(name="零食", parent=food)
    digital = await factories.category(name="数码")

    result = await api(CATEGORIES)

    def entry(category, parent, children):
        return {"id": gid(category), "name": category.name, "slug": category.slug,
                "parent": {"id": gid(parent)} if parent else None,
                "children": [{"id": gid(c), "name": c.name, "slug": c.slug} for c in children]}

    assert result.data == {"categories": [
        entry(food, None, [tea, snacks]),
        entry(tea, food, [green, black]),
        entry(green, tea, []),
        entry(black, tea, []),
        entry(snacks, food, []),
        entry(digital, None, []),
    ]}


async def test_parent_and_children_links_agree_both_ways(api):
    root = await factories.category(name="Root")
    middle = [await factories.category(name=f"Middle {n}", parent=root) for n in range(3)]
    for index, parent in enumerate(middle):
        for n in range(index + 1):
            await factories.category(name=f"Leaf {index}.{n}", parent=parent)

    categories = (await api(CATEGORIES)).data["categories"]

    assert len(categories) == 1 + 3 + 6
    by_id = {c["id"]: c for c in categories}
    assert len(by_id) == len(categories)
    for category in categories:
        if category["parent"] is not None:
            parent = by_id[category["parent"]["id"]]
            assert category["id"] in [child["id"] for child in parent["children"]]
        for child in category["children"]:
            assert by_id[child["id"]]["parent"] == {"id": category["id"]}
    roots = [c["name"] for c in categories if c["parent"] is None]
    assert roots == ["Root"]
    assert sum(len(c["children"]) for c in categories) == len(categories) - len(roots)


async def test_parents_nest_three_levels_up(api):
    a = await factories.category(name="A")
    b = await factories.category(name="B", parent=a)
    await factories.category(name="C", parent=b)

    result = await api(DEEP)

    assert result.data["categories"] == [
        {"name": "A", "parent": None},
        {"name": "B", "parent": {"name": "A", "parent": None}},
        {"name": "C", "parent": {"name": "B", "parent": {"name": "A", "parent": None}}},
    ]


async def test_no_categories_is_an_empty_list(api):
    assert (await api(CATEGORIES)).data == {"categories": []}


async def test_a_new_category_shows_in_the_next_anonymous_read(api):
    await factories.category(name="Tea")
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    first = (await api(CATEGORIES)).data["categories"]
    tea_id = first[0]["id"]

    created = await api(CATEGORY_CREATE, {"input": {"name": "Oolong", "slug": "oolong", "parentId": tea_id}},
                        token=staff.access_token)
    second = (await api(CATEGORIES)).data["categories"]

    new_id = created.data["categoryCreate"]["category"]["id"]
    assert [c["name"] for c in first] == ["Tea"]
    assert [(c["name"], c["parent"]) for c in second] == [("Tea", None), ("Oolong", {"id": tea_id})]
    assert second[0]["children"] == [{"id": new_id, "name": "Oolong", "slug": "oolong"}]
