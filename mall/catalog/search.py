"""Search tokens for Chinese and English text (DESIGN §3.2).

Chinese has no spaces, so CJK text is indexed as every character and every
pair of neighbouring characters (bigrams): "智能手机" gives 智 能 手 机 智能
能手 手机, and a two-character query such as 手机 is one exact token. Latin
text is indexed as lower-cased words (letters and digits), a word mixing
both also as its parts (iphone15: iphone, 15). Documents and queries are
cut into runs the same way, so both always agree.

A Latin token keeps at most ``MAX_TOKEN_CHARS`` characters, in documents and
queries alike: PostgreSQL refuses a tsvector word of 2,048 bytes or more, and
since query words match as prefixes, a longer search word cut the same way
still finds the document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CJK = (
    "\u3041-\u3096\u30a1-\u30fa\u30fc"  # Hiragana, Katakana (not the ・ middle dot)
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
)
_RUNS = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")
_LETTERS_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")
MAX_QUERY_TERMS = 16
# 4 bytes at most per character in UTF-8: 400 bytes, far below PostgreSQL's 2,047.
MAX_TOKEN_CHARS = 100


def _runs(text: str) -> list[str]:
    # NFKC folds full-width letters and digits (ｉＰｈｏｎｅ１５) into ASCII.
    return _RUNS.findall(unicodedata.normalize("NFKC", text).lower())


def _latin_tokens(run: str) -> list[str]:
    """A Latin run and, when it mixes letters and digits, its parts; each cut to ``MAX_TOKEN_CHARS``."""
    return [word[:MAX_TOKEN_CHARS] for word in (run, *_LETTERS_OR_DIGITS.findall(run))]


def document_tokens(*texts: str) -> str:
    """The space-separated tokens to store for a document (deduplicated, in order)."""
    seen: dict[str, None] = {}
    for text in texts:
        for run in _runs(text):
            if _IS_CJK.match(run):
                for index, char in enumerate(run):
                    seen.setdefault(char)
                    if index + 1 < len(run):
                        seen.setdefault(run[index : index + 2])
            else:
                # "iphone15" is also "iphone" and "15", so either finds it.
                for token in _latin_tokens(run):
                    seen.setdefault(token)
    return " ".join(seen)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """A token every match must contain; Latin words also match as prefixes ("iph" → iphone)."""

    token: str
    prefix: bool


def query_terms(query: str) -> list[QueryTerm]:
    """What a search box text requires: a single CJK character, the bigrams of a longer
    CJK run, and each Latin word as a prefix (a word mixing letters and digits as
    its parts). At most ``MAX_QUERY_TERMS`` terms."""
    terms: dict[str, QueryTerm] = {}
    for run in _runs(query):
        if _IS_CJK.match(run):
            grams = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
            for gram in grams:
                terms.setdefault(gram, QueryTerm(gram, prefix=False))
        else:
            # "mate60" must find "Mate 60": documents hold the parts of such words too.
            for part in _LETTERS_OR_DIGITS.findall(run) or [run]:
                token = part[:MAX_TOKEN_CHARS]
                terms.setdefault(token, QueryTerm(token, prefix=True))
    return list(terms.values())[:MAX_QUERY_TERMS]
