"""markdown-it's link normalisation, skipped for the destinations it would return unchanged.

markdown-it-py normalises every link and image destination: ``mdurl.parse``, punycode for the host,
``mdurl.format``, then ``mdurl.encode`` (about a tenth of doclint's parse on a real site). Almost every
destination in documentation is a relative path or an ``http(s)://`` URL with a plain ASCII host, made
only of characters that ``mdurl.encode`` keeps, and for those that round trip is the identity:

- a relative destination (no ``scheme:`` prefix, not ``//host``) gets no host: ``format`` glues its
  path, ``?search`` and ``#hash`` back together as they were;
- a lowercase ``http://``/``https://`` URL whose host is dot-separated labels of ``[A-Za-z0-9_-]``
  (at most 63 characters each, 255 in all), an optional numeric port, then nothing or ``/``, ``?``, ``#``,
  is split by ``mdurl.parse`` exactly there, punycode leaves an ASCII host alone and ``format`` rebuilds
  the same text;
- ``encode`` keeps letters, digits, ``;/?:@&=+$,-_.!~*'()#`` and ``%`` followed by two hex digits.

Anything else (other schemes, unicode, spaces, a lone ``%``, brackets, ``user@host``) goes to
markdown-it-py. ``tests/parsing/test_links.py`` compares both over generated and hand-picked URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_KEPT_BY_ENCODE = r"(?:[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})*"
_RELATIVE = re.compile(_KEPT_BY_ENCODE)
_SCHEME = re.compile(r"[a-z0-9.+-]+:", re.IGNORECASE)  # mdurl's PROTOCOL_PATTERN
_PLAIN_WEB_URL = re.compile(
    r"https?://(?P<host>[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63})*)(?::[0-9]+)?(?:[/?#]"
    + _KEPT_BY_ENCODE
    + r")?"
)
_MAX_HOST_LENGTH = 255  # mdurl drops longer host names


def is_unchanged_by_normalize(url: str) -> bool:
    """True when markdown-it-py's ``normalizeLink(url)`` is ``url`` itself (False means: ask it)."""
    if _SCHEME.match(url) is None and not url.startswith("//"):
        return _RELATIVE.fullmatch(url) is not None
    web_url = _PLAIN_WEB_URL.fullmatch(url)
    return web_url is not None and len(web_url.group("host")) <= _MAX_HOST_LENGTH


def fast_normalize_link(normalize_link: Callable[[str], str]) -> Callable[[str], str]:
    """``normalize_link`` (markdown-it's own), answered without it where the answer is the input."""

    def normalize(url: str) -> str:
        return url if is_unchanged_by_normalize(url) else normalize_link(url)

    return normalize
