"""Wardley maps (``wardley-beta``), modelled on mermaid 12.3.0's Langium ``wardley.langium`` grammar
(@mermaid-js/parser 2.0.1) and the checks mermaid's ``populateDb`` makes after parsing.

Statements, one a line (``EOL`` is one or more line breaks, or the end)::

    size [INT, INT]                          evolution Stage (-> Stage)+
    anchor Name [N, N]                       component Name [N, N] Label? (Strategy)? inertia?
    Name Port? Arrow? Name Port? ;label?     evolve Name N
    pipeline Name { NEWLINE+ (component Name [N] Label? EOL)+ }
    note "text" [N, N]                       annotations [C, C]      annotation INT, [C, C] "text"
    accelerator Name [N, N]                  deaccelerator Name [N, N]
    title ... / accTitle: ... / accDescr ...

where ``N`` is a decimal with a fraction (``0.5``; ``5`` is rejected), ``Name`` is a quoted string,
an identifier or a run of words, and a Stage is ``Name (@N)? (/ Name)?``.

The lexer decides much: the keyword terminals and the strategies (``build``, ``buy``,
``outsource``, ``market``) are tried before names, so a name *starting* with one of them is cut
in two; ``Title Foo`` is a name, not a title; ``#``, ``:``, ``.``, ``|`` and most punctuation are
not tokens at all. After parsing, mermaid rejects coordinates outside 0-1 / 0-100 and pipelines
whose parent is not a declared anchor or component.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from doclint.mermaid.diagrams._langium import (
    DIRECTIVE,
    ID,
    INT,
    SINGLE_LINE_COMMENT,
    STRING,
    YAML,
    Lexer,
    Token,
    TokenStream,
    keyword,
    mermaid_input,
    terminal,
    title_and_accessibility_rules,
)
from doclint.mermaid.model import MermaidSyntaxError

# populateDb passes, in order (pipelines and evolves come between notes and the annotations box)
_ANCHORS, _COMPONENTS, _NOTES, _ANNOTATIONS_BOX, _ANNOTATIONS, _ACCELERATORS, _DEACCELERATORS = range(7)
_NAME_KINDS = ("STRING", "ID", "NAME_WITH_SPACES")
_NAME_WORD = r"(?:[A-Za-z0-9_()&]|-(?!>))*"
_KEYWORD_TERMINALS = (
    ("KW_WARDLEY", "wardley-beta"),
    ("KW_SIZE", "size"),
    ("KW_EVOLUTION", "evolution"),
    ("KW_ANCHOR", "anchor"),
    ("KW_COMPONENT", "component"),
    ("KW_LABEL", "label"),
    ("KW_INERTIA", "inertia"),
    ("KW_EVOLVE", "evolve"),
    ("KW_PIPELINE", "pipeline"),
    ("KW_NOTE", "note"),
    ("KW_ANNOTATIONS", "annotations"),
    ("KW_ANNOTATION", "annotation"),
    ("KW_ACCELERATOR", "accelerator"),
    ("KW_DEACCELERATOR", "deaccelerator"),
)

_LEXER = Lexer(
    (
        *(keyword(symbol) for symbol in "[,]@/()"),
        keyword("-", longer_alt=("ARROW", "LINK_ARROW", "YAML")),
        keyword("{"),
        keyword("}"),
        terminal("WARDLEY_NUMBER", r"[0-9]+\.[0-9]+"),
        terminal("ARROW", r"->"),
        terminal("LINK_PORT", r"\+<>|\+>|\+<"),
        terminal("LINK_ARROW", r"-->|-\.->|>|\+'[^']*'<>|\+'[^']*'<|\+'[^']*'>"),
        terminal("LINK_LABEL", r";[^\n\r]+"),
        terminal("STRATEGY", r"build|buy|outsource|market"),
        *(terminal(name, word) for name, word in _KEYWORD_TERMINALS),
        terminal(
            "NAME_WITH_SPACES",
            rf"(?!title[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|accTitle|accDescr)"
            rf"[A-Za-z]{_NAME_WORD}(?:[ \t]+[A-Za-z(]{_NAME_WORD})*",
        ),
        terminal("WS", r"[ \t]+", skip=True),
        *title_and_accessibility_rules(),
        terminal("INT", INT),
        terminal("STRING", STRING),
        terminal("ID", ID),
        terminal("NEWLINE", r"\r?\n"),
        terminal("YAML", YAML, skip=True),
        terminal("DIRECTIVE", DIRECTIVE, skip=True),
        terminal("SINGLE_LINE_COMMENT", SINGLE_LINE_COMMENT, skip=True),
    )
)


@dataclass
class _Map:
    """What populateDb checks: coordinates and the components pipelines hang from."""

    nodes: set[str] = field(default_factory=set)
    # (populateDb pass, what, value, line): passes run anchors, components, notes, then pipelines
    # and evolves, then the annotations box, annotations, accelerators, deaccelerators
    coordinates: list[tuple[int, str, str, int]] = field(default_factory=list)
    pipelines: list[tuple[str, int, list[tuple[str, str, int]]]] = field(default_factory=list)
    evolves: list[tuple[str, str, int]] = field(default_factory=list)
    has_annotations_box: bool = False

    def add_point(self, rank: int, what: str, visibility: Token, evolution: Token) -> None:
        """toCoordinates checks the evolution (x) before the visibility (y)."""
        self.coordinates.append((rank, f"{what} evolution", evolution.text, evolution.line))
        self.coordinates.append((rank, f"{what} visibility", visibility.text, visibility.line))


def _name_value(token: Token) -> str:
    """Langium's value converter: quotes and backslash escapes go, other names stay as written."""
    if token.kind != "STRING":
        return token.text
    body, out, index = token.text[1:-1], [], 0
    escapes = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0"}
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            index += 1
            char = escapes.get(body[index], body[index])
        out.append(char)
        index += 1
    return "".join(out)


class _WardleyParser(TokenStream):
    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.map = _Map()

    def parse(self) -> _Map:
        while self.at("NEWLINE"):
            self.advance()
        self.expect("KW_WARDLEY", what="`wardley-beta`")
        statements = {
            "KW_SIZE": self.size,
            "KW_EVOLUTION": self.evolution,
            "KW_ANCHOR": self.anchor,
            "KW_COMPONENT": self.component,
            "KW_EVOLVE": self.evolve,
            "KW_PIPELINE": self.pipeline,
            "KW_NOTE": self.note,
            "KW_ANNOTATIONS": self.annotations,
            "KW_ANNOTATION": self.annotation,
            "KW_ACCELERATOR": self.accelerator,
            "KW_DEACCELERATOR": self.accelerator,
        }
        while True:
            kind = self.peek().kind
            if kind == "NEWLINE":
                self.advance()
            elif kind in ("ACC_DESCR", "ACC_TITLE", "TITLE"):
                self.advance()
                self.eol()
            elif kind in statements:
                statements[kind]()
            elif kind in _NAME_KINDS:
                self.link()
            else:
                break
        if not self.at("EOF"):
            raise self.error("a statement (component, anchor, a link `A -> B`, ...) or the end of the map")
        return self.map

    # -- pieces
    def eol(self) -> None:
        if self.at("EOF"):
            return
        self.expect("NEWLINE", what="the end of the line")
        while self.at("NEWLINE"):
            self.advance()

    def name(self, role: str = "a name") -> Token:
        return self.expect(*_NAME_KINDS, what=f"{role} (a quoted string, identifier or words)")

    def number(self, role: str) -> Token:
        return self.expect("WARDLEY_NUMBER", what=f"{role} as a decimal number like 0.5")

    def position(self, rank: int, what: str) -> None:
        """``[visibility, evolution]``."""
        self.expect("[", what="`[`")
        visibility = self.number("the visibility")
        self.expect(",", what="`,`")
        evolution = self.number("the evolution")
        self.expect("]", what="`]`")
        self.map.add_point(rank, what, visibility, evolution)

    def label(self) -> None:
        self.advance()
        self.expect("[", what="`[` after `label`")
        if self.at("-"):
            self.advance()
        self.expect("INT", what="a whole-number x offset")
        self.expect(",", what="`,`")
        if self.at("-"):
            self.advance()
        self.expect("INT", what="a whole-number y offset")
        self.expect("]", what="`]`")

    # -- statements
    def size(self) -> None:
        self.advance()
        self.expect("[", what="`[` after `size`")
        self.expect("INT", what="a whole-number width")
        self.expect(",", what="`,`")
        self.expect("INT", what="a whole-number height")
        self.expect("]", what="`]`")
        self.eol()

    def evolution(self) -> None:
        self.advance()
        self.stage()
        self.expect("ARROW", what="`->` between evolution stages")
        self.stage()
        while self.at("ARROW"):
            self.advance()
            self.stage()
        self.eol()

    def stage(self) -> None:
        self.name("a stage name")
        if self.at("@"):
            self.advance()
            self.number("the stage boundary")
        if self.at("/"):
            self.advance()
            self.name("a second stage name")

    def anchor(self) -> None:
        self.advance()
        name = self.name("an anchor name")
        self.position(_ANCHORS, f'Anchor "{_name_value(name)}"')
        self.map.nodes.add(_name_value(name))
        self.eol()

    def component(self) -> None:
        self.advance()
        name = self.name("a component name")
        self.position(_COMPONENTS, f'Component "{_name_value(name)}"')
        self.map.nodes.add(_name_value(name))
        if self.at("KW_LABEL"):
            self.label()
        if self.at("(") and self.kind(1) == "STRATEGY":
            self.advance()
            self.advance()
            self.expect(")", what="`)`")
        if self.at("KW_INERTIA"):
            self.advance()
        elif self.at("("):
            self.advance()
            self.expect("KW_INERTIA", what="`inertia` or a strategy (build, buy, outsource, market)")
            self.expect(")", what="`)`")
        self.eol()

    def link(self) -> None:
        self.advance()
        if self.at("LINK_PORT"):
            self.advance()
        if self.at("LINK_ARROW", "ARROW"):
            self.advance()
        self.name("the target of the link")
        if self.at("LINK_PORT"):
            self.advance()
        if self.at("LINK_LABEL"):
            self.advance()
        self.eol()

    def evolve(self) -> None:
        self.advance()
        name = self.name("the component to evolve")
        target = self.number("the evolution target")
        self.map.evolves.append((_name_value(name), target.text, target.line))
        self.eol()

    def pipeline(self) -> None:
        start = self.advance()
        parent = _name_value(self.name("the pipeline's parent component"))
        self.expect("{", what="`{` to open the pipeline")
        self.expect("NEWLINE", what="a line break after `{`")
        while self.at("NEWLINE"):
            self.advance()
        components: list[tuple[str, str, int]] = []
        while True:
            self.expect("KW_COMPONENT", what="`component` (a pipeline holds at least one)")
            name = _name_value(self.name("a component name"))
            self.expect("[", what="`[`")
            evolution = self.number("the evolution")
            self.expect("]", what="`]` (a pipeline component has only an evolution)")
            if self.at("KW_LABEL"):
                self.label()
            self.eol()
            components.append((name, evolution.text, evolution.line))
            if not self.at("KW_COMPONENT"):
                break
        self.expect("}", what="`}` to close the pipeline")
        self.eol()
        self.map.pipelines.append((parent, start.line, components))

    def note(self) -> None:
        self.advance()
        text = self.expect("STRING", what="the note text in quotes")
        self.position(_NOTES, f'Note "{_name_value(text)}"')
        self.eol()

    def coordinate_pair(self) -> tuple[Token, Token]:
        self.expect("[", what="`[`")
        x = self.expect("WARDLEY_NUMBER", "INT", what="a number")
        self.expect(",", what="`,`")
        y = self.expect("WARDLEY_NUMBER", "INT", what="a number")
        self.expect("]", what="`]`")
        return x, y

    def annotations(self) -> None:
        self.advance()
        x, y = self.coordinate_pair()
        if not self.map.has_annotations_box:  # mermaid only places the first annotations box
            self.map.has_annotations_box = True
            self.map.add_point(_ANNOTATIONS_BOX, "Annotations box", x, y)
        self.eol()

    def annotation(self) -> None:
        self.advance()
        number = self.expect("INT", what="the annotation number")
        self.expect(",", what="`,` after the annotation number")
        x, y = self.coordinate_pair()
        self.map.add_point(_ANNOTATIONS, f"Annotation {number.text}", x, y)
        self.expect("STRING", what="the annotation text in quotes")
        self.eol()

    def accelerator(self) -> None:
        keyword_token = self.advance()
        accelerates = keyword_token.kind == "KW_ACCELERATOR"
        what = "Accelerator" if accelerates else "Deaccelerator"
        name = self.name(f"the {what.lower()} name")
        self.expect("[", what="`[`")
        x = self.number("x")
        self.expect(",", what="`,`")
        y = self.number("y")
        self.expect("]", what="`]`")
        self.map.add_point(
            _ACCELERATORS if accelerates else _DEACCELERATORS, f'{what} "{_name_value(name)}"', x, y
        )
        self.eol()


def _check_percent(what: str, value: str, line: int) -> None:
    """mermaid's toPercent: a value up to 1 is a fraction, otherwise a percentage up to 100."""
    number = float(value)
    percent = number * 100 if number <= 1 else number
    if percent < 0 or percent > 100:
        raise MermaidSyntaxError(
            f"{what} must be between 0-1 (decimal) or 0-100 (percentage), got {value}", line
        )


def _check_map(wardley: _Map) -> None:
    """populateDb's order: anchors, components, notes, pipelines, evolves, annotations, accelerators."""
    points = sorted(wardley.coordinates, key=lambda point: point[0])
    for rank, what, value, line in points:
        if rank < _ANNOTATIONS_BOX:
            _check_percent(what, value, line)
    nodes = set(wardley.nodes)
    for parent, line, components in wardley.pipelines:
        if parent not in nodes:
            raise MermaidSyntaxError(
                f'pipeline "{parent}" must belong to a component or anchor declared with coordinates', line
            )
        for name, evolution, component_line in components:
            nodes.add(f"{parent}_{name}")
            _check_percent(f'Pipeline component "{name}" evolution', evolution, component_line)
    for name, target, line in wardley.evolves:
        if name in nodes:
            _check_percent(f'Evolve target for "{name}"', target, line)
    for rank, what, value, line in points:
        if rank >= _ANNOTATIONS_BOX:
            _check_percent(what, value, line)


def parse(text: str) -> None:
    wardley = _WardleyParser(_LEXER.tokens_or_raise(mermaid_input(text))).parse()
    _check_map(wardley)
