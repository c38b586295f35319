"""Flowchart parser (``graph`` / ``flowchart`` / ``flowchart-elk``; swimlane-beta reuses it), modelled on mermaid
12.3.0's src/diagrams/flowchart/parser/flow.jison and the checks its FlowDB makes while parsing.

The lexer reproduces flow.jison's rules and start conditions (text inside shapes, edge text, strings, markdown
strings, ``@{...}`` shape data, click callbacks, accessibility lines), with the rule order mattering as in jison;
the grammar is flow.jison's BNF, parsed by an LALR(1) automaton, so an error is reported on the same token and
line as mermaid reports it.  FlowDB's checks that throw are modelled too: shape data must be valid YAML naming a
known lowercase shape, ``linkStyle`` indices must name existing edges, a ``subgraph`` needs an id, at most 500
edges.  mermaid's flowParser first turns ``}`` followed by blank lines into ``}`` + one line break.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from doclint.mermaid.diagrams._jison.lalr import Grammar, JisonLexer, Rule, token
from doclint.mermaid.diagrams._jison.lalr import parse as run_parser
from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import JS_SPACE

# flow.jison's UNICODE_TEXT: letters outside ASCII that may stand alone as a token
_UNICODE_LETTER_RANGES = """
00AA 00B5 00BA 00C0-00D6 00D8-00F6 00F8-02C1 02C6-02D1 02E0-02E4 02EC 02EE 0370-0374 0376 0377
037A-037D 0386 0388-038A 038C 038E-03A1 03A3-03F5 03F7-0481 048A-0527 0531-0556 0559 0561-0587
05D0-05EA 05F0-05F2 0620-064A 066E 066F 0671-06D3 06D5 06E5 06E6 06EE 06EF 06FA-06FC 06FF 0710
0712-072F 074D-07A5 07B1 07CA-07EA 07F4 07F5 07FA 0800-0815 081A 0824 0828 0840-0858 08A0 08A2-08AC
0904-0939 093D 0950 0958-0961 0971-0977 0979-097F 0985-098C 098F 0990 0993-09A8 09AA-09B0 09B2
09B6-09B9 09BD 09CE 09DC 09DD 09DF-09E1 09F0 09F1 0A05-0A0A 0A0F 0A10 0A13-0A28 0A2A-0A30 0A32 0A33
0A35 0A36 0A38 0A39 0A59-0A5C 0A5E 0A72-0A74 0A85-0A8D 0A8F-0A91 0A93-0AA8 0AAA-0AB0 0AB2 0AB3
0AB5-0AB9 0ABD 0AD0 0AE0 0AE1 0B05-0B0C 0B0F 0B10 0B13-0B28 0B2A-0B30 0B32 0B33 0B35-0B39 0B3D 0B5C
0B5D 0B5F-0B61 0B71 0B83 0B85-0B8A 0B8E-0B90 0B92-0B95 0B99 0B9A 0B9C 0B9E 0B9F 0BA3 0BA4 0BA8-0BAA
0BAE-0BB9 0BD0 0C05-0C0C 0C0E-0C10 0C12-0C28 0C2A-0C33 0C35-0C39 0C3D 0C58 0C59 0C60 0C61 0C85-0C8C
0C8E-0C90 0C92-0CA8 0CAA-0CB3 0CB5-0CB9 0CBD 0CDE 0CE0 0CE1 0CF1 0CF2 0D05-0D0C 0D0E-0D10 0D12-0D3A
0D3D 0D4E 0D60 0D61 0D7A-0D7F 0D85-0D96 0D9A-0DB1 0DB3-0DBB 0DBD 0DC0-0DC6 0E01-0E30 0E32 0E33
0E40-0E46 0E81 0E82 0E84 0E87 0E88 0E8A 0E8D 0E94-0E97 0E99-0E9F 0EA1-0EA3 0EA5 0EA7 0EAA 0EAB
0EAD-0EB0 0EB2 0EB3 0EBD 0EC0-0EC4 0EC6 0EDC-0EDF 0F00 0F40-0F47 0F49-0F6C 0F88-0F8C 1000-102A 103F
1050-1055 105A-105D 1061 1065 1066 106E-1070 1075-1081 108E 10A0-10C5 10C7 10CD 10D0-10FA 10FC-1248
124A-124D 1250-1256 1258 125A-125D 1260-1288 128A-128D 1290-12B0 12B2-12B5 12B8-12BE 12C0 12C2-12C5
12C8-12D6 12D8-1310 1312-1315 1318-135A 1380-138F 13A0-13F4 1401-166C 166F-167F 1681-169A 16A0-16EA
1700-170C 170E-1711 1720-1731 1740-1751 1760-176C 176E-1770 1780-17B3 17D7 17DC 1820-1877 1880-18A8
18AA 18B0-18F5 1900-191C 1950-196D 1970-1974 1980-19AB 19C1-19C7 1A00-1A16 1A20-1A54 1AA7 1B05-1B33
1B45-1B4B 1B83-1BA0 1BAE 1BAF 1BBA-1BE5 1C00-1C23 1C4D-1C4F 1C5A-1C7D 1CE9-1CEC 1CEE-1CF1 1CF5 1CF6
1D00-1DBF 1E00-1F15 1F18-1F1D 1F20-1F45 1F48-1F4D 1F50-1F57 1F59 1F5B 1F5D 1F5F-1F7D 1F80-1FB4
1FB6-1FBC 1FBE 1FC2-1FC4 1FC6-1FCC 1FD0-1FD3 1FD6-1FDB 1FE0-1FEC 1FF2-1FF4 1FF6-1FFC 2071 207F
2090-209C 2102 2107 210A-2113 2115 2119-211D 2124 2126 2128 212A-212D 212F-2139 213C-213F 2145-2149
214E 2183 2184 2C00-2C2E 2C30-2C5E 2C60-2CE4 2CEB-2CEE 2CF2 2CF3 2D00-2D25 2D27 2D2D 2D30-2D67 2D6F
2D80-2D96 2DA0-2DA6 2DA8-2DAE 2DB0-2DB6 2DB8-2DBE 2DC0-2DC6 2DC8-2DCE 2DD0-2DD6 2DD8-2DDE 2E2F 3005
3006 3031-3035 303B 303C 3041-3096 309D-309F 30A1-30FA 30FC-30FF 3105-312D 3131-318E 31A0-31BA
31F0-31FF 3400-4DB5 4E00-9FCC A000-A48C A4D0-A4FD A500-A60C A610-A61F A62A A62B A640-A66E A67F-A697
A6A0-A6E5 A717-A71F A722-A788 A78B-A78E A790-A793 A7A0-A7AA A7F8-A801 A803-A805 A807-A80A A80C-A822
A840-A873 A882-A8B3 A8F2-A8F7 A8FB A90A-A925 A930-A946 A960-A97C A984-A9B2 A9CF AA00-AA28 AA40-AA42
AA44-AA4B AA60-AA76 AA7A AA80-AAAF AAB1 AAB5 AAB6 AAB9-AABD AAC0 AAC2 AADB-AADD AAE0-AAEA AAF2-AAF4
AB01-AB06 AB09-AB0E AB11-AB16 AB20-AB26 AB28-AB2E ABC0-ABE2 AC00-D7A3 D7B0-D7C6 D7CB-D7FB F900-FA6D
FA70-FAD9 FB00-FB06 FB13-FB17 FB1D FB1F-FB28 FB2A-FB36 FB38-FB3C FB3E FB40 FB41 FB43 FB44 FB46-FBB1
FBD3-FD3D FD50-FD8F FD92-FDC7 FDF0-FDFB FE70-FE74 FE76-FEFC FF21-FF3A FF41-FF5A FF66-FFBE FFC2-FFC7
FFCA-FFCF FFD2-FFD7 FFDA-FFDC
"""

# ------------------------------------------------------------------------------------------------ lexer rules

_S = f"[{JS_SPACE}]"  # JavaScript's \s
_NOT_S = f"[^{JS_SPACE}]"
_DOT = "[^\n\r\u2028\u2029]"  # JavaScript's '.'
_SPACE_NOT_BREAK = JS_SPACE.replace("\n", "").replace("\r", "")  # [^\S\n\r]


def _unicode_letters() -> str:
    parts = []
    for item in _UNICODE_LETTER_RANGES.split():
        low, _, high = item.partition("-")
        parts.append(f"\\u{low}-\\u{high}" if high else f"\\u{low}")
    return "[" + "".join(parts) + "]"


def _graph_keyword(lexer: JisonLexer, text: str) -> str:
    """Only the first graph keyword (``yy.lex.firstGraph()``) is followed by a direction."""
    if not lexer.flags.get("seen_graph"):
        lexer.flags["seen_graph"] = True
        lexer.push_state("dir")
    return "GRAPH"


def _shape_data_start(lexer: JisonLexer, text: str) -> str:
    lexer.push_state("shapeData")
    lexer.yytext = ""
    return "SHAPE_DATA"


_SHAPE_DATA_BREAK = re.compile(f"\n{_S}*")


def _shape_data_string(lexer: JisonLexer, text: str) -> str:
    lexer.yytext = _SHAPE_DATA_BREAK.sub("<br/>", text)
    return "SHAPE_DATA"


def _pop_push(state: str) -> Callable[[JisonLexer, str], str | None]:
    def act(lexer: JisonLexer, text: str) -> None:
        lexer.pop_state()
        lexer.push_state(state)

    return act


# (pattern, action) in flow.jison's order; the index of a rule is its position here.
_RULES: tuple[tuple[str, Callable[[JisonLexer, str], str | None]], ...] = (
    (f"accTitle{_S}*:{_S}*", token("acc_title", push="acc_title")),  # 0
    ("[^\n]*", token("acc_title_value", pop=True)),
    (f"accDescr{_S}*:{_S}*", token("acc_descr", push="acc_descr")),
    ("[^\n]*", token("acc_descr_value", pop=True)),
    (f"accDescr{_S}*\\{{{_S}*", token(None, push="acc_descr_multiline")),
    ("[}]", token(None, pop=True)),  # 5
    ("[^}]*", token("acc_descr_multiline_value")),
    ("@\\{", _shape_data_start),
    ('["]', token("SHAPE_DATA", push="shapeDataStr")),
    ('["]', token("SHAPE_DATA", pop=True)),
    ('[^"]+', _shape_data_string),  # 10
    ('[^}^"]+', token("SHAPE_DATA")),
    ("\\}", token(None, pop=True)),
    (f"call{_S}+", token(None, push="callbackname")),
    (f"\\({_S}*\\)", token(None, pop=True)),
    ("\\(", _pop_push("callbackargs")),  # 15
    ("[^(]*", token("CALLBACKNAME")),
    ("\\)", token(None, pop=True)),
    ("[^)]*", token("CALLBACKARGS")),
    ('[^`"]+', token("MD_STR")),
    ('[`]["]', token(None, pop=True)),  # 20
    ('["][`]', token(None, push="md_string")),
    ('[^"]+', token("STR")),
    ('["]', token(None, pop=True)),
    ('["]', token(None, push="string")),
    ("style\\b", token("STYLE")),  # 25
    ("default\\b", token("DEFAULT")),
    ("linkStyle\\b", token("LINKSTYLE")),
    ("interpolate\\b", token("INTERPOLATE")),
    ("classDef\\b", token("CLASSDEF")),
    ("class\\b", token("CLASS")),  # 30
    (f"href{_S}", token("HREF")),
    (f"click{_S}+", token(None, push="click")),
    (f"{_S}", token(None, pop=True)),
    (f"{_NOT_S}*", token("CLICK")),
    ("flowchart-elk\\b", _graph_keyword),  # 35
    ("swimlane-beta\\b", _graph_keyword),
    ("graph\\b", _graph_keyword),
    ("flowchart\\b", _graph_keyword),
    ("subgraph\\b", token("subgraph")),
    (f"end\\b{_S}*", token("end")),  # 40
    ("_self\\b", token("LINK_TARGET")),
    ("_blank\\b", token("LINK_TARGET")),
    ("_parent\\b", token("LINK_TARGET")),
    ("_top\\b", token("LINK_TARGET")),
    (f"(?:\r?\n)*{_S}*\n", token("NODIR", pop=True)),  # 45
    (f"{_S}*LR\\b", token("DIR", pop=True)),
    (f"{_S}*RL\\b", token("DIR", pop=True)),
    (f"{_S}*TB\\b", token("DIR", pop=True)),
    (f"{_S}*BT\\b", token("DIR", pop=True)),
    (f"{_S}*TD\\b", token("DIR", pop=True)),  # 50
    (f"{_S}*BR\\b", token("DIR", pop=True)),
    (f"{_S}*<", token("DIR", pop=True)),
    (f"{_S}*>", token("DIR", pop=True)),
    (f"{_S}*\\^", token("DIR", pop=True)),
    (f"{_S}*v\\b", token("DIR", pop=True)),  # 55
    (f"{_DOT}*direction{_S}+TB[^\n]*", token("direction_tb")),
    (f"{_DOT}*direction{_S}+BT[^\n]*", token("direction_bt")),
    (f"{_DOT}*direction{_S}+RL[^\n]*", token("direction_rl")),
    (f"{_DOT}*direction{_S}+LR[^\n]*", token("direction_lr")),
    (f"{_DOT}*direction{_S}+TD[^\n]*", token("direction_td")),  # 60
    (f'[^{JS_SPACE}"\\[\\](){{}}|]+@(?=[^{{"])', token("LINK_ID")),
    ("[0-9]+", token("NUM")),
    ("#", token("BRKT")),
    (":::", token("STYLE_SEPARATOR")),
    (":", token("COLON")),  # 65
    ("&", token("AMP")),
    (";", token("SEMI")),
    (",", token("COMMA")),
    ("\\*", token("MULT")),
    (f"{_S}*[xo<]?--+[-xo>]{_S}*", token("LINK", pop=True)),  # 70
    (f"{_S}*[xo<]?--{_S}*", token("START_LINK", push="edgeText")),
    ("[^-]|-(?!-)", token("EDGE_TEXT")),
    (f"{_S}*[xo<]?==+[=xo>]{_S}*", token("LINK", pop=True)),
    (f"{_S}*[xo<]?=={_S}*", token("START_LINK", push="thickEdgeText")),
    ("[^=]", token("EDGE_TEXT")),  # 75: mermaid's build turned "=(?!=)" into a never-matching branch
    (f"{_S}*[xo<]?-?\\.+-[xo>]?{_S}*", token("LINK", pop=True)),
    (f"{_S}*[xo<]?-\\.{_S}*", token("START_LINK", push="dottedEdgeText")),
    ("[^.]", token("EDGE_TEXT")),  # same for "\.(?!-)"
    (f"{_S}*~~~+{_S}*", token("LINK")),
    ("[-/)][)]", token("-)", pop=True)),  # 80
    ("[^()\\[\\]{}]|!\\)+", token("TEXT")),
    ("\\(-", token("(-", push="ellipseText")),
    ("\\]\\)", token("STADIUMEND", pop=True)),
    ("\\(\\[", token("STADIUMSTART", push="text")),
    ("\\]\\]", token("SUBROUTINEEND", pop=True)),  # 85
    ("\\[\\[", token("SUBROUTINESTART", push="text")),
    ("\\[\\|", token("VERTEX_WITH_PROPS_START")),
    (">", token("TAGEND", push="text")),
    ("\\)\\]", token("CYLINDEREND", pop=True)),
    ("\\[\\(", token("CYLINDERSTART", push="text")),  # 90
    ("\\)\\)\\)", token("DOUBLECIRCLEEND", pop=True)),
    ("\\(\\(\\(", token("DOUBLECIRCLESTART", push="text")),
    ("[\\\\(?=\\]][\\]]", token("TRAPEND", pop=True)),
    ("/(?=\\])\\]", token("INVTRAPEND", pop=True)),
    ("/(?!\\])|\\\\(?!\\])|[^\\\\\\[\\](){}/]+", token("TEXT")),  # 95
    ("\\[/", token("TRAPSTART", push="trapText")),
    ("\\[\\\\", token("INVTRAPSTART", push="trapText")),
    ("<", token("TAGSTART")),
    (">", token("TAGEND")),
    ("\\^", token("UP")),  # 100
    ("\\\\\\|", token("SEP")),  # a token the grammar does not know: always a parse error
    ("v\\b", token("DOWN")),
    ("\\*", token("MULT")),
    ("#", token("BRKT")),
    ("&", token("AMP")),  # 105
    ("(?:[A-Za-z0-9!\"#$%&'*+.`?\\\\_/]|-(?=[^>\\-.]))+", token("NODE_STRING")),
    ("-", token("MINUS")),
    (_unicode_letters(), token("UNICODE_TEXT")),
    ("\\|", token("PIPE", pop=True)),
    ("\\|", token("PIPE", push="text")),  # 110
    ("\\)", token("PE", pop=True)),
    ("\\(", token("PS", push="text")),
    ("\\]", token("SQE", pop=True)),
    ("\\[", token("SQS", push="text")),
    ("\\}", token("DIAMOND_STOP", pop=True)),  # 115
    ("\\{", token("DIAMOND_START", push="text")),
    ('[^\\[\\](){}|"]+', token("TEXT")),
    ('"', token("QUOTE")),  # a token the grammar does not know
    ("(?:\r?\n)+", token("NEWLINE")),
    (f"[{_SPACE_NOT_BREAK}]+", token("SPACE")),
    ("\\Z", token("EOF")),  # 121
)

# Rules every start condition shares (flow.jison's <*> rules), then each condition's own rules.
_EVERYWHERE = (21, 24, 79, 82, 84, 86, 90, 92, 96, 97, 110, 112, 114, 116)
_OWN_RULES: dict[str, tuple[int, ...]] = {
    "INITIAL": (0, 2, 4, 7, 13, 25, 26, 27, 28, 29, 30, 31, 32, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44)
    + tuple(range(56, 72))
    + (73, 74, 76, 77, 87, 88)
    + tuple(range(98, 109))
    + (118, 119, 120, 121),
    "shapeDataStr": (9, 10),
    "shapeData": (8, 11, 12),
    "callbackargs": (17, 18),
    "callbackname": (14, 15, 16),
    "href": (),
    "click": (33, 34),
    "dottedEdgeText": (76, 78),
    "thickEdgeText": (73, 75),
    "edgeText": (70, 72),
    "trapText": (93, 94, 95),
    "ellipseText": (80, 81),
    "text": (83, 85, 89, 91, 109, 111, 113, 115, 117),
    "vertex": (),
    "dir": tuple(range(45, 56)),
    "acc_descr_multiline": (5, 6),
    "acc_descr": (3,),
    "acc_title": (1,),
    "md_string": (19, 20),
    "string": (22, 23),
}
_CONDITIONS = {name: tuple(sorted(set(own) | set(_EVERYWHERE))) for name, own in _OWN_RULES.items()}
_LINK_ID_STOPS = re.compile(f'[{JS_SPACE}"\\[\\](){{}}|]')  # where LINK_ID's leading run must end
# links begin with optional whitespace: what must come after it (keeps long blank stretches linear)
_AFTER_SPACE = {
    70: "[xo<]?--",
    71: "[xo<]?--",
    73: "[xo<]?==",
    74: "[xo<]?==",
    76: "[xo<]?-?\\.",
    77: "[xo<]?-\\.",
    79: "~~",
}


def compile_rules(
    rules: Sequence[tuple[str, Callable[[JisonLexer, str], str | None]]],
    directions: range,
    link_id: int,
    link_id_stops: re.Pattern[str],
    after_space: dict[int, str],
) -> tuple[Rule, ...]:
    """A flow-style rule table, with the guards that keep its scanning rules linear: the direction
    statements only where the line holds "direction", LINK_ID only where its run holds an ``@``, links only where
    their arrow follows the leading whitespace."""
    return tuple(
        Rule(
            pattern,
            action,
            re.ASCII,
            line_must_contain="direction" if index in directions else None,
            run_must_contain="@" if index == link_id else None,
            run_stops=link_id_stops if index == link_id else None,
            after_space=after_space.get(index),
        )
        for index, (pattern, action) in enumerate(rules)
    )


_COMPILED_RULES = compile_rules(_RULES, range(56, 61), 61, _LINK_ID_STOPS, _AFTER_SPACE)

# flow.jison's grammar; the numbering of productions (1-based, in this order) is jison's.
# The productions from ``node`` on are shared with agentflow.jison, which has other block keywords.
SHARED_BNF_TAIL = """
node: styledVertex | node shapeData spaceList AMP spaceList styledVertex | node spaceList AMP spaceList styledVertex
styledVertex: vertex | vertex STYLE_SEPARATOR idString
vertex: idString SQS text SQE | idString DOUBLECIRCLESTART text DOUBLECIRCLEEND | idString PS PS text PE PE
  | idString (- text -) | idString STADIUMSTART text STADIUMEND | idString SUBROUTINESTART text SUBROUTINEEND
  | idString VERTEX_WITH_PROPS_START NODE_STRING COLON NODE_STRING PIPE text SQE
  | idString CYLINDERSTART text CYLINDEREND | idString PS text PE | idString DIAMOND_START text DIAMOND_STOP
  | idString DIAMOND_START DIAMOND_START text DIAMOND_STOP DIAMOND_STOP | idString TAGEND text SQE
  | idString TRAPSTART text TRAPEND | idString INVTRAPSTART text INVTRAPEND | idString TRAPSTART text INVTRAPEND
  | idString INVTRAPSTART text TRAPEND | idString
link: linkStatement arrowText | linkStatement TESTSTR SPACE | linkStatement arrowText SPACE | linkStatement
  | START_LINK edgeText LINK | LINK_ID START_LINK edgeText LINK
edgeText: edgeTextToken | edgeText edgeTextToken | STR | MD_STR
linkStatement: LINK | LINK_ID LINK
arrowText: PIPE text PIPE
text: textToken | text textToken | STR | MD_STR
keywords: STYLE | LINKSTYLE | CLASSDEF | CLASS | CLICK | GRAPH | DIR | {block_keywords} | end | DOWN | UP
textNoTags: textNoTagsToken | textNoTags textNoTagsToken | STR | MD_STR
classDefStatement: CLASSDEF SPACE idString SPACE stylesOpt
classStatement: CLASS SPACE idString SPACE idString
clickStatement: CLICK CALLBACKNAME | CLICK CALLBACKNAME SPACE STR | CLICK CALLBACKNAME CALLBACKARGS
  | CLICK CALLBACKNAME CALLBACKARGS SPACE STR | CLICK HREF STR | CLICK HREF STR SPACE STR
  | CLICK HREF STR SPACE LINK_TARGET | CLICK HREF STR SPACE STR SPACE LINK_TARGET | CLICK alphaNum
  | CLICK alphaNum SPACE STR | CLICK STR | CLICK STR SPACE STR | CLICK STR SPACE LINK_TARGET
  | CLICK STR SPACE STR SPACE LINK_TARGET
styleStatement: STYLE SPACE idString SPACE stylesOpt
linkStyleStatement: LINKSTYLE SPACE DEFAULT SPACE stylesOpt | LINKSTYLE SPACE numList SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum
numList: NUM | numList COMMA NUM
stylesOpt: style | stylesOpt COMMA style
style: styleComponent | style styleComponent
styleComponent: NUM | NODE_STRING | COLON | UNIT | SPACE | BRKT | STYLE | PCT
idStringToken: NUM | NODE_STRING | DOWN | MINUS | DEFAULT | COMMA | COLON | AMP | BRKT | MULT | UNICODE_TEXT
textToken: TEXT | TAGSTART | TAGEND | UNICODE_TEXT
textNoTagsToken: NUM | NODE_STRING | SPACE | MINUS | AMP | UNICODE_TEXT | COLON | MULT | BRKT | keywords | START_LINK
edgeTextToken: EDGE_TEXT | UNICODE_TEXT
alphaNumToken: NUM | UNICODE_TEXT | NODE_STRING | DIR | DOWN | MINUS | COMMA | COLON | AMP | BRKT | MULT
idString: idStringToken | idString idStringToken
alphaNum: alphaNumToken | alphaNum alphaNumToken
direction: direction_tb | direction_bt | direction_rl | direction_lr | direction_td
"""

_GRAMMAR = Grammar(
    """
start: graphConfig document
document: %empty | document line
line: statement | SEMI | NEWLINE | SPACE | EOF
graphConfig: SPACE graphConfig | NEWLINE graphConfig | GRAPH NODIR | GRAPH DIR FirstStmtSeparator
ending: endToken ending | endToken
endToken: NEWLINE | SPACE | EOF
FirstStmtSeparator: SEMI | NEWLINE | spaceList NEWLINE
spaceListNewline: SPACE spaceListNewline | NEWLINE spaceListNewline | NEWLINE | SPACE
spaceList: SPACE spaceList | SPACE
statement: vertexStatement separator | styleStatement separator | linkStyleStatement separator
  | classDefStatement separator | classStatement separator | clickStatement separator
  | subgraph SPACE textNoTags SQS text SQE separator document end
  | subgraph SPACE textNoTags separator document end
  | subgraph separator document end
  | direction | acc_title acc_title_value | acc_descr acc_descr_value | acc_descr_multiline_value
separator: NEWLINE | SEMI | EOF
shapeData: shapeData SHAPE_DATA | SHAPE_DATA
vertexStatement: vertexStatement link node shapeData | vertexStatement link node shapeData spaceList
  | vertexStatement link node | vertexStatement link node spaceList
  | node spaceList | node shapeData | node shapeData spaceList | node
"""
    + SHARED_BNF_TAIL.format(block_keywords="subgraph"),
    stored_tables="flowchart",
)

# ------------------------------------------------------------------------------------------- FlowDB checks

# isValidShape(): the shape registry's names and aliases that survive the "lowercase, no underscore" check
_SHAPE_NAMES = """
    state choice note composite icon anchor constructor bpmn-start bpmn-intermediate bpmn-boundary bpmn-end
    bpmn-gateway bpmn-activity bpmn-data bpmn-data-store bpmn-annotation
    rect proc process rectangle rounded event stadium terminal pill fr-rect subprocess subproc framed-rectangle
    subroutine cyl db database cylinder datastore data-store folder directory bucket console browser person
    circle circ bang cloud diam decision diamond question hex hexagon prepare lean-r lean-right in-out lean-l
    lean-left out-in trap-b priority trapezoid-bottom trapezoid trap-t manual trapezoid-top inv-trapezoid
    dbl-circ double-circle doublecircle text notch-rect card notched-rectangle lin-rect lined-rectangle
    lined-process lin-proc shaded-process sm-circ start small-circle fr-circ stop framed-circle fork join
    hourglass collate brace comment brace-l brace-r braces bolt com-link lightning-bolt doc document delay
    half-rounded-rectangle h-cyl das horizontal-cylinder lin-cyl disk lined-cylinder curv-trap curved-trapezoid
    display div-rect div-proc divided-rectangle divided-process tri extract triangle win-pane internal-storage
    window-pane f-circ junction filled-circle notch-pent loop-limit notched-pentagon flip-tri manual-file
    flipped-triangle sl-rect manual-input sloped-rectangle docs documents st-doc stacked-document st-rect procs
    processes stacked-rectangle bow-rect stored-data bow-tie-rectangle cross-circ summary crossed-circle tag-doc
    tagged-document tag-rect tagged-rectangle tag-proc tagged-process flag paper-tape odd lin-doc lined-document
"""
_SHAPES = frozenset(_SHAPE_NAMES.split())
_MAX_EDGES = 500


@dataclass
class _FlowDb:
    """The parts of mermaid's FlowDB whose state decides whether a later call throws."""

    vertices: set[str] = field(default_factory=set)
    edge_ids: list[str] = field(default_factory=list)
    edge_pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    subgraphs: set[str] = field(default_factory=set)
    subgraph_count: int = 0

    def add_vertex(self, vertex_id: str, metadata: str | None = None) -> None:
        if not vertex_id or not vertex_id.strip():
            return
        if metadata is None:
            self.vertices.add(vertex_id)
            return
        document = _load_shape_data(metadata)
        if vertex_id in self.subgraphs and document:
            return
        if vertex_id in self.edge_ids:
            return
        self.vertices.add(vertex_id)
        _check_shape_data(vertex_id, document)

    def add_link(self, starts: Sequence[str], ends: Sequence[str], link: dict[str, Any]) -> None:
        link_id = link.get("id")
        link_id = link_id.replace("@", "", 1) if isinstance(link_id, str) else None
        for start in starts:
            for end in ends:
                own_id = link_id if start == starts[-1] and end == ends[0] else None
                self._add_single_link(start, end, own_id)

    def _add_single_link(self, start: str, end: str, link_id: str | None) -> None:
        if link_id and link_id not in self.edge_ids:
            edge_id = link_id
        else:
            count = self.edge_pairs.get((start, end), 0)
            edge_id = f"L_{start}_{end}_{count + 1 if count else 0}"
        self.edge_pairs[(start, end)] = self.edge_pairs.get((start, end), 0) + 1
        if len(self.edge_ids) >= _MAX_EDGES:
            raise MermaidSyntaxError(
                f"Edge limit exceeded: more than {_MAX_EDGES} edges (mermaid's maxEdges)"
            )
        self.edge_ids.append(edge_id)

    def update_links(self, positions: Sequence[str], what: str) -> None:
        for position in positions:
            if position == "default":
                continue
            if str(int(position)) != position or int(position) >= len(self.edge_ids):
                raise MermaidSyntaxError(
                    f"linkStyle {position}: there is no such edge to set the {what} of (edges are numbered "
                    f"from 0 in the order they are defined; {len(self.edge_ids)} so far)"
                )

    def add_subgraph(self, title_id: dict[str, Any] | None, same_title: bool) -> str:
        if title_id is None:
            raise MermaidSyntaxError(
                "`subgraph` needs an id or title (mermaid cannot read the missing title)"
            )
        subgraph_id = title_id["text"].strip()
        if same_title and re.search(f"{_S}", title_id["text"]):
            subgraph_id = f"subGraph{self.subgraph_count}"
        self.subgraph_count += 1
        self.subgraphs.add(subgraph_id)
        return subgraph_id


def _load_shape_data(metadata: str) -> Any:
    from doclint.mermaid.front_matter import FrontMatterError, load_json_schema

    yaml_text = "{\n" + metadata + "\n}" if "\n" not in metadata else metadata + "\n"
    try:
        return load_json_schema(yaml_text)
    except FrontMatterError as error:
        raise MermaidSyntaxError(f"Invalid YAML in `@{{...}}` shape data: {error}") from None


def _check_shape_data(vertex_id: str, document: Any) -> None:
    if document is None:
        raise MermaidSyntaxError(
            f"Empty `@{{...}}` shape data for node {vertex_id} (mermaid reads it as null)"
        )
    if not isinstance(document, dict):
        return
    shape = document.get("shape")
    if shape:
        if not isinstance(shape, str):
            raise MermaidSyntaxError(f"Shape of node {vertex_id} must be a name, not {shape!r}")
        if shape != shape.lower() or "_" in shape:
            raise MermaidSyntaxError(f"No such shape: {shape}. Shape names should be lowercase.")
        if shape not in _SHAPES:
            raise MermaidSyntaxError(f"No such shape: {shape}.")
    label = document.get("label")
    if (document.get("icon") or document.get("img")) and label is not None and not isinstance(label, str):
        raise MermaidSyntaxError(f"Label of node {vertex_id} must be text when it has an icon or image")


# -------------------------------------------------------------------------------------------- reductions


class FlowActions:
    """Reductions flow.jison and agentflow.jison share: they feed the db as mermaid's grammar actions do."""

    def __init__(self, db: _FlowDb) -> None:
        self.db = db

    def vertex(self, values: list[Any]) -> Any:
        self.db.add_vertex(values[0])
        return values[0]

    def vertex_with_data(self, values: list[Any]) -> Any:
        self.db.add_vertex(values[0][-1], values[1])
        return {"stmt": values[0], "nodes": values[0]}

    def node_with_data(self, values: list[Any]) -> Any:
        self.db.add_vertex(values[0][-1], values[1])
        return values[0] + [values[5]]

    def link_statement(self, with_data: bool) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            statement, link, node = values[0], values[1], values[2]
            if with_data:
                self.db.add_vertex(node[-1], values[3])
            self.db.add_link(statement["stmt"], node, link)
            return {"stmt": node, "nodes": node + statement["nodes"]}

        return act

    def link_style(self, numbers: int | None, interpolate: bool, style: bool) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            positions = values[numbers] if numbers is not None else ["default"]
            if interpolate:
                self.db.update_links(positions, "interpolation")
            if style:
                self.db.update_links(positions, "style")
            return None

        return act

    @staticmethod
    def values(
        link: int, text_no_tags: int, num_list: int, id_string: int
    ) -> dict[int, Callable[[list[Any]], Any]]:
        """How link, textNoTags, numList and idString productions (numbered from the given ones) build values."""
        return {
            link: lambda values: {**values[0]},  # linkStatement arrowText
            link + 2: lambda values: {**values[0]},  # linkStatement arrowText SPACE
            link + 4: lambda values: {},  # START_LINK edgeText LINK
            link + 5: lambda values: {"id": values[0]},  # LINK_ID START_LINK edgeText LINK
            link + 10: lambda values: {},  # LINK
            link + 11: lambda values: {"id": values[0]},  # LINK_ID LINK
            text_no_tags: _text_object,
            text_no_tags + 1: _text_append,
            text_no_tags + 2: _text_object,
            text_no_tags + 3: _text_object,
            num_list: lambda values: [values[0]],
            num_list + 1: lambda values: values[0] + [values[2]],
            id_string: lambda values: values[0],
            id_string + 1: lambda values: values[0] + values[1],
        }

    def link_styles(self, first: int) -> dict[int, Callable[[list[Any]], Any]]:
        """The six ``linkStyle`` productions, numbered from ``first``: default/numbers x style/interpolate."""
        forms = ((None, False, True), (2, False, True), (None, True, True), (2, True, True))
        forms += ((None, True, False), (2, True, False))
        return {first + index: self.link_style(*form) for index, form in enumerate(forms)}


def _text_object(values: list[Any]) -> Any:
    return {"text": values[0]}


def _text_append(values: list[Any]) -> Any:
    return {"text": values[0]["text"] + values[1]}


def _statement(values: list[Any]) -> Any:
    return {"stmt": values[0], "nodes": values[0]}


def _semantic_actions(db: _FlowDb) -> dict[int, Callable[[list[Any]], Any]]:
    act = FlowActions(db)
    actions: dict[int, Callable[[list[Any]], Any]] = {
        2: lambda values: [],
        33: lambda values: db.add_subgraph(values[2], False),
        34: lambda values: db.add_subgraph(values[2], True),
        35: lambda values: db.add_subgraph(None, False),
        43: lambda values: values[0] + values[1],
        45: act.link_statement(True),
        46: act.link_statement(True),
        47: act.link_statement(False),
        48: act.link_statement(False),
        49: _statement,
        50: act.vertex_with_data,
        51: act.vertex_with_data,
        52: _statement,
        53: lambda values: [values[0]],
        54: act.node_with_data,
        55: lambda values: values[0] + [values[4]],
        74: act.vertex,
        **act.values(link=75, text_no_tags=103, num_list=130, id_string=183),
        **act.link_styles(124),
    }
    for production in range(58, 74):  # every shaped vertex: idString first
        actions[production] = act.vertex
    return actions


_CLOSING_BRACE_LINES = re.compile(f"\\}}{_S}*\n")


def parse(text: str) -> None:
    """Raise MermaidSyntaxError where mermaid's flowchart parser (or FlowDB while parsing) would throw."""
    source = text + "\n"
    if "}" in text:
        source = _CLOSING_BRACE_LINES.sub("}\n", source)
    lexer = JisonLexer(_COMPILED_RULES, _CONDITIONS, source)
    try:
        run_parser(_GRAMMAR, lexer, _semantic_actions(_FlowDb()), _describe_error)
    except MermaidSyntaxError as error:
        if error.line is not None and len(source) != len(text) + 1:
            error.text_line = _line_before_rewrite(text + "\n", error.line)
        raise


def _line_before_rewrite(text: str, line: int) -> int:
    """Map a line of the text after flowParser's ``}`` + blank lines rewrite to the line it came from."""
    removed = 0
    for match in _CLOSING_BRACE_LINES.finditer(text):
        match_line = text.count("\n", 0, match.start()) + 1 - removed
        if match_line >= line:
            break
        removed += match.group(0).count("\n") - 1
    return line + removed


_TOKEN_WORDS = {
    "$end": "end of the diagram",
    "EOF": "end of the diagram",
    "NEWLINE": "line break",
    "SPACE": "space",
    "LINK": "arrow",
    "START_LINK": "start of a labelled arrow",
    "LINK_ID": "edge id",
    "NODE_STRING": "node id",
    "UNICODE_TEXT": "node id",
    "TEXT": "text",
    "SHAPE_DATA": "`@{...}` shape data",
    "STR": "string",
    "GRAPH": "`graph`/`flowchart` keyword",
    "DIR": "direction",
    "subgraph": "`subgraph`",
    "end": "`end`",
    "SEMI": "`;`",
    "PIPE": "`|`",
    "AMP": "`&`",
    "COLON": "`:`",
    "COMMA": "`,`",
    "SQS": "`[`",
    "SQE": "`]`",
    "PS": "`(`",
    "PE": "`)`",
    "DIAMOND_START": "`{`",
    "DIAMOND_STOP": "`}`",
    "TAGEND": "`>`",
    "STYLE_SEPARATOR": "`:::`",
}
_CLOSERS = ("SQE", "PE", "DIAMOND_STOP", "STADIUMEND", "SUBROUTINEEND", "CYLINDEREND", "DOUBLECIRCLEEND")


def _describe_error(token_name: str, text: str, expected: Sequence[str]) -> str:
    """A jison error told for a person: what came, what could have come, and the likely cause."""
    got = _TOKEN_WORDS.get(token_name)
    if got is None or token_name in ("NODE_STRING", "TEXT", "UNICODE_TEXT") and text.strip():
        got = f"`{text.strip()[:30]}`" if text.strip() else token_name
    hint = ""
    if token_name in ("$end", "EOF") and "end" in expected:
        hint = " (a `subgraph` is missing its `end`)"
    elif any(closer in expected for closer in _CLOSERS):
        hint = " (a node shape is not closed)"
    elif token_name == "end" and "end" not in expected:
        hint = " (an `end` without its `subgraph`)"
    elif "NODE_STRING" in expected and "SEMI" not in expected:
        hint = " (a node id should come here, e.g. after an arrow or `&`)"
    readable = sorted({_TOKEN_WORDS[word] for word in expected if word in _TOKEN_WORDS})
    raw = sorted(word for word in expected if word not in _TOKEN_WORDS and word != "error")
    return f"Parse error: unexpected {got}{hint}; expected {', '.join((readable + raw)[:8])}"
