"""The pieces of HTML every page repeats, item by item: a link to a person or an
organisation, an event and a quote in a list, and the correction forms beside a fact.

Made in Python and given to the templates as globals (`render.environment`), where Jinja
macros were: a page lists a hundred events or quotes, and calling a macro (a new context
and its lookups each time) was a large share of a page's time. Every value is escaped
(`markupsafe`), as the templates escape it; each helper gives `Markup`, which the templates
insert as it is. The output is the macros' own, to the byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

DASH = Markup("—")


def _text(value: Any) -> Markup:
    """`{{ value }}` in a template: escaped, None as "None"."""
    return escape(value)


def entity_link(page: str, ref: Any) -> Markup:
    """`/page/ID` linked with the name, or the bare name when it names no entity (its id
    null), or a dash when there is nothing."""
    if ref and ref.get("id"):
        return Markup('<a href="/%s/%s">%s</a>') % (page, ref["id"], ref.get("name") or ref["id"])
    if ref:
        return _text(ref.get("name"))
    return DASH


def speaker_link(s: Any) -> Markup:
    """A quote's speaker: a person's page, or an organisation's when an organisation spoke."""
    return entity_link("organisation" if s.get("kind") == "organisation" else "person", s)


def event_what(e: dict[str, Any], with_person: bool = True) -> Markup:
    """ "Person, role, Organisation": only the parts the event has, commas between them."""
    parts: list[Markup] = []
    if with_person and e.get("person"):
        parts.append(entity_link("person", e["person"]))
    if e.get("role"):
        parts.append(_text(e["role"]))
    if e.get("organisation"):
        parts.append(entity_link("organisation", e["organisation"]))
    return Markup(", ").join(parts)


def role_at(role: Any, organisation: Any) -> Markup:
    """ "role, Organisation" (either may be missing)."""
    out = _text(role) if role else Markup("")
    if role and organisation:
        out += Markup(", ")
    if organisation:
        out += entity_link("organisation", organisation)
    return out


def event_meta(e: dict[str, Any]) -> Markup:
    """An event's status, effective date and the date it was reported."""
    effective = e.get("effective")
    when = Markup(' · effective <span class="date">%s</span>') % effective if effective else ""
    return Markup('<span class="meta">%s%s · reported <span class="date">%s</span></span>') % (
        e.get("status") or "",
        when,
        e.get("observed") or "?",
    )


def event_item(
    e: dict[str, Any], writable: bool = False, csrf: str = "", next: str = "/"
) -> Markup:
    """An event as an item of a list: its type (linking to its page), what it says, its
    dates, its sentence (linking to the article) and, when corrections are allowed, the
    forms to correct it."""
    actions = (
        claim_actions(e["id"], ["status", "date", "announced", "effective"], False, csrf, next,
                      "event")
        if writable
        else ""
    )  # fmt: skip
    return Markup(
        '<li class="event">\n'
        '  <a class="event-link" href="/event/%s">%s</a>:\n'
        "  %s\n"
        "  %s\n"
        '  <blockquote class="evidence"><a href="/article/%s#c-%s">%s</a></blockquote>\n'
        "%s</li>"
    ) % (
        e["id"],
        str(e["type"]).replace("_", " "),
        event_what(e),
        event_meta(e),
        e["article"]["id"],
        e["id"],
        e["sentence"],
        actions,
    )


def token_fields(csrf: str, next: str, who: bool = True) -> Markup:
    """The hidden fields of a correction form (its CSRF token and where to go next), who
    makes it and why (with `who`), and the token that allows it."""
    names = (
        '<label>Your name <input type="text" name="author" maxlength="80" size="12"></label>\n'
        '<label>Why <input type="text" name="note" maxlength="500" size="18"></label>\n'
        if who
        else ""
    )
    return Markup(
        '<input type="hidden" name="csrf" value="%s">\n'
        '<input type="hidden" name="next" value="%s">\n'
        "%s"
        '<label>Token <input type="password" name="token" autocomplete="off" required></label>'
    ) % (csrf, next, Markup(names))


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
    fields = token_fields(csrf, next)
    if rejected:
        forms = Markup(
            '  <form method="post" action="/corrections/reject" class="restore">\n'
            '    <input type="hidden" name="claim" value="%s">'
            '<input type="hidden" name="undo" value="true">\n'
            "    %s\n"
            '    <button type="submit">Restore this %s</button>\n'
            "  </form>\n"
        ) % (claim_id, fields, what)
    else:
        forms = Markup(
            '  <form method="post" action="/corrections/reject" class="reject">\n'
            '    <input type="hidden" name="claim" value="%s">\n'
            "    %s\n"
            '    <button type="submit">Reject this %s</button>\n'
            "  </form>\n"
        ) % (claim_id, fields, what)
        options = Markup("").join(Markup("<option>%s</option>") % f for f in editable)
        if options:
            forms += Markup(
                '  <form method="post" action="/corrections/edit" class="edit">\n'
                '    <input type="hidden" name="claim" value="%s">\n'
                '    <label>Field <select name="field">%s</select></label>\n'
                '    <label>Value <input type="text" name="value" size="11" '
                'placeholder="date or status; empty restores"></label>\n'
                "    %s\n"
                '    <button type="submit">Set</button>\n'
                "  </form>\n"
            ) % (claim_id, options, fields)
    return Markup(
        '<details class="correct claim-actions"><summary>Correct</summary>\n'
        "%s"
        '  <a class="small" href="/claim/%s">fact page</a> · '
        '<a class="small" href="/history/%s">history</a>\n'
        "</details>"
    ) % (forms, claim_id, claim_id)


def quote_item(
    x: dict[str, Any], writable: bool, csrf: str, next: str, show_speaker: bool = True
) -> Markup:
    """A quote as an item of a list: its stance, its words (linking to the article), who
    said it (unless `show_speaker` is false: the speaker's own page), their role, the
    article and, when corrections are allowed, the forms to correct it."""
    speaker = x["speaker"]
    on_date = speaker.get("role_on_date")
    if on_date:
        role = Markup('<span class="role">%s (on that date)</span>\n') % role_at(
            on_date.get("role"), on_date.get("organisation")
        )
    elif speaker.get("role") or speaker.get("organisation"):
        role = Markup('<span class="role">%s</span>') % role_at(
            speaker.get("role"), speaker.get("organisation")
        )
    else:
        role = Markup("")
    article = x["article"]
    published = article.get("published")
    dated = Markup(' · <span class="date">%s</span>') % published if published else ""
    forms = _quote_forms(x["id"], csrf, next) if writable else ""
    return Markup(
        '<li class="quote stance-%s" id="quote-%s">\n'
        '  <span class="stance">%s</span>\n'
        '  <q><a class="quote-link" href="/article/%s#q-%s">%s</a></q>\n'
        "%s%s"
        '  <span class="meta">%s quote · <a href="/article/%s">%s</a>%s</span>\n'
        "%s</li>"
    ) % (
        x["stance"],
        x["id"],
        x["stance"],
        article["id"],
        x["id"],
        x["text"],
        Markup("— %s") % speaker_link(speaker) if show_speaker else "",
        role,
        x["type"],
        article["id"],
        article.get("title") or article["id"],
        dated,
        forms,
    )


def _quote_forms(claim_id: str, csrf: str, next: str) -> Markup:
    """The forms beside a quote: set its speaker, reject it, restore the extracted one."""
    fields = token_fields(csrf, next)
    return Markup(
        '  <details class="correct"><summary>Correct</summary>\n'
        '    <form method="post" action="/corrections/speaker" class="fix-speaker">\n'
        '      <input type="hidden" name="quote" value="%s">\n'
        "      <label>Speaker (name or id; a new name adds the person) "
        '<input type="text" name="speaker"></label>\n'
        "      %s\n"
        '      <button type="submit">Set speaker</button>\n'
        "    </form>\n"
        '    <form method="post" action="/corrections/reject" class="reject">\n'
        '      <input type="hidden" name="claim" value="%s">\n'
        "      %s\n"
        '      <button type="submit">Reject this quote</button>\n'
        "    </form>\n"
        '    <form method="post" action="/corrections/speaker" class="restore-speaker">\n'
        '      <input type="hidden" name="quote" value="%s">'
        '<input type="hidden" name="speaker" value="">\n'
        "      %s\n"
        '      <button type="submit">Restore the extracted speaker</button>\n'
        "    </form>\n"
        "  </details>\n"
    ) % (claim_id, fields, claim_id, fields, claim_id, fields)


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
}
"""What `render.environment` gives every template."""
