"""One pass over a file compiled as MDX that finds what the MDX parser (micromark's mdx extensions) chokes on.

It reads ``Document.masked_text``, where code spans, code blocks and front matter are already blanked, and
models just enough of MDX: ESM blocks (``import``/``export`` at the start of a top-level paragraph, up to
the next blank line), ``{expressions}`` (JavaScript-aware brace matching, no blank line inside), JSX tags
(names, attributes, ``/>``) and how tags must nest: tags alone on their lines are flow elements that may
span blocks, tags amid text must close within their paragraph. Every finding is a ``Hazard``; the MDX
rules each report one kind. Behaviour was calibrated against the Docusaurus 3.10.2 compiler.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from doclint.document import Document, blank_spans

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Names an MDX page may use without defining them: the props of the page, JavaScript's own globals.
PREDEFINED_NAMES = frozenset(
    {
        "props",
        "undefined",
        "null",
        "true",
        "false",
        "NaN",
        "Infinity",
        "Math",
        "JSON",
        "Date",
        "Number",
        "String",
        "Object",
        "Array",
        "Boolean",
        "Symbol",
        "Intl",
        "Promise",
        "RegExp",
        "Map",
        "Set",
        "console",
        "globalThis",
        "window",
        "document",
        "encodeURIComponent",
        "decodeURIComponent",
        "parseInt",
        "parseFloat",
    }
)
_IMPORT = re.compile(
    r"""import\s+(?:type\s+)?(?:(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\{[^{}]*\})?\s*from\s*)?(["'])[^"'\n]*\1\s*;?\s*"""
)
_EXPORT = re.compile(r"export\s+(?:default|const|let|var|function|async|class|type|interface|\{|\*)")
# Searched in the text behind a newline ("\n" + text): a match starts at the newline before its line, which
# is the line's offset in the text. The literal first character lets the regex engine jump from newline to
# newline; "^" with re.MULTILINE would try every character.
_ESM_LINE = re.compile(r"\n(?:import|export)[ \t]")
_IMPORTED_NAMES = re.compile(
    r"import\s+(?:type\s+)?(?P<default>[\w$]+)?\s*,?\s*(?:\*\s*as\s+(?P<ns>[\w$]+)|\{(?P<named>[^{}]*)\})?"
)
_EXPORTED_NAME = re.compile(
    r"export\s+(?:const|let|var|function\*?|async\s+function|class)\s+(?P<name>[\w$]+)"
)
_FREE_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*")
_ATX_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_DIRECTIVE_OPENER = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?:{3,}[A-Za-z]")
_HEADING_ID = re.compile(r"\{#[^}]*\}")
_BLOCK_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*(?P<marker>(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?")
_TAG_NAME = re.compile(r"[^\W\d][\w$.:-]*", re.UNICODE)
_INTERESTING = re.compile(r"[\\\]{<]")
_PARENTHESIS_OR_NEWLINE = re.compile(r"[()\n]")
_ATTRIBUTE_NAME = re.compile(r"[^\W\d][\w$:-]*", re.UNICODE)
_UNQUOTED_VALUE = re.compile(r"[^\s/>]+")


@dataclass(frozen=True)
class Hazard:
    kind: str  # comment, unbalanced-brace, free-name, bad-less-than, void-tag, autolink, unquoted-attribute,
    # mismatched-tag, esm-in-prose
    start: int  # character offsets in the document text
    end: int
    text: str  # the offending source
    detail: str = ""  # a tag name, the expected closing tag, the free name...


@dataclass
class _Tag:
    name: str  # "" for a fragment
    start: int
    end: int
    closing: bool
    self_closing: bool
    flow: bool
    block: int


@dataclass
class MdxScan:
    hazards: list[Hazard] = field(default_factory=list)
    defined_names: set[str] = field(default_factory=set)

    def of_kind(self, kind: str) -> list[Hazard]:
        return [hazard for hazard in self.hazards if hazard.kind == kind]


_last_scan: tuple[Document, MdxScan] | None = None


def scan(document: Document) -> MdxScan:
    """The MDX hazards of ``document`` (scanned once, shared by the MDX rules run on it)."""
    global _last_scan
    if _last_scan is not None and _last_scan[0] is document:
        return _last_scan[1]
    result = _Scanner(document).run()
    _last_scan = (document, result)
    return result


class _Scanner:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = _blank_code_spans(document.masked_text)
        self.settings = document.settings
        self.result = MdxScan()
        self.tags: list[_Tag] = []
        self.skip: list[tuple[int, int]] = []
        self.skip_starts: list[int] = []
        # most pages have no code span left to blank: then their masked lines, split once, are shared
        self.lines = document.masked_lines if self.text is document.masked_text else self.text.split("\n")
        self.line_starts = document.source.line_starts  # blanking keeps every newline where it was

    @cached_property
    def blocks(self) -> list[int]:
        """Each line's block number, needed only by a page with tags."""
        return _block_numbers(self.lines)

    def run(self) -> MdxScan:
        self._esm_blocks()
        self._skip_line_constructs()
        self._walk()
        self._match_tags()
        self.result.hazards.sort(key=lambda hazard: hazard.start)
        return self.result

    # -- what is not Markdown text ----------------------------------------------------------------
    def _esm_blocks(self) -> None:
        # a line inside a block has a non-blank line above it, so no candidate starts inside an earlier block
        for candidate in _ESM_LINE.finditer("\n" + self.text):
            index = self._line_of(candidate.start())
            if index > 0 and self.lines[index - 1].strip():
                continue  # not the start of a paragraph
            end = index
            while end + 1 < len(self.lines) and self.lines[end + 1].strip():
                end += 1
            start_offset = self.line_starts[index]
            end_offset = self.line_starts[end] + len(self.lines[end])
            block = self.text[start_offset:end_offset]
            self.skip.append((start_offset, end_offset))
            if _is_esm(block):
                self._collect_names(block)
            else:
                first_line = self.lines[index]
                self.result.hazards.append(
                    Hazard("esm-in-prose", start_offset, start_offset + len(first_line), first_line.strip())
                )

    def _collect_names(self, block: str) -> None:
        for match in _IMPORTED_NAMES.finditer(block):
            for group in ("default", "ns"):
                if match[group]:
                    self.result.defined_names.add(match[group])
            for item in (match["named"] or "").split(","):
                words = item.split()
                if words:
                    self.result.defined_names.add(words[-1])
        for match in _EXPORTED_NAME.finditer(block):
            self.result.defined_names.add(match["name"])

    def _skip_line_constructs(self) -> None:
        """Code fence lines (their info string is code too), directive openers (ADM007 owns their labels)
        and heading ids (the HID rules own them)."""
        for fence in self.document.fences:
            for number in (fence.line, fence.end_line) if fence.closed else (fence.line,):
                start = self.line_starts[number - 1]
                self.skip.append((start, start + len(self.lines[number - 1])))
        for number, line in enumerate(self.lines):
            start = self.line_starts[number]
            if ":::" in line and _DIRECTIVE_OPENER.match(line):
                self.skip.append((start, start + len(line)))
            elif "#" in line and _ATX_HEADING.match(line):
                for match in _HEADING_ID.finditer(line):
                    self.skip.append((start + match.start(), start + match.end()))

    def _skipped(self, offset: int) -> int | None:
        """The end of the skipped range holding ``offset``, if any (ranges sorted by start)."""
        index = bisect.bisect_right(self.skip_starts, offset) - 1
        for candidate in (index, index - 1):
            if candidate >= 0 and self.skip[candidate][0] <= offset < self.skip[candidate][1]:
                return self.skip[candidate][1]
        return None

    # -- the walk -----------------------------------------------------------------------------------
    def _walk(self) -> None:
        text = self.text
        self.skip.sort()
        self.skip_starts = [start for start, _ in self.skip]
        position = 0
        while True:
            found = _INTERESTING.search(text, position)
            if found is None:
                return
            position = found.start()
            resume = self._skipped(position)
            if resume is not None:
                position = resume
                continue
            char = text[position]
            if char == "\\":
                position += 2
            elif char == "]":
                position = (
                    self._link_destination(position + 2) if text.startswith("](", position) else position + 1
                )
            elif char == "{":
                position = self._expression(position)
            else:
                position = self._less_than(position)

    def _link_destination(self, position: int) -> int:
        """Braces and angle brackets in `[text](destination)` belong to the destination."""
        depth = 1
        for found in _PARENTHESIS_OR_NEWLINE.finditer(self.text, position):
            char = found.group()
            if char == "\n":
                return found.start()
            depth += 1 if char == "(" else -1
            if depth == 0:
                return found.end()
        return len(self.text)

    def _expression(self, start: int) -> int:
        end = _matching_brace(self.text, start)
        if end is None:
            line_end = self.text.find("\n", start)
            line_end = len(self.text) if line_end == -1 else line_end
            self.result.hazards.append(
                Hazard("unbalanced-brace", start, start + 1, self.text[start:line_end].strip())
            )
            return start + 1
        content = self.text[start + 1 : end]
        if _not_javascript(content):
            self.result.hazards.append(
                Hazard("invalid-expression", start, end + 1, self.text[start : end + 1])
            )
            return end + 1
        name = _free_name(content)
        root = name.split(".")[0] if name is not None else None
        if root is not None and root not in PREDEFINED_NAMES and root not in self.result.defined_names:
            self.result.hazards.append(Hazard("free-name", start, end + 1, self.text[start : end + 1], name))
        return end + 1

    def _less_than(self, start: int) -> int:
        text = self.text
        following = text[start + 1] if start + 1 < len(text) else "\n"
        if text.startswith("<!--", start):
            return self._comment(start)
        if following in " \t\n":
            if not text[start + 1 :].strip():
                self.result.hazards.append(
                    Hazard("bad-less-than", start, start + 1, "<")
                )  # `<` ending the file
            return start + 1  # `x < 5`: text
        if following == "/":
            return self._tag(start, closing=True)
        if following == ">":
            self.tags.append(self._new_tag("", start, start + 2, closing=False, self_closing=False))
            return start + 2
        if _TAG_NAME.match(text, start + 1):
            return self._tag(start, closing=False)
        self.result.hazards.append(Hazard("bad-less-than", start, start + 2, text[start : start + 2]))
        return start + 1

    def _comment(self, start: int) -> int:
        close = self.text.find("-->", start + 4)
        end = len(self.text) if close == -1 else close + 3
        if not self.settings.mdx1_compat.comments:
            self.result.hazards.append(Hazard("comment", start, end, self.text[start:end]))
        return end

    def _tag(self, start: int, closing: bool) -> int:
        text = self.text
        position = start + (2 if closing else 1)
        if closing and text.startswith(">", position):
            self.tags.append(self._new_tag("", start, position + 1, closing=True, self_closing=False))
            return position + 1
        name_match = _TAG_NAME.match(text, position)
        if name_match is None:
            self.result.hazards.append(
                Hazard("bad-less-than", start, position + 1, text[start : position + 1])
            )
            return position
        name = name_match.group(0)
        position = name_match.end()
        after = text[position : position + 2]
        if (name.endswith(":") and after.startswith("//")) or after[:1] == "@" or "@" in name:
            end = text.find(">", position)
            end = position if end == -1 else end + 1
            self.result.hazards.append(
                Hazard("autolink", start, end, text[start:end], text[start + 1 : end - 1])
            )
            return end
        end = self._attributes(position)
        if end is None:
            line_end = text.find("\n", start)
            self.result.hazards.append(
                Hazard(
                    "bad-less-than",
                    start,
                    line_end if line_end != -1 else len(text),
                    text[start:line_end],
                    name,
                )
            )
            return position
        self_closing = text[start : end - 1].rstrip().endswith("/")
        self.tags.append(self._new_tag(name, start, end, closing=closing, self_closing=self_closing))
        return end

    def _attributes(self, position: int) -> int | None:
        """Past the tag's `>` (or `/>`), recording unquoted values; None when the tag never ends."""
        text = self.text
        while position < len(text):
            char = text[position]
            if char == ">":
                return position + 1
            if char == "/" and text.startswith("/>", position):
                return position + 2
            if char in " \t\n/":
                if char == "\n" and position + 1 < len(text) and text[position + 1] == "\n":
                    return None  # a blank line ends the paragraph the tag is in
                position += 1
            elif char == "{":
                end = _matching_brace(text, position)
                if end is None:
                    return None
                position = end + 1
            elif char == "=":
                position = self._attribute_value(position + 1)
                if position < 0:
                    return None
            else:
                name = _ATTRIBUTE_NAME.match(text, position)
                if name is None:
                    return None
                position = name.end()
        return None

    def _attribute_value(self, position: int) -> int:
        text = self.text
        while position < len(text) and text[position] in " \t":
            position += 1
        if position >= len(text):
            return -1
        char = text[position]
        if char in "\"'":
            close = text.find(char, position + 1)
            return -1 if close == -1 else close + 1
        if char == "{":
            end = _matching_brace(text, position)
            return -1 if end is None else end + 1
        value = _UNQUOTED_VALUE.match(text, position)
        length = len(value.group(0)) if value else 1
        self.result.hazards.append(
            Hazard("unquoted-attribute", position, position + length, text[position : position + length])
        )
        return position + length

    def _new_tag(self, name: str, start: int, end: int, closing: bool, self_closing: bool) -> _Tag:
        first = self._line_of(start)
        return _Tag(name, start, end, closing, self_closing, flow=False, block=self.blocks[first])

    def _classify_flow(self) -> None:
        """Tags whose lines hold nothing but tags (and expressions) are flow elements, the others inline.

        Tags sharing a line form one group (a tag spanning lines joins the groups of its lines).
        """
        groups: list[list[_Tag]] = []
        group_last_line = -1
        for tag in self.tags:
            first, last = self._line_of(tag.start), self._line_of(max(tag.end - 1, tag.start))
            if groups and first <= group_last_line:
                groups[-1].append(tag)
                group_last_line = max(group_last_line, last)
            else:
                groups.append([tag])
                group_last_line = last
        for group in groups:
            first = self._line_of(group[0].start)
            last = max(self._line_of(max(tag.end - 1, tag.start)) for tag in group)
            start, end = self.line_starts[first], self.line_starts[last] + len(self.lines[last])
            pieces, cursor = [], start
            for tag in group:
                pieces.append(self.text[cursor : tag.start])
                cursor = tag.end
            pieces.append(self.text[cursor:end])
            flow = all(_only_tags(piece) for piece in "\n".join(pieces).split("\n"))
            for tag in group:
                tag.flow = flow

    def _line_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.line_starts, offset) - 1, 0)

    # -- nesting ------------------------------------------------------------------------------------
    def _match_tags(self) -> None:
        self._classify_flow()
        flow_stack: list[_Tag] = []
        inline_stack: list[_Tag] = []
        block = None
        for tag in self.tags:
            if tag.block != block:
                self._unclosed(inline_stack, "before the end of its paragraph")
                inline_stack = []
                block = tag.block
            if tag.self_closing:
                continue
            stack = flow_stack if tag.flow else inline_stack
            if not tag.closing:
                stack.append(tag)
                continue
            if stack and stack[-1].name == tag.name:
                stack.pop()
                continue
            expected = f"</{stack[-1].name}>" if stack else "no open tag here"
            self.result.hazards.append(
                Hazard("mismatched-tag", tag.start, tag.end, self.text[tag.start : tag.end], expected)
            )
            if stack:
                stack.pop()  # one mistake, one report: take the closer as meant for the innermost open tag
        self._unclosed(inline_stack, "before the end of its paragraph")
        self._unclosed(flow_stack, "before the end of the file")

    def _unclosed(self, stack: list[_Tag], where: str) -> None:
        for tag in stack:
            kind = "void-tag" if tag.name.lower() in VOID_ELEMENTS else "mismatched-tag"
            self.result.hazards.append(
                Hazard(kind, tag.start, tag.end, self.text[tag.start : tag.end], where)
            )


# "``*" and not "`+": a literal first character lets the regex engine skip ahead to the next backtick
_BACKTICKS = re.compile(r"``*")


def _blank_code_spans(text: str) -> str:
    """Blank the code spans the Document could not place (in link and image text): a run of backticks
    up to the next run of the same length in the same paragraph, as CommonMark pairs them."""
    if "`" not in text:
        return text
    spans: list[tuple[int, int]] = []
    paragraph: list[re.Match[str]] = []  # the runs of the paragraph being read
    for run in _BACKTICKS.finditer(text):
        if run.start() > 0 and text[run.start() - 1] == "\\":
            continue  # an escaped run is text
        if paragraph and text.find("\n\n", paragraph[-1].end(), run.start()) != -1:
            spans += _paired_runs(paragraph)
            paragraph = []
        paragraph.append(run)
    spans += _paired_runs(paragraph)
    return blank_spans(text, spans) if spans else text


def _paired_runs(runs: list[re.Match[str]]) -> list[tuple[int, int]]:
    """From each opening run of backticks to the next run of the same length, the spans they enclose."""
    spans = []
    index = 0
    while index < len(runs):
        opener = runs[index]
        closer_index = next(
            (j for j in range(index + 1, len(runs)) if len(runs[j].group(0)) == len(opener.group(0))),
            None,
        )
        if closer_index is None:
            index += 1
            continue
        spans.append((opener.start(), runs[closer_index].end()))
        index = closer_index + 1
    return spans


def _block_numbers(lines: list[str]) -> list[int]:
    """A block number per line: a new one after each blank line and at each list item."""
    numbers: list[int] = []
    current = 0
    previous_blank = True
    for line in lines:
        blank = not line.strip().strip(">").strip()
        if blank or previous_blank or _opens_list_item(line):
            current += 1
        numbers.append(current)
        previous_blank = blank
    return numbers


def _opens_list_item(line: str) -> bool:
    prefix = _BLOCK_PREFIX.match(line)
    return bool(prefix and prefix["marker"])


_TAG_OR_EXPRESSION = re.compile(r"<[^<>]*>|\{[^{}]*\}|<[^<>]*$")


def _only_tags(line: str) -> bool:
    """Text around a tag holding nothing but other tags (and expressions): MDX parses the tag as a flow
    element, which may span blocks, instead of an inline one, which must close in its paragraph."""
    rest = _BLOCK_PREFIX.sub("", line, count=1)
    rest = _TAG_OR_EXPRESSION.sub("", rest)
    return not rest.strip()


def _is_esm(block: str) -> bool:
    """Whether an ESM block is JavaScript: imports that parse, then exports (trusted once they start right)."""
    position = 0
    while position < len(block):
        rest = block[position:]
        stripped = rest.lstrip()
        position += len(rest) - len(stripped)
        if not stripped:
            return True
        if stripped.startswith("export"):
            return bool(_EXPORT.match(stripped))
        match = _IMPORT.match(stripped)
        if match is None:
            return False
        position += match.end()
    return True


_OPERATOR_WORDS = frozenset({"in", "instanceof", "typeof", "new", "void", "delete", "await", "yield"})
_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`")
_ADJACENT_WORDS = re.compile(r"(?<![\w$.])([\w$]+)\s+(?=([\w$]+))")
_LEADING_LABEL = re.compile(r"\s*(?:[\w$]+|S)\s*:(?!:)")


def _not_javascript(content: str) -> bool:
    """Expressions acorn cannot parse, recognised by their shape: prose (`{a b}`, `{it's}`), an object
    literal or label without parentheses (`{key: value}`), a bare spread (`{...x}`). Comments are fine."""
    code = re.sub(r"/\*.*?\*/", " ", content, flags=re.DOTALL).strip()
    if not code:
        return False
    code = _STRING.sub("S", code)
    if "'" in code or '"' in code:
        return True  # a quote that closes nothing: an apostrophe
    if code.startswith("..."):
        return True
    if "?" not in code and _LEADING_LABEL.match(code):
        return True
    return any(
        first not in _OPERATOR_WORDS and second not in _OPERATOR_WORDS
        for first, second in _ADJACENT_WORDS.findall(code)
    )


def _free_name(content: str) -> str | None:
    """The name an expression reads when it is just a name or a member chain (`{foo}`, `{site.title}`)."""
    stripped = content.strip()
    if _FREE_NAME.fullmatch(stripped):
        return re.sub(r"\s+", "", stripped)
    return None


# the characters _matching_brace acts on: it jumps from one to the next over the ones it would only step past
_BRACE_SIGNIFICANT = re.compile(r"[\n\"'`/{}]")


def _matching_brace(text: str, start: int) -> int | None:
    """The offset of the `}` closing the `{` at ``start``, reading JavaScript; None when a blank line or the
    end of the file comes first."""
    depth = 0
    position = start
    length = len(text)
    while position < length:
        significant = _BRACE_SIGNIFICANT.search(text, position)
        if significant is None:
            return None
        position = significant.start()
        char = text[position]
        if char == "\n":
            next_newline = text.find("\n", position + 1)
            if not text[position + 1 : next_newline if next_newline != -1 else length].strip():
                return None  # a blank line (or the end of the file) ends the paragraph the expression is in
        if char in "\"'`":
            position = _skip_string(text, position)
            continue
        if text.startswith("/*", position):
            close = text.find("*/", position + 2)
            if close == -1:
                return None
            position = close + 2
            continue
        if text.startswith("//", position) and depth > 0:
            newline = text.find("\n", position)
            position = length if newline == -1 else newline
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return None


# what _skip_string acts on inside a string opened by each quote: an escape, a newline, the closing quote
_STRING_SIGNIFICANT = {quote: re.compile(rf"[\\\n{quote}]") for quote in "\"'`"}


def _skip_string(text: str, start: int) -> int:
    quote = text[start]
    significant = _STRING_SIGNIFICANT[quote]
    position = start + 1
    while position < len(text):
        found = significant.search(text, position)
        if found is None:
            position = len(text)
            break
        position = found.start()
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if char == "\n" and quote != "`":
            return start + 1  # no closing quote on the line: an apostrophe in prose, not a string
        position += 1
    return start + 1 if quote != "`" else position
