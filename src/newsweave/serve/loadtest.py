"""A bounded load test of the service: ``python -m newsweave.serve.loadtest``.

Starts ``newsweave serve`` in its own process on a free loopback port (or uses ``--url``),
sends ``--requests`` briefs of the reports in ``--reports`` (the bundled example by default),
``--concurrency`` at a time, and prints latency percentiles as a Markdown table. A separate
server process keeps the client's threads from sharing the server's interpreter lock, so the
figures are the server's. It is a benchmark, not a test: it asserts nothing but that every
request succeeded. With a server it started, it also reports how many cores the server got
(its processes' CPU seconds over the wall time, from Linux's ``/proc``): on a machine shared
with other jobs, that says whether the figures measure the service or the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from newsweave.errors import NewsweaveError

DEFAULT_REQUESTS = 300
DEFAULT_CONCURRENCY = 8
DEFAULT_REPORTS = Path("examples/kyrgyzstan-2010")
STARTUP_TIMEOUT_SECONDS = 30.0
"""How long to wait for the server process to answer /healthz (imports take a few seconds
on a busy two-core machine)."""
REQUEST_TIMEOUT_SECONDS = 60.0
PROC = Path("/proc")


@dataclass(frozen=True, slots=True)
class Result:
    """Latencies in seconds of successful requests, failures by status, the wall time, and
    the CPU seconds the server's processes used meanwhile (None when not known)."""

    latencies: list[float]
    failures: dict[str, int]
    wall_seconds: float
    server_cpu_seconds: float | None = None

    def percentile(self, p: int) -> float:
        """The ``p``-th percentile latency in milliseconds, interpolated between the two
        nearest ranks (the "inclusive" method, numpy's default); 100 is the maximum."""
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return 1000 * (cuts[p - 1] if p < 100 else max(self.latencies))


def payload(reports: Path) -> bytes:
    """``POST /briefs`` body with every .txt report in the folder ``reports``."""
    files = sorted(reports.glob("*.txt"))
    if not files:
        raise NewsweaveError(f"{reports}: no .txt reports to send")
    articles = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]
    return json.dumps({"articles": articles}).encode("utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server_process(workers: int | None = None) -> Iterator[tuple[str, int]]:
    """``newsweave serve`` in a child process on a free loopback port, with ``--workers``
    when given; yields its URL and process id."""
    port = _free_port()
    options = [] if workers is None else ["--workers", str(workers)]
    child = subprocess.Popen(
        [sys.executable, "-m", "newsweave.cli", "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, child)
        yield url, child.pid
    finally:
        child.terminate()
        child.wait(timeout=10)


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds used so far by process ``pid`` and the processes under it,
    ended ones included (a parent's counts include its reaped children's); None without
    ``/proc``.

    Parameters
    ----------
    pid:
        The root of the process tree, e.g. the server's.

    Returns
    -------
    float or None
        Seconds of CPU, or None where ``/proc`` is not there (not Linux) or ``pid`` is gone.
    """
    stats = _proc_stats()
    if pid not in stats:
        return None
    children: dict[int, list[int]] = {}
    for child, (parent, _ticks) in stats.items():
        children.setdefault(parent, []).append(child)
    tree, ticks = [pid], 0
    while tree:
        current = tree.pop()
        ticks += stats[current][1]
        tree.extend(children.get(current, []))
    return ticks / os.sysconf("SC_CLK_TCK")


def _proc_stats() -> dict[int, tuple[int, int]]:
    """Each process's parent and CPU clock ticks (its own and its reaped children's)."""
    stats: dict[int, tuple[int, int]] = {}
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            # After the command name, which may hold spaces: state, ppid, ..., utime (the
            # 12th field after it), stime, cutime, cstime.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while listed
            continue
        stats[int(stat.parent.name)] = (int(fields[1]), sum(map(int, fields[11:15])))
    return stats


def _wait_healthy(url: str, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise NewsweaveError(f"the server exited with status {child.returncode}")
        try:
            status, _ = _request(url, "GET", "/healthz", None)
        except OSError:
            status = 0
        if status == 200:
            return
        time.sleep(0.1)
    raise NewsweaveError(f"the server at {url} did not answer within "
                         f"{STARTUP_TIMEOUT_SECONDS:g} s")


def _request(url: str, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port,
                                            timeout=REQUEST_TIMEOUT_SECONDS)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def run_load(url: str, body: bytes, requests: int, concurrency: int, query: str = ""
             ) -> Result:
    """Send ``requests`` briefs (``POST /briefs`` + ``query``), ``concurrency`` at a time;
    time each one."""
    def one(_index: int) -> tuple[int, float]:
        start = time.perf_counter()
        try:
            status, _answer = _request(url, "POST", "/briefs" + query, body)
        except OSError:
            status = 0
        return status, time.perf_counter() - start

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    failures: dict[str, int] = {}
    for status, _ in outcomes:
        if status != 200:
            key = str(status or "connection error")
            failures[key] = failures.get(key, 0) + 1
    return Result([s for code, s in outcomes if code == 200], failures, wall)


def table(result: Result, requests: int, concurrency: int) -> str:
    """The result as a Markdown table; "server cores" is the server's CPU seconds over the
    wall time (n/a for a server this tool did not start)."""
    ok = len(result.latencies)
    cores = ("n/a" if result.server_cpu_seconds is None
             else f"{result.server_cpu_seconds / result.wall_seconds:.2f}")
    rows = [
        "| requests | concurrency | ok | failed | p50 ms | p90 ms | p99 ms | max ms | req/s "
        "| server cores |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {requests} | {concurrency} | {ok} | {requests - ok} | "
        f"{result.percentile(50):.0f} | {result.percentile(90):.0f} | "
        f"{result.percentile(99):.0f} | {result.percentile(100):.0f} | "
        f"{ok / result.wall_seconds:.1f} | {cores} |",
    ]
    return "\n".join(rows)


def measured(url: str, pid: int, body: bytes, requests: int, concurrency: int, query: str
             ) -> Result:
    """:func:`run_load` against the server process ``pid``, with the CPU it used meanwhile."""
    before = cpu_seconds(pid)
    result = run_load(url, body, requests, concurrency, query)
    after = cpu_seconds(pid)
    used = None if before is None or after is None else after - before
    return replace(result, server_cpu_seconds=used)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsweave.serve.loadtest",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=DEFAULT_REQUESTS)
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    parser.add_argument("--reports", type=Path, default=DEFAULT_REPORTS,
                        help="folder of .txt reports sent in every request")
    parser.add_argument("--url", help="a running server (default: start one on loopback)")
    parser.add_argument("--no-analysis", action="store_true",
                        help="summary only (?analysis=false): the summarizer's share of the cost")
    parser.add_argument("--workers", type=int,
                        help="the started server's --workers (default: its own, one per CPU; "
                        "0: briefs in its threads)")
    args = parser.parse_args(argv)
    body = payload(args.reports)
    query = "?analysis=false" if args.no_analysis else ""
    if args.url:
        result = run_load(args.url, body, args.requests, args.concurrency, query)
    else:
        with server_process(args.workers) as (url, pid):
            result = measured(url, pid, body, args.requests, args.concurrency, query)
    print(table(result, args.requests, args.concurrency))
    for status, count in sorted(result.failures.items()):
        print(f"failed: {count} x {status}", file=sys.stderr)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
