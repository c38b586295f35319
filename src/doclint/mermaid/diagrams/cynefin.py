"""The ``cynefin-beta`` diagram, modelled on mermaid's Langium grammar (CynefinGrammar in @mermaid-js/parser)::

Cynefin: NEWLINE* ("cynefin-beta" | "cynefin-beta:") NEWLINE*
         (TitleAndAccessibilities | DomainBlock | Transition | NEWLINE)*
DomainBlock: DOMAIN_NAME NEWLINE* (STRING NEWLINE*)*
Transition: DOMAIN_NAME "-->" DOMAIN_NAME (":" STRING)? EOL
terminal DOMAIN_NAME: "complex" | "complicated" | "clear" | "chaotic" | "confusion"
"""

from __future__ import annotations

import re

from doclint.mermaid.diagrams._common import (
    ACCESSIBILITY_TERMINALS,
    EOF,
    HIDDEN_NAMES,
    STRING,
    LangiumParseError,
    TokenStream,
    fail_at,
    keyword,
    langium_tokens,
    lex,
    raise_lexer_errors,
)
from doclint.mermaid.diagrams.info import parse_title_and_accessibilities

_KEYWORDS = (
    ("cynefin-beta:", re.compile(re.escape("cynefin-beta:"))),
    ("cynefin-beta", keyword("cynefin-beta")),
    ("-->", re.compile("-->")),
    (":", re.compile(":")),
)
_DOMAIN_NAME = ("DOMAIN_NAME", re.compile("complex|complicated|clear|chaotic|confusion"))
_TOKENS = langium_tokens(_KEYWORDS, (_DOMAIN_NAME, *ACCESSIBILITY_TERMINALS, ("STRING", STRING)))


def parse(text: str) -> None:
    tokens, errors = lex(text + "\n", _TOKENS, HIDDEN_NAMES)
    raise_lexer_errors(errors)
    stream = TokenStream(tokens)
    stream.skip("NEWLINE")
    stream.take("cynefin-beta", "cynefin-beta:")
    stream.skip("NEWLINE")
    while not stream.at(EOF):
        if stream.at("ACC_DESCR", "ACC_TITLE", "TITLE"):
            parse_title_and_accessibilities(stream)
        elif stream.at("DOMAIN_NAME") and stream.peek(1).kind == "-->":
            _transition(stream)
        elif stream.at("DOMAIN_NAME"):
            _domain_block(stream)
        elif stream.at("NEWLINE"):
            stream.take("NEWLINE")
        else:
            raise fail_at(stream.current, "a domain, a transition, a title or the end of the diagram")


def _domain_block(stream: TokenStream) -> None:
    stream.take("DOMAIN_NAME")
    stream.skip("NEWLINE")
    while stream.at("STRING"):
        stream.take("STRING")
        stream.skip("NEWLINE")


def _transition(stream: TokenStream) -> None:
    """When the transition does not parse, Chevrotain's prediction falls back to a domain block, so the error is
    reported at the arrow (as "expecting the end of the diagram")."""
    stream.take("DOMAIN_NAME")
    arrow = stream.take("-->")
    try:
        _transition_rest(stream)
    except LangiumParseError:
        raise fail_at(arrow, "the end of the diagram") from None


def _transition_rest(stream: TokenStream) -> None:
    stream.take("DOMAIN_NAME")
    if stream.at(":"):
        stream.take(":")
        stream.take("STRING")
    if not stream.at(EOF):
        stream.take("NEWLINE")
        stream.skip("NEWLINE")
