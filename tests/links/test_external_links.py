"""The opt-in external link check, against an HTTP server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from doclint.rules.links._external import ExternalOptions, check_urls
from doclint.testing import lint_tree, write_files


class _Handler(BaseHTTPRequestHandler):
    in_flight = 0
    most_in_flight = 0
    requests: ClassVar[list[tuple[str, str]]] = []
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _answer(self, method: str) -> None:
        cls = type(self)
        with cls.lock:
            cls.requests.append((method, self.path))
            cls.in_flight += 1
            cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        code, location = self._route(method)
        with cls.lock:  # before answering: the client may send its next request as soon as it has the answer
            cls.in_flight -= 1
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self, method: str) -> tuple[int, str | None]:
        path = self.path
        if path.startswith("/slow-ok"):
            time.sleep(0.2)
            return 200, None
        if path == "/ok":
            return 200, None
        if path == "/moved":
            return 301, "/ok"
        if path.startswith("/loop"):
            return 302, f"/loop{len(path)}"
        if path == "/get-only":
            return (405 if method == "HEAD" else 200), None
        if path == "/hang":
            time.sleep(2)
            return 200, None
        return 404, None


@dataclass
class Server:
    url: str
    handler: type[_Handler]


@pytest.fixture
def server() -> Iterator[Server]:
    # a fresh handler class per server: a request still sleeping from an earlier test cannot skew the counts
    handler = type(
        "Handler",
        (_Handler,),
        {"requests": [], "in_flight": 0, "most_in_flight": 0, "lock": threading.Lock()},
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", handler)
    httpd.shutdown()
    httpd.server_close()


def test_statuses_redirects_and_timeouts(server: Server) -> None:
    urls = [
        f"{server.url}/ok",
        f"{server.url}/moved",
        f"{server.url}/gone",
        f"{server.url}/loop",
        f"{server.url}/get-only",
        f"{server.url}/hang",
    ]
    results = check_urls(urls, ExternalOptions(timeout=0.5, max_redirects=3))
    assert [results[url].ok for url in urls] == [True, True, False, False, True, False]
    assert results[f"{server.url}/gone"].status == 404
    assert "too many redirects" in results[f"{server.url}/loop"].detail
    assert results[f"{server.url}/hang"].transient
    assert ("GET", "/get-only") in server.handler.requests


def test_per_host_limit_bounds_concurrency(server: Server) -> None:
    urls = [f"{server.url}/slow-ok?{index}" for index in range(8)]
    results = check_urls(urls, ExternalOptions(concurrency=8, per_host=2))
    assert all(status.ok for status in results.values())
    assert server.handler.most_in_flight == 2


def test_the_cache_answers_reruns_until_it_expires(server: Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    urls = [f"{server.url}/ok", f"{server.url}/gone", f"{server.url}/hang"]
    options = ExternalOptions(timeout=0.3, cache_file=cache, cache_ttl=3600)
    check_urls(urls, options)
    asked = len(server.handler.requests)
    again = check_urls(urls, options)
    assert not again[f"{server.url}/gone"].ok
    # only the transient failure is asked again
    assert [path for _, path in server.handler.requests[asked:]] == ["/hang"]
    check_urls(urls, ExternalOptions(timeout=0.3, cache_file=cache, cache_ttl=0))
    assert {"/ok", "/gone"} <= {path for _, path in server.handler.requests[asked + 1 :]}


def test_the_rule_is_off_by_default_and_reports_when_asked(
    server: Server, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            "docs/intro.md": f"# I\n\n[a]({server.url}/ok) [b]({server.url}/gone)\n\n```\n{server.url}/x\n```\n"
        },
    )
    assert lint_tree(tmp_path, select=("LNK006",)) == []
    assert server.handler.requests == []
    found = lint_tree(tmp_path, select=("LNK006",), options={"LNK006": {"check_external": True}})
    assert [(d.path, d.line) for d in found] == [("docs/intro.md", 3)]
    assert "404" in found[0].message
    assert (tmp_path / ".doclint_cache" / "external-links.json").is_file()
