"""The fix engine's proofs: the render check, the re-lint, deterministic conflicts, the CLI contract."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from doclint.cli import main
from doclint.config import load_config
from doclint.diagnostics import Diagnostic, Edit
from doclint.engine import Linter
from doclint.fixes import run_fixes
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class _ReplaceWord(DocumentRule):
    """Test rule: offers a safe fix that replaces every `WORD` with a configured replacement.

    ## What it does
    Test only.

    ## Why it matters
    Test only.

    ## Fix safety
    Claims safe; the tests decide whether it is.
    """

    code = "TST001"
    name = "replace-word"
    family = "test"
    fix_safety = "safe"
    examples = Examples(failing=(Example.of("WORD\n"),), passing=(Example.of("word\n"),))
    replacement = "word"

    def check(self, document, context: RuleContext) -> Iterator[Diagnostic]:  # type: ignore[no-untyped-def]
        for number in range(1, document.source.line_count + 1):
            for match in re.finditer("WORD", document.line(number)):
                column = match.start() + 1
                edit = Edit(number, column, number, column + 4, self.replacement)
                yield self.report(document, number, column, "WORD", fix=self.make_fix("lower it", edit))


def _linter(root: Path, *rules: type[DocumentRule]) -> Linter:
    linter = Linter(load_config([root]), select=("DL",), use_cache=False, jobs=1)
    for rule in rules:
        linter.rules.append(rule)
        linter.codes |= {rule.code, rule.name}
        linter.contexts[rule.code] = RuleContext({}, linter.config.site)
    return linter


def _fix(root: Path, *rules: type[DocumentRule], unsafe: bool = False):  # type: ignore[no-untyped-def]
    return run_fixes(_linter(root, *rules), [root], unsafe)


def test_a_harmless_safe_fix_is_applied(tree):
    root = tree({"docs/a.mdx": "# Title\n\nA WORD here.\n\nNext.\n"})
    outcome, _ = _fix(root, _ReplaceWord)
    assert outcome.refused == [] and outcome.applied["TST001"] == 1
    assert outcome.changed[root / "docs/a.mdx"][1] == b"# Title\n\nA word here.\n\nNext.\n"


class _BreakingFix(_ReplaceWord):
    """Test rule whose 'safe' fix turns a line into an admonition opener, swallowing what follows.

    ## What it does
    Test only.

    ## Why it matters
    Test only.

    ## Fix safety
    Claims safe but is not.
    """

    code = "TST002"
    name = "breaking-fix"
    replacement = ":::note"


def test_a_safe_fix_that_changes_the_page_elsewhere_is_refused(tree):
    root = tree({"docs/a.mdx": "# Title\n\nWORD\n\nNext paragraph.\n\n:::\n\nAfter.\n"})
    outcome, _ = _fix(root, _BreakingFix)
    assert outcome.changed == {}
    assert (
        len(outcome.refused) == 1 and "would change the rendered page outside its edit" in outcome.refused[0]
    )


class _ScopedFix(_BreakingFix):
    """Test rule: the same opener, declaring that it means to change the page down to the closer.

    ## What it does
    Test only.

    ## Why it matters
    Test only.

    ## Fix safety
    Safe within its declared scope.
    """

    code = "TST006"
    name = "scoped-fix"
    scope_reaches_closer = True

    def check(self, document, context: RuleContext) -> Iterator[Diagnostic]:  # type: ignore[no-untyped-def]
        closer = next(n for n in range(1, document.source.line_count + 1) if document.line(n) == ":::")
        for diagnostic in super().check(document, context):
            fix = diagnostic.fix
            assert fix is not None
            last = closer if self.scope_reaches_closer else closer - 1
            scoped = self.make_fix(fix.description, *fix.edits, scope=(diagnostic.line, last))
            yield self.report(document, diagnostic.line, diagnostic.column, diagnostic.message, fix=scoped)


def test_a_fix_may_change_the_page_within_its_declared_scope_and_nowhere_else(tree):
    root = tree({"docs/a.mdx": "# Title\n\nWORD\n\nNext paragraph.\n\n:::\n\nAfter.\n"})
    outcome, _ = _fix(root, _ScopedFix)
    assert outcome.refused == [] and outcome.applied["TST006"] == 1

    class ShortScope(_ScopedFix):
        scope_reaches_closer = False  # the ':::' paragraph the fix turns into a closer lies outside

    outcome, _ = _fix(root, ShortScope)
    assert outcome.changed == {} and "outside its edit" in outcome.refused[0]


class _HeadingFix(_ReplaceWord):
    """Test rule whose fix renames a heading that a link on the page targets.

    ## What it does
    Test only.

    ## Why it matters
    Test only.

    ## Fix safety
    Claims safe but breaks an anchor.
    """

    code = "TST003"
    name = "heading-fix"
    replacement = "Other"


def test_a_fix_that_introduces_a_diagnostic_is_refused_and_others_still_apply(tree):
    from doclint.rules import rule_by_code

    missing_anchor = rule_by_code("LNK002")
    root = tree({"docs/a.md": "# T\n\n## WORD\n\nSee [it](#word).\n", "docs/b.md": "# B\n\nNothing WORD.\n"})
    linter = _linter(root, _HeadingFix)
    linter.rules.append(missing_anchor)
    linter.contexts["LNK002"] = RuleContext({}, linter.config.site)
    outcome, result = run_fixes(linter, [root], unsafe=False)
    assert [path.name for path in outcome.changed] == ["b.md"]
    assert any("would introduce LNK002" in reason for reason in outcome.refused)
    assert not [d for d in result.diagnostics if d.code == "LNK002"]


def test_the_culprit_among_several_fixes_of_a_file_is_found_and_the_others_applied(tree):
    from doclint.rules import rule_by_code

    root = tree({"docs/a.md": "# T\n\n## WORD\n\nSee [it](#word). A WORD too.\n"})
    linter = _linter(root, _HeadingFix)
    linter.rules.append(rule_by_code("LNK002"))
    linter.contexts["LNK002"] = RuleContext({}, linter.config.site)
    outcome, _ = run_fixes(linter, [root], unsafe=False)
    assert outcome.changed[root / "docs/a.md"][1] == b"# T\n\n## WORD\n\nSee [it](#word). A Other too.\n"
    assert len(outcome.refused) == 1 and "docs/a.md:3:4: TST003" in outcome.refused[0]


def test_overlapping_fixes_resolve_the_same_way_every_time(tree):
    class Wide(_ReplaceWord):
        """Test rule.

        ## What it does
        Test only.

        ## Why it matters
        Test only.

        ## Fix safety
        Test only.
        """

        code = "TST004"
        name = "wide"

        def check(self, document, context):  # type: ignore[no-untyped-def]
            if "A WORD" in document.text:
                edit = Edit(3, 1, 3, 7, "a word")
                yield self.report(document, 3, 1, "wide", fix=self.make_fix("lower both", edit))

    results = set()
    for _ in range(3):
        root = tree({"docs/a.md": "# T\n\nA WORD.\n"})
        outcome, _ = _fix(root, Wide, _ReplaceWord)
        results.add(outcome.changed[root / "docs/a.md"][1])
    assert results == {b"# T\n\na word.\n"}


def test_fix_keeps_bom_and_crlf_and_diff_writes_nothing(tree, capsys):
    original = b"\xef\xbb\xbf# T\r\n\r\nText.\r\n{/* doclint-disable-next-line LNK001 */}\r\nMore.\r\n"
    root = tree({"docs/a.mdx": original})
    assert main(["check", "--diff", "--no-cache", str(root / "docs")]) == 0
    assert "-{/* doclint-disable-next-line LNK001 */}" in capsys.readouterr().out
    assert (root / "docs/a.mdx").read_bytes() == original
    main(["check", "--fix", "--no-cache", str(root / "docs")])
    assert (root / "docs/a.mdx").read_bytes() == b"\xef\xbb\xbf# T\r\n\r\nText.\r\n\r\nMore.\r\n"


def test_unsafe_fixes_wait_for_the_flag(tree):
    class Unsafe(_ReplaceWord):
        """Test rule.

        ## What it does
        Test only.

        ## Why it matters
        Test only.

        ## Fix safety
        Unsafe.
        """

        code = "TST005"
        name = "unsafe"
        fix_safety = "unsafe"

    root = tree({"docs/a.md": "# T\n\nWORD\n"})
    assert _fix(root, Unsafe)[0].changed == {}
    assert _fix(root, Unsafe, unsafe=True)[0].applied["TST005"] == 1
