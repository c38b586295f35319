"""Tree views (``treeView-beta``), modelled on mermaid 12.3.0's Langium ``treeView.langium`` grammar
(as shipped in @mermaid-js/parser 2.0.1) and mermaid's box-drawing preprocessor.

Grammar: ``"treeView-beta" (ACC_DESCR | ACC_TITLE | TITLE)* TreeNode*`` with
``TreeNode: INDENTATION? (QUOTED_NAME | BARE_NAME) (CLASS | ICON | DESC annotation)*``.
``INDENTATION`` is tried before the hidden whitespace terminal, so *every* run of blanks is an
indentation token: trailing blanks after a quoted name indent the next node, and blanks at the end
of the diagram, or two runs in a row, leave an indentation with no node (a parse error).

If a node line uses box-drawing characters (``├──``, ``└──``, ``│``), mermaid first rewrites
the tree into indentation and reports errors at the original lines; an empty branch or an indented
line without box characters is rejected by that preprocessor.
"""

from __future__ import annotations

import math
import re

from doclint.mermaid.diagrams._langium import (
    JS_S,
    JS_SPACE,
    Lexer,
    TokenStream,
    keyword,
    mermaid_input,
    terminal,
    title_and_accessibility_rules,
)
from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import js_trim

_KEYWORD = "treeView-beta"
_NAMES = ("QUOTED_NAME", "BARE_NAME")
_ANNOTATIONS = ("CLASS_ANNOTATION", "ICON_ANNOTATION", "DESC_ANNOTATION")
_HEADER = ("ACC_DESCR", "ACC_TITLE", "TITLE")

_LEXER = Lexer(
    (
        keyword(_KEYWORD, longer_alt=("BARE_NAME",), restricted=True),
        *title_and_accessibility_rules(),
        terminal("CLASS_ANNOTATION", r"[ \t]+:::[ \t]*[A-Za-z_][-A-Za-z0-9_]*"),
        terminal("ICON_ANNOTATION", r"[ \t]+icon\([-A-Za-z0-9_]*(?::[-A-Za-z0-9_]+)?\)"),
        terminal("DESC_ANNOTATION", r"[ \t]+##[^\n\r]*"),
        terminal("INDENTATION", r"[ \t]+"),
        terminal("QUOTED_NAME", r"\"[^\"]*\"|'[^']*'"),
        terminal("ML_COMMENT", r"%%[^\n]*", skip=True),
        terminal("NL", r"\r?\n", skip=True),
        # BARE_NAME: /(?!:::|icon\(|##)[^ \t\n\r"'](?:(?![ \t]+:::[ \t]*[A-Za-z_]|[ \t]+icon\(|[ \t]+##)[^\n\r])*/,
        # rewritten so a run of blanks is looked at once (the original is quadratic in the run's length):
        # a name goes on through blanks unless they lead to an annotation.
        terminal(
            "BARE_NAME",
            r"(?!:::|icon\(|##)[^ \t\n\r\"'](?:[^ \t\n\r]|[ \t]+(?![ \t]|:::[ \t]*[A-Za-z_]|icon\(|##))*",
        ),
    )
)
# -- mermaid's boxDrawingPreprocessor
_BOX_CHARS = re.compile("[─━│┃└┗├┣]")
_BRANCH_CHAR = re.compile("[└┗├┣]")
_DASH_CHARS = "─━"
_DECORATION_ONLY = re.compile(f"^[{JS_SPACE}│┃]+$")
_METADATA_LINE = re.compile(f"^{JS_S}*" + r"(?:title[\t ]|accTitle[\t ]*:|accDescr[\t ]*[:{])")
_COMMENT_LINE = re.compile(f"^{JS_S}*%%")
_BOX_ONLY = re.compile(f"^[{JS_SPACE}─━│┃└┗├┣]+$")
_INDENT_UNIT = "    "
_LEADING_SPACE = re.compile(JS_S)
_TRAILING_SPACE = re.compile(f"{JS_S}+$")


def _is_plain_line(line: str) -> bool:
    """Blank, comment and title/accessibility lines, which box-drawing rewriting leaves alone."""
    return js_trim(line) == "" or bool(_COMMENT_LINE.match(line) or _METADATA_LINE.match(line))


def _segment_width(content_lines: list[str]) -> int:
    for line in content_lines:
        branch = _BRANCH_CHAR.search(line)
        if branch and branch.start() > 0:
            return branch.start()
    return 4


def preprocess_box_drawing(text: str) -> tuple[str, dict[int, int]]:
    """The text the Langium parser sees and a map from its lines to the original lines (empty if
    the tree does not use box-drawing characters)."""
    lines = text.split("\n")
    keyword_index = next((i for i, line in enumerate(lines) if js_trim(line) == _KEYWORD), -1)
    if keyword_index < 0:
        return text, {}
    content = [
        line.replace("\t", _INDENT_UNIT)
        for line in lines[keyword_index + 1 :]
        if not _is_plain_line(line) and not _DECORATION_ONLY.match(line)
    ]
    if not any(_BOX_CHARS.search(line) for line in content):
        return text, {}
    width = _segment_width(content)
    output = lines[: keyword_index + 1]
    line_map = {number: number for number in range(1, keyword_index + 2)}
    for index in range(keyword_index + 1, len(lines)):
        rewritten = _rewrite_line(lines[index], index + 1, width)
        if rewritten is not None:
            output.append(rewritten)
            line_map[len(output)] = index + 1
    return "\n".join(output), line_map


def _rewrite_line(line: str, number: int, width: int) -> str | None:
    """One line of a box-drawing tree as an indented node line (None drops the line)."""
    if _is_plain_line(line):
        return line
    if _DECORATION_ONLY.match(line):
        return None
    normalized = line.replace("\t", _INDENT_UNIT)
    branch = _BRANCH_CHAR.search(normalized)
    if branch is not None:
        depth = math.floor(branch.start() / width + 0.5) + 1  # Math.round
        pos = branch.start() + 1
        while pos < len(normalized) and normalized[pos] in _DASH_CHARS:
            pos += 1
        while pos < len(normalized) and normalized[pos] == " ":
            pos += 1
        name = _TRAILING_SPACE.sub("", normalized[pos:])  # trimEnd
        if not name:
            raise MermaidSyntaxError(
                f"empty node on line {number}: expected a file or directory name after the box-drawing prefix",
                number,
            )
        return _INDENT_UNIT * depth + name
    if _BOX_ONLY.match(normalized):
        return None
    if _BOX_CHARS.search(normalized):
        return line
    if _LEADING_SPACE.match(normalized):
        raise MermaidSyntaxError(
            f"line {number} is indented without box-drawing characters; "
            "in a box-drawing tree, indent nodes with ├── or └── prefixes",
            number,
        )
    return line


class _TreeViewParser(TokenStream):
    def parse(self) -> None:
        self.expect(_KEYWORD, what=f"`{_KEYWORD}` alone on the first line")
        while self.at(*_HEADER):
            self.advance()
        while self.at("INDENTATION", *_NAMES):
            indentation = self.peek() if self.at("INDENTATION") else None
            if indentation is not None:
                self.advance()
            if not self.at(*_NAMES):
                raise self.error("a node name after the indentation (blanks must be followed by a name)")
            self.advance()
            while self.at(*_ANNOTATIONS):
                self.advance()
        if not self.at("EOF"):
            raise self.error(
                "a node (quoted or bare name); title and accessibility lines go before the first node"
            )


def parse(text: str) -> None:
    source, line_map = preprocess_box_drawing(mermaid_input(text))
    try:
        _TreeViewParser(_LEXER.tokens_or_raise(source)).parse()
    except MermaidSyntaxError as error:
        if error.line is not None and line_map:
            error.line = line_map.get(error.line, error.line)
        raise
