"""The markdown-it configuration that reads a file the way Docusaurus's remark pipeline does.

Rules never see these tokens: ``doclint.document`` turns them into the Document model. The wrappers
below only record where things are in the source (markdown-it keeps line maps for blocks, not
positions for inline syntax), and the raw text that Docusaurus would see.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from types import SimpleNamespace

from markdown_it import MarkdownIt, helpers
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from doclint.parsing.directives import make_directive_rule
from doclint.parsing.links import fast_normalize_link, fast_parse_link_destination

_FOOTNOTE_CALL = re.compile(r"\[\^([^\]\s]+)\]")
CURRENT_BLOCK = "doclint_current_block"
UNRESOLVED_FOOTNOTES = "doclint_unresolved_footnotes"


@lru_cache(maxsize=2)
def parser(mdx: bool) -> MarkdownIt:
    md = configured_parser(mdx)
    # the same tokens for less work (tests/parsing/test_parser_speedups.py compares with configured_parser)
    md.normalizeLink = fast_normalize_link(md.normalizeLink)  # type: ignore[method-assign]
    # markdown-it's link, image and reference rules call md.helpers.*: this instance gets its own namespace
    md.helpers = SimpleNamespace(**{name: getattr(helpers, name) for name in helpers.__all__})
    md.helpers.parseLinkDestination = fast_parse_link_destination(helpers.parseLinkDestination)
    md.core.ruler.at("normalize", normalize_line_endings_and_nul)
    return md


def normalize_line_endings_and_nul(state: StateCore) -> None:
    """markdown-it's ``normalize`` core rule (CR and CRLF to LF, NUL to U+FFFD), with ``str.replace``.

    markdown-it-py substitutes every line ending by regex, each LF by itself too: 3 % of the parse.
    """
    if "\r" in state.src:
        state.src = state.src.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in state.src:
        state.src = state.src.replace("\0", "\ufffd")


def configured_parser(mdx: bool) -> MarkdownIt:
    """markdown-it set up to read what Docusaurus reads, and to record what doclint needs."""
    md = MarkdownIt("commonmark", {"html": True, "inline_definitions": True})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.block.ruler.before(
        "fence",
        "container_directive",
        make_directive_rule(mdx),
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    if mdx:
        md.disable("code")  # MDX has no indented code blocks
        # nor HTML blocks: a JSX tag on its own line ends there, so a fence or heading right under it is one
        md.disable("html_block")
    for name, first_char in (
        ("link", "["),
        ("image", "!"),
        ("autolink", "<"),
        ("backticks", "`"),
        ("html_inline", "<"),
    ):
        _record_span(md, name, first_char)
    _record_footnote_calls(md)
    _track_current_block(md)
    return md


def parse(text: str, mdx: bool) -> list[Token]:
    return parser(mdx).parse(text, {})


def _record_span(md: MarkdownIt, rule_name: str, first_char: str) -> None:
    """Wrap an inline rule so that its first token remembers the source span it consumed.

    The rule is tried at every punctuation character; it can only match at ``first_char``, so elsewhere
    it is not even called (and the text it leaves pending is not split there).
    """
    original = _inline_rule(md, rule_name)

    def recording(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != first_char:
            return False
        if silent:
            return original(state, silent)
        if state.pending:
            state.pushPending()  # so that the rule's own first token is the one we annotate
        start, first = state.pos, len(state.tokens)
        matched = original(state, silent)
        if matched and not silent and len(state.tokens) > first:
            token = state.tokens[first]
            token.meta = {**(token.meta or {}), "span": (start, state.pos), "src": state.src}
        return matched

    md.inline.ruler.at(rule_name, recording)


def _record_footnote_calls(md: MarkdownIt) -> None:
    """Record resolved footnote calls with their span, and unresolved ``[^x]`` that stay literal text."""
    original = _inline_rule(md, "footnote_ref")

    def recording(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "[":
            return False  # where the rule cannot match
        if silent:
            return original(state, silent)
        if state.pending:
            state.pushPending()
        start, first = state.pos, len(state.tokens)
        matched = original(state, silent)
        if matched and len(state.tokens) > first:
            token = state.tokens[first]
            token.meta = {**(token.meta or {}), "span": (start, state.pos), "src": state.src}
        elif not matched and state.src.startswith("[^", start):
            call = _FOOTNOTE_CALL.match(state.src, start)
            block = state.env.get(CURRENT_BLOCK)
            if call and block is not None and not state.src.startswith(":", call.end()):
                block.meta.setdefault(UNRESOLVED_FOOTNOTES, []).append((call.group(1), start, call.end()))
        return matched

    md.inline.ruler.at("footnote_ref", recording)


def _track_current_block(md: MarkdownIt) -> None:
    """Run inline parsing block by block, telling the inline wrappers which block they are in."""

    def inline_with_block(state) -> None:  # type: ignore[no-untyped-def]
        for token in state.tokens:
            if token.type == "inline":
                token.meta = token.meta or {}
                state.env[CURRENT_BLOCK] = token
                state.md.inline.parse(token.content, state.md, state.env, token.children)
        state.env.pop(CURRENT_BLOCK, None)

    md.core.ruler.at("inline", inline_with_block)


def _inline_rule(md: MarkdownIt, name: str) -> Callable[[StateInline, bool], bool]:
    for rule in md.inline.ruler.__rules__:
        if rule.name == name:
            return rule.fn
    raise LookupError(f"markdown-it has no inline rule {name!r}")
