"""Link destinations read and normalised as markdown-it-py does, with less work for the plain ones.

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
markdown-it-py. ``tests/parsing/test_links.py`` compares both over generated and hand-picked URLs,
and does the same for the destination scan below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown_it.common.utils import unescapeAll

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


# Outside angle brackets, markdown-it-py's parseLinkDestination walks the destination a character at a
# time (a function call each) up to a space, a control character or an unbalanced ")"; only "\\" and
# "(" make that walk more than "take the run": a regular expression takes the run, and anything else
# (an empty run, a backslash, a parenthesis, "<...>") is left to markdown-it-py.
_PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f\\()]*")
_NEEDS_THE_FULL_SCAN = ("\\", "(")


class _Destination:
    """What markdown-it's rules read from parseLinkDestination's result."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, end: int, text: str) -> None:
        self.ok = True
        self.pos = end
        self.str = text


def fast_parse_link_destination(parse_link_destination: Callable[[str, int, int], Any]) -> Callable[..., Any]:
    """``parse_link_destination`` (markdown-it's own), answered by one regex match for a plain run."""

    def parse(string: str, pos: int, maximum: int) -> Any:
        if pos < maximum and string[pos] != "<":
            end = _PLAIN_DESTINATION.match(string, pos, maximum).end()  # type: ignore[union-attr]
            ends_plainly = end == maximum or (end < len(string) and string[end] not in _NEEDS_THE_FULL_SCAN)
            if end > pos and ends_plainly:
                return _Destination(end, unescapeAll(string[pos:end]))
        return parse_link_destination(string, pos, maximum)

    return parse
