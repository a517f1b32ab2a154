"""The service on a real uvicorn over a loopback socket, and ``newsweave serve``'s options."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest

from newsweave.cli import main
from newsweave.models import Brief


def _post(url: str, body: bytes, content_type: str = "application/json"
          ) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_real_server_answers_health_and_a_brief(live_url: str,
                                                example_payload: dict[str, Any]) -> None:
    with urllib.request.urlopen(f"{live_url}/healthz", timeout=10) as response:
        assert json.loads(response.read())["status"] == "ok"
    status, body = _post(f"{live_url}/briefs?words=80&analysis=false",
                         json.dumps(example_payload).encode())
    assert status == 200
    brief = Brief.from_dict(body)
    assert len(brief.story.articles) == 4
    assert 0 < sum(len(s.sentence.text.split()) for s in brief.summary) <= 80


def test_real_server_answers_413_to_an_oversized_body_before_it_is_sent(live_url: str) -> None:
    """Only the headers go out: the answer must come without the server reading a byte."""
    host, port = urllib.parse.urlsplit(live_url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/briefs")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(6 * 1024 * 1024))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert "5,242,880-byte limit" in json.loads(response.read())["detail"]
    connection.close()


def test_serve_on_a_port_in_use_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsweave: InvalidOptionError: cannot listen on 127.0.0.1:")
    assert err.count("\n") == 1


def test_serve_refuses_a_non_positive_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--timeout", "0"]) == 1
    assert "timeout_seconds must be positive, got 0" in capsys.readouterr().err


def test_serve_refuses_a_negative_number_of_workers(capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    assert main(["serve", "--workers", "-2"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsweave: InvalidOptionError: workers must be 0")
    assert "got -2" in err and err.count("\n") == 1


def test_serve_help_lists_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    for option in ("--host", "--port", "--max-request-bytes", "--timeout", "--workers",
                   "--allow-fetch"):
        assert option in out
