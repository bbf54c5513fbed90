"""Parsed and validated documents, remembered by their text within a byte budget.

Parsing and validation are about a third of a typical read, and frontends
send the same few documents again and again. Strawberry's ``ParserCache`` and
``ValidationCache`` bound only the number of entries, each of any size; these
caches bound the bytes of document text they hold instead: documents over
``MAX_CACHED_TEXT`` are never kept, and the texts held total at most
``MAX_TEXT_BYTES`` per cache. A parsed document takes about 50 times its text
in memory, so the parse cache holds at most about 25 MB.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

from graphql import DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

MAX_CACHED_TEXT = 8 * 1024
MAX_TEXT_BYTES = 512 * 1024

V = TypeVar("V")


class TextBoundedLru(Generic[V]):
    """Least-recently-used values keyed by a document text (plus a hashable qualifier)."""

    def __init__(self, *, max_text: int = MAX_CACHED_TEXT, max_bytes: int = MAX_TEXT_BYTES) -> None:
        self.max_text = max_text
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple[str, Hashable], V] = OrderedDict()

    def get_or_make(self, text: str, qualifier: Hashable, make: Callable[[], V]) -> V:
        """The value remembered for ``text``, else ``make()`` (remembered if the text is small enough)."""
        key = (text, qualifier)
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = make()
        if len(text) <= self.max_text:
            self._entries[key] = value
            self.bytes += len(text)
            while self.bytes > self.max_bytes:
                (evicted, _), _ = self._entries.popitem(last=False)
                self.bytes -= len(evicted)
        return value

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


_parsed: TextBoundedLru[DocumentNode] = TextBoundedLru()


def parse_cached(text: str, *, max_tokens: int | None) -> DocumentNode:
    """``text`` parsed (at most ``max_tokens`` tokens), from the cache when it was parsed before.

    Raises ``GraphQLError`` for a syntax error (those are not remembered).
    """
    return _parsed.get_or_make(text, max_tokens, lambda: parse(text, max_tokens=max_tokens))


class DocumentCaches(SchemaExtension):
    """The parse cache (shared) and this schema's validation cache, as one extension.

    Validation is skipped when an earlier extension already refused the
    document (``QueryLimits`` measures the work validation would take).
    """

    def __init__(self, *, validated: TextBoundedLru[list[GraphQLError]]) -> None:
        super().__init__()
        self.validated = validated

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            context.graphql_document = parse_cached(context.query, max_tokens=context.parse_options.get("max_tokens"))
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if context.pre_execution_errors is None and document is not None:
            schema, rules = context.schema._schema, tuple(context.validation_rules)
            context.pre_execution_errors = self.validated.get_or_make(
                context.query or "", rules, lambda: validate_document(schema, document, rules)
            )
        yield
