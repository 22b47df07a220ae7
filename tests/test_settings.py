"""Settings: defaults, SECTORWATCH_* overrides, and documentation that cannot drift."""

from dataclasses import fields
from pathlib import Path

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
