"""A sentence is parsed for a speech verb's subject only where some subject before the verb
could be read as a speaker (quotes/parsed_subjects.py, `could_speak`): where none could,
the parse could not change the answer, so it is not asked for. The work the quotes stage
does per name is done once per article (quotes/names.py)."""

from __future__ import annotations

import pytest
from quote_articles import make_article

from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.quotes.extractor import QuoteStage
from sectorwatch.extract.quotes.names import NameReader
from sectorwatch.extract.quotes.parsed_subjects import could_speak, parsed_speaker
from sectorwatch.extract.substrate import Substrate

PARAGRAPHS = (
    "Fenmoor Community NHS Trust has appointed Kit Vale as its chair.",
    "It was confirmed on Monday that the merger will go ahead.",
    "Experts warned that waiting lists would grow.",
    "The appointment was announced on Monday.",
    "She announced that the ward would reopen.",
    "Kit Vale’s office announced that the ward would reopen.",
    "Fenmoor Community NHS Trust announced that the ward would reopen.",
    "The trust announced that the ward would reopen.",
    "Its chair-elect announced that the ward would reopen.",
    "It cannot be announced yet.",
    "The Royal College of Ward Nursing said it was pleased.",
    "The college announced that the ward would reopen.",
    "Two more chairs were announced on Monday.",
    "Its new chair announced that the ward would reopen.",
)


def _never(text: str):  # type: ignore[no-untyped-def]
    raise AssertionError(f"parsed: {text!r}")


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    ctx = Substrate.from_annotations(
        make_article(*PARAGRAPHS),
        [
            ("Fenmoor Community NHS Trust", "ORG"),
            ("Kit Vale", "PERSON"),
            ("Fenmoor Community NHS Trust", "ORG"),
            ("Royal College of Ward Nursing", "ORG"),
        ],
    )
    extract_from_substrate(ctx)  # the person and organisation indexes, the roles
    ctx.syntax.parse = _never
    return QuoteStage(ctx)


def _before(stage: QuoteStage, paragraph: int, verb: str) -> tuple[int, int]:
    start = stage.ctx.text.index(PARAGRAPHS[paragraph])
    return start, stage.ctx.text.index(verb, start)


def test_only_sentences_with_a_possible_speaker_before_the_verb_may_be_parsed(stage):
    spans = [
        _before(stage, 1, "confirmed"),
        _before(stage, 2, "warned"),
        *(_before(stage, i, "announced") for i in (3, 4, 5, 6, 7, 8, 9, 11, 12, 13)),
    ]
    assert [could_speak(stage.finder, s, e) for s, e in spans] == [
        False,  # "It was": no person, body, role or "the ..."
        False,  # "Experts": a bare plural noun
        False,  # "The appointment was": "the appointment" names no organisation
        True,  # "She"
        True,  # a person mention
        True,  # an organisation mention
        True,  # "The trust": a mention of the article's trust
        True,  # a role title cut at a hyphen ("chair-elect")
        True,  # "cannot" is two tokens: a word may end inside a run of letters
        True,  # "The college": no mention, but it names the college of the article
        False,  # "Two more chairs": a title, but no "the", "its" or status word before it
        True,  # "Its new chair": a role noun
    ]


def test_no_parse_is_asked_where_no_subject_could_speak(stage):
    start, verb = _before(stage, 2, "warned")
    sentence = (start, start + len(PARAGRAPHS[2]))
    assert parsed_speaker(stage.finder, (verb, verb + len("warned")), sentence) is None


def test_a_name_is_looked_up_in_the_person_index_once_per_article(stage):
    index = stage.ctx.people
    asked: list[str] = []
    canonical = index.canonical

    def counted(surface: str) -> str | None:
        asked.append(surface)
        return canonical(surface)

    index.canonical = counted  # type: ignore[method-assign]
    try:
        book = NameReader.for_article(stage.ctx, stage.cues)
        looked_up = [book._indexed_person("Kit Vale"), book._indexed_person("Kit Vale")]
        looked_up += [book._indexed_person("Ola Brandt")]
    finally:
        del index.canonical
    assert (looked_up, asked.count("Kit Vale"), asked.count("Ola Brandt")) == (
        ["Kit Vale", "Kit Vale", None],
        1,
        1,
    )


def test_without_a_person_index_a_body_may_still_speak(stage):
    people, stage.ctx.people = stage.ctx.people, None
    try:
        assert could_speak(stage.finder, *_before(stage, 6, "announced")) is True
    finally:
        stage.ctx.people = people
