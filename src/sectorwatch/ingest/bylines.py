"""Bylines, datelines and author intros: the metadata lines of a scraped page.

- `parse_byline("By A, B and C")` -> ["A", "B", "C"]; None when the line is not a byline.
- `parse_dateline("Monday 4 March 2019")` -> "2019-03-04"; a partial ISO date ("2019-03")
  when the line names no day; None when it is not a date line. Never fills a missing part
  from today's date: a line without a year is not a dateline.
- `authors_from_intro("... This week by deputy editor Dave West.")` -> ["Dave West"].
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from sectorwatch.data import lines
from sectorwatch.dates import from_date, month_numbers
from sectorwatch.ingest.patterns import author_roles, normalise_line

_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|den|la|le|du|da|di|bin|al)\b)")
_NAME_PARTICLES = frozenset(lines("name_particles.txt"))
_BYLINE = re.compile(r"(?:written |words |reporting )?by[:\s]\s*(?P<names>.+)", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&)\s*")

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = r"mon|tue|wed|thu|fri|sat|sun"
_DATE_PREFIX = re.compile(
    r"^(?:(?:first |last |originally )?(?:published|updated|posted|date|modified)"
    r"(?: on| at)?\s*[:|-]?\s*)",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^(?:last )?(?:updated|modified)\b", re.IGNORECASE)
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_ZONE = r"(?:\s*(?:gmt|bst|utc|cet|cest))?(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
_DATE_SUFFIX = re.compile(
    rf"(?:[,|\s]|\s-\s)*(?:at\s*)?(?:{_TIME}){_ZONE}\s*$",
    re.IGNORECASE,
)
_TIME_PREFIX = re.compile(rf"^(?:{_TIME}){_ZONE}\s*(?:[,|]|\s-\s|\bon\b)?\s*", re.IGNORECASE)
_DATE_ONLY = re.compile(
    rf"(?:(?:(?:{_DAYS})[a-z]*\.?,?\s+)?(?:the\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?"
    rf"(?:Z|[+-]\d{{2}}:?\d{{2}})?)?))",
    re.IGNORECASE,
)
_SHORT_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})")
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*")
_BYLINE_DATE = re.compile(
    rf"(?:\s+on\s+|\s*[,|•·]\s*|\s+-\s+|\s+–\s+)(?P<date>(?:(?:{_DAYS})[a-z]*\.?,?\s+)?"
    rf"(?:the\s+)?\d.*|(?:(?:{_DAYS})[a-z]*\.?,?\s+)?(?:{_MONTHS}).*)$",
    re.IGNORECASE,
)


def _split_byline(line: str) -> tuple[str, str | None]:
    """ "By Jo Bloggs on the 7th of May 2021" -> ("By Jo Bloggs", "2021-05-07")."""
    text = normalise_line(line)
    m = _BYLINE_DATE.search(text)
    if m:
        found = parse_dateline(m.group("date"))
        if found is not None:
            return text[: m.start()], found
    return text, None


def byline_date(line: str) -> str | None:
    """The date a byline line gives after its names ("By A on 7 May 2021"), or None."""
    text, found = _split_byline(line)
    return found if parse_byline(text) is not None else None


def parse_byline(line: str) -> list[str] | None:
    """The authors named by a byline line, or None when `line` is not one. A date after
    the names ("By A on the 7th of May 2021", "By A | 7 May 2021") is not a name."""
    m = _BYLINE.fullmatch(_split_byline(line)[0])
    if not m:
        return None
    names_part = _strip_author_role(m.group("names").strip().rstrip("."))
    names = [n for n in _NAME_SEPARATORS.split(names_part) if n]
    if not names or not all(_is_name(n) for n in names):
        return None
    return names


def _strip_author_role(names: str) -> str:
    """ "Dave West, deputy editor" -> "Dave West"."""
    lowered = names.lower()
    for role in author_roles():
        for sep in (", ", " - ", " – ", " "):
            suffix = sep + role
            if lowered.endswith(suffix):
                return names[: -len(suffix)].rstrip(" ,")
    return names


def _is_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0] in _NAME_PARTICLES or tokens[-1] in _NAME_PARTICLES:
        return False
    return all(_NAME_TOKEN.fullmatch(t) for t in tokens)


def split_authors(value: Any) -> list[str]:
    """Authors given as a list, or as one string "A; B", "A, B and C" -> a clean list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"\s*;\s*", str(value))
    authors: list[str] = []
    for item in items:
        text = normalise_line(str(item))
        if not text:
            continue
        parts = [p for p in _NAME_SEPARATORS.split(text) if p]
        if len(parts) > 1 and all(_is_name(p) for p in parts):
            authors.extend(parts)
        else:
            authors.append(text)
    return list(dict.fromkeys(authors))


_WEEKDAY = rf"(?:(?:{_DAYS})[a-z]*\.?,?\s+)?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_NAMED_MONTH_DATES = (  # (pattern, day group, month group, year group): dateparser's shapes
    (
        re.compile(rf"{_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?({_MONTHS})\.?,?\s+(\d{{4}})", re.I),
        1,
        2,
        3,
    ),
    (re.compile(rf"{_WEEKDAY}({_MONTHS})\.?\s+(?:the\s+)?{_DAY},?\s+(\d{{4}})", re.I), 2, 1, 3),
    (re.compile(rf"({_MONTHS})\.?\s+(\d{{4}})", re.I), 0, 1, 2),
)


def _named_month_date(value: str) -> tuple[bool, str | None]:
    """The date of "Tuesday 7 September 2021", "Sept. 7, 2021", "the 7th of Sep 2021" or
    "Sep 2021" (a weekday is not checked, as dateparser does not): (True, the date), or
    (True, None) for an impossible one ("31 September 2021"); (False, None) for any other
    text, which dateparser reads. The same answers as dateparser's, at a hundredth of its
    cost (tests/test_ingest_bylines.py)."""
    for pattern, day, month, year in _NAMED_MONTH_DATES:
        if found := pattern.fullmatch(value):
            number = month_numbers()[found.group(month).lower()]
            try:
                when = date(int(found.group(year)), number, int(found.group(day)) if day else 1)
            except ValueError:
                return True, None
            return True, from_date(when, 3 if day else 2)
    return False, None


@lru_cache(maxsize=1)
def _date_parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            # no "relative-time": a relative line names no date (`parse_dateline`), and
            # its parser took about half of dateparser's time on every dateline
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )


def parse_date(text: str) -> str | None:
    """A partial ISO date from a date written by people, or None. Needs a year."""
    value = normalise_line(text)
    if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return value
    if iso := _ISO_TIME.fullmatch(value):
        value = iso.group(1)
        return value if _real(value) else None
    if short := _SHORT_YEAR.fullmatch(value):  # 07/09/21: day first, two-digit year
        day, month, year = (int(g) for g in short.groups())
        value = f"{2000 + year if year < 70 else 1900 + year:04d}-{month:02d}-{day:02d}"
        return value if _real(value) else None
    if not re.search(r"\b(?:1[89]|20)\d{2}\b", value):
        return None
    read, named = _named_month_date(value)
    if read:
        return named
    data = _date_parser().get_date_data(value)
    if data is None or data.date_obj is None:
        return None
    precision = {"year": 1, "month": 2}.get(data.period or "day", 3)
    return from_date(data.date_obj.date(), precision)


def _real(value: str) -> bool:
    from sectorwatch.dates import interval

    try:
        interval(value)
    except ValueError:
        return False
    return True


def is_updated_line(line: str) -> bool:
    """ "Updated: 5 March 2019": the date of a later edit, not of publication."""
    return _UPDATED.match(normalise_line(line)) is not None


def parse_dateline(line: str) -> str | None:
    """The date of a line that holds only a date: "Published: Tuesday 7 September 2021,
    10:31 BST", "07/09/21", "on the 7th of September 2021", "10:31, 7 Sept 2021". A
    relative line ("Updated 3 hours ago") names no date: None, never a guess."""
    text = normalise_line(line)
    if len(text) > 80:
        return None
    text = _DATE_PREFIX.sub("", text)
    text = re.sub(r"^on\s+", "", text, flags=re.IGNORECASE)
    text = text.strip(" ,|")
    if not _DATE_ONLY.fullmatch(text):  # "7.9.21" is a date, not "7." and a time
        text = _DATE_SUFFIX.sub("", _TIME_PREFIX.sub("", text)).strip(" ,|")
        if not _DATE_ONLY.fullmatch(text):
            return None
    return parse_date(text)


@lru_cache(maxsize=1)
def _intro_pattern() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in author_roles())
    name = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}"
    return re.compile(
        rf"\bby (?:(?:the|our|[\w'’&-]+'s|[\w'’&-]+’s|[A-Z][\w&-]*) )?(?:[a-z-]+ )?"
        rf"(?:{roles}) (?P<name>{name})"
    )


def authors_from_intro(text: str) -> list[str]:
    """Authors named as "by <journalist title> <Name>" in a column's intro paragraph."""
    return [m.group("name") for m in _intro_pattern().finditer(normalise_line(text))]
