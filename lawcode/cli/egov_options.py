"""What the e-Gov subcommands (``fetch``, ``revisions``, ``search``, ``bulk``) share: the options that choose
the server and the cache, ``--offline``, and building the :class:`~lawcode.egov.Client` from them."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from lawcode.egov import Client

__all__ = ["add_client_arguments", "client_from", "parse_date"]


def add_client_arguments(parser: argparse.ArgumentParser) -> None:
    """``--offline``, ``--api URL``, ``--cache DIR``, ``--timeout S``."""
    group = parser.add_argument_group("e-Gov API")
    group.add_argument("--offline", action="store_true",
                       help="serve only from the cache; fail, naming what is missing, instead of going online")
    group.add_argument("--api", metavar="URL", help="API v2 base URL (default: $LAWCODE_EGOV_API or e-Gov)")
    group.add_argument("--cache", type=Path, metavar="DIR", help="cache folder (default: $LAWCODE_CACHE or the "
                       "platform's cache folder)")
    group.add_argument("--timeout", type=float, metavar="S", default=30.0, help="seconds per request (default 30)")


def client_from(args: argparse.Namespace) -> Client:
    """The client the options of :func:`add_client_arguments` describe."""
    return Client(args.api, cache_dir=args.cache, offline=args.offline, timeout=args.timeout)


def parse_date(text: str) -> date:
    """An ISO date (``2023-04-01``; ``2023/04/01`` too) for ``--asof``."""
    try:
        return date.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None

