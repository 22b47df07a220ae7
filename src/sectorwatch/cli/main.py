"""The `sectorwatch` command. Every module in this package with a `register(app)` function
adds its commands; modules are imported in name order, explicitly, at start-up."""

from __future__ import annotations

import importlib
import pkgutil

import typer

import sectorwatch.cli as cli_package

app = typer.Typer(
    name="sectorwatch",
    help="Who leads what, who answers to whom and who said what in health and care news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Who leads what, who answers to whom and who said what in health and care news."""


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(cli_package.__path__), key=lambda i: i.name):
        if info.name in {"main"} or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"sectorwatch.cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    """The console script. The SECTORWATCH_* settings are checked first: one that cannot be
    used is one line on standard error and exit 2, before any command runs."""
    from sectorwatch.errors import SettingsError
    from sectorwatch.settings import Settings

    try:
        Settings.from_env()
        app()
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise SystemExit(2) from None
