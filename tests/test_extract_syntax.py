"""Syntax where syntax decides: the dependency parse of a cue's sentence gives the subject
of an appointment or departure verb when the surface cannot (coordinated subjects, a role
noun as subject). Specified on hand-written parses (no statistical model), then end to end."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate

PUBLISHED = "2024-03-04"


def hand_parse(words: list[str], heads: list[int], deps: list[str], tags: list[str]):  # type: ignore[no-untyped-def]
    """A parse function that answers one sentence with the given tree."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab

    def parse(text: str) -> Doc:
        spaces = [True] * len(words)
        spaces[-2:] = [False, False]  # "Trust." ends the sentence
        doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
        assert doc.text == text
        return doc

    return parse


def test_coordinated_subjects_are_each_appointed_on_a_hand_written_parse():
    sentence = "Ann Kell and Bob Marr were appointed joint chairs of Fenwick NHS Trust."
    words = sentence[:-1].split() + ["."]
    # Kell <- appointed (nsubjpass); Marr conj of Kell; "were" auxpass; chairs oprd ...
    heads = [1, 6, 1, 4, 1, 6, 6, 8, 6, 8, 12, 12, 9, 6]
    deps = ["compound", "nsubjpass", "cc", "compound", "conj", "auxpass", "ROOT", "amod",
            "oprd", "prep", "compound", "compound", "pobj", "punct"]  # fmt: skip
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "VBN", "JJ", "NNS", "IN", "NNP", "NNP",
            "NNP", "."]  # fmt: skip
    article = make_article(sentence)
    article.published = PUBLISHED
    ctx = Substrate.from_annotations(
        article,
        [("Ann Kell", "PERSON"), ("Bob Marr", "PERSON"), ("Fenwick NHS Trust", "ORG")],
        parse=hand_parse(words, heads, deps, tags),
    )
    events = extract_from_substrate(ctx).events
    assert [(e.type, e.person, e.role, e.organisation) for e in events] == [
        ("appointment", "Bob Marr", "chair", "Fenwick NHS Trust"),
        ("appointment", "Ann Kell", "chair", "Fenwick NHS Trust"),
    ]


def test_without_a_parse_only_the_nearest_subject_is_found():
    sentence = "Ann Kell and Bob Marr were appointed joint chairs of Fenwick NHS Trust."
    ctx = Substrate.from_annotations(
        make_article(sentence),
        [("Ann Kell", "PERSON"), ("Bob Marr", "PERSON"), ("Fenwick NHS Trust", "ORG")],
    )
    assert [e.person for e in extract_from_substrate(ctx).events] == ["Bob Marr"]


def test_a_role_noun_subject_is_the_holder_the_article_named(extractor):
    article = make_article(
        "Fenwick NHS Trust chief executive Ann Kell spoke at the meeting.",
        "The chief executive is to step down in June.",
    )
    article.published = PUBLISHED
    events = extractor.extract(article).events
    assert [(e.type, e.person, e.role, e.organisation, e.date) for e in events] == [
        ("departure", "Ann Kell", "chief executive", "Fenwick NHS Trust", "2024-06")
    ]


def test_coordinated_subjects_end_to_end(extractor):
    article = make_article(
        "Ann Kell and Bob Marr were appointed joint chairs of Fenwick NHS Trust."
    )
    events = extractor.extract(article).events
    assert sorted((e.type, e.person, e.role) for e in events) == [
        ("appointment", "Ann Kell", "chair"),
        ("appointment", "Bob Marr", "chair"),
    ]


def _recording_parse(asked: list[str]):  # type: ignore[no-untyped-def]
    """A parse function that records the sentences it is asked (every word hangs on the
    first: no subject is found)."""
    import spacy
    from spacy.tokens import Doc

    blank = spacy.blank("en")

    def parse(text: str):  # type: ignore[no-untyped-def]
        asked.append(text)
        tokens = blank(text)
        n = len(tokens)
        return Doc(
            tokens.vocab,
            words=[t.text for t in tokens],
            spaces=[bool(t.whitespace_) for t in tokens],
            heads=[0] * n,
            deps=["ROOT"] + ["dep"] * (n - 1),
        )

    return parse


def test_a_sentence_no_subject_could_be_resolved_in_is_not_parsed():
    asked: list[str] = []
    article = make_article("The board is to step down in June.")
    ctx = Substrate.from_annotations(article, parse=_recording_parse(asked))
    assert extract_from_substrate(ctx).events == []
    assert asked == []


def test_a_sentence_naming_a_post_someone_holds_is_parsed_for_its_subject():
    asked: list[str] = []
    article = make_article(
        "Fenwick NHS Trust chief executive Ann Kell spoke at the meeting.",
        "The chief executive is to step down in June.",
    )
    ctx = Substrate.from_annotations(
        article,
        [("Ann Kell", "PERSON"), ("Fenwick NHS Trust", "ORG")],
        parse=_recording_parse(asked),
    )
    extract_from_substrate(ctx)
    assert asked == ["The chief executive is to step down in June."]


def test_a_coordination_with_nobody_else_to_add_is_not_parsed():
    asked: list[str] = []
    sentence = "Fenwick NHS Trust and Harlow Vale NHS Trust said Ann Kell is to step down."
    ctx = Substrate.from_annotations(
        make_article(sentence),
        [("Fenwick NHS Trust", "ORG"), ("Harlow Vale NHS Trust", "ORG"), ("Ann Kell", "PERSON")],
        parse=_recording_parse(asked),
    )
    assert [(e.type, e.person) for e in extract_from_substrate(ctx).events] == [
        ("departure", "Ann Kell")
    ]
    assert asked == []


def _asked(sentences: list[str], named: list[tuple[str, str]]) -> list[str]:
    """The sentences the rules ask to have parsed in an article of `sentences`."""
    asked: list[str] = []
    ctx = Substrate.from_annotations(make_article(*sentences), named, parse=_recording_parse(asked))
    extract_from_substrate(ctx)
    return asked


def test_a_post_named_without_the_is_no_role_noun_subject_and_is_not_parsed():
    article = [
        "Fenwick NHS Trust chief executive Ann Kell spoke at a meeting.",
        "A new chief executive will be appointed in June.",
    ]
    # a role noun subject opens "the" ("The chief executive is to ...")
    assert _asked(article, [("Ann Kell", "PERSON"), ("Fenwick NHS Trust", "ORG")]) == []


def _coordinated(second: str, named: list[tuple[str, str]], cue: str) -> list[str]:
    """The sentences asked to be parsed when a named subject is joined to another noun."""
    article = [
        "Fenwick NHS Trust published its annual report on Monday.",
        second,
        "It was approved at a meeting in May.",
        cue,
    ]
    return _asked(article, [("Ann Kell", "PERSON"), ("Fenwick NHS Trust", "ORG"), *named])


def test_a_coordination_whose_role_noun_can_only_mean_the_one_named_is_not_parsed():
    marr = ("Its chief executive Bob Marr presented it.", [("Bob Marr", "PERSON")])
    # the only post held is Ann Kell's own: "the board" could add nobody beside her
    accounts = ("Its accounts were signed off in May.", [])
    assert _coordinated(*accounts, "Chair Ann Kell and the board are to step down in June.") == []
    # "the board" is no title, and "the deputy chair" names no post Bob Marr holds
    assert _coordinated(*marr, "Chair Ann Kell and the board are to step down in June.") == []
    deputy = "Chair Ann Kell and the deputy chair are to step down in June."
    assert _coordinated(*marr, deputy) == []
    # "the chief executive" may be Bob Marr, the one who holds that post
    both = "Chair Ann Kell and the chief executive are to step down in June."
    assert _coordinated(*marr, both) == [both]


def test_in_the_first_sentences_a_role_noun_may_be_the_person_named_next_and_is_parsed():
    first = "Chair Ann Kell and the chief executive are to step down in June."
    article = [first, "Bob Marr said the board would miss them."]
    # nobody holds "chief executive" yet: it may be Bob Marr
    assert _asked(article, [("Ann Kell", "PERSON"), ("Bob Marr", "PERSON")]) == [first]
