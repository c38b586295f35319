"""Checking external URLs (opt-in): concurrent, bounded, polite, cached on disk.

Requests run in a thread pool with a global concurrency bound and a per-host bound; each has a timeout;
redirects are followed up to a bound. ``HEAD`` is tried first and ``GET`` when a server refuses it.
Definite answers (a status code) are cached in a JSON file with a time-to-live, so that a CI rerun
asks the network again only for what expired; transient failures (timeouts, refused connections) are
never cached.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

USER_AGENT = "doclint-link-check (+https://github.com/doclint)"
_HEAD_REFUSED = frozenset({403, 405, 501})


@dataclass(frozen=True)
class ExternalOptions:
    timeout: float = 10.0
    concurrency: int = 16
    per_host: int = 2
    max_redirects: int = 5
    cache_file: Path | None = None
    cache_ttl: float = 24 * 3600.0


@dataclass(frozen=True)
class UrlStatus:
    url: str
    ok: bool
    status: int | None  # the final HTTP status; None when no answer came
    detail: str  # what went wrong, or the final URL after redirects
    checked_at: float
    transient: bool = False  # a timeout or a connection error: worth retrying, never cached


def check_urls(urls: Iterable[str], options: ExternalOptions = ExternalOptions()) -> dict[str, UrlStatus]:
    """The status of every URL (each asked once), from the cache when fresh, else from the network."""
    unique = list(dict.fromkeys(urls))
    cache = _Cache(options.cache_file, options.cache_ttl)
    results = {url: cached for url in unique if (cached := cache.get(url)) is not None}
    pending = [url for url in unique if url not in results]
    if pending:
        limiter = _HostLimiter(options.per_host)
        with ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool:
            for status in pool.map(lambda url: _check_one(url, options, limiter), pending):
                results[status.url] = status
                cache.put(status)
        cache.save()
    return results


class _HostLimiter:
    """At most ``limit`` requests in flight per host, whatever the pool size."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.lock = threading.Lock()
        self.semaphores: dict[str, threading.Semaphore] = {}

    def for_url(self, url: str) -> threading.Semaphore:
        host = urllib.parse.urlsplit(url).netloc.lower()
        with self.lock:
            return self.semaphores.setdefault(host, threading.Semaphore(self.limit))


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.max_redirections = limit
        self.max_repeats = limit


def _check_one(url: str, options: ExternalOptions, limiter: _HostLimiter) -> UrlStatus:
    opener = urllib.request.build_opener(_BoundedRedirects(options.max_redirects))
    with limiter.for_url(url):
        status = _request(opener, url, "HEAD", options.timeout)
        if status.status in _HEAD_REFUSED:
            status = _request(opener, url, "GET", options.timeout)
    return status


def _request(opener: urllib.request.OpenerDirector, url: str, method: str, timeout: float) -> UrlStatus:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    now = time.time()
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            detail = f"redirected to {final}" if final != url else "ok"
            return UrlStatus(url, True, response.status, detail, now)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            return UrlStatus(url, False, error.code, "too many redirects", now)
        return UrlStatus(url, False, error.code, f"HTTP {error.code} {error.reason}", now)
    except urllib.error.URLError as error:
        return UrlStatus(url, False, None, f"unreachable: {error.reason}", now, transient=True)
    except (TimeoutError, OSError) as error:
        return UrlStatus(
            url, False, None, f"no answer within {timeout:g} s ({type(error).__name__})", now, transient=True
        )


class _Cache:
    def __init__(self, path: Path | None, ttl: float) -> None:
        self.path = path
        self.ttl = ttl
        self.entries: dict[str, UrlStatus] = self._load()
        self.changed = False

    def _load(self) -> dict[str, UrlStatus]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {url: UrlStatus(**entry) for url, entry in data.items()}
        except (OSError, ValueError, TypeError):
            return {}  # a damaged cache is only a slower run

    def get(self, url: str) -> UrlStatus | None:
        entry = self.entries.get(url)
        if entry is None or time.time() - entry.checked_at > self.ttl:
            return None
        return entry

    def put(self, status: UrlStatus) -> None:
        if not status.transient:
            self.entries[status.url] = status
            self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {url: asdict(entry) for url, entry in self.entries.items()}
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(payload, indent=0, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)
