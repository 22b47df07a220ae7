"""Reading gold files and predictions, and pairing a prediction with its gold."""

from __future__ import annotations

import json

import pytest

from sectorwatch.errors import GoldError
from sectorwatch.eval import Gold, load_gold, load_predictions
from sectorwatch.eval.gold import pair_predictions, source_name


def write_gold(folder, name: str, **fields) -> None:
    (folder / name).write_text(json.dumps({"document": name.replace(".json", ".txt"), **fields}))


def test_a_gold_folder_is_read_in_name_order(tmp_path):
    write_gold(tmp_path, "b.json", quotes=[{"type": "direct", "text": "x", "speaker": None}])
    write_gold(tmp_path, "a.json", not_quotes=["Toxic"], organisation_aliases={"HCB": []})
    golds = load_gold(tmp_path)
    assert [g.document for g in golds] == ["a.txt", "b.txt"]
    assert golds[0].not_quotes == ["Toxic"] and golds[0].organisation_aliases == {"HCB": []}
    assert len(golds[1].quotes) == 1 and golds[1].roles == [] and golds[1].events == []


def test_a_gold_file_without_document_names_the_file(tmp_path):
    (tmp_path / "broken.json").write_text(json.dumps({"quotes": []}))
    with pytest.raises(GoldError, match=r"broken\.json.*\"document\""):
        load_gold(tmp_path)


def test_a_gold_file_that_is_not_json_names_the_file(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(GoldError, match=r"bad\.json: not a readable JSON gold file"):
        load_gold(tmp_path)


def test_a_missing_gold_folder_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no such gold file or folder"):
        load_gold(tmp_path / "nowhere")


def test_predictions_are_read_from_jsonl_with_line_numbers_in_errors(tmp_path):
    good = tmp_path / "p.jsonl"
    good.write_text(json.dumps({"source": "a.txt", "quotes": []}) + "\n\n")
    assert load_predictions(good) == [{"source": "a.txt", "quotes": []}]
    bad = tmp_path / "q.jsonl"
    bad.write_text(json.dumps({"source": "a.txt"}) + "\n" + json.dumps({"quotes": []}) + "\n")
    with pytest.raises(GoldError, match=r"q\.jsonl:2: a prediction needs a \"source\""):
        load_predictions(bad)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("../shared/seeds/003_e898feb78db309e5.txt", "003_e898feb78db309e5.txt"),
        ("/abs/path/t01.html", "t01.html"),
        ("https://example.org/news/t01.html?utm=x#top", "t01.html"),
        ("C:\\corpus\\t01.txt", "t01.txt"),
    ],
)
def test_the_source_name_is_the_basename_of_a_path_or_url(source, name):
    assert source_name(source) == name


def test_a_prediction_pairs_with_its_gold_by_basename_or_stem():
    golds = [Gold(document="t01.txt"), Gold(document="t02.txt"), Gold(document="t03.txt")]
    predictions = [
        {"source": "samples/articles/t01.txt"},
        {"source": "/tmp/t02.html"},
        {"source": "elsewhere/t09.txt"},
    ]
    pairing = pair_predictions(golds, predictions)
    assert [(g.document, p and p["source"]) for g, p in pairing.pairs] == [
        ("t01.txt", "samples/articles/t01.txt"),
        ("t02.txt", "/tmp/t02.html"),
        ("t03.txt", None),
    ]
    assert pairing.unmatched_sources == ["elsewhere/t09.txt"]


def test_two_predictions_of_one_file_name_are_an_error():
    with pytest.raises(GoldError, match="two predictions come from 't01.txt'"):
        pair_predictions(
            [Gold(document="t01.txt")], [{"source": "a/t01.txt"}, {"source": "b/t01.txt"}]
        )
