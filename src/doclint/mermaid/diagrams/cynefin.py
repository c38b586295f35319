"""The ``cynefin-beta`` diagram, modelled on mermaid's Langium grammar (CynefinGrammar in @mermaid-js/parser)::

Cynefin: NEWLINE* ("cynefin-beta" | "cynefin-beta:") NEWLINE*
         (TitleAndAccessibilities | DomainBlock | Transition | NEWLINE)*
DomainBlock: DOMAIN_NAME NEWLINE* (STRING NEWLINE*)*
Transition: DOMAIN_NAME "-->" DOMAIN_NAME (":" STRING)? EOL
terminal DOMAIN_NAME: "complex" | "complicated" | "clear" | "chaotic" | "confusion"
"""

from __future__ import annotations

from doclint.mermaid.diagrams._langium import (
    COMMON,
    COMMON_HIDDEN,
    EOF,
    TokenStream,
    grammar_lexer,
    open_stream,
    terminal,
    title_and_accessibility_rules,
)
from doclint.mermaid.diagrams.info import parse_title_and_accessibilities
from doclint.mermaid.model import MermaidSyntaxError

_LEXER = grammar_lexer(
    ["cynefin-beta:", "cynefin-beta", "-->", ":"],
    [
        COMMON["NEWLINE"],
        terminal("DOMAIN_NAME", "complex|complicated|clear|chaotic|confusion"),
        *title_and_accessibility_rules(),
        COMMON["STRING"],
        *COMMON_HIDDEN[1:],
    ],
    restricted=("cynefin-beta",),
)


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.skip("NEWLINE")
    stream.expect("cynefin-beta", "cynefin-beta:")
    stream.skip("NEWLINE")
    while not stream.at(EOF):
        if stream.at("ACC_DESCR", "ACC_TITLE", "TITLE"):
            parse_title_and_accessibilities(stream)
        elif stream.at("DOMAIN_NAME") and stream.peek(1).kind == "-->":
            _transition(stream)
        elif stream.at("DOMAIN_NAME"):
            _domain_block(stream)
        elif stream.at("NEWLINE"):
            stream.expect("NEWLINE")
        else:
            raise stream.error("a domain, a transition, a title or the end of the diagram")


def _domain_block(stream: TokenStream) -> None:
    stream.expect("DOMAIN_NAME")
    stream.skip("NEWLINE")
    while stream.at("STRING"):
        stream.expect("STRING")
        stream.skip("NEWLINE")


def _transition(stream: TokenStream) -> None:
    """When the transition does not parse, Chevrotain's prediction falls back to a domain block, so the error is
    reported at the arrow (as "expecting the end of the diagram")."""
    stream.expect("DOMAIN_NAME")
    arrow = stream.expect("-->")
    try:
        _transition_rest(stream)
    except MermaidSyntaxError:
        raise stream.error("the end of the diagram", arrow) from None


def _transition_rest(stream: TokenStream) -> None:
    stream.expect("DOMAIN_NAME")
    if stream.at(":"):
        stream.expect(":")
        stream.expect("STRING")
    if not stream.at(EOF):
        stream.expect("NEWLINE")
        stream.skip("NEWLINE")
