"""Ishikawa (fishbone) diagrams, modelled on mermaid 12.3.0's ``ishikawa.jison``.

The jison lexer (first matching rule wins, case-insensitive) cuts the text into::

    SPACELINE  \\s*%%.*            a comment, possibly after blank lines
    ISHIKAWA   ishikawa-beta\\b | ishikawa\\b   (anywhere a token starts!)
    SPACELINE  \\s+\\n              blanks ending in a line break (covers blank lines)
    NL         \\n+
    SPACELIST  \\s+                 indentation
    TEXT       [^\\n]+              the rest of the line

and the grammar is ``spaceLines? ISHIKAWA NL? (statement stop)+`` with
``statement: SPACELIST TEXT | TEXT | SPACELINE | SPACELIST`` and ``stop: (NL|EOF|SPACELINE) (NL|EOF)*``.
So almost any text is a valid node line; what fails is a diagram with no node, a node line that
starts with the word ``ishikawa``, or a blank line right after the keyword followed by a node (the
blank line is then a statement of its own and needs a line break before the next one).
Error lines follow jison: 1 + line breaks in the tokens shifted before the offending one.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import END, JisonLexer, Rule, TokenStream
from doclint.mermaid.diagrams._langium import JS_S, mermaid_input
from doclint.mermaid.model import MermaidSyntaxError

_LEXER = JisonLexer(
    [
        Rule(f"{JS_S}*%%[^\\n\\r\\u2028\\u2029]*", "SPACELINE"),
        Rule(
            r"(?ai:ishikawa-beta\b|ishikawa\b)", "ISHIKAWA"
        ),  # ASCII: JavaScript's `i` pairs no Kelvin sign with k
        Rule(f"{JS_S}+\\n", "SPACELINE"),
        Rule(r"\n+", "NL"),
        Rule(f"{JS_S}+", "SPACELIST"),
        Rule(r"[^\n]+", "TEXT"),
    ]
)
_STOPS = ("NL", END, "SPACELINE")


class _Parser:
    def __init__(self, text: str) -> None:
        self.stream = TokenStream(_LEXER.tokens(text))

    @property
    def kind(self) -> str:
        return self.stream.kind()

    def shift(self) -> None:
        self.stream.advance()

    def fail(self, expected: str) -> MermaidSyntaxError:
        found = {END: "end of input", "ISHIKAWA": "the `ishikawa` keyword"}.get(self.kind, "more text")
        return MermaidSyntaxError(f"ishikawa: expected {expected} but found {found}", self.stream.line)

    def parse(self) -> None:
        if self.kind == "SPACELINE":
            self.shift()
            while self.kind in ("SPACELINE", "NL"):
                self.shift()
        if self.kind != "ISHIKAWA":
            raise self.fail("`ishikawa` or `ishikawa-beta`")
        self.shift()
        if self.kind == "NL":
            self.shift()
        self.document()

    def document(self) -> None:
        self.statement(first=True)
        while True:
            if self.kind not in _STOPS:
                raise self.fail(
                    "a line break after the node (a blank line right after the keyword needs one too)"
                )
            reached_end = self.kind == END
            self.shift()
            while self.kind in ("NL", END) and not reached_end:
                reached_end = self.kind == END
                self.shift()
            if reached_end:
                return
            self.statement(first=False)

    def statement(self, *, first: bool) -> None:
        kind = self.kind
        if kind == "SPACELIST":
            self.shift()
            if self.kind == "TEXT":
                self.shift()
        elif kind in ("TEXT", "SPACELINE"):
            self.shift()
        else:
            what = "the effect (the first node)" if first else "a node"
            message = f"{what}; a node line may not start with the word `ishikawa`"
            raise self.fail(message if kind == "ISHIKAWA" else what)


def parse(text: str) -> None:
    _Parser(mermaid_input(text)).parse()
