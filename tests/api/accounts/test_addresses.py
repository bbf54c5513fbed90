"""Shipping addresses through GraphQL over HTTP: create, update, delete, the one default."""

from __future__ import annotations

import base64

from mall.accounts.models import Address
from tests import factories
from tests.operations import contract

ME = contract("Me")
ADDRESS_CREATE = contract("AddressCreate")
ADDRESS_UPDATE = contract("AddressUpdate")
ADDRESS_DELETE = contract("AddressDelete")

HOME = {
    "recipient": "李雷",
    "phone": "139-1234-5678",
    "province": "上海市",
    "city": "上海市",
    "district": "浦东新区",
    "street": "世纪大道 100 号",
    "postalCode": "200120",
}
OFFICE = {**HOME, "recipient": "韩梅梅", "street": "南京西路 1266 号", "district": "静安区", "postalCode": "200040"}
PARENTS = {**HOME, "recipient": "李爸爸", "province": "江苏省", "city": "南京市", "district": "玄武区",
           "street": "中山路 1 号", "postalCode": "210000"}


async def _create(api, account, fields, *, is_default=None):
    data = dict(fields)
    if is_default is not None:
        data["isDefault"] = is_default
    result = await api(ADDRESS_CREATE, {"input": data}, token=account.access_token)
    payload = result.data["addressCreate"]
    assert payload["userErrors"] == []
    return payload


async def _my_addresses(api, account):
    return (await api(ME, token=account.access_token)).data["me"]["addresses"]


def _global_id(type_name, pk):
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def test_first_address_becomes_the_default_with_every_field_stored(api):
    account = await factories.customer()

    payload = await _create(api, account, HOME)

    address_id = payload["address"]["id"]
    assert payload["user"]["addresses"] == [{"id": address_id, "isDefault": True}]
    assert await _my_addresses(api, account) == [{"id": address_id, **HOME, "isDefault": True}]


async def test_a_second_address_is_not_the_default_unless_asked(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]

    payload = await _create(api, account, OFFICE)

    office = payload["address"]["id"]
    assert payload["user"]["addresses"] == [{"id": home, "isDefault": True}, {"id": office, "isDefault": False}]


async def test_creating_with_is_default_moves_the_default_and_returns_every_address(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    office = (await _create(api, account, OFFICE))["address"]["id"]

    payload = await _create(api, account, PARENTS, is_default=True)

    parents = payload["address"]["id"]
    addresses = payload["user"]["addresses"]
    assert sorted(a["id"] for a in addresses) == sorted([home, office, parents])
    assert [a["id"] for a in addresses if a["isDefault"]] == [parents]
    mine = await _my_addresses(api, account)
    assert [(a["id"], a["isDefault"]) for a in mine if a["isDefault"]] == [(parents, True)]
    assert len(mine) == 3


async def test_update_changes_only_the_fields_given(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]

    result = await api(
        ADDRESS_UPDATE, {"input": {"addressId": home, "street": "世纪大道 200 号", "postalCode": "200122"}},
        token=account.access_token,
    )

    assert result.data["addressUpdate"] == {
        "address": {"id": home, "isDefault": True},
        "user": {"id": result.data["addressUpdate"]["user"]["id"], "addresses": [{"id": home, "isDefault": True}]},
        "userErrors": [],
    }
    assert await _my_addresses(api, account) == [
        {"id": home, **HOME, "street": "世纪大道 200 号", "postalCode": "200122", "isDefault": True}
    ]


async def test_update_with_is_default_true_moves_the_default(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    office = (await _create(api, account, OFFICE))["address"]["id"]

    result = await api(ADDRESS_UPDATE, {"input": {"addressId": office, "isDefault": True}}, token=account.access_token)

    payload = result.data["addressUpdate"]
    assert payload["userErrors"] == []
    assert payload["address"] == {"id": office, "isDefault": True}
    assert sorted((a["id"], a["isDefault"]) for a in payload["user"]["addresses"]) == sorted(
        [(home, False), (office, True)]
    )
    # Everything but the default flag is as it was.
    mine = {a["id"]: a for a in await _my_addresses(api, account)}
    assert mine[office] == {"id": office, **OFFICE, "isDefault": True}
    assert mine[home] == {"id": home, **HOME, "isDefault": False}


async def test_update_with_is_default_false_is_ignored(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]

    result = await api(ADDRESS_UPDATE, {"input": {"addressId": home, "isDefault": False}}, token=account.access_token)

    assert result.data["addressUpdate"]["address"] == {"id": home, "isDefault": True}
    assert result.data["addressUpdate"]["userErrors"] == []


async def test_invalid_fields_are_refused_with_their_paths_and_nothing_changes(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    cases = [
        ({"recipient": ""}, [{"field": ["input", "recipient"], "code": "REQUIRED", "message": "This field is required."}]),
        ({"recipient": "   "}, [{"field": ["input", "recipient"], "code": "REQUIRED", "message": "This field is required."}]),
        ({"phone": "call me"}, [{"field": ["input", "phone"], "code": "INVALID", "message": "Not a valid phone number."}]),
        ({"phone": "12"}, [{"field": ["input", "phone"], "code": "INVALID", "message": "Not a valid phone number."}]),
        ({"postalCode": "2001"}, [{"field": ["input", "postalCode"], "code": "INVALID", "message": "A postal code is six digits."}]),
        ({"postalCode": "abcdef"}, [{"field": ["input", "postalCode"], "code": "INVALID", "message": "A postal code is six digits."}]),
        # Other scripts' digits are not ASCII digits, even after NFKC.
        ({"postalCode": "٢٠٠١٢٠"}, [{"field": ["input", "postalCode"], "code": "INVALID", "message": "A postal code is six digits."}]),
        ({"phone": "١٣٩١٢٣٤٥٦٧٨"}, [{"field": ["input", "phone"], "code": "INVALID", "message": "Not a valid phone number."}]),
    ]
    for change, errors in cases:
        result = await api(ADDRESS_UPDATE, {"input": {"addressId": home, **change}}, token=account.access_token)
        assert result.data["addressUpdate"] == {"address": None, "user": None, "userErrors": errors}, change

    assert await _my_addresses(api, account) == [{"id": home, **HOME, "isDefault": True}]


async def test_full_width_digits_are_stored_as_ascii_digits(api):
    account = await factories.customer()

    result = await _create(api, account, {**HOME, "phone": "１３９-１２３４-５６７８", "postalCode": "２００１２０"})

    assert result["userErrors"] == []
    assert await _my_addresses(api, account) == [{"id": result["address"]["id"], **HOME, "isDefault": True}]


async def test_create_with_invalid_fields_is_refused_and_stores_nothing(api):
    account = await factories.customer()
    cases = [
        ({**HOME, "recipient": ""}, [{"field": ["input", "recipient"], "code": "REQUIRED", "message": "This field is required."}]),
        ({**HOME, "phone": "not a phone"}, [{"field": ["input", "phone"], "code": "INVALID", "message": "Not a valid phone number."}]),
        ({**HOME, "postalCode": "1234567"}, [{"field": ["input", "postalCode"], "code": "INVALID", "message": "A postal code is six digits."}]),
    ]
    for data, errors in cases:
        result = await api(ADDRESS_CREATE, {"input": data}, token=account.access_token)
        assert result.data["addressCreate"] == {"address": None, "user": None, "userErrors": errors}, data

    assert await _my_addresses(api, account) == []


async def test_deleting_the_default_makes_the_newest_remaining_address_the_default(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    office = (await _create(api, account, OFFICE))["address"]["id"]
    parents = (await _create(api, account, PARENTS))["address"]["id"]

    result = await api(ADDRESS_DELETE, {"input": {"addressId": home}}, token=account.access_token)

    payload = result.data["addressDelete"]
    assert payload["userErrors"] == []
    assert sorted(a["id"] for a in payload["user"]["addresses"]) == sorted([office, parents])
    mine = await _my_addresses(api, account)
    assert [(a["id"], a["isDefault"]) for a in mine] == [(parents, True), (office, False)]


async def test_deleting_another_address_keeps_the_default(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    office = (await _create(api, account, OFFICE))["address"]["id"]

    result = await api(ADDRESS_DELETE, {"input": {"addressId": office}}, token=account.access_token)

    assert result.data["addressDelete"]["userErrors"] == []
    assert result.data["addressDelete"]["user"]["addresses"] == [{"id": home}]
    assert [(a["id"], a["isDefault"]) for a in await _my_addresses(api, account)] == [(home, True)]


async def test_deleting_the_last_address_leaves_none(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]

    result = await api(ADDRESS_DELETE, {"input": {"addressId": home}}, token=account.access_token)

    assert result.data["addressDelete"]["userErrors"] == []
    assert result.data["addressDelete"]["user"]["addresses"] == []
    assert await Address.filter(user_id=account.user.id).count() == 0


async def test_the_per_customer_limit_is_enforced(api, configure):
    configure(max_addresses_per_user=2)
    account = await factories.customer()
    first = (await _create(api, account, HOME))["address"]["id"]
    second = (await _create(api, account, OFFICE))["address"]["id"]

    result = await api(ADDRESS_CREATE, {"input": PARENTS}, token=account.access_token)

    assert result.data["addressCreate"] == {
        "address": None,
        "user": None,
        "userErrors": [{"field": None, "code": "LIMIT_EXCEEDED", "message": "At most 2 addresses per account."}],
    }
    assert sorted(a["id"] for a in await _my_addresses(api, account)) == sorted([first, second])


async def test_another_customers_address_is_not_found_and_stays_unchanged(api):
    owner = await factories.customer()
    other = await factories.customer()
    home = (await _create(api, owner, HOME))["address"]["id"]
    not_found = [{"field": ["input", "addressId"], "code": "NOT_FOUND", "message": "No such address."}]

    update = await api(
        ADDRESS_UPDATE, {"input": {"addressId": home, "recipient": "Mallory", "isDefault": True}}, token=other.access_token
    )
    delete = await api(ADDRESS_DELETE, {"input": {"addressId": home}}, token=other.access_token)

    assert update.data["addressUpdate"] == {"address": None, "user": None, "userErrors": not_found}
    assert delete.data["addressDelete"] == {"user": None, "userErrors": not_found}
    assert await _my_addresses(api, owner) == [{"id": home, **HOME, "isDefault": True}]
    assert await _my_addresses(api, other) == []


async def test_a_malformed_id_or_an_id_of_another_type_is_invalid(api):
    account = await factories.customer()
    home = (await _create(api, account, HOME))["address"]["id"]
    user_id = _global_id("User", account.user.id)
    invalid = [{"field": ["input", "addressId"], "code": "INVALID", "message": "Expected an ID of type Address."}]

    for bad_id in ["not-an-id", "", _global_id("Address", "x1"), user_id]:
        update = await api(ADDRESS_UPDATE, {"input": {"addressId": bad_id, "recipient": "X"}}, token=account.access_token)
        delete = await api(ADDRESS_DELETE, {"input": {"addressId": bad_id}}, token=account.access_token)
        assert update.data["addressUpdate"] == {"address": None, "user": None, "userErrors": invalid}, bad_id
        assert delete.data["addressDelete"] == {"user": None, "userErrors": invalid}, bad_id

    assert await _my_addresses(api, account) == [{"id": home, **HOME, "isDefault": True}]


async def test_an_anonymous_caller_is_unauthenticated_and_nothing_changes(api):
    owner = await factories.customer()
    home = (await _create(api, owner, HOME))["address"]["id"]
    unauthenticated = [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}]

    create = await api(ADDRESS_CREATE, {"input": OFFICE})
    update = await api(ADDRESS_UPDATE, {"input": {"addressId": home, "recipient": "Mallory"}})
    delete = await api(ADDRESS_DELETE, {"input": {"addressId": home}})

    assert create.data["addressCreate"] == {"address": None, "user": None, "userErrors": unauthenticated}
    assert update.data["addressUpdate"] == {"address": None, "user": None, "userErrors": unauthenticated}
    assert delete.data["addressDelete"] == {"user": None, "userErrors": unauthenticated}
    assert await _my_addresses(api, owner) == [{"id": home, **HOME, "isDefault": True}]
    assert await Address.all().count() == 1


async def test_an_anonymous_caller_is_unauthenticated_whatever_the_id(api):
    # DESIGN §4: a mutation without authentication answers UNAUTHENTICATED, before looking at the input.
    unauthenticated = [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}]

    update = await api(ADDRESS_UPDATE, {"input": {"addressId": "not-an-id", "recipient": "Mallory"}})
    delete = await api(ADDRESS_DELETE, {"input": {"addressId": "not-an-id"}})

    assert update.data["addressUpdate"] == {"address": None, "user": None, "userErrors": unauthenticated}
    assert delete.data["addressDelete"] == {"user": None, "userErrors": unauthenticated}
