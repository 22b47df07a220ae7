"""The extraction package stays in small modules (issue 10: none over about 400 lines)."""

from __future__ import annotations

from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "sectorwatch" / "extract"


def test_no_extraction_module_is_over_about_400_lines():
    sizes = {
        str(p.relative_to(EXTRACT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in EXTRACT.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 420} == {}
