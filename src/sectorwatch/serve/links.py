"""The pieces of HTML every page repeats, item by item: a link to a person or an
organisation, an event and a quote in a list, and the correction forms beside a fact.

Made in Python and given to the templates as globals (`render.environment`), where Jinja
macros were: a page lists a hundred events or quotes, and calling a macro (a new context
and its lookups each time) was a large share of a page's time. Every value is escaped
(`markupsafe.escape`), as the templates escape it; each helper gives `Markup`, which the
templates insert as it is (the pieces are joined as plain strings: `Markup`'s own `%`
escapes through a wrapper object per value, three times slower). The output is the
macros' own, to the byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

DASH = "—"


def _e(value: Any) -> str:
    """`{{ value }}` in a template, as a plain string: escaped (None as "None"), a `Markup`
    value as it is. The pieces are plain strings until a helper's last step: `Markup`'s
    own `+` would escape a plain string joined to it."""
    return str(escape(value))


def _link(page: str, ref: Any) -> str:
    if ref and ref.get("id"):
        return f'<a href="/{_e(page)}/{_e(ref["id"])}">{_e(ref.get("name") or ref["id"])}</a>'
    if ref:
        return _e(ref.get("name"))
    return DASH


def entity_link(page: str, ref: Any) -> Markup:
    """`/page/ID` linked with the name, or the bare name when it names no entity (its id
    null), or a dash when there is nothing."""
    return Markup(_link(page, ref))


def _speaker(s: Any) -> str:
    return _link("organisation" if s.get("kind") == "organisation" else "person", s)


def speaker_link(s: Any) -> Markup:
    """A quote's speaker: a person's page, or an organisation's when an organisation spoke."""
    return Markup(_speaker(s))


def _what(e: dict[str, Any], with_person: bool) -> str:
    parts = []
    if with_person and e.get("person"):
        parts.append(_link("person", e["person"]))
    if e.get("role"):
        parts.append(_e(e["role"]))
    if e.get("organisation"):
        parts.append(_link("organisation", e["organisation"]))
    return ", ".join(parts)


def event_what(e: dict[str, Any], with_person: bool = True) -> Markup:
    """ "Person, role, Organisation": only the parts the event has, commas between them."""
    return Markup(_what(e, with_person))


def _role_at(role: Any, organisation: Any) -> str:
    out = _e(role) if role else ""
    if role and organisation:
        out += ", "
    if organisation:
        out += _link("organisation", organisation)
    return out


def role_at(role: Any, organisation: Any) -> Markup:
    """ "role, Organisation" (either may be missing)."""
    return Markup(_role_at(role, organisation))


def _meta(e: dict[str, Any]) -> str:
    effective = e.get("effective")
    when = f' · effective <span class="date">{_e(effective)}</span>' if effective else ""
    return (
        f'<span class="meta">{_e(e.get("status") or "")}{when} · reported '
        f'<span class="date">{_e(e.get("observed") or "?")}</span></span>'
    )


def event_meta(e: dict[str, Any]) -> Markup:
    """An event's status, effective date and the date it was reported."""
    return Markup(_meta(e))


EVENT_FIELDS = ["status", "date", "announced", "effective"]
"""The fields of an event its correction form may set."""


def event_item(
    e: dict[str, Any], writable: bool = False, csrf: str = "", next: str = "/"
) -> Markup:
    """An event as an item of a list: its type (linking to its page), what it says, its
    dates, its sentence (linking to the article) and, when corrections are allowed, the
    forms to correct it."""
    cid = _e(e["id"])
    actions = _actions(e["id"], EVENT_FIELDS, False, csrf, next, "event") if writable else ""
    return Markup(
        '<li class="event">\n'
        f'  <a class="event-link" href="/event/{cid}">{_e(str(e["type"]).replace("_", " "))}</a>:\n'
        f"  {_what(e, True)}\n"
        f"  {_meta(e)}\n"
        f'  <blockquote class="evidence"><a href="/article/{_e(e["article"]["id"])}#c-{cid}">'
        f"{_e(e['sentence'])}</a></blockquote>\n"
        f"{actions}</li>"
    )


def _fields(csrf: str, next: str, who: bool) -> str:
    names = (
        '<label>Your name <input type="text" name="author" maxlength="80" size="12"></label>\n'
        '<label>Why <input type="text" name="note" maxlength="500" size="18"></label>\n'
        if who
        else ""
    )
    return (
        f'<input type="hidden" name="csrf" value="{_e(csrf)}">\n'
        f'<input type="hidden" name="next" value="{_e(next)}">\n'
        f"{names}"
        '<label>Token <input type="password" name="token" autocomplete="off" required></label>'
    )


def token_fields(csrf: str, next: str, who: bool = True) -> Markup:
    """The hidden fields of a correction form (its CSRF token and where to go next), who
    makes it and why (with `who`), and the token that allows it."""
    return Markup(_fields(csrf, next, who))


def _actions(
    claim_id: str, editable: Iterable[str], rejected: bool, csrf: str, next: str, what: str
) -> str:
    fields, cid, said = _fields(csrf, next, True), _e(claim_id), _e(what)
    if rejected:
        forms = (
            '  <form method="post" action="/corrections/reject" class="restore">\n'
            f'    <input type="hidden" name="claim" value="{cid}">'
            '<input type="hidden" name="undo" value="true">\n'
            f"    {fields}\n"
            f'    <button type="submit">Restore this {said}</button>\n'
            "  </form>\n"
        )
    else:
        forms = (
            '  <form method="post" action="/corrections/reject" class="reject">\n'
            f'    <input type="hidden" name="claim" value="{cid}">\n'
            f"    {fields}\n"
            f'    <button type="submit">Reject this {said}</button>\n'
            "  </form>\n"
        )
        options = "".join(f"<option>{_e(f)}</option>" for f in editable)
        if options:
            forms += (
                '  <form method="post" action="/corrections/edit" class="edit">\n'
                f'    <input type="hidden" name="claim" value="{cid}">\n'
                f'    <label>Field <select name="field">{options}</select></label>\n'
                '    <label>Value <input type="text" name="value" size="11" '
                'placeholder="date or status; empty restores"></label>\n'
                f"    {fields}\n"
                '    <button type="submit">Set</button>\n'
                "  </form>\n"
            )
    return (
        '<details class="correct claim-actions"><summary>Correct</summary>\n'
        f"{forms}"
        f'  <a class="small" href="/claim/{cid}">fact page</a> · '
        f'<a class="small" href="/history/{cid}">history</a>\n'
        "</details>"
    )


def claim_actions(
    claim_id: str,
    editable: Iterable[str],
    rejected: bool,
    csrf: str,
    next: str,
    what: str = "fact",
) -> Markup:
    """The forms beside a fact: reject it (or restore it, when rejected), set one of its
    `editable` fields, and links to its fact page and its history."""
    return Markup(_actions(claim_id, editable, rejected, csrf, next, what))


def quote_item(
    x: dict[str, Any], writable: bool, csrf: str, next: str, show_speaker: bool = True
) -> Markup:
    """A quote as an item of a list: its stance, its words (linking to the article), who
    said it (unless `show_speaker` is false: the speaker's own page), their role, the
    article and, when corrections are allowed, the forms to correct it."""
    speaker = x["speaker"]
    on_date = speaker.get("role_on_date")
    if on_date:
        held = _role_at(on_date.get("role"), on_date.get("organisation"))
        role = f'<span class="role">{held} (on that date)</span>\n'
    elif speaker.get("role") or speaker.get("organisation"):
        held = _role_at(speaker.get("role"), speaker.get("organisation"))
        role = f'<span class="role">{held}</span>'
    else:
        role = ""
    article = x["article"]
    aid, cid, stance = _e(article["id"]), _e(x["id"]), _e(x["stance"])
    published = article.get("published")
    dated = f' · <span class="date">{_e(published)}</span>' if published else ""
    who = f"— {_speaker(speaker)}" if show_speaker else ""
    forms = _quote_forms(cid, csrf, next) if writable else ""
    return Markup(
        f'<li class="quote stance-{stance}" id="quote-{cid}">\n'
        f'  <span class="stance">{stance}</span>\n'
        f'  <q><a class="quote-link" href="/article/{aid}#q-{cid}">{_e(x["text"])}</a></q>\n'
        f"{who}{role}"
        f'  <span class="meta">{_e(x["type"])} quote · <a href="/article/{aid}">'
        f"{_e(article.get('title') or article['id'])}</a>{dated}</span>\n"
        f"{forms}</li>"
    )


def _quote_forms(cid: str, csrf: str, next: str) -> str:
    """The forms beside a quote (`cid` its claim id, escaped): set its speaker, reject it,
    restore the extracted one."""
    fields = _fields(csrf, next, True)
    return (
        '  <details class="correct"><summary>Correct</summary>\n'
        '    <form method="post" action="/corrections/speaker" class="fix-speaker">\n'
        f'      <input type="hidden" name="quote" value="{cid}">\n'
        "      <label>Speaker (name or id; a new name adds the person) "
        '<input type="text" name="speaker"></label>\n'
        f"      {fields}\n"
        '      <button type="submit">Set speaker</button>\n'
        "    </form>\n"
        '    <form method="post" action="/corrections/reject" class="reject">\n'
        f'      <input type="hidden" name="claim" value="{cid}">\n'
        f"      {fields}\n"
        '      <button type="submit">Reject this quote</button>\n'
        "    </form>\n"
        '    <form method="post" action="/corrections/speaker" class="restore-speaker">\n'
        f'      <input type="hidden" name="quote" value="{cid}">'
        '<input type="hidden" name="speaker" value="">\n'
        f"      {fields}\n"
        '      <button type="submit">Restore the extracted speaker</button>\n'
        "    </form>\n"
        "  </details>\n"
    )


ROLE_FIELDS = ["status", "valid_from", "valid_to"]
"""The fields of a role (an occupancy) its correction form may set."""


def _role_evidence(
    ev: dict[str, Any], writable: bool, csrf: str, next: str, dated: str = "", more: str = ""
) -> str:
    """A role's evidence cell: its sentence (linking to the article), `dated`, how sure,
    `more`, and the forms to correct it."""
    cid = ev["claim_id"]
    actions = _actions(cid, ROLE_FIELDS, False, csrf, next, "role") if writable else ""
    sure = f"{ev['confidence']:.2f}"
    return (
        f'<a href="/article/{_e(ev["article_id"])}#c-{_e(cid)}">{_e(ev["sentence"])}</a> '
        f'<span class="meta">{dated}confidence {sure}{more}</span>\n'
        f"{actions}"
    )


def role_row(r: dict[str, Any], writable: bool, csrf: str, next: str) -> Markup:
    """A person's role as a row of their page's table: role, organisation, status today,
    dates, and the evidence (with how many other reports there are)."""
    ev = r["evidence"]
    if ev:
        others = r["alternatives"]
        more = (
            f' · <a href="/claim/{_e(ev["claim_id"])}">{_e(others)} other report'
            f"{'s' if others != 1 else ''}</a>"
            if others
            else ""
        )
        dated = f'<span class="date">{_e(ev.get("published") or "")}</span> · '
        said = _role_evidence(ev, writable, csrf, next, dated, more)
    else:
        said = ""
    last = r.get("last_reported")
    to = r["valid_to"] or (f"last reported {last}" if last else "")
    return Markup(
        f'  <tr class="role-row"><td data-label="Role">{_e(r["role"])}</td>'
        f'<td data-label="Organisation">{_link("organisation", r["organisation"])}</td>'
        f'<td data-label="Status">{_e(r["status"])}</td>'
        f'<td class="date" data-label="From">{_e(r["valid_from"] or "")}</td>'
        f'<td class="date" data-label="To">{_e(to)}</td>\n'
        f'  <td class="evidence" data-label="Evidence">{said}</td></tr>'
    )


def leader_row(x: dict[str, Any], on: str, writable: bool, csrf: str, next: str) -> Markup:
    """One of an organisation's leaders as a row of its table: who, the role, the status on
    `on`, dates, and the evidence of the status."""
    ev = x["evidence"]
    said = _role_evidence(ev, writable, csrf, next) if ev else ""
    return Markup(
        f'<tr><td data-label="Person">{_link("person", x["person"])}</td>'
        f'<td data-label="Role">{_e(x["role"])}</td>'
        f'<td data-label="Status on {_e(on)}">{_e(x["status"])}</td>'
        f'<td class="date" data-label="From">{_e(x["valid_from"] or "")}</td>'
        f'<td class="date" data-label="To">{_e(x["valid_to"] or "")}</td>\n'
        f'<td class="evidence" data-label="Evidence">{said}</td></tr>'
    )


GLOBALS = {
    "entity_link": entity_link,
    "speaker_link": speaker_link,
    "event_what": event_what,
    "role_at": role_at,
    "event_meta": event_meta,
    "event_item": event_item,
    "token_fields": token_fields,
    "claim_actions": claim_actions,
    "quote_item": quote_item,
    "role_row": role_row,
    "leader_row": leader_row,
}
"""What `render.environment` gives every template."""
