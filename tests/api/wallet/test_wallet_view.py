"""me.wallet through GraphQL: balances, points and the statement, each customer's own (DESIGN §3.5)."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.api.wallet.scene import WALLET_VIEW, adjust, finance

WALLET_PAGES = """
query WalletPages($first: Int, $after: String, $last: Int, $before: String) {
  me { wallet { entries(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { node { memo } } } } }
}"""
ENTRY_NODE = "query EntryNode($id: ID!) { node(id: $id) { id ... on WalletEntry { amount asset memo } } }"
USER_WALLET = "query UserWallet($id: ID!) { node(id: $id) { ... on User { email wallet { balance { amount } } } } }"


def _money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


async def test_a_new_customer_has_an_empty_wallet(api):
    buyer = await factories.customer()

    result = await api(WALLET_VIEW, token=buyer.access_token)

    assert result.data["me"] == {"id": encode_id("User", buyer.user.id), "wallet": {
        "balance": _money("0.00"), "heldBalance": _money("0.00"), "rebateCredit": _money("0.00"), "points": 0,
        "pointsExpiring": [], "vouchers": [],
        "entries": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []},
    }}


async def test_the_wallet_shows_each_balance_and_the_statement_newest_first(api):
    buyer = await factories.customer()
    staff = await finance()
    await adjust(api, staff, buyer, "120.50", reason="Compensation for a late parcel")
    await adjust(api, staff, buyer, "-20.25", reason="Correction")
    await adjust(api, staff, buyer, "8", asset="REBATE_CREDIT", reason="Campaign credit")
    await adjust(api, staff, buyer, "300", asset="POINTS", reason="Birthday points")

    wallet = (await api(WALLET_VIEW, token=buyer.access_token)).data["me"]["wallet"]

    assert {key: wallet[key] for key in ("balance", "heldBalance", "rebateCredit", "points")} == {
        "balance": _money("100.25"), "heldBalance": _money("0.00"), "rebateCredit": _money("8.00"), "points": 300,
    }
    lines = [edge["node"] for edge in wallet["entries"]["edges"]]
    assert [{k: v for k, v in line.items() if k not in ("id", "at")} for line in lines] == [
        {"kind": "ADJUSTMENT", "asset": "POINTS", "amount": "300", "balanceAfter": "300", "memo": "Birthday points"},
        {"kind": "ADJUSTMENT", "asset": "REBATE_CREDIT", "amount": "8.00", "balanceAfter": "8.00", "memo": "Campaign credit"},
        {"kind": "ADJUSTMENT", "asset": "BALANCE", "amount": "-20.25", "balanceAfter": "100.25", "memo": "Correction"},
        {"kind": "ADJUSTMENT", "asset": "BALANCE", "amount": "120.50", "balanceAfter": "120.50",
         "memo": "Compensation for a late parcel"},
    ]
    assert all(line["at"].endswith("+08:00") for line in lines)
    assert wallet["entries"]["pageInfo"] == {"hasNextPage": False, "endCursor": wallet["entries"]["edges"][-1]["cursor"]}


async def test_the_statement_pages_both_ways(api):
    buyer = await factories.customer()
    staff = await finance()
    for n in range(5):
        await adjust(api, staff, buyer, "1.00", reason=f"line {n}")

    first = (await api(WALLET_PAGES, {"first": 2}, token=buyer.access_token)).data["me"]["wallet"]["entries"]
    second = (await api(WALLET_PAGES, {"first": 2, "after": first["pageInfo"]["endCursor"]},
                        token=buyer.access_token)).data["me"]["wallet"]["entries"]
    third = (await api(WALLET_PAGES, {"first": 2, "after": second["pageInfo"]["endCursor"]},
                       token=buyer.access_token)).data["me"]["wallet"]["entries"]
    back = (await api(WALLET_PAGES, {"last": 2, "before": third["pageInfo"]["startCursor"]},
                      token=buyer.access_token)).data["me"]["wallet"]["entries"]

    def memos(page):
        return [edge["node"]["memo"] for edge in page["edges"]]

    assert (memos(first), memos(second), memos(third), memos(back)) == (
        ["line 4", "line 3"], ["line 2", "line 1"], ["line 0"], ["line 2", "line 1"])
    assert [page["pageInfo"]["hasNextPage"] for page in (first, second, third)] == [True, True, False]
    assert {page["totalCount"] for page in (first, second, third, back)} == {5}


async def test_bad_paging_arguments_are_a_top_level_bad_user_input(api):
    buyer = await factories.customer()

    too_many = await api(WALLET_PAGES, {"first": 101}, token=buyer.access_token)
    forged = await api(WALLET_PAGES, {"first": 1, "after": "not-a-cursor"}, token=buyer.access_token)

    assert too_many.error_codes == forged.error_codes == ["BAD_USER_INPUT"]


async def test_a_customer_sees_only_their_own_statement_and_entries(api):
    buyer, other = await factories.customer(), await factories.customer()
    staff = await finance()
    mine = (await adjust(api, staff, buyer, "5.00", reason="mine"))["entry"]
    theirs = (await adjust(api, staff, other, "7.00", reason="theirs"))["entry"]

    statement = (await api(WALLET_PAGES, {"first": 10}, token=buyer.access_token)).data["me"]["wallet"]["entries"]
    own = await api(ENTRY_NODE, {"id": mine["id"]}, token=buyer.access_token)
    foreign = await api(ENTRY_NODE, {"id": theirs["id"]}, token=buyer.access_token)
    anonymous = await api(ENTRY_NODE, {"id": mine["id"]})
    by_staff = await api(ENTRY_NODE, {"id": theirs["id"]}, token=staff.access_token)

    assert [edge["node"]["memo"] for edge in statement["edges"]] == ["mine"]
    assert own.data["node"] == {"id": mine["id"], "amount": "5.00", "asset": "BALANCE", "memo": "mine"}
    assert foreign.data["node"] is None
    assert anonymous.data["node"] is None
    assert by_staff.data["node"] == {"id": theirs["id"], "amount": "7.00", "asset": "BALANCE", "memo": "theirs"}


async def test_another_users_wallet_is_null_unless_the_viewer_manages_finance(api):
    buyer = await factories.customer()
    staff = await finance()
    await adjust(api, staff, buyer, "9.99")
    users_only = await factories.staff(Permission.MANAGE_USERS)
    users_and_finance = await factories.staff(Permission.MANAGE_USERS, Permission.MANAGE_FINANCE)

    hidden = await api(USER_WALLET, {"id": encode_id("User", buyer.user.id)}, token=users_only.access_token)
    shown = await api(USER_WALLET, {"id": encode_id("User", buyer.user.id)}, token=users_and_finance.access_token)

    assert hidden.data["node"] == {"email": buyer.login, "wallet": None}
    assert shown.data["node"] == {"email": buyer.login, "wallet": {"balance": {"amount": "9.99"}}}


async def test_without_a_token_there_is_no_wallet(api):
    result = await api(WALLET_VIEW)

    assert result.data == {"me": None}


async def test_the_wallet_costs_the_same_statements_whatever_the_length_of_its_page(api, sql_counting):
    staff = await finance()
    few, many = await factories.customer(), await factories.customer()
    for n in range(2):
        await adjust(api, staff, few, "1.00", reason=f"few {n}")
    for n in range(30):
        await adjust(api, staff, many, "1.00", asset=("BALANCE", "REBATE_CREDIT", "POINTS")[n % 3], reason=f"many {n}")

    async def statements(account: factories.Account) -> int:
        result = await api(WALLET_VIEW, {"first": 30}, token=account.access_token)
        assert result.data["me"]["wallet"]["entries"]["edges"]
        return int(result.headers["x-mall-sql-statements"])

    # the session with its user, the balances, the points expiring, the vouchers, one page of the statement
    # (with its entries and accounts)
    assert await statements(few) == await statements(many) == 5


async def test_staff_listing_customers_read_every_wallet_s_points_expiring_in_one_statement(api, sql_counting, configure):
    from mall.core.actors import Permission
    from tests.api.wallet.points_scene import give_points

    configure(response_cache=False)
    for _ in range(12):
        await give_points(api, await factories.customer(), 10, 20)
    staff = await factories.staff(Permission.MANAGE_FINANCE, Permission.MANAGE_USERS)
    query = "query Q($first: Int) { customers(first: $first) { edges { node { wallet { pointsExpiring { points } } } } } }"

    async def statements(first: int) -> tuple[int, list]:
        result = await api(query, {"first": first}, token=staff.access_token)
        wallets = [edge["node"]["wallet"]["pointsExpiring"] for edge in result.data["customers"]["edges"]]
        return int(result.headers["x-mall-sql-statements"]), wallets

    few, few_wallets = await statements(2)
    many, many_wallets = await statements(12)

    assert few == many  # not one more per customer
    assert [[due["points"] for due in wallet] for wallet in many_wallets] == [[10, 20]] * 12
    assert len(few_wallets) == 2


async def test_staff_listing_customers_read_every_wallet_s_vouchers_in_the_same_statements(api, sql_counting, configure):
    from mall.core.actors import Permission
    from tests.api.wallet.test_vouchers import issue

    configure(response_cache=False)
    for _ in range(12):
        customer = await factories.customer()
        await issue(api, customer, value="5.00")
        await issue(api, customer, value="6.00")
    staff = await factories.staff(Permission.MANAGE_FINANCE, Permission.MANAGE_USERS)
    query = ("query Q($first: Int) { customers(first: $first) { edges { node { wallet { "
             "vouchers(status: AVAILABLE) { value { amount } } all: vouchers { id } } } } } }")

    async def statements(first: int) -> tuple[int, list]:
        result = await api(query, {"first": first}, token=staff.access_token)
        wallets = [edge["node"]["wallet"] for edge in result.data["customers"]["edges"]]
        return int(result.headers["x-mall-sql-statements"]), wallets

    few, _ = await statements(2)
    many, wallets = await statements(12)

    assert few == many  # not one more per customer
    assert [[v["value"]["amount"] for v in wallet["vouchers"]] for wallet in wallets] == [["6.00", "5.00"]] * 12
    assert all(len(wallet["all"]) == 2 for wallet in wallets)
