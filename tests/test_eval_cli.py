"""`sectorwatch eval GOLD --predictions FILE [--json] [--show-errors]`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sectorwatch.cli.main import app

QUOTE = "Patients will judge this change on whether waiting lists come down."


def write_inputs(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {
        "document": "t01.txt",
        "organisation_aliases": {"Patients First Alliance": ["PFA"]},
        "quotes": [
            {"type": "direct", "text": QUOTE, "speaker": "Kwame Mensah"},
            {"type": "direct", "text": "an excuse for navel-gazing", "speaker": "Kwame Mensah"},
        ],
        "not_quotes": ["Bureaucratic"],
        "roles": [
            {
                "person": "Kwame Mensah",
                "role": "chief executive",
                "organisation": "Patients First Alliance",
                "status": "current",
            }
        ],
        "events": [],
    }
    (gold_dir / "t01.json").write_text(json.dumps(gold))
    prediction = {
        "source": "samples/articles/t01.txt",
        "quotes": [
            {"type": "direct", "text": QUOTE, "speaker": {"name": "Mr Mensah"}},
            {"type": "direct", "text": "Bureaucratic", "speaker": None},
        ],
        "roles": [
            {"person": "Kwame Mensah", "role": "CEO", "organisation": "PFA", "status": "current"}
        ],
        "events": [],
    }
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps(prediction) + "\n")
    return gold_dir, predictions


def test_eval_json_prints_the_totals_and_each_document(tmp_path):
    gold_dir, predictions = write_inputs(tmp_path)
    result = CliRunner().invoke(
        app, ["eval", str(gold_dir), "--predictions", str(predictions), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["totals"]["direct"] == {
        "gold": 2,
        "predicted": 2,
        "matched": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["totals"]["direct_attributed"]["matched"] == 0
    assert data["totals"]["roles"] == {
        "gold": 1,
        "predicted": 1,
        "matched": 1,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert data["totals"]["events"]["f1"] == 1.0
    assert data["false_quotes"] == 1
    [document] = data["documents"]
    assert document["document"] == "t01.txt"
    assert document["not_quote_hits"] == ["Bureaucratic"]
    assert "errors" not in document


def test_eval_json_with_errors_lists_misses_and_extras(tmp_path):
    gold_dir, predictions = write_inputs(tmp_path)
    result = CliRunner().invoke(
        app,
        ["eval", str(gold_dir), "--predictions", str(predictions), "--json", "--show-errors"],
    )
    errors = json.loads(result.stdout)["documents"][0]["errors"]
    assert [q["text"] for q in errors["direct"]["missed"]] == ["an excuse for navel-gazing"]
    assert [q["text"] for q in errors["direct"]["extra"]] == ["Bureaucratic"]


def test_eval_prints_a_table_and_the_errors(tmp_path):
    gold_dir, predictions = write_inputs(tmp_path)
    result = CliRunner().invoke(
        app,
        ["eval", str(gold_dir), "--predictions", str(predictions), "--show-errors"],
        env={"COLUMNS": "160"},
    )
    assert result.exit_code == 0, result.output
    assert "direct attributed" in result.stdout
    assert "false quotes: 1" in result.stdout
    assert "direct missed  Kwame Mensah: “an excuse for navel-gazing”" in result.stdout
    assert "speaker wrong  'Mr Mensah' for 'Kwame Mensah'" in result.stdout
    assert "not a quote    “Bureaucratic”" in result.stdout


def test_eval_needs_paths_or_predictions(tmp_path):
    gold_dir, _ = write_inputs(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 2
    assert "give article PATHs to extract, or --predictions FILE" in result.output


def test_eval_reports_a_broken_gold_file_and_exits_2(tmp_path):
    (tmp_path / "x.json").write_text("[]")
    predictions = tmp_path / "p.jsonl"
    predictions.write_text("")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--predictions", str(predictions)])
    assert result.exit_code == 2
    assert "[SW400]" in result.output and "x.json" in result.output


def test_eval_extracts_article_paths_with_the_real_pipeline(tmp_path, extractor):
    # `extractor` loads the spaCy pipeline once for the session; the command reuses it.
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "t01.txt").write_text(
        "Charity backs waiting list pledge\n\n"
        f"Kwame Mensah, chief executive of the Patients First Alliance, said: “{QUOTE}”\n",
        encoding="utf-8",
    )
    gold_dir, _ = write_inputs(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(articles), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["missing_predictions"] == [] and data["skipped"] == []
    assert data["documents"][0]["source"].endswith("t01.txt")
    assert data["totals"]["direct"]["gold"] == 2
