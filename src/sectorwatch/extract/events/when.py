"""Dates in news prose, resolved against the article's date, kept as partial dates.

`find_dates(text, published)` returns every date expression with its resolved value:
"On 1 March" (article of 2019-03-04) -> 2019-03-01; "yesterday" -> the day before;
"on Tuesday" -> the last Tuesday on or before the article's date; "last week" -> the
Monday of the week before (day precision is not claimed: the value is the month);
"March last year" -> 2018-03; "from 1 April" -> 2019-04-01 (an effective date: `kind` is
"effective"); "at the end of the month" -> the month's last day; "in the autumn",
"this summer" -> the year, with `range` the months of the season ("2024-09/2024-11"):
a season is stored as its year (a partial date every consumer understands) and the range
travels beside it. Without an article date, relative expressions resolve to None and
absolute ones keep what they state ("1 March 2019").

A month (or day and month) without a year takes its year from the tense of its clause (the
words between the nearest commas, semicolons or brackets): in a past clause ("was confirmed
in October", "took over", "had been", "joined", "left", "since") it is the latest such month
on or before the article's date; in a future clause ("will join in October", "is to retire
in December", "is due to") the next one on or after it; with no tense signal, the nearest
one (a month more than six months after the article is read as the previous year's); so
is a "from" date in a past clause ("was appointed from 1 October": the act is past, its
effect may lie ahead). A "since" date is always past.
Callers may pass the tense their own context tells (`future=True`, `past=True`); the
clause's own words win over it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sectorwatch.dates import interval, is_partial_date, month_numbers
from sectorwatch.extract.lexicon import (
    number_words,
    weekday_numbers,
    word_alternation,
)

MONTHS = month_numbers()
WEEKDAYS = weekday_numbers()
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_MONTH = rf"(?:{word_alternation(MONTHS)})"
_WEEKDAY = rf"(?:{word_alternation(WEEKDAYS)})"
_NUMBER_WORDS = number_words()

DATE_PATTERN = re.compile(
    rf"(?P<lead>\b(?:on|from|since|by|until|in|at|during|before|after|effective)\s+)?(?:the\s+)?"
    rf"(?<![\w’'-])(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|(?P<month3>{_MONTH})(?:\s+(?P<year3>\d{{4}})|\s+(?P<rel3>last|next|this)\s+year)?"
    rf"|(?P<weekday>{_WEEKDAY})"
    rf"|(?P<rel>yesterday|today|tomorrow|last\s+week|this\s+week|next\s+week|last\s+month|"
    rf"this\s+month|next\s+month|last\s+year|this\s+year|next\s+year|earlier\s+this\s+year|"
    rf"later\s+this\s+year|end\s+of\s+(?:the|this)\s+month|end\s+of\s+(?:the|this)\s+year)"
    rf"|(?:(?P<srel>this|next|last)\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+(?P<syear>\d{{4}}))?"
    rf"|(?P<yearonly>(?:19|20)\d{{2}})(?!/|\d))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # a partial date
    kind: str  # "point", "effective" (from/by/until ...), "since"
    range: str | None = None  # "YYYY-MM/YYYY-MM" for seasons


def _published(published: str | None) -> date | None:
    if not published or not is_partial_date(published):
        return None
    return interval(published)[0] if published.count("-") == 2 else None


# Tense markers of a clause; the one nearest before a date decides (else the first after).
# Simple past forms only ("has been appointed chief executive from 1 October" says nothing
# about the year of its date), and no bare infinitive ("announced his decision to leave").
_FUTURE_WORDS = (
    r"will|shall|would|(?:is|are)\s+to|(?:is|are)\s+(?:due|set|expected|scheduled|poised|"
    r"going|about)\s+to|(?:due|set|expected|scheduled|plans?|planning|intends?|intending)\s+to|"
    r"next|upcoming|forthcoming"
)
_PAST_WORDS = (
    r"was|were|had|did|took|joined|rejoined|left|became|retired|resigned|quit|departed|"
    r"stepped|stood|started|began|arrived|moved|served|ran|said|told|ago|previously|formerly|"
    r"since|(?<!be\s)(?<!been\s)(?<!has\s)(?<!have\s)(?:announced|confirmed|appointed|named|"
    r"revealed|agreed|approved)"
)
_TENSE = re.compile(
    rf"(?<![\w’'-])(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS}))(?![\w-])"
    r"|(?<=\w)(?P<future2>[’']ll)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|[.!?](?:\s|$)|(?<=\s)(?:and|but|while|whereas|who|which)(?=\s)"
)


def _tense_in(text: str) -> list[str]:
    return ["past" if m.group("past") else "future" for m in _TENSE.finditer(text)]


_FRONTED = re.compile(r"\s*(?:on|in|from|since|by|until|at|during|the)\s*", re.I)


def clause_tense(text: str, start: int, end: int) -> str | None:
    """ "past", "future" or None: the tense of the clause around text[start:end] (a date).
    The marker nearest before the date decides, else the first after it in the clause;
    a fronted date ("In October, she was confirmed ...") takes the next clause's."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    left = max((b + 1 for b in breaks if b < start), default=0)
    right = min((b for b in breaks if b >= end), default=len(text))
    before = _tense_in(text[left:start])
    if before:
        return before[-1]
    after = _tense_in(text[end:right])
    if after:
        return after[0]
    if not text[left:start].strip(" \t\n") or _FRONTED.fullmatch(text, left, start):
        # "In October, she was confirmed ...": the fronted date belongs to the next clause
        nxt = min((b for b in breaks if b > right), default=len(text))
        if right < len(text) and text[right] not in ".!?":
            following = _tense_in(text[right + 1 : nxt])
            if following:
                return following[0]
    return None


def _year_for(month: int, ref: date | None, tense: str | None, day: int = 0) -> int | None:
    """The year of a month (and day) without one: the latest on or before the article's
    date in a past clause, the next on or after it in a future one, else the nearest."""
    if ref is None:
        return None
    if tense == "past":
        return ref.year - 1 if (month, day) > (ref.month, ref.day if day else 0) else ref.year
    if tense == "future":
        return ref.year + 1 if (month, day) < (ref.month, ref.day if day else 0) else ref.year
    if tense == "hint-future":  # the caller's context looks forward; the clause says nothing
        return ref.year + 1 if month < ref.month - 1 else ref.year
    if month > ref.month + 6:  # the nearest: "in December" of an April article is last year's
        return ref.year - 1
    return ref.year + 1 if month < ref.month - 6 else ref.year


_SPACES = re.compile(r"\s+")


def _resolve(
    m: re.Match[str], published: str | None, tense: str | None
) -> tuple[str | None, str | None]:
    ref = _published(published)
    year_ref = int(published[:4]) if published else None
    g = m.groupdict()
    if g["day"] or g["day2"]:
        day = int(g["day"] or g["day2"])
        month = MONTHS[(g["month"] or g["month2"]).lower()]
        year = g["year"] or g["year2"]
        y = int(year) if year else _year_for(month, ref, tense, day)
        if y is None or not 1 <= day <= calendar.monthrange(y, month)[1]:
            return None, None
        return f"{y:04d}-{month:02d}-{day:02d}", None
    if g["month3"]:
        month = MONTHS[g["month3"].lower()]
        if g["year3"]:
            return f"{int(g['year3']):04d}-{month:02d}", None
        if g["rel3"]:
            if year_ref is None:
                return None, None
            delta = {"last": -1, "next": 1, "this": 0}[g["rel3"].lower()]
            return f"{year_ref + delta:04d}-{month:02d}", None
        y = _year_for(month, ref, tense) if ref else year_ref
        return (f"{y:04d}-{month:02d}", None) if y else (None, None)
    if g["weekday"]:
        if ref is None:
            return None, None
        wd = WEEKDAYS[g["weekday"].lower()]
        delta = (ref.weekday() - wd) % 7
        ahead = tense in ("future", "hint-future")
        d = ref + timedelta(days=(7 - delta) % 7) if ahead else ref - timedelta(days=delta)
        return d.isoformat(), None
    if g["rel"]:
        rel = _SPACES.sub(" ", g["rel"].lower())
        if ref is None:
            return None, None
        if rel == "yesterday":
            return (ref - timedelta(days=1)).isoformat(), None
        if rel == "today":
            return ref.isoformat(), None
        if rel == "tomorrow":
            return (ref + timedelta(days=1)).isoformat(), None
        if rel in ("last week", "this week", "next week"):
            shift = {"last week": -7, "this week": 0, "next week": 7}[rel]
            d = ref + timedelta(days=shift)
            return d.isoformat()[:7], None
        if rel in ("last month", "this month", "next month"):
            month = ref.month + {"last month": -1, "this month": 0, "next month": 1}[rel]
            y = ref.year + (month - 1) // 12
            return f"{y:04d}-{(month - 1) % 12 + 1:02d}", None
        if rel.startswith("end of the month") or rel.startswith("end of this month"):
            last = calendar.monthrange(ref.year, ref.month)[1]
            return f"{ref.year:04d}-{ref.month:02d}-{last:02d}", None
        if rel.startswith("end of"):
            return f"{ref.year:04d}-12-31", None
        y = ref.year + {"last year": -1, "next year": 1}.get(rel, 0)
        return f"{y:04d}", None
    if g["season"]:
        season = g["season"].lower()
        first, last = SEASONS[season]
        if g["syear"]:
            y = int(g["syear"])
        elif year_ref is None:
            return None, None
        else:
            y = year_ref + {"last": -1, "next": 1}.get((g["srel"] or "").lower(), 0)
        end_year = y + 1 if first > last else y
        return f"{y:04d}", f"{y:04d}-{first:02d}/{end_year:04d}-{last:02d}"
    if g["yearonly"]:
        return g["yearonly"], None
    return None, None


def find_dates(
    text: str, published: str | None, future: bool = False, past: bool = False
) -> list[DateMention]:
    """Every date expression of `text` with its resolved partial date (offsets into text).
    `future` / `past`: the tense the caller's context tells, for dates whose own clause
    has no tense word ("since" dates are always past)."""
    hint = "hint-future" if future else "past" if past else None
    out = []
    for m, lead, own in _expressions(text):
        tense = own or hint
        if tense == "past" and lead in ("from", "effective"):
            tense = None  # "was appointed chief executive from 1 October": may lie ahead
        value, rng = _resolve(m, published, tense)
        kind = {"from": "effective", "by": "effective", "until": "effective",
                "effective": "effective", "since": "since"}.get(lead, "point")  # fmt: skip
        out.append(DateMention(m.start(), m.end(), value, kind, rng))
    return out


_DIGIT = re.compile(r"\d")


def _fewest(words: set[str]) -> tuple[str, ...]:
    """`words` less those that hold another of them (a text holding one holds the other)."""
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


# A string every date expression of DATE_PATTERN without a digit holds (lower-cased): a
# month, a weekday, a season, or a word of each of its relative phrases.
_DATE_WORDS = _fewest(
    {*MONTHS, *WEEKDAYS, *SEASONS, "yesterday", "today", "tomorrow", "week", "month", "year"}
)


@lru_cache(maxsize=64)
def _expressions(text: str) -> tuple[tuple[re.Match[str], str, str | None], ...]:
    """The date expressions of `text` with their lead word ("from", "since", "" ...) and
    the tense their own clause tells (None: none): what `find_dates` reads whatever the
    article's date and the caller's hint, scanned once a text."""
    if text.isascii() and not _DIGIT.search(text):
        folded = text.lower()
        if not any(word in folded for word in _DATE_WORDS):
            return ()  # no digit and no word a date expression holds: nothing to find
    out = []
    for m in DATE_PATTERN.finditer(text):
        month = m.group("month") or m.group("month2") or m.group("month3")
        if month and month[0].islower():
            continue  # "to march", "may": a verb; "Westmarch": a place
        if m.group("month3") and not m.group("year3") and not m.group("rel3"):
            if m.group("month3").lower() == "may" and not m.group("lead"):
                continue  # the verb "may"
            if len(m.group("month3")) <= 4 and m.group("month3")[0].islower():
                continue
        lead = (m.group("lead") or "").strip().lower()
        own = "past" if lead == "since" else clause_tense(text, m.start(), m.end())
        out.append((m, lead, own))
    return tuple(out)


_DURATION = re.compile(
    r"for\s+the\s+(?:past|last)\s+(?P<n>\d+|\w+)\s+(?P<unit>day|week|month|year)s?"
    r"|since\s+(?P<since>.+)",
    re.IGNORECASE,
)


def resolve_duration_start(phrase: str, published: str | None) -> str | None:
    """ "for the past 18 months" (2019-03-04) -> "2017-09"; "since 2021" -> "2021"."""
    m = _DURATION.search(phrase)
    if not m:
        return None
    if m.group("since"):
        found = find_dates(m.group("since"), published, past=True)
        return found[0].value if found else None
    ref = _published(published) or (
        interval(published)[0] if published and is_partial_date(published) else None
    )
    if ref is None:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if n is None:
        return None
    unit = m.group("unit").lower()
    if unit == "year":
        return f"{ref.year - n:04d}"
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    days = n * (7 if unit == "week" else 1)
    return (ref - timedelta(days=days)).isoformat()[:7]
