"""Reproduce what mermaid 12.3.0 does to a diagram's text before a diagram parser sees it.

Models ``preprocessDiagram`` (src/preprocess.ts) and ``Diagram.fromText`` (src/Diagram.ts):

1. ``cleanupText``: CR LF / CR become LF; inside ``<tag ...>`` double-quoted attribute values become single-quoted.
2. ``extractFrontMatter``: a ``---`` fenced YAML block at the very start (``matchFrontMatter`` in
   diagram-api/regexes.ts) is cut off and loaded with js-yaml's JSON schema; invalid YAML fails the whole parse.
3. ``removeDirectives``: every ``%%{...}%%`` directive (may span lines, may be unterminated) is deleted.
4. ``cleanupComments``: lines starting with ``%%`` (not ``%%{``) are deleted together with the blank lines and
   indentation before them; then leading whitespace of the whole text is trimmed.
5. ``encodeEntities``: ``#name;`` entities are encoded, and a trailing ``;`` is dropped from ``style``/``classDef``
   lines that hold a ``#`` colour.  mermaid then appends one ``\\n`` and hands the text to the diagram parser.

Every deletion is recorded so that a line of the parsed text can be mapped back to the line of the text as given.
JavaScript's notion of whitespace (``\\s``, ``trim``) differs from Python's, so it is spelled out here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# JavaScript's \s (ECMAScript WhiteSpace + LineTerminator); Python's \s differs (\x1c-\x1f, \x85 vs \ufeff).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_SPACE_CHARS = frozenset(
    "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200B)))
)
_LINE_BREAKS = "\n\r"
_JS_LINE_TERMINATORS = "\n\r\u2028\u2029"
_NOT_JS_LINE_END = "[^\n\r\u2028\u2029]"  # JavaScript's '.'

_TAG = re.compile(r"<([A-Za-z0-9_]+)([^>]*)>")
_QUOTED_ATTRIBUTE = re.compile(r'="([^"]*)"')
_DIRECTIVE = re.compile(
    rf"%%\{{[{JS_SPACE}]*(?:([A-Za-z0-9_]+)[{JS_SPACE}]*:|([A-Za-z0-9_]+))[{JS_SPACE}]*"
    rf"(?:([A-Za-z0-9_]+)|((?:(?!\}}%%){_NOT_JS_LINE_END}|\r?\n)*))?[{JS_SPACE}]*(?:\}}%%)?",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"#[A-Za-z0-9_]+;")
_INTEGER = re.compile(r"\+?[0-9]+")

# Diagrams whose db sets ``preserveCommentsWhenParsing``: they parse the text with its %% comment lines.
KEEPS_COMMENTS = frozenset({"agentflow", "eventmodeling"})
MAX_TEXT_SIZE = 50_000  # mermaid's default maxTextSize


def is_js_space(char: str) -> bool:
    return char in _JS_SPACE_CHARS


_JS_SPACE_STRING = "".join(sorted(_JS_SPACE_CHARS))


def js_trim_start(text: str) -> str:
    """JavaScript's String.prototype.trimStart."""
    return text.lstrip(_JS_SPACE_STRING)


def js_trim(text: str) -> str:
    """JavaScript's String.prototype.trim."""
    return text.strip(_JS_SPACE_STRING)


@dataclass(frozen=True)
class FrontMatter:
    """A fenced front-matter block found by mermaid's ``matchFrontMatter``."""

    indent: str
    body: str
    length: int  # characters of the text it covers, fences and trailing blank lines included
    body_start: int


def match_front_matter(text: str) -> FrontMatter | None:
    """mermaid's ``matchFrontMatter``: opening ``---`` (optionally indented) and the first matching closing fence
    followed by a line break, searching no further than the last such fence."""
    cursor = 0
    while cursor < len(text) and text[cursor] in _JS_SPACE_CHARS and text[cursor] not in _LINE_BREAKS:
        cursor += 1
    indent = text[:cursor]
    if not text.startswith("---", cursor):
        return None
    opening_ends = []
    index = cursor + 3
    while index < len(text) and text[index] in _JS_SPACE_CHARS:
        if text[index] in _LINE_BREAKS:
            opening_ends.append(index)
        index += 1
    if not opening_ends:
        return None
    fence = indent + "---"
    closing = [end for end in _closing_fences(text, fence, opening_ends[0] + 1)]
    if not closing:
        return None
    last_fence = closing[-1][0]
    opening_end = opening_ends[0]
    for candidate in opening_ends:
        if candidate < last_fence:
            opening_end = candidate
    body_start = opening_end + 1
    for fence_break, match_end in closing:
        if fence_break >= body_start:
            return FrontMatter(indent, text[body_start:fence_break], match_end + 1, body_start)
    return None


def _closing_fences(text: str, fence: str, start: int) -> list[tuple[int, int]]:
    """(index of the line break before a closing fence, index of the last line break after it) pairs."""
    found = []
    index = text.find("\n" + fence, max(start, 0))
    while index != -1:
        end = _last_line_break_in_space_run(text, index + 1 + len(fence))
        if end != -1:
            found.append((index, end))
        index = text.find("\n" + fence, index + 1)
    return found


def _last_line_break_in_space_run(text: str, start: int) -> int:
    found = -1
    index = start
    while index < len(text) and text[index] in _JS_SPACE_CHARS:
        if text[index] in _LINE_BREAKS:
            found = index
        index += 1
    return found


@dataclass
class _EditLog:
    """Deletions applied to the text, oldest first, to map positions back to the original text."""

    steps: list[list[tuple[int, int]]] = field(default_factory=list)

    def delete(self, text: str, spans: list[tuple[int, int]]) -> str:
        spans = [(start, end) for start, end in spans if end > start]
        if not spans:
            return text
        self.steps.append(spans)
        pieces = []
        previous = 0
        for start, end in spans:
            pieces.append(text[previous:start])
            previous = end
        pieces.append(text[previous:])
        return "".join(pieces)

    def delete_matches(self, text: str, pattern: re.Pattern[str]) -> str:
        return self.delete(text, [match.span() for match in pattern.finditer(text)])

    def original_offset(self, offset: int) -> int:
        for spans in reversed(self.steps):
            for start, end in spans:
                if start <= offset:
                    offset += end - start
                else:
                    break
        return offset


@dataclass(frozen=True)
class Preprocessed:
    """The text mermaid parses, and how to map its lines back to the lines of the text as given."""

    text: str  # mermaid's ``code.cleaned`` (front matter, directives and %% comment lines removed)
    with_comments: str = ""  # mermaid's ``code.withComments`` (only front matter and directives removed)
    front_matter_error: str | None = None
    front_matter_error_line: int | None = None  # line of the text as given
    normalized: str = ""
    _cleaned_log: _EditLog = field(default_factory=_EditLog, repr=False, compare=False)
    _comments_log: _EditLog = field(default_factory=_EditLog, repr=False, compare=False)

    def parser_text(self, diagram_type: str | None) -> str:
        """What that diagram's parser is given, without the newline mermaid appends."""
        return encode_entities(self.with_comments if self._keeps_comments(diagram_type) else self.text)

    def _keeps_comments(self, diagram_type: str | None) -> bool:
        # Diagram.fromText falls back to the comment-free text when the other exceeds maxTextSize
        return diagram_type in KEEPS_COMMENTS and len(self.with_comments) <= MAX_TEXT_SIZE

    @property
    def source_lines(self) -> tuple[int, ...]:
        """For each line of ``text``, its 1-based line in the text as given (kept from the first framework)."""
        return tuple(self.source_line(line) or line for line in range(1, self.text.count("\n") + 2))

    def source_line(self, line: int | None, diagram_type: str | None = None) -> int | None:
        """Map a 1-based line of the parsed text to the 1-based line of the text as given."""
        if line is None:
            return None
        keeps = self._keeps_comments(diagram_type)
        text, log = (self.with_comments, self._comments_log) if keeps else (self.text, self._cleaned_log)
        offset = _line_start(text, line)
        original = log.original_offset(offset)
        return self.normalized.count("\n", 0, original) + 1


def _line_start(text: str, line: int) -> int:
    """Offset of the start of a 1-based line; lines past the end map to the last line's start."""
    offset = 0
    for _ in range(max(line, 1) - 1):
        newline = text.find("\n", offset)
        if newline == -1 or newline == len(text) - 1:
            break
        offset = newline + 1
    return offset


def _comment_line_spans(text: str) -> list[tuple[int, int]]:
    """The matches of cleanupComments' ``/^\\s*%%(?!{)[^\\n]+\\n?/gm`` (JavaScript ``^`` and ``\\s``), found in
    linear time: from a line start, skip whitespace (line breaks included); a comment must begin there."""
    spans = []
    length = len(text)
    start = 0
    while start < length:
        first = start
        while first < length and text[first] in _JS_SPACE_CHARS:
            first += 1
        if text.startswith("%%", first) and first + 2 < length and text[first + 2] not in "{\n":
            end = text.find("\n", first + 2)
            end = length if end == -1 else end + 1
            spans.append((start, end))
            start = end
            continue
        # every line start up to ``first`` reaches the same non-space character: go past its line
        start = _next_line_start(text, first)
    return spans


def _next_line_start(text: str, position: int) -> int:
    for index in range(position, len(text)):
        if text[index] in _JS_LINE_TERMINATORS:
            return index + 1
    return len(text)


def cleanup_text(code: str) -> str:
    """mermaid's ``cleanupText``: LF line ends; ``attr="v"`` inside tags becomes ``attr='v'`` (same length)."""
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    if "<" not in code:
        return code
    return _TAG.sub(_single_quote_attributes, code)


def _single_quote_attributes(match: re.Match[str]) -> str:
    return "<" + match.group(1) + _QUOTED_ATTRIBUTE.sub(r"='\1'", match.group(2)) + ">"


def preprocess(text: str, load_yaml: Callable[[str], None] | None = None) -> Preprocessed:
    """Apply mermaid's preprocessing. ``load_yaml`` raises ``ValueError`` for front matter js-yaml rejects."""
    normalized = cleanup_text(text)
    cleaned_log = _EditLog()
    front_matter = match_front_matter(normalized)
    error: str | None = None
    error_line: int | None = None
    body = normalized
    if front_matter is not None:
        error, error_line = _check_front_matter(front_matter, normalized, load_yaml)
        body = cleaned_log.delete(normalized, [(0, front_matter.length)])
    if "%%{" in body:
        body = cleaned_log.delete_matches(body, _DIRECTIVE)
    comments_log = _EditLog(list(cleaned_log.steps))
    with_comments = body
    cleaned = cleaned_log.delete(body, _comment_line_spans(body)) if "%%" in body else body
    trimmed = js_trim_start(cleaned)
    cleaned = cleaned_log.delete(cleaned, [(0, len(cleaned) - len(trimmed))])
    return Preprocessed(cleaned, with_comments, error, error_line, normalized, cleaned_log, comments_log)


def _check_front_matter(
    front_matter: FrontMatter, normalized: str, load_yaml: Callable[[str], None] | None
) -> tuple[str | None, int | None]:
    if load_yaml is None:
        from doclint.mermaid.front_matter import load_front_matter as load_yaml
    body = front_matter.body
    if front_matter.indent:
        indent = front_matter.indent
        body = "\n".join(line.removeprefix(indent) for line in body.split("\n"))
    try:
        load_yaml(body)
    except ValueError as problem:
        body_line = getattr(problem, "line", None)
        first_body_line = normalized.count("\n", 0, front_matter.body_start) + 1
        line = first_body_line + body_line - 1 if isinstance(body_line, int) else first_body_line
        return f"Invalid YAML front matter: {problem}", line
    return None, None


def encode_entities(text: str) -> str:
    """mermaid's ``encodeEntities`` (utils.ts), applied to every diagram's text just before parsing."""
    if ";" not in text:
        return text
    if "style" in text:
        text = _drop_colour_semicolons(text, "style")
    if "classDef" in text:
        text = _drop_colour_semicolons(text, "classDef")
    if "#" in text:
        text = _ENTITY.sub(_encode_entity, text)
    return text


def _encode_entity(match: re.Match[str]) -> str:
    inner = match.group(0)[1:-1]
    return ("\ufb02\xb0\xb0" if _INTEGER.fullmatch(inner) else "\ufb02\xb0") + inner + "\xb6\xdf"


_LINE_SPLIT = re.compile(r"(\n|\r|\u2028|\u2029)")


def _drop_colour_semicolons(text: str, keyword: str) -> str:
    """``/keyword.*:\\S*#.*;/g`` with the match's last character removed, without regex backtracking:
    on a line, the leftmost ``keyword`` matches iff some ``:`` after it reaches a ``#`` through non-space
    characters and a ``;`` follows that ``#``; the match always ends at the line's last ``;``."""
    lines = _LINE_SPLIT.split(text)
    changed = False
    for index in range(0, len(lines), 2):
        line = lines[index]
        start = line.find(keyword)
        if start == -1:
            continue
        last_semicolon = line.rfind(";")
        if last_semicolon > start and _colour_before(line, start + len(keyword), last_semicolon):
            lines[index] = line[:last_semicolon] + line[last_semicolon + 1 :]
            changed = True
    return "".join(lines) if changed else text


def _colour_before(line: str, start: int, limit: int) -> bool:
    """Is there a ``:`` at or after ``start`` followed by non-space characters up to a ``#`` before ``limit``?"""
    colon = line.find(":", start)
    while colon != -1 and colon < limit:
        index = colon + 1
        while index < limit and line[index] not in _JS_SPACE_CHARS:
            if line[index] == "#":
                return True
            index += 1
        colon = line.find(":", index)  # colons inside the run just scanned reach the same dead end
    return False
