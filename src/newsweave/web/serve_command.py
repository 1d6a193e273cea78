"""`newsweave serve`: the command's arguments, and starting the app under uvicorn.

`add_serve_parser` needs no web framework, so the CLI can list the command on any
install; `run_serve` imports FastAPI and uvicorn and says how to install them if missing.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from pathlib import Path
from typing import Any

from newsweave.errors import ConfigError, MissingDependency
from newsweave.recognisers import RECOGNISER_HELP, RECOGNISERS
from newsweave.web.settings import MIB, WebSettings

INSTALL = "the web app needs its extra packages: pip install 'newsweave[web]'"
DESCRIPTION = (
    "Serve the web app and JSON API: paste or upload articles, or pick a story, and read "
    "the digest with every citation one click from its sentence. API reference at /api/docs. "
    "The server fetches nothing unless started with --fetch-urls, and then only public "
    "addresses (not loopback, private, link-local, multicast or reserved ones)."
)


def add_serve_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Adds the `serve` command to the CLI's subparsers and returns its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve", help="serve the web app and JSON API", description=DESCRIPTION
    )
    add_serve_arguments(parser)
    return parser


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=port_number, default=8000, help="port (default 8000)")
    parser.add_argument("--db", metavar="FILE", help="story store to list and digest stories from")
    parser.add_argument(
        "--max-body",
        type=float,
        default=10.0,
        metavar="MB",
        help="largest request body accepted, uploads included (default 10)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="digests computed at once; more requests wait their turn (default 2)",
    )
    parser.add_argument(
        "--fetch-urls",
        action="store_true",
        help="let clients name web addresses (URLs) for the server to fetch and digest; off "
        "by default, and even then only public addresses are fetched",
    )
    parser.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="with --fetch-urls, also fetch loopback, private and link-local addresses "
        "(for tests: anyone who can reach the server can then reach your network through it)",
    )
    parser.add_argument(
        "--fetch-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="with --fetch-urls, how long to wait for a web server (default 10)",
    )
    parser.add_argument("--ner", choices=RECOGNISERS, default="auto", help=RECOGNISER_HELP)
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def port_number(value: str) -> int:
    """An argparse type: a TCP port, 0 meaning any free one."""
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {value!r}")
    return port


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings_from(args: argparse.Namespace) -> WebSettings:
    """The app's settings from the command's arguments."""
    if not 0 < args.max_body <= 1024:
        raise ConfigError(f"--max-body must be above 0 and at most 1024 MB, not {args.max_body}")
    if args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {args.workers}")
    if args.allow_private_urls and not args.fetch_urls:
        raise ConfigError("--allow-private-urls only applies with --fetch-urls")
    if not 0 < args.fetch_timeout <= 300:
        raise ConfigError(
            f"--fetch-timeout must be above 0 and at most 300 seconds, not {args.fetch_timeout}"
        )
    db = Path(args.db) if args.db else None
    return WebSettings(
        db=db,
        max_body_bytes=int(args.max_body * MIB),
        digest_workers=args.workers,
        fetch_urls=args.fetch_urls,
        allow_private_urls=args.allow_private_urls,
        fetch_timeout=args.fetch_timeout,
        ner=args.ner,
    )


def run_serve(args: argparse.Namespace) -> int:
    """Serves until interrupted. Raises MissingDependency or ConfigError (a NewsweaveError)."""
    try:
        import uvicorn

        from newsweave.web.app import create_app
    except ImportError as error:
        raise MissingDependency(f"{INSTALL} ({error.name} is missing)") from error
    settings = settings_from(args)
    if not is_loopback(args.host):
        print(
            f"newsweave: warning: listening on {args.host}, reachable from other machines; "
            "the app has no login",
            file=sys.stderr,
        )
    if settings.allow_private_urls:
        print(
            "newsweave: warning: --allow-private-urls: clients can make this server fetch "
            "addresses on its own machine and network",
            file=sys.stderr,
        )
    listening = listen(args.host, args.port)
    port = listening.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings),
        log_level="info" if args.debug else "warning",
        server_header=False,
    )
    print(
        f"newsweave: serving on http://{_url_host(args.host)}:{port}/", file=sys.stderr, flush=True
    )
    try:
        uvicorn.Server(config).run(sockets=[listening])
    except KeyboardInterrupt:  # Ctrl-C: uvicorn has already shut down cleanly
        pass
    finally:
        listening.close()
    return 0


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free port, read back from the socket)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listening = socket.socket(family, kind, proto)
    except OSError as error:
        raise ConfigError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(2048)
    except OSError as error:
        listening.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return listening


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
