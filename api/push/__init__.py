"""Push alerts: the `push` blueprint and the `push` and `elections` commands."""

from api.push.cli import elections_cli, push_cli, register_cli
from api.push.routes import blp

__all__ = ["blp", "elections_cli", "push_cli", "register_cli"]
