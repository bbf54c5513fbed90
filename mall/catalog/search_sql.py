"""Search conditions in SQL, one form per dialect, with the same meaning.

Both match the stored tokens exactly as ``catalog/search.py`` cut them and
rank a product higher when its title holds every term. PostgreSQL reads the
tokens into a tsvector verbatim (``array_to_tsvector``: no parser, so no
locale or number rules can re-cut them) and finds them through the GIN index
``products_search_gin`` — ``VECTOR`` must stay identical to the index in
migrations/postgres. SQLite, the embedded shape with a few thousand products
at most, matches the same tokens with LIKE.
"""

from __future__ import annotations

from mall.catalog.search import QueryTerm
from mall.catalog.sql import Fragment


def vector(columns: str) -> str:
    return f"array_to_tsvector(array_remove(string_to_array({columns}, ' '), ''))"


VECTOR = vector('"search_title" || "search_body"')
TITLE_VECTOR = vector('"search_title"')


def tsquery_text(terms: list[QueryTerm]) -> str:
    """``'手机' & 'iph':*`` — quoted lexemes are taken as they are (tokens are letters
    and digits only, so none holds a quote)."""
    return " & ".join(f"'{t.token}'" + (":*" if t.prefix else "") for t in terms)


def _like(term: QueryTerm) -> str:
    # Stored tokens are space-separated with a space at each end (derived.py);
    # tokens hold no LIKE wildcards (letters and digits only).
    return f"% {term.token}" + ("%" if term.prefix else " %")


def match(terms: list[QueryTerm], dialect: str) -> Fragment:
    """Products holding every term, in title or body."""
    if dialect == "postgres":
        return Fragment(VECTOR + " @@ CAST(%s AS tsquery)", (tsquery_text(terms),))
    clauses = ['("search_title" LIKE %s OR "search_body" LIKE %s)'] * len(terms)
    return Fragment("(" + " AND ".join(clauses) + ")", tuple(v for t in terms for v in (_like(t), _like(t))))


def title_rank(terms: list[QueryTerm], dialect: str) -> Fragment:
    """1 when the title holds every term, else 0: title matches first."""
    if dialect == "postgres":
        return Fragment("CAST(" + TITLE_VECTOR + " @@ CAST(%s AS tsquery) AS INTEGER)", (tsquery_text(terms),))
    clauses = ['"search_title" LIKE %s'] * len(terms)
    return Fragment("(CASE WHEN " + " AND ".join(clauses) + " THEN 1 ELSE 0 END)", tuple(_like(t) for t in terms))
