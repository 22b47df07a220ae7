"""What a search may be asked: the one check of a query's words, of `--limit` and of
`--offset`, shared by the command line, the web pages and `query.search`.

- `normalise_query(text)`: NFKC, invisible characters (zero-width spaces, joiners, bidi
  marks) removed, whitespace collapsed. A query with no word left once punctuation is set
  aside (`%`, `"`, `*`, `(`, an emoji) is no query: "" (which matches nothing, never
  everything). Longer than MAX_QUERY_CHARS characters or MAX_QUERY_WORDS words: QueryError.
- `check_limit(limit)`: 1 to MAX_LIMIT, else QueryError.
- `check_offset(offset)`: 0 or more, else QueryError.
"""

from __future__ import annotations

import re
import unicodedata

from sectorwatch.errors import QueryError

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
MAX_LIMIT = 500

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")


def normalise_query(text: str | None) -> str:
    """The query as searched, "" when it has no word to search for."""
    if not text:
        return ""
    if len(text) > MAX_QUERY_CHARS * 4:  # before any work on a huge string
        raise _too_long(len(text))
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc") or c.isspace())
    text = _SPACE.sub(" ", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        raise _too_long(len(text))
    from sectorwatch.store.fts import terms

    words = terms(text)
    if not any(_WORD.search(w) for w in words):
        return ""
    count = sum(len(w.split()) for w in words)
    if count > MAX_QUERY_WORDS:
        raise QueryError(
            f"the query has {count} words; at most {MAX_QUERY_WORDS} are searched: "
            "use the few that matter"
        )
    return text


def _too_long(n: int) -> QueryError:
    return QueryError(f"the query is {n} characters long; at most {MAX_QUERY_CHARS}")


def check_limit(limit: int) -> int:
    """`limit` when it is 1 to MAX_LIMIT, else QueryError naming the bounds."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"--limit {limit} is out of range: give 1 to {MAX_LIMIT}")
    return limit


def check_offset(offset: int) -> int:
    """`offset` when it is 0 or more, else QueryError."""
    if offset < 0:
        raise QueryError(f"--offset {offset} is out of range: give 0 or more")
    return offset
