"""The shared lexing toolkits: ``_langium`` (Chevrotain as Langium sets it up) and ``_jison.lex`` (jison lexers)."""

from __future__ import annotations

import pytest

from doclint.mermaid.diagrams._jison.actions import LexerSpec
from doclint.mermaid.diagrams._jison.actions import token as action_token
from doclint.mermaid.diagrams._jison.lalr import JisonLexer as LalrLexer
from doclint.mermaid.diagrams._jison.lalr import Rule as LalrRule
from doclint.mermaid.diagrams._jison.lalr import _segments
from doclint.mermaid.diagrams._jison.lalr import token as lalr_token
from doclint.mermaid.diagrams._jison.lex import (
    CHAR_TOKEN,
    END,
    Rule,
    TokenStream,
    build_lexer,
    js_regex,
    prepare_jison_text,
)
from doclint.mermaid.diagrams._jison.lex import JisonLexer as JisonRuleLexer
from doclint.mermaid.diagrams._langium import (
    COMMON,
    COMMON_HIDDEN,
    EOF,
    Lexer,
    grammar_lexer,
    keyword,
    open_stream,
    terminal,
)
from doclint.mermaid.diagrams._langium import (
    TokenStream as LangiumStream,
)
from doclint.mermaid.model import MermaidSyntaxError

# ------------------------------------------------------------------------------------------------- Langium


def _kinds(lexer: Lexer, text: str) -> list[str]:
    tokens, _ = lexer.tokenize(text)
    return [token.kind for token in tokens]


def test_langium_first_rule_wins_and_hidden_rules_are_dropped() -> None:
    lexer = Lexer([*COMMON_HIDDEN, keyword("ab"), terminal("WORD", "[a-z]+"), COMMON["NEWLINE"]])
    assert _kinds(lexer, "ab abc %% note\n") == ["ab", "ab", "WORD", "NEWLINE", EOF]


def test_langium_keyword_yields_to_a_longer_alternative() -> None:
    lexer = grammar_lexer(["axis"], [COMMON["ID"], COMMON["NEWLINE"]])
    tokens, _ = lexer.tokenize("axis axes axis2")
    assert [(token.kind, token.text) for token in tokens] == [
        ("axis", "axis"),
        ("ID", "axes"),
        ("ID", "axis2"),
        (EOF, ""),
    ]


def test_langium_restricted_keyword_needs_space_after_it() -> None:
    lexer = Lexer([COMMON_HIDDEN[0], keyword("pie", restricted=True), terminal("WORD", "[a-z]+")])
    assert _kinds(lexer, "pie pies") == ["pie", "WORD", EOF]


def test_langium_skips_unmatched_runs_and_reports_the_first() -> None:
    lexer = Lexer([COMMON_HIDDEN[0], terminal("WORD", "[a-z]+"), COMMON["NEWLINE"]])
    tokens, errors = lexer.tokenize("ab\ncd ?? ef")
    assert [token.text for token in tokens] == ["ab", "\n", "cd", "ef", ""]
    assert [(error.line, error.column, error.skipped) for error in errors] == [(2, 4, "??")]
    with pytest.raises(MermaidSyntaxError) as raised:
        lexer.tokens_or_raise("ab\ncd ?? ef")
    assert (raised.value.line, raised.value.column) == (2, 4)


def test_langium_stream_errors_name_the_token_line_and_none_at_the_end() -> None:
    lexer = Lexer([COMMON_HIDDEN[0], terminal("WORD", "[a-z]+"), COMMON["NEWLINE"]])
    stream = open_stream(lexer, "ab\ncd")
    stream.expect("WORD")
    with pytest.raises(MermaidSyntaxError) as raised:
        stream.expect("WORD")
    assert raised.value.line == 1  # the NEWLINE after `ab`
    stream = LangiumStream(lexer.tokens_or_raise("ab"))
    stream.advance()
    with pytest.raises(MermaidSyntaxError) as raised:
        stream.expect("WORD")
    assert raised.value.line is None  # mermaid: "line ?"


# --------------------------------------------------------------------------------------------------- jison


def test_js_regex_uses_javascript_classes() -> None:
    assert js_regex(r"\w") == "[A-Za-z0-9_]"
    assert "\ufeff" in js_regex(r"\s") and "\x85" not in js_regex(r"\s")
    assert js_regex("a$") == r"a\Z"  # no multiline flag: the end of the input only


def test_prepare_jison_text_trims_the_start_and_appends_a_newline() -> None:
    assert prepare_jison_text("\ufeff graph\n") == "graph\n\n"


def test_rule_table_states_and_operations() -> None:
    lexer = build_lexer(
        [
            ("*", r"\(", None, "inner"),
            ("inner", r"\(", None, "inner"),
            ("inner", r"\)\)", "CLOSE2", "pop pop"),
            ("inner", r"\)", "CLOSE", "pop"),
            ("inner", r"[a-z]+", "WORD", None),
            ("inner", r"\s+", None, None),  # a state lists its own rules: non-INITIAL states are exclusive
            ("*", r"[a-z]+", "NAME", None),
            ("*", r"\s+", None, None),
            ("*", r".", CHAR_TOKEN, None),
        ]
    )
    tokens = [(token.kind, token.text) for token in _take_until_end(lexer, "x (a (b)) y ;")]
    assert tokens == [
        ("NAME", "x"),
        ("WORD", "a"),
        ("WORD", "b"),
        ("CLOSE2", "))"),
        ("NAME", "y"),
        (";", ";"),
    ]


def _take_until_end(lexer: JisonRuleLexer, text: str) -> list:
    tokens = []
    for token in lexer.tokens(text):
        if token.kind == END:
            return tokens
        tokens.append(token)
    raise AssertionError  # unreachable: the stream ends with $end


def test_line_rules_match_only_where_their_tail_occurs() -> None:
    lexer = build_lexer(
        [
            ("*", r".*direction\s+(?:TB|LR)[^\n]*", "direction", None),
            ("*", r"[a-z]+", "WORD", None),
            ("*", r"[ \t]+", None, None),
            ("*", r"\n", "NEWLINE", None),
        ]
    )
    kinds = [token.kind for token in _take_until_end(lexer, "a b\nx direction LR\nc")]
    assert kinds == ["WORD", "WORD", "NEWLINE", "direction", "NEWLINE", "WORD"]


def test_stream_reports_the_line_of_the_last_consumed_token() -> None:
    lexer = JisonRuleLexer([Rule("[a-z]+", "WORD"), Rule(r"\n", "NEWLINE"), Rule("[ ]+")])
    stream = TokenStream(lexer.tokens("a\n\nb c"))
    stream.expect("WORD")
    with pytest.raises(MermaidSyntaxError) as raised:
        stream.expect("WORD", what="a word")
    assert raised.value.line == 1  # jison syncs its line on shifts only
    stream.advance()
    stream.advance()
    assert stream.kind() == "WORD" and stream.peek(1).text == "c"


def test_lexical_error_surfaces_when_the_parser_reaches_it() -> None:
    lexer = JisonRuleLexer([Rule("[a-z]+", "WORD"), Rule(r"\n", "NEWLINE")])
    stream = TokenStream(lexer.tokens("a\n?"))
    stream.expect("WORD")
    stream.expect("NEWLINE")
    with pytest.raises(MermaidSyntaxError) as raised:
        stream.kind()
    assert raised.value.line == 2


def test_lalr_lexer_compiles_a_segment_only_when_it_is_first_tried() -> None:
    rules = [
        LalrRule("a", lalr_token("A")),
        LalrRule("zz", lalr_token("Z"), line_must_contain="zz"),
        LalrRule("b", lalr_token("B")),
    ]
    conditions = {"INITIAL": [0, 1, 2]}
    lexer = LalrLexer(rules, conditions, text="ab")
    assert [lexer.lex(), lexer.lex(), lexer.lex()] == ["A", "B", "$end"]
    first, behind_guard, last = _segments(rules, conditions, "INITIAL")
    assert first.match.__name__ == last.match.__name__ == "match"  # compiled
    assert behind_guard.match.__name__ == "_compile_and_match"  # its guard never passed


def test_action_lexer_compiles_a_rule_only_when_it_is_first_tried() -> None:
    spec = LexerSpec.from_table(
        [(None, "a", "A"), (None, "note", action_token("NOTE")), (None, "[a-z]", "LETTER")]
    )
    lexer = spec.lexer("ab")
    assert [lexer.next_token().kind for _ in range(2)] == ["A", "LETTER"]
    a_rule, note_rule, letter_rule = spec._by_state["INITIAL"]
    assert a_rule.match.__name__ == letter_rule.match.__name__ == "match"  # compiled
    assert note_rule.match.__name__ == "_compile_and_match"  # no `n` to start it
