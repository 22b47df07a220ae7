"""Finding the organisations an article names, and building its `OrganisationIndex`.

Where names come from, in order of trust:
1. the shipped alias table (`data/organisations.tsv`): "NHSI" -> "NHS Improvement";
2. acronyms the article defines: "Care Quality Commission (CQC)", then "CQC";
3. capitalised phrases ending with an organisation suffix ("... NHS Foundation Trust"),
   and regional NHS bodies named by a compass name ("NHS East of England");
4. spaCy ORG entities;
5. short forms of a full name used in the article ("Eastbrook" for "Eastbrook Hospitals NHS
   Foundation Trust"), and two names joined by "and" ("HCB and NHIA", "NHS England and
   Improvement"), which name the combined body.
Overlap checks are bisections over sorted spans (`extract.spans.SpanSet`), not scans.
"""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.acronym_definitions import ACRONYM_DEFINITION, acronym_definitions
from sectorwatch.extract.entities.organisation_spans import (
    after_short_name,
    capitalised_lead,
    is_branch,
    trim,
)
from sectorwatch.extract.entities.organisations import (
    _POSSESSIVE,
    OrganisationIndex,
    _initials,
    _strip,
    fits_blend,
    unexpanded_short_names,
    without_place_owners,
)
from sectorwatch.extract.entities.place_lists import list_start
from sectorwatch.extract.entities.regional_bodies import regional_spans
from sectorwatch.extract.entities.vocab import (
    OrganisationTable,
    honorific_pattern,
    organisation_table,
    role_vocabulary,
)
from sectorwatch.extract.lexicon import lower_words, name_connectors, words
from sectorwatch.extract.literals import find_phrases, free_of, has_word
from sectorwatch.extract.patterns import trie_alternation
from sectorwatch.extract.spans import SpanSet
from sectorwatch.model import Mention

_JOIN = re.compile(r"\s*(?:and|&)\s+(?:the\s+)?|\s*/\s*")
_PERSON_OF = re.compile(r"[A-Z][a-z]+ [A-Z][a-z’'-]+ (?:of|at|from) ")
_SHARED_HEAD = re.compile(r"\s+and\s+([A-Z][\w-]+)\b")


def _ner_orgs(ctx: ArticleContext, table: OrganisationTable) -> list[tuple[int, int]]:
    suffixes = table.kept("suffix ends", lambda: {s.split()[-1] for s in table.suffixes})
    role_words = role_vocabulary().canonical  # lower-case titles (keys)
    out = []
    for label, start, end in ctx.entities():
        if label != "ORG":
            continue
        text = ctx.text[start:end].split("\n")[0]
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
        text = _POSSESSIVE.sub("", text.rstrip())
        if any(c in text for c in "(|)") or not text[:1].isupper():
            continue
        if honorific_pattern().match(text + " ") or _PERSON_OF.match(text):
            continue  # "Baroness Fiona Macrae", "Kwame Mensah of ...": a person
        words = text.split()
        orgish = any(w in suffixes or w == "NHS" or (w.isupper() and len(w) > 1) for w in words)
        if len(words) == 1:
            if not (text.isupper() and 2 <= len(text) <= 6) or text.lower() in role_words:
                continue
        elif not orgish and len(words) < 3:
            continue  # "Tomasz Kowal", "Mr Whitcombe": people the tagger took for bodies
        out.append((start, start + len(text)))
    return out


def _trim_connectors(surface: str) -> str:
    """ "Council for Community Health and" -> "Council for Community Health"; the full stop
    that ends a sentence is not part of the name ("Department of Health." at a paragraph's
    end), an abbreviation's is ("St.")."""
    surface = re.sub(r"(?:[ \t]+(?:and|of|for|the|in|on|&))+$", "", surface)
    last = surface.rsplit(None, 1)[-1] if surface.strip() else ""
    if last.endswith(".") and last.lower() not in lower_words("sentence_abbreviations.txt"):
        surface = _trim_connectors(surface[:-1]) if len(last) > 2 else surface
    return surface


# Capitalised words that may open a sentence before a short name ("At Harlow Vale").
_FUNCTION_WORDS = words("organisation_openers.txt")
# Closed-class words and sentence adverbs that open a sentence without naming anything
# ("Meanwhile NHS England ..."): words, not tags, so the tagger need not run over the article.
_SENTENCE_OPENERS = words("sentence_openers.txt")
_LEAD_STOPS = _FUNCTION_WORDS | _SENTENCE_OPENERS
_ARTICLES = frozenset({"The", "the", "A", "An"})


def _suffix_spans(
    ctx: ArticleContext, table: OrganisationTable, s: int, e: int, single: bool = False
) -> list[tuple[int, int]]:
    """A capitalised phrase ending with a suffix, less a sentence opener ("Before the ICB"),
    split in two where it joins two names ("Health Commissioning Board and National ...")."""
    text = ctx.text
    while True:
        word = text[s:e].split(" ", 1)[0]
        if word not in _ARTICLES and word not in _FUNCTION_WORDS and word not in _SENTENCE_OPENERS:
            break  # no opener to take off: the tokens need not be read
        token = ctx.doc.char_span(s, e, alignment_mode="expand")
        first = token[0] if token is not None and len(token) else None
        if first is not None and (
            word in _ARTICLES
            or word in _FUNCTION_WORDS
            or (ctx.is_sentence_start(first.idx) and word in _SENTENCE_OPENERS)
        ):
            rest = text.find(" ", s)
            if rest < 0 or rest >= e:
                return []
            s = rest + 1
            while s < e and text[s] == " ":
                s += 1
            continue
        break
    surface = text[s:e]
    if " " not in surface.strip():
        return [(s, e)] if single and surface.isupper() else []
    suffix_words = _suffix_words(table)
    for m in re.finditer(r"\s+(?:and|&)\s+(?:the\s+)?", surface):
        left, right = surface[: m.start()], surface[m.end() :]
        if (
            left.split()[-1] in suffix_words
            and len(left.split()) > 1
            and len(right.split()) > 1
            and right[:1].isupper()
        ):
            return [(s, s + m.start()), (s + m.end(), e)]
    return [(s, e)]


def _trimmed(text, taken, table, resolver):  # type: ignore[no-untyped-def]
    """The spans with what is not the organisation trimmed off (`organisation_spans`)."""
    out = []
    for s, e in taken:
        span, name = trim(text, s, e, table)
        if span is None:
            continue
        out.append(span)
        if name is not None:
            resolver.setdefault(_strip(text[span[0] : span[1]]), name)
    return out


# "<Organisation>'s consultants committee (the FCC)": the possessive, then lower-case words
# ending in a body noun, right before the bracketed short name
_OWNED_BODY = re.compile(r"(?:’s|'s)\s+((?:[a-z][\w-]*\s+){0,3}?([a-z]+))\s*$")


def _stated_aliases(text, taken, resolver, resolve):  # type: ignore[no-untyped-def]
    """A bracketed short name the rules above did not define is stated by the article:
    - right after an organisation's name, it is that organisation's, whether or not its
      letters are the initials ("Greyhurst Hospitals NHS Trust (GHT)", "the Midshire Care
      Collaborative (the MCC)");
    - after a lower-case body inside an organisation ("The Fenland Medical Association's
      consultants committee (the FCC)"), it names that body, an organisation of its own
      ("Fenland Medical Association's consultants committee"), neither its owner nor a
      second organisation "FCC".
    Returns the spans of those lower-case bodies' names, to add to `taken`."""
    by_end = {e: s for s, e in taken}
    nouns = lower_words("sub_body_nouns.txt")
    added = []
    for m in ACRONYM_DEFINITION.finditer(text):
        acronym = m.group(1)
        if acronym in resolver or not acronym[:2].isupper():
            continue
        owned = _OWNED_BODY.search(text, max(0, m.start() - 80), m.start())
        if owned is not None and owned.group(2) in nouns and owned.start() in by_end:
            body = " ".join(owned.group(1).split())
            name = f"{resolve(text[by_end[owned.start()] : owned.start()])}'s {body}"
            resolver[acronym] = name
            resolver[body] = name
            added.append((owned.start(1), owned.start(1) + len(owned.group(1).rstrip())))
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        end = m.start() - (len(before) - len(before.rstrip(" ")))
        if end in by_end:
            resolver[acronym] = resolve(text[by_end[end] : end])
    return added


_FREE = free_of()
_FREE_OF_HYPHEN = free_of("-")
_FREE_OF_SLASH = free_of("/")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]$")


def _free_of_name_after(text: str, i: int) -> bool:
    r"""`(?![\w-]| [A-Z])` at i: no word character or hyphen, nor a space and a capital."""
    return _FREE_OF_HYPHEN(text, i) and not (
        text[i : i + 1] == " " and "A" <= text[i + 1 : i + 2] <= "Z"
    )


def _anaphor_pattern(table: OrganisationTable) -> re.Pattern[str]:
    """The phrases that refer back to a combined body or a head ("the joint organisation",
    "the institute"), compiled once for the table in use."""

    def build() -> re.Pattern[str]:
        rules = ("combined", "head", "pair")
        phrases = [p for p, rule in table.anaphors.items() if rule in rules]
        # the alternation of the phrases, longest first, spaces matching any whitespace
        alt = trie_alternation(phrases, fold=True)
        return re.compile(rf"\b(?:{alt})\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)

    return table.kept("anaphors", build)


def _suffix_words(table: OrganisationTable) -> frozenset[str]:
    """The last words of the suffixes and the abbreviated heads ("Trust", "ICB")."""
    return table.kept(
        "suffix words",
        lambda: frozenset({x.split()[-1] for x in table.suffixes} | set(table.abbrevs)),
    )


def build_organisation_index(ctx: ArticleContext) -> OrganisationIndex:
    text = ctx.text
    table = organisation_table()
    spans: list[tuple[int, int]] = []
    resolver: dict[str, str] = {}
    shipped = [m.span() for m in table.pattern.finditer(text)]
    unwritten = unexpanded_short_names(text, table, [text[s:e] for s, e in shipped])
    spans.extend(shipped)
    for start, end, acronym, _a_start, _a_end in acronym_definitions(text):
        name = _strip(text[start:end])
        full = table.lookup(name) or name
        resolver.setdefault(acronym, full)
        if acronym.endswith("s"):
            resolver.setdefault(acronym[:-1], full)
        spans.append((start, end))
    defined = [acr for acr in resolver if acr.isupper() or fits_blend(resolver[acr].split(), acr)]
    if defined:  # (?<!\w)(?:defined...)(?!\w)
        spans.extend(find_phrases(text, defined, _FREE, _FREE))
    for m in table.suffix_pattern.finditer(text):
        s0 = text.rfind("\n", m.start(), m.end()) + 1 or m.start()
        read = _suffix_spans(ctx, table, max(s0, m.start()), m.end())
        if len(read) == 1:  # "Northumberland, Tyne and Wear NHS Trust": entities/place_lists
            read = [(list_start(text, *read[0]), read[0][1])]
        spans.extend(after_short_name(text, se, resolver) for se in read)
    for m in table.prefix_pattern.finditer(text):
        start = capitalised_lead(text, m.start(), _LEAD_STOPS)
        spans.append((start, m.start() + len(_trim_connectors(m.group(0)))))
    spans.extend(regional_spans(text))  # "NHS East of England"

    # Longest spans win (the tagger's only where the rules found nothing); drop those that
    # cross a newline or are generic single words.
    spans = sorted(set(spans), key=lambda se: (-(se[1] - se[0]), se[0]))
    ner = [se for s0, e0 in _ner_orgs(ctx, table) for se in _suffix_spans(ctx, table, s0, e0, True)]
    spans += sorted(ner, key=lambda se: (-(se[1] - se[0]), se[0]))
    taken: list[tuple[int, int]] = []
    chosen = SpanSet()
    for s, e in spans:
        surface = text[s:e]
        if "\n" in surface or surface in table.generic:
            continue
        if chosen.overlaps(s, e):
            continue
        taken.append((s, e))
        chosen.add(s, e)

    def resolve(surface: str) -> str:
        key = _strip(surface)
        found = resolver.get(key) or (None if key in unwritten else table.lookup(key)) or key
        return resolver.get(found, found)

    taken = _trimmed(text, taken, table, resolver)
    taken += _stated_aliases(text, taken, resolver, resolve)
    names = {resolve(text[s:e]) for s, e in taken}
    # "North Wendover ICB" is "North Wendover Integrated Care Board" when both are used.
    for name in list(names):
        words = name.split()
        if words and words[-1] in table.abbrevs:
            full = " ".join(words[:-1] + [table.abbrevs[words[-1]]])
            if full in names:
                resolver[name] = full
                names.discard(name)
    # Short forms: unique token prefixes of longer names used in the article.
    prefixes: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            prefix = " ".join(words[:k])
            if words[k - 1] in name_connectors():
                continue
            if words[k] in {"and", "&"} or is_branch(words, k):
                continue  # a part ("Eastbrook" of "Eastbrook and ..."), a parent ("BMA Wales")
            if all(w in table.generic or w in name_connectors() for w in words[:k]):
                continue
            if k == 1 and has_word(text, prefix.lower()):
                continue  # a common word ("Patients"), not a short name
            prefixes.setdefault(prefix, set()).add(name)
        # "Skills Academy" for "National Skills Academy for Social Care": the name less a
        # generic first word, cut before its "for"/"of" tail
        if len(words) > 2 and words[0] in table.generic and words[1] not in table.generic:
            for k in range(3, len(words)):
                if words[k] in ("for", "of") and words[k - 1][:1].isupper():
                    prefixes.setdefault(" ".join(words[1:k]), set()).add(name)
    unique = {p: next(iter(ns)) for p, ns in prefixes.items() if len(ns) == 1}
    for name in list(names):
        if name in unique and name not in table.alias_to_canonical.values():
            resolver[name] = unique[name]
            names.discard(name)
    unique = {p: n for p, n in unique.items() if p not in names}
    if unique:  # (?<![\w-])(?:unique...)(?![\w-]| [A-Z])
        for s, e in find_phrases(text, unique, _FREE_OF_HYPHEN, _free_of_name_after):
            word = _CAPITAL_BEFORE.search(text[max(0, s - 30) : s])
            if word and word.group(1) not in _FUNCTION_WORDS:
                continue  # part of another capitalised name ("North Wendover")
            if not chosen.overlaps(s, e):
                taken.append((s, e))
                chosen.add(s, e)
                resolver.setdefault(text[s:e], unique[text[s:e]])

    # "First Alliance" where the text says "Patients First Alliance": the longer name.
    by_last_word: dict[str, list[str]] = {}
    for name in names:
        by_last_word.setdefault(name.rsplit(" ", 1)[-1], []).append(name)
    for i, (s, e) in enumerate(taken):
        for name in by_last_word.get(text[s:e].rsplit(" ", 1)[-1], ()):
            k = len(name) - (e - s)
            if k > 1 and name.endswith(text[s:e]) and text[max(0, s - k) : e] == name:
                taken[i] = (s - k, e)
    taken = sorted(set(taken))
    # An acronym the article never defines stands for the name with those initials
    # ("HCB" for "Health Commissioning Board").
    long_names = {n for n in names if " " in n}
    for n in list(long_names):
        long_names.update(p.strip() for p in re.split(r"\s+and\s+(?:the\s+)?", n) if " " in p)
    for s, e in taken:
        surface = text[s:e]
        if surface.isupper() and surface not in resolver and not table.lookup(surface):
            fits = [n for n in long_names if _initials(n.split()) == surface]
            if len(fits) == 1:
                resolver[surface] = fits[0]
    # A bare "ICB" or "CCG" is the article's one body whose name ends so.
    for s, e in taken:
        surface = text[s:e]
        if surface in table.abbrevs and surface not in resolver:
            heads = (" " + surface, " " + table.abbrevs[surface])
            bodies = {resolve(n) for n in names if n.endswith(heads)}
            if len(bodies) == 1:
                resolver[surface] = bodies.pop()
    acronyms = [a for a in resolver if " " not in a and (a.isupper() or a in defined)]
    if acronyms:  # (?<![\w/])(?:acronyms...)(?![\w/])
        found = SpanSet(taken)
        for s, e in find_phrases(text, acronyms, _FREE_OF_SLASH, _FREE_OF_SLASH):
            if not found.overlaps(s, e):
                taken.append((s, e))
        taken.sort()
    mentions = [Mention("organisation", text[s:e], resolve(text[s:e]), s, e) for s, e in taken]

    # Combined bodies: "A and B", "A and the B", "A/B", "NHS England and Improvement".
    parts_of: dict[str, tuple[str, ...]] = dict(table.parts)
    combined: list[Mention] = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = text[a.end : b.start]
        if a.canonical == b.canonical or not _JOIN.fullmatch(between):
            continue
        if text[b.end : b.end + 1] == "(":
            continue
        key = frozenset((a.canonical, b.canonical))
        name = table.combined_by_parts.get(key) or f"{a.canonical} and {b.canonical}"
        parts_of.setdefault(name, (a.canonical, b.canonical))
        combined.append(Mention("organisation", text[a.start : b.end], name, a.start, b.end))
    for a in mentions:
        shared = _SHARED_HEAD.match(text, a.end)
        words = a.text.split()
        if not shared or len(words) < 2:
            continue
        other = table.lookup(" ".join(words[:-1] + [shared.group(1)]))
        if other and other != a.canonical:
            key = frozenset((a.canonical, other))
            name = table.combined_by_parts.get(key) or f"{a.canonical} and {other}"
            parts_of.setdefault(name, (a.canonical, other))
            combined.append(
                Mention("organisation", text[a.start : shared.end()], name, a.start, shared.end())
            )
    for c in combined:
        resolver.setdefault(_strip(c.text), c.canonical)
    # Phrases that refer back ("the joint organisation", "the institute") become mentions.
    provisional = OrganisationIndex(mentions + combined, resolver, table, parts_of, unwritten)
    named = SpanSet((o.start, o.end) for o in mentions)
    for m in _anaphor_pattern(table).finditer(text):
        if named.overlaps(m.start(), m.end()):
            continue  # "the Council for Community Health": a name, not a reference
        referent = provisional.resolve_anaphor(m.group(0), m.start())
        if referent:
            combined.append(Mention("organisation", m.group(0), referent, m.start(), m.end()))
    for name, parts in parts_of.items():
        if name not in table.parts:
            resolver.setdefault(name, name)
        del parts
    within = SpanSet((c.start, c.end) for c in combined)
    index_mentions = [m for m in mentions if not within.covers(m.start)] + combined
    index_mentions = without_place_owners(index_mentions)
    # Names the table knows by a shorter surface resolve through it as well.
    for mention in index_mentions:
        resolver.setdefault(_strip(mention.text), mention.canonical)
    return OrganisationIndex(index_mentions, resolver, table, parts_of, unwritten)
