"""Documents as speakers, named as fully as the article allows (fictional articles)."""

from quote_articles import make_article


def speakers_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    quotes = extractor.extract(make_article(*paragraphs)).quotes
    return [(q.type, q.text, q.speaker.name if q.speaker else None) for q in quotes]


def direct_speakers(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return [(t, s) for kind, t, s in speakers_of(extractor, *paragraphs) if kind == "direct"]


def test_proper_owner_and_document_noun(extractor):
    assert direct_speakers(
        extractor,
        "The Care Quality Board’s well-led guidance says boards must show “a single line of "
        "accountability for quality”.",
    ) == [("a single line of accountability for quality", "Care Quality Board well-led guidance")]


def test_common_noun_owner_is_dropped(extractor):
    assert direct_speakers(
        extractor,
        "The government's 2023 care reform white paper promised care workers “a career, not "
        "just a job”.",
    ) == [("a career, not just a job", "2023 care reform white paper")]


def test_title_before_the_noun_and_it_refers_back(extractor):
    assert speakers_of(
        extractor,
        "Services are gridlocked, the Care Quality Board has warned in its annual State of "
        "Care report.",
        "The report found that one bed in seven was blocked. It said the system was “running "
        "hot all year round”.",
    )[-1:] == [("direct", "running hot all year round", "State of Care report")]


def test_title_set_off_beside_the_noun(extractor):
    assert direct_speakers(
        extractor,
        "A joint paper presented to both boards, Towards One Body, said the arrangements were "
        "“neither efficient nor easily understood”.",
    ) == [("neither efficient nor easily understood", "Towards One Body")]


def test_capitalised_title_with_the_noun(extractor):
    assert direct_speakers(
        extractor,
        "The Better Together business case, published on Tuesday, said the deal would deliver "
        '"£6m of recurrent savings".',
    ) == [("£6m of recurrent savings", "Better Together business case")]


def test_short_form_refers_back_to_the_fuller_name(extractor):
    assert direct_speakers(
        extractor,
        "A joint case for change was published on Tuesday by both trusts.",
        "According to the case for change, a merger “could follow within three years”.",
    ) == [("could follow within three years", "joint case for change")]


def test_pronoun_after_a_subordinate_clause_names_the_document(extractor):
    assert direct_speakers(
        extractor,
        "When the 2022 Care Workforce Plan was published, it promised ‘a generational shift in "
        "how we train staff’.",
    ) == [("a generational shift in how we train staff", "2022 Care Workforce Plan")]


def test_organisation_name_holding_a_document_noun_is_not_a_document(extractor):
    assert speakers_of(
        extractor,
        "Care Standards Authority chair Bernard Quale told Care Weekly the authority would "
        "update its agreement within weeks.",
    ) == [
        (
            "indirect",
            "Care Standards Authority chair Bernard Quale told Care Weekly the authority would "
            "update its agreement within weeks.",
            "Bernard Quale",
        )
    ]
