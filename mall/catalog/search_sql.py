"""Search conditions in SQL, one form per dialect, with the same meaning.

Both match the stored tokens exactly as ``catalog/search.py`` cut them and
rank a product higher when its title holds every term. PostgreSQL reads the
tokens into a tsvector verbatim (``array_to_tsvector``: no parser, so no
locale or number rules can re-cut them) and finds them through the GIN index
``products_search_gin`` — the expression below must stay identical to the
index in migrations/postgres. SQLite, the embedded shape with a few thousand
products at most, matches the same tokens with LIKE.
"""

from __future__ import annotations

from typing import Any

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Term, ValueWrapper
from pypika_tortoise.utils import format_alias_sql
from tortoise.expressions import Case, Expression, Q, ResolveContext, ResolveResult, When

from mall.catalog.search import QueryTerm


def _vector(columns: str) -> str:
    return f"array_to_tsvector(array_remove(string_to_array({columns}, ' '), ''))"


VECTOR = _vector('"products"."search_title" || "products"."search_body"')
TITLE_VECTOR = _vector('"products"."search_title"')


def tsquery_text(terms: list[QueryTerm]) -> str:
    """``'手机' & 'iph':*`` — quoted lexemes are taken as they are (tokens are letters
    and digits only, so none holds a quote)."""
    return " & ".join(f"'{t.token}'" + (":*" if t.prefix else "") for t in terms)


class _Sql(Term):
    """A SQL fragment around one bound parameter (never interpolated)."""

    def __init__(self, template: str, value: str) -> None:
        super().__init__()
        self.template = template
        self.value = value

    def get_sql(self, ctx: SqlContext) -> str:
        sql = self.template.format(param=ValueWrapper(self.value).get_sql(ctx))
        return format_alias_sql(sql, self.alias, ctx) if ctx.with_alias else sql


class _Fragment(Expression):
    def __init__(self, template: str, value: str) -> None:
        self.template = template
        self.value = value

    def resolve(self, resolve_context: ResolveContext) -> ResolveResult:
        return ResolveResult(term=_Sql(self.template, self.value))


def postgres_match(terms: list[QueryTerm]) -> Expression:
    return _Fragment(VECTOR + " @@ CAST({param} AS tsquery)", tsquery_text(terms))


def postgres_rank(terms: list[QueryTerm]) -> Expression:
    """1 when the title holds every term, else 0: title matches first."""
    return _Fragment("CAST(" + TITLE_VECTOR + " @@ CAST({param} AS tsquery) AS INTEGER)", tsquery_text(terms))


def _has(column: str, term: QueryTerm) -> Q:
    # Stored tokens are space-separated with a space at each end (see derived.py).
    needle = f" {term.token}" + ("" if term.prefix else " ")
    return Q(**{f"{column}__contains": needle})


def sqlite_match(terms: list[QueryTerm]) -> Q:
    condition = Q()
    for term in terms:
        condition &= _has("search_title", term) | _has("search_body", term)
    return condition


def sqlite_rank(terms: list[QueryTerm]) -> Any:
    """1 when the title holds every term, else 0: title matches first."""
    in_title = Q()
    for term in terms:
        in_title &= _has("search_title", term)
    return Case(When(in_title, then=1), default=0)
