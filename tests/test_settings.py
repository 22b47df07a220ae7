"""Settings: defaults, SECTORWATCH_* overrides, and documentation that cannot drift."""

import sys
from dataclasses import fields
from pathlib import Path

import pytest

from sectorwatch.cli.main import main
from sectorwatch.errors import SettingsError
from sectorwatch.settings import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_environment_variables_override_defaults():
    s = Settings.from_env({"SECTORWATCH_DB": "sqlite:///x.db", "SECTORWATCH_WORKERS": "3"})
    assert s.db == "sqlite:///x.db"
    assert s.workers == 3
    assert s.host == "127.0.0.1"


def test_server_binds_to_loopback_by_default():
    assert Settings.from_env({}).host == "127.0.0.1"


def test_every_setting_is_documented():
    text = DOC.read_text()
    for f in fields(Settings):
        assert f"`{f.name}`" in text, f"setting {f.name} missing from docs/settings.md"
        assert f"`SECTORWATCH_{f.name.upper()}`" in text


def test_a_number_that_is_not_one_is_a_clear_error_naming_the_variable():
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"SECTORWATCH_WORKERS": "two"})
    assert str(caught.value) == (
        "[SW002] SECTORWATCH_WORKERS='two' is not a whole number: give a whole number, "
        "e.g. SECTORWATCH_WORKERS=4"
    )


@pytest.mark.parametrize(
    ("variable", "raw", "message"),
    [
        ("SECTORWATCH_BATCH_SIZE", "0", "is out of range: give a number of at least 1"),
        ("SECTORWATCH_WEB_RETRIES", "-1", "is out of range: give a number of at least 0"),
        ("SECTORWATCH_PORT", "70000", "is out of range: give 1 to 65535"),
        ("SECTORWATCH_WEB_TIMEOUT", "nan", "is not a finite number"),
        (
            "SECTORWATCH_WEB_BACKOFF",
            "soon",
            "is not a number: give a number, e.g. SECTORWATCH_WEB_BACKOFF=2.5",
        ),
    ],
)
def test_numbers_out_of_range_are_refused(variable, raw, message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({variable: raw})
    assert str(caught.value) == f"[SW002] {variable}={raw!r} {message}"


def test_numbers_with_spaces_around_them_are_read():
    assert Settings.from_env({"SECTORWATCH_WEB_TIMEOUT": " 2.5 "}).web_timeout == 2.5


def test_the_command_checks_settings_before_it_runs(monkeypatch, capsys):
    monkeypatch.setenv("SECTORWATCH_MAX_BYTES", "lots")
    monkeypatch.setattr(sys, "argv", ["sectorwatch", "--help"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "[SW002] SECTORWATCH_MAX_BYTES='lots' is not a whole number: give a whole number, "
        "e.g. SECTORWATCH_MAX_BYTES=4\n"
    )
