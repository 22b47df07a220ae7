"""The web application and JSON API: `create_app(settings)`."""

from sectorwatch.serve.app import create_app

__all__ = ["create_app"]
