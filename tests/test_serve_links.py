"""The pieces of HTML the pages repeat (`serve.links`): exact markup for small fictional
facts, every value escaped."""

from __future__ import annotations

from markupsafe import Markup

from sectorwatch.serve import links
from sectorwatch.serve.render import environment

EVIL = '<script>alert("x")</script> & Co'
PIKE = {"id": "p-jonah-pike", "name": "Jonah Pike"}
FHB = {"id": "o-fernleigh-health-board", "name": "Fernleigh Health Board"}
APPOINTED = {
    "id": "c-1",
    "type": "appointment",
    "person": PIKE,
    "role": "chief executive",
    "organisation": FHB,
    "status": "completed",
    "effective": "2024-07-01",
    "observed": "2024-07-15",
    "article": {"id": "a1", "title": "Board names Jonah Pike"},
    "sentence": "FHB has appointed Jonah Pike.",
}
QUOTE = {
    "id": "c-2",
    "text": "integrated care comes first",
    "type": "indirect",
    "stance": "neutral",
    "speaker": {**PIKE, "kind": "person", "role": "chief executive", "organisation": FHB},
    "article": {"id": "a1", "title": "Board names Jonah Pike", "published": "2024-07-15"},
}


def test_an_entity_is_linked_by_id_named_when_unresolved_and_a_dash_when_missing():
    assert links.entity_link("person", PIKE) == ('<a href="/person/p-jonah-pike">Jonah Pike</a>')
    assert links.entity_link("organisation", {"id": None, "name": EVIL}) == (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co"
    )
    assert links.entity_link("person", None) == "—"
    assert links.speaker_link({"id": "o-x", "name": "X", "kind": "organisation"}) == (
        '<a href="/organisation/o-x">X</a>'
    )


def test_an_event_item_says_what_when_and_where_it_was_read():
    assert links.event_item(APPOINTED) == (
        '<li class="event">\n'
        '  <a class="event-link" href="/event/c-1">appointment</a>:\n'
        '  <a href="/person/p-jonah-pike">Jonah Pike</a>, chief executive, '
        '<a href="/organisation/o-fernleigh-health-board">Fernleigh Health Board</a>\n'
        '  <span class="meta">completed · effective <span class="date">2024-07-01</span>'
        ' · reported <span class="date">2024-07-15</span></span>\n'
        '  <blockquote class="evidence"><a href="/article/a1#c-c-1">FHB has appointed Jonah '
        "Pike.</a></blockquote>\n"
        "</li>"
    )
    bare = {**APPOINTED, "person": None, "role": None, "status": None, "effective": None}
    assert links.event_what(bare) == (
        '<a href="/organisation/o-fernleigh-health-board">Fernleigh Health Board</a>'
    )
    assert links.event_meta(bare) == (
        '<span class="meta"> · reported <span class="date">2024-07-15</span></span>'
    )


def test_a_quote_item_names_the_speaker_unless_on_their_own_page():
    html = links.quote_item(QUOTE, False, "", "/")
    assert html == (
        '<li class="quote stance-neutral" id="quote-c-2">\n'
        '  <span class="stance">neutral</span>\n'
        '  <q><a class="quote-link" href="/article/a1#q-c-2">integrated care comes first</a>'
        "</q>\n"
        '— <a href="/person/p-jonah-pike">Jonah Pike</a><span class="role">chief executive, '
        '<a href="/organisation/o-fernleigh-health-board">Fernleigh Health Board</a></span>'
        '  <span class="meta">indirect quote · <a href="/article/a1">Board names Jonah Pike</a>'
        ' · <span class="date">2024-07-15</span></span>\n'
        "</li>"
    )
    assert links.role_at(EVIL, {"id": None, "name": EVIL}) == (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co, "
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co"
    )
    assert '<span class="meta">indirect quote · <a href="/article/a1">Board names' in html
    assert "— " not in links.quote_item(QUOTE, False, "", "/", show_speaker=False)


def test_what_a_fact_says_is_escaped_and_its_forms_carry_the_token_and_the_way_back():
    evil = {**QUOTE, "text": EVIL, "speaker": {**QUOTE["speaker"], "name": EVIL}}
    html = links.quote_item(evil, True, 'a"b', "/person/p?x=1&y=2", False)
    assert "<script>" not in html and html.count("&lt;script&gt;") == 1
    assert html.count('<input type="hidden" name="csrf" value="a&#34;b">') == 3
    assert html.count('<input type="hidden" name="next" value="/person/p?x=1&amp;y=2">') == 3
    event = links.event_item({**APPOINTED, "sentence": EVIL}, True, "t", "/")
    assert "<script>" not in event and 'action="/corrections/edit"' in event
    assert "<option>status</option><option>date</option>" in event


def test_a_rejected_fact_offers_a_restore_and_nothing_to_edit():
    html = links.claim_actions("c-9", ["status"], True, "t", "/", "role")
    assert 'class="restore"' in html and "Restore this role" in html
    assert 'action="/corrections/edit"' not in html
    assert links.token_fields("t", "/", who=False) == (
        '<input type="hidden" name="csrf" value="t">\n'
        '<input type="hidden" name="next" value="/">\n'
        '<label>Token <input type="password" name="token" autocomplete="off" required></label>'
    )


def test_the_templates_have_them_as_globals_and_insert_them_unescaped_again():
    env = environment()
    page = env.from_string("{{ entity_link('person', p) }}").render(p=PIKE)
    assert page == links.entity_link("person", PIKE)
    assert isinstance(links.event_item(APPOINTED), Markup)


def test_the_templates_read_a_dicts_keys_as_jinja_does():
    from jinja2 import Environment

    source = "{{ d.name }}|{{ d.missing or 'none' }}|{{ d.items() | list | length }}|{{ o.real }}"
    values = {"d": {"name": EVIL, "items": "a key"}, "o": 3}
    ours = environment().from_string(source).render(**values)
    assert ours == Environment(autoescape=True).from_string(source).render(**values)
    assert ours == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co|none|2|3"


EVIDENCE = {
    "claim_id": "c-3",
    "article_id": "a1",
    "sentence": "Jonah Pike, chief executive.",
    "published": "2024-07-15",
    "confidence": 0.8,
}


def test_a_role_row_gives_its_dates_its_evidence_and_how_many_other_reports():
    role = {
        "role": "chief executive",
        "organisation": FHB,
        "status": "current",
        "valid_from": "2024-07-01",
        "valid_to": None,
        "last_reported": "2024-09-01",
        "evidence": EVIDENCE,
        "alternatives": 2,
    }
    assert links.role_row(role, False, "", "/") == (
        '  <tr class="role-row"><td data-label="Role">chief executive</td>'
        '<td data-label="Organisation"><a href="/organisation/o-fernleigh-health-board">'
        'Fernleigh Health Board</a></td><td data-label="Status">current</td>'
        '<td class="date" data-label="From">2024-07-01</td>'
        '<td class="date" data-label="To">last reported 2024-09-01</td>\n'
        '  <td class="evidence" data-label="Evidence"><a href="/article/a1#c-c-3">Jonah Pike, '
        'chief executive.</a> <span class="meta"><span class="date">2024-07-15</span> · '
        'confidence 0.80 · <a href="/claim/c-3">2 other reports</a></span>\n</td></tr>'
    )
    bare = {**role, "evidence": None, "last_reported": None}
    assert links.role_row(bare, True, "t", "/").endswith(
        '<td class="date" data-label="To"></td>\n  <td class="evidence" data-label="Evidence">'
        "</td></tr>"
    )


def test_a_leader_row_gives_the_status_on_the_date_and_the_forms_when_writable():
    leader = {
        "person": {"id": "p-x", "name": EVIL},
        "role": "chair",
        "status": "former",
        "valid_from": None,
        "valid_to": "2023",
        "evidence": EVIDENCE,
    }
    html = links.leader_row(leader, "2024-06-01", True, "t", "/o")
    assert html.startswith(
        '<tr><td data-label="Person"><a href="/person/p-x">&lt;script&gt;alert(&#34;x&#34;)'
        '&lt;/script&gt; &amp; Co</a></td><td data-label="Role">chair</td>'
        '<td data-label="Status on 2024-06-01">former</td>'
    )
    assert '<span class="meta">confidence 0.80</span>\n<details' in html
    assert "<option>valid_from</option>" in html and html.endswith("</details></td></tr>")
