"""What `watch` remembers between rounds, in a small JSON file (SECTORWATCH_WATCH_STATE):
each feed's ETag and Last-Modified (for conditional requests) and the links already read.

Written atomically (a temporary file renamed over the old one), so a watch killed at any
moment leaves either the old state or the new one. A missing file is an empty state; an
unreadable one is reported and then replaced.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_SEEN = 200_000
"""Links remembered; the oldest are forgotten first (the store still knows them)."""


class StateError(ValueError):
    """The state file cannot be read; `str()` says why."""


@dataclass
class WatchState:
    path: Path | None = None
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    seen: dict[str, None] = field(default_factory=dict)
    """Links read, oldest first (a dict as an ordered set)."""

    @classmethod
    def load(cls, path: str | Path) -> WatchState:
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            feeds = {str(k): dict(v) for k, v in dict(data.get("feeds", {})).items()}
            seen = dict.fromkeys(str(u) for u in data.get("seen", []))
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            raise StateError(f"watch state {path} cannot be read ({exc})") from exc
        return cls(path, feeds, seen)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for the version of `url` read last."""
        known = self.feeds.get(url, {})
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def remember(
        self, validators: dict[str, tuple[str | None, str | None]], read: list[str]
    ) -> None:
        for url, (etag, modified) in validators.items():
            entry = {k: v for k, v in (("etag", etag), ("last_modified", modified)) if v}
            self.feeds[url] = entry
        for url in read:
            self.seen.pop(url, None)
            self.seen[url] = None
        while len(self.seen) > MAX_SEEN:
            self.seen.pop(next(iter(self.seen)))

    def save(self) -> None:
        if self.path is None:
            return
        data = {"feeds": self.feeds, "seen": list(self.seen)}
        folder = self.path.resolve().parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".watch-", suffix=".json", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(data, stream, indent=1, ensure_ascii=False)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
