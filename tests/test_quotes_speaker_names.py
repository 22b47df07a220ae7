"""A speaker's name never carries the title written before it (fictional; the entities are
given by hand, so the rule is tested apart from what the tagger finds)."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.entities.organisation_finder import build_organisation_index
from sectorwatch.extract.entities.people import build_person_index
from sectorwatch.extract.quotes.speaker_names import names_without_titles
from sectorwatch.extract.substrate import Substrate
from sectorwatch.model import Quote, Speaker


def test_government_title_glued_to_the_name_is_dropped():
    article = make_article(
        "Wes Varley praised the agency.",
        "Health and Social Care Secretary Wes Varley added:",
        '"Ann has played a crucial role."',
    )
    ctx = Substrate.from_annotations(article, [("Wes Varley", "PERSON")])
    ctx.organisations = build_organisation_index(ctx)
    ctx.people = build_person_index(ctx)
    start = article.text.index("Ann has")
    glued = Speaker("Health and Social Care Secretary Wes Varley", kind="organisation")
    quote = Quote("direct", "Ann has played a crucial role.", start, start + 30, glued)
    got = names_without_titles(ctx, [quote])
    assert [q.speaker for q in got] == [Speaker("Wes Varley", kind="person")]
