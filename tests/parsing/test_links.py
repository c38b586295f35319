"""doclint skips markdown-it-py's link normalisation only where it provably returns the URL unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.helpers import parseLinkDestination

from doclint.parsing.links import fast_normalize_link, fast_parse_link_destination, is_unchanged_by_normalize
from doclint.parsing.markdown import parser

UNCHANGED = [
    "",
    "./other.md",
    "../x.md#y",
    "#anchor",
    "/docs/next/getting-started?x=1&y=2#z",
    "img%20name.png",
    "a:b",  # a scheme nothing knows about: markdown-it's answer, but not the fast path's
    "https://reactnative.dev/docs/next/view#style",
    "http://localhost:8081/index.bundle?platform=ios&dev=true",
    "https://a_b.example-site.com",
    "https://e.com?q=(1)*2;x@y,z$",
    "https://" + "a" * 63 + ".com/",
]
CHANGED_OR_ASKED = [
    " ./padded.md ",
    "./with space.md",
    "100%",
    "%zz",
    "%4",
    "%%41",
    "a|b",
    "a[1]",
    "a{b}",
    "a\\b",
    "a^b`c",
    'a"b<c>',
    "./é.md",
    "😄",
    "https://münchen.de/straße",
    "https://xn--mnchen-3ya.de/",
    "https://EXAMPLE.com/",
    "HTTPS://example.com/",
    "Https://example.com",
    "https:example.com",
    "https://",
    "https://host:/x",
    "https://host:port/x",
    "https://a..b/",
    "https://.a/",
    "https://a./",
    "https://user:pass@host/",
    "https://user@host",
    "https://[::1]:80/x",
    "https://" + "a" * 64 + ".com/",
    "https://" + ".".join(["a" * 63] * 5),
    "//host/path",
    "///x",
    "mailto:someone@example.com",
    "mailto:ü@exämple.com",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:image/png;base64,AAAA",
    "vbscript:x",
    "file:///etc/passwd",
    "ftp://host/x",
    "tel:+123",
    "skype:name?call",
    "http://host/\x00",
    "http://host/\u2028",
    "\x1f./a",
]


@pytest.mark.parametrize("url", UNCHANGED + CHANGED_OR_ASKED)
def test_same_answer_as_markdown_it(url: str) -> None:
    assert fast_normalize_link(normalizeLink)(url) == normalizeLink(url)
    if is_unchanged_by_normalize(url):
        assert normalizeLink(url) == url


@pytest.mark.parametrize("url", [url for url in UNCHANGED if url != "a:b"])
def test_plain_destinations_take_the_fast_path(url: str) -> None:
    assert is_unchanged_by_normalize(url)


URL_CHARACTERS = st.sampled_from(
    list("aZ09-_.~!*'();:@&=+$,/?#%[]{}|\\^` \t\"<>") + ["%2F", "%zz", "é", "ß", "😄", "\u3002", "xn--"]
)
URL_TEXT = st.lists(URL_CHARACTERS, max_size=12).map("".join)
LABEL = st.text("abcXYZ019_-", min_size=0, max_size=4) | st.sampled_from(["a" * 63, "a" * 64, "ü", "xn--"])
HOST = st.lists(LABEL, min_size=1, max_size=4).map(".".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(
    st.sampled_from(["", "http://", "https://", "HTTP://", "mailto:", "javascript:", "//", "ftp://", "a:"]),
    HOST,
    st.sampled_from(["", ":", ":80", ":8x", "@"]),
    URL_TEXT,
)
def test_generated_urls(scheme: str, host: str, port: str, rest: str) -> None:
    url = scheme + host + port + rest
    assert fast_normalize_link(normalizeLink)(url) == normalizeLink(url)
    if is_unchanged_by_normalize(url):
        assert normalizeLink(url) == url


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.text(max_size=20))
def test_arbitrary_text(url: str) -> None:
    if is_unchanged_by_normalize(url):
        assert normalizeLink(url) == url


def test_doclint_parser_normalizes_as_markdown_it_does() -> None:
    tokens = parser(mdx=False).parseInline("[a](./x%20y.md) [b](https://münchen.de/ä) ![c](<./d e.png>)")
    links = [child.attrGet("href") or child.attrGet("src") for child in tokens[0].children or []]
    assert [link for link in links if link] == [
        "./x%20y.md",
        "https://xn--mnchen-3ya.de/%C3%A4",
        "./d%20e.png",
    ]


DESTINATION_TEXT = st.lists(
    st.sampled_from(
        [*"a/.#?:%-_<>\"'()", " ", "\t", "\n", "\x00", "\x1f", "\x7f", "\\", "\\ ", "\\(", "\\)"]
        + ["&amp;", "&#40;", "&bogus;", "é", "😄", "\u00a0", "\u2028"]
    ),
    max_size=14,
).map("".join)


def _same_destination(text: str, pos: int, maximum: int) -> None:
    fast = fast_parse_link_destination(parseLinkDestination)(text, pos, maximum)
    reference = parseLinkDestination(text, pos, maximum)
    assert (fast.ok, fast.pos, fast.str) == (reference.ok, reference.pos, reference.str)


@pytest.mark.parametrize(
    "text",
    ["./a.md)", "./a.md", "a b", "a\tb", "a\x7fb", "a(b)c)", "a\\)b)", "<a b>)", "", ")", "a&amp;b)", "a\nb"],
)
def test_link_destination_as_markdown_it_reads_it(text: str) -> None:
    for pos in range(len(text) + 1):
        for maximum in range(pos, len(text) + 1):
            _same_destination(text, pos, maximum)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(DESTINATION_TEXT, st.integers(0, 3), st.integers(0, 3))
def test_generated_link_destinations(text: str, skip: int, short: int) -> None:
    pos = min(skip, len(text))
    _same_destination(text, pos, max(pos, len(text) - short))
