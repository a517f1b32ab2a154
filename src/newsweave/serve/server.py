"""Running the app on uvicorn: in the foreground (the CLI) or in a thread (tests, benches).

The listening socket is bound here, before uvicorn starts, so a port in use is a one-line
:class:`~newsweave.errors.InvalidOptionError` rather than uvicorn's log and exit, and port 0
gives a free port whose number the caller can read.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from newsweave.errors import InvalidOptionError

STARTUP_TIMEOUT_SECONDS = 60.0
"""How long :func:`running` waits for uvicorn to accept connections. Starting the brief
workers (forkserver, importing the pipeline) took 5.4 s on a busy 2-core machine, so 10 s was
too close: a slow start is not a failed one."""
_POLL_SECONDS = 0.02


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (port 0: any free port).

    Raises
    ------
    InvalidOptionError
        When the address cannot be bound (in use, not this machine's, a privileged port).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InvalidOptionError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                                 "choose another --host or --port") from exc
    sock.listen(socket.SOMAXCONN)
    return sock


def serve(app: FastAPI, host: str, port: int, *, log_level: str = "info") -> None:
    """Serve ``app`` on ``host:port`` until interrupted (the app's lifespan starts and warms
    its brief workers before the first request, and stops them on the way out)."""
    sock = bind(host, port)
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level))
    shown = f"[{host}]" if ":" in host else host
    logging.getLogger("uvicorn.error").info(
        "newsweave on http://%s:%d/ (API docs at /docs); Ctrl-C stops it", shown, port)
    server.run(sockets=[sock])


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """``app`` served by uvicorn in a thread on a free port; yields its base URL.

    Raises
    ------
    InvalidOptionError
        When ``host`` cannot be bound.
    RuntimeError
        When uvicorn has not started within :data:`STARTUP_TIMEOUT_SECONDS`.
    """
    sock = bind(host, 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(_POLL_SECONDS)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()
