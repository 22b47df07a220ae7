"""Stages with declared contracts, in the manner of spaCy's components.

Each stage names what it `requires` (substrate layers and facts of earlier stages) and
what it `assigns`. `Pipeline` checks the order when it is built, and refuses one in which a
stage needs something no earlier stage assigns, or assigns what another already did, with
an error naming the stage. A stage returns its new values; it never edits what an earlier
stage assigned: a later stage adds facts or judgements (stance is a judgement on quotes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sectorwatch.extract.substrate import Substrate

BUILT_IN = frozenset(
    {"article", "lines", "sentences", "quoted", "dates", "syntax", "tokens", "entities"}
)
"""What the substrate has before any stage runs."""
SUBSTRATE_LAYERS = frozenset({"people", "organisations", "roles"})
"""Values a stage assigns that become layers of the substrate, read by later stages."""


class PipelineOrderError(ValueError):
    """A pipeline whose stages are in an order that cannot run."""


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Callable[[Substrate, Mapping[str, Any]], Mapping[str, Any]]
    """(substrate, values assigned so far) -> the values this stage assigns."""


def stage(
    name: str,
    requires: Iterable[str],
    assigns: Iterable[str],
    run: Callable[[Substrate, Mapping[str, Any]], Mapping[str, Any]],
) -> Stage:
    return Stage(name, frozenset(requires), frozenset(assigns), run)


def check_order(stages: Iterable[Stage], provided: frozenset[str] = BUILT_IN) -> None:
    """Raise PipelineOrderError unless every stage's requirements are met by the substrate
    or an earlier stage, and nothing is assigned twice."""
    have = {name: "the substrate" for name in provided}
    for s in stages:
        missing = sorted(s.requires - set(have))
        if missing:
            raise PipelineOrderError(
                f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage "
                "assigns; put the stage that assigns it first"
            )
        for name in sorted(s.assigns):
            if name in have:
                raise PipelineOrderError(
                    f"stage {s.name!r} assigns {name}, which {have[name]} already assigns"
                )
            have[name] = f"stage {s.name!r}"


class Pipeline:
    """Stages in order, checked when built; `run` gives every value the stages assign."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, substrate: Substrate) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for s in self.stages:
            out = s.run(substrate, values)
            if set(out) != s.assigns:
                raise PipelineOrderError(
                    f"stage {s.name!r} declared {sorted(s.assigns)} but returned {sorted(out)}"
                )
            values.update(out)
            for name, value in out.items():
                if name in SUBSTRATE_LAYERS:
                    setattr(substrate, name, value)  # the indexes every later stage reads
        return values
