"""The search page's results, made in one pass (`serve.highlight.result_items`): every
value escaped, titles and texts marked, exactly as the template showed them one by one."""

from __future__ import annotations

from sectorwatch.serve.highlight import result_items


def test_results_are_escaped_and_marked():
    results = [
        {"type": "quote", "url": "/event/c-1?a=1&b=2", "title": 'Vex <script>"chair"</script>',
         "text": "The chair & the board", "organisation": "Wrenfield <b>Trust</b>",
         "stance": "welcome", "year": 2024},
        {"type": "post", "url": "/posts?role=chair", "title": "chair, Fernleigh", "text": "",
         "organisation": None, "stance": None, "year": None},
    ]  # fmt: skip
    assert str(result_items(results, "chair")) == (
        '    <li class="result result-quote">\n'
        '      <span class="kind">quote</span>\n'
        '      <a href="/event/c-1?a=1&amp;b=2">Vex &lt;script&gt;&#34;<mark>chair</mark>&#34;'
        "&lt;/script&gt;</a>\n"
        "<p>The <mark>chair</mark> &amp; the board</p>"
        '      <span class="meta">Wrenfield &lt;b&gt;Trust&lt;/b&gt; · welcome · 2024</span>\n'
        "    </li>\n"
        '    <li class="result result-post">\n'
        '      <span class="kind">post</span>\n'
        '      <a href="/posts?role=chair"><mark>chair</mark>, Fernleigh</a>\n'
        '      <span class="meta"></span>\n'
        "    </li>\n"
    )
