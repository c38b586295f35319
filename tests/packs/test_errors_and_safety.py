"""A malformed pack exits 2 naming the file, the check and the field; a pathological pattern never hangs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from doclint.cli import main
from doclint.rules.packs.patterns import UnsafePattern, screen
from support import REPO

from .packsupport import check, lint, project

MALFORMED = [
    (
        check("TST001", "frobnicate"),
        "field 'kind': unknown kind 'frobnicate'; use one of existence, substitution",
    ),
    (
        {"code": "TST001", "name": "x", "kind": "existence", "tokens": ["a"]},
        "check TST001 (existence): field 'documentation': is required",
    ),
    (
        check("TST001", "existence", tokens=["a"], severity="fatal"),
        "field 'severity': must be one of error, warning, info",
    ),
    (
        check("TST001", "existence", tokens=["a"], ignore_case=True),
        "field 'ignore_case': is not a field of this kind (did you mean 'ignore-case'?)",
    ),
    (
        check("TST001", "existence", tokens=["a"], message="no {word}"),
        "field 'message': unknown placeholder {word}; this kind offers {match}",
    ),
    (
        check("TST001", "existence", patterns=["(unclosed"]),
        "field 'patterns[0]': '(unclosed' is not a valid regular expression",
    ),
    (
        check("LNK001", "existence", tokens=["a"]),
        "check LNK001: field 'code': LNK001 (missing-linked-file) is already defined by doclint",
    ),
    (check("TST001", "existence", tokens=["a"], scope=["sidebar"]), "field 'scope': unknown scope 'sidebar'"),
    (
        check("TST001", "front-matter-pattern", field="title", pattern=".+", fix="safe"),
        "field 'fix': the front-matter-pattern kind has no fix",
    ),
    (
        check("TST001", "consistency", variants=["only-one"]),
        "field 'variants': must list at least two spellings",
    ),
    (check("TST001", "terminology", glossary="missing.yaml"), "field 'glossary': cannot read"),
    (
        check("TST001", "terminology", terms=[{"term": "LLM", "acronym": "llm"}]),
        "field 'terms[0].acronym': 'llm' is not an acronym",
    ),
    (
        check("tst1", "existence", tokens=["a"]),
        "field 'code': 'tst1' must be capital letters then three or more digits",
    ),
]


@pytest.mark.parametrize(("rule", "expected"), MALFORMED, ids=[str(i) for i in range(len(MALFORMED))])
def test_malformed_pack_exits_2_naming_file_check_and_field(tree, tmp_path, capsys, rule, expected):
    project(tmp_path, [rule], {"docs/a.md": "# A\n"})
    assert main(["check", "--no-cache", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "rules/pack.yaml: " in error and expected in error, error


@pytest.mark.parametrize("name", ["rules/pack.yaml", "rules/glossary.yaml"])
def test_a_pack_or_glossary_that_is_not_yaml_exits_2_naming_it(tree, tmp_path, capsys, name):
    rule = check("TST001", "terminology", glossary="glossary.yaml")
    project(tmp_path, [rule], {"docs/a.md": "# A\n", "rules/glossary.yaml": "terms: []\n"})
    (tmp_path / name).write_text("pack: [unclosed\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert f"{name} is not valid YAML" in error or f"{name}: rule pack is not valid YAML" in error, error
    assert "line 2" in error  # where the loader stopped


def test_duplicate_codes_in_one_pack_are_refused(tree, tmp_path, capsys):
    rule = check("TST001", "existence", tokens=["a"])
    project(tmp_path, [rule, dict(rule, name="other")], {"docs/a.md": "# A\n"})
    assert main(["rules", "--config", str(tmp_path / "doclint.toml")]) == 2
    assert (
        "check TST001 (existence): field 'code': TST001 (other) is defined twice in this pack"
        in capsys.readouterr().err
    )


PATHOLOGICAL_LINE = "a" * 5000 + "b"


def test_pathological_pattern_is_rejected_quickly_with_a_clear_message(tmp_path):
    rule = check("TST009", "existence", patterns=["(a+)+$"])
    project(tmp_path, [rule], {"docs/a.md": f"# A\n\n{PATHOLOGICAL_LINE}\n"})
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "doclint", "check", "--no-cache", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert time.monotonic() - started < 10
    assert completed.returncode == 2
    assert (
        "rules/pack.yaml: check TST009 (existence): field 'patterns[0]': pattern '(a+)+$' can backtrack catastrophically"
        in completed.stderr
    )


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time budget needs a POSIX interval timer")
def test_pattern_that_passes_the_screen_still_stops_within_its_budget(tree, tmp_path):
    slow = "a*a*a*a*a*a*b"  # no nested repetition, but polynomial of degree six on a run of a's
    screen(slow)
    rule = check("TST009", "existence", patterns=[slow])
    project(tmp_path, [rule], {f"docs/{name}.md": f"# A\n\n{'a' * 3000}c\n" for name in ("a", "b", "c")})
    started = time.monotonic()
    diagnostics = lint(tmp_path)
    assert time.monotonic() - started < 6  # one budget: the pattern is switched off after its first timeout
    (timeout,) = [d for d in diagnostics if d.code == "DL004"]
    assert (timeout.line, timeout.column) == (3, 1)
    assert (
        f"pattern '{slow}' (rules/pack.yaml, check TST009 (existence), field 'patterns[0]') ran longer than its time budget"
        in timeout.message
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+$",
        r"(a*)*b",
        r"(\w+\s?)+$",
        r"(a|aa)+$",
        r"(a|a)+$",
        r"(?:x+x+)+y",
        r"(aa?)+$",
        r"(a|ab|b)+$",
        r"(?=(.*a)+b)",
        r"(a+){2,100}b",
    ],
)
def test_screen_rejects_exponential_shapes(pattern):
    with pytest.raises(UnsafePattern):
        screen(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(\w+\s)+",
        r"(?:,\s*\w+)*",
        r"(ab|a)+c",
        r"[A-Z][a-z]+(?:-[a-z]+)*",
        r"(?:\d+\.)+\d+",
        r"colou?r",
        r"LLM Deep Dive: .+",
        r"(?:ab){1,3}",
    ],
)
def test_screen_accepts_unambiguous_repetitions(pattern):
    screen(pattern)


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="atomic groups and possessive repeats arrived in Python 3.11"
)
@pytest.mark.parametrize("pattern", [r"(?>a+)+b", r"(?:a++)+b"])
def test_screen_accepts_repetitions_of_parts_that_never_backtrack(pattern):
    screen(pattern)


@pytest.mark.parametrize(
    "pattern", [r"(\w+\s)+$", r"(?:,\s*\w+)*$", r"[A-Z][a-z]+(?:-[a-z]+)*$", r"(ab|a)+c"]
)
def test_accepted_patterns_are_fast_on_near_misses(pattern):
    """Exponential patterns explode on a few dozen characters; these stay fast on paragraph-sized text."""
    import re

    compiled = re.compile(pattern)
    for text in ("a " * 200 + "!", ",a" * 200 + "!", "Ab" + "-ab" * 150 + "!", "ab" * 200):
        started = time.monotonic()
        compiled.search(text)
        assert time.monotonic() - started < 1
