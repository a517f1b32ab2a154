"""``newsweave serve``: the HTTP service and web page on uvicorn (the ``serve`` extra)."""

from __future__ import annotations

import argparse
import ipaddress
from typing import Any

from newsweave.cli import add_db_argument, needs_extra, warn
from newsweave.serve.settings import (
    BRIEF_WORKERS,
    MAX_REQUEST_BYTES,
    REQUEST_TIMEOUT_SECONDS,
    ServeSettings,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
"""Host names a service on a loopback address answers to (see ServeSettings.allowed_hosts)."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP service and web page",
        description="Serve the web page at / and the API on uvicorn: POST /briefs, POST "
        "/briefs/files, POST /articles, GET /stories, GET /stories/{id}, GET "
        "/stories/{id}/brief, GET /healthz; OpenAPI docs at /docs.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--max-request-bytes", type=int, default=MAX_REQUEST_BYTES, metavar="N",
                        help=f"largest request body (default {MAX_REQUEST_BYTES:,} bytes)")
    parser.add_argument("--timeout", type=float, default=REQUEST_TIMEOUT_SECONDS, metavar="S",
                        help=f"time limit per brief (default {REQUEST_TIMEOUT_SECONDS:g} s)")
    parser.add_argument("--workers", type=int, default=BRIEF_WORKERS, metavar="N",
                        help=f"processes computing briefs (default {BRIEF_WORKERS}, one per "
                        "CPU); 0: in the server's own threads, for a single-core host")
    add_db_argument(parser)
    parser.add_argument("--allow-fetch", action="store_true",
                        help="fetch reports given only by URL (never from private, loopback "
                        "or link-local addresses)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    loopback = _is_loopback(args.host)
    settings = ServeSettings(max_request_bytes=args.max_request_bytes,
                             timeout_seconds=args.timeout, workers=args.workers,
                             allow_fetch=args.allow_fetch,
                             db=args.db, allowed_hosts=LOOPBACK_NAMES if loopback else ("*",))
    with needs_extra("serve", "the web service"):
        from newsweave.serve.app import create_app
        from newsweave.serve.server import serve
    if not loopback:
        warn(f"listening on {args.host}: the service has no authentication; anyone who can "
             "reach this address can use it")
    serve(create_app(settings), args.host, args.port)
    return 0


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
