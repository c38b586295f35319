"""Each declarative kind, with failing and passing fixtures (consistency across several chapters)."""

from __future__ import annotations

from .packsupport import check, found, lint, project


def codes(diagnostics):
    return [d.code for d in diagnostics]


# -- existence ------------------------------------------------------------------------------------------------
EXISTENCE = check("TST001", "existence", tokens=["simply", "of course"], message="cut '{match}'")


def test_existence_reports_words_in_prose_with_positions(tree, tmp_path):
    project(tmp_path, [EXISTENCE], {"docs/a.md": "# Title\n\nYou simply add it.\nOf\ncourse it works.\n"})
    assert found(tmp_path, "TST001") == [
        ("docs/a.md", 3, 5, "cut 'simply'"),
        ("docs/a.md", 4, 1, "cut 'Of\ncourse'"),
    ]


def test_existence_ignores_code_links_words_that_contain_the_token_and_footnotes(tree, tmp_path):
    text = (
        "# Title\n\nThe simplicity of `simply()`; see [the guide](./simply.md).\n\n"
        '```python\nsimply = 1\n```\n\nA claim.[^simply]\n\n[^simply]: Smith, "Simply Put", 2020.\n'
    )
    mdx = '# Title\n\n<img\n  alt="simply"\n  src="./simply.png"\n/>\n\nSee https://example.com/simply and {/* simply */} text.\n'
    project(tmp_path, [EXISTENCE], {"docs/a.md": text, "docs/b.mdx": mdx})
    assert found(tmp_path, "TST001") == []


def test_existence_case_rule_and_scope_headings(tree, tmp_path):
    rule = check("TST001", "existence", tokens=["Github"], **{"ignore-case": False}, scope=["headings"])
    project(
        tmp_path,
        [rule],
        {"docs/a.md": "# Using Github\n\nGithub in prose is out of scope; GitHub is right.\n"},
    )
    assert [(line, column) for _, line, column, _ in found(tmp_path, "TST001")] == [(1, 9)]


def test_existence_patterns_and_front_matter_scope(tree, tmp_path):
    rule = check("TST001", "existence", patterns=[r"\d+ ?GB\b"], scope=["front-matter:description", "prose"])
    files = {"docs/a.md": "---\ndescription: 'An 800GB corpus'\n---\n\n# A\n\nThe 825 GB Pile.\n"}
    project(tmp_path, [rule], files)
    assert [(line, column) for _, line, column, _ in found(tmp_path, "TST001")] == [(2, 18), (7, 5)]


def test_titles_and_code_scopes(tree, tmp_path):
    titles = check("TST001", "existence", tokens=["simply"], scope=["titles"])
    code = check("TST002", "existence", tokens=["simply"], scope=["code"])
    text = "---\ntitle: 'Simply Scaling'\nsidebar_label: simply\ndescription: simply\n---\n\n# Simply\n\n`simply()`\n\n```\nsimply\n```\n"
    project(tmp_path, [titles, code], {"docs/a.md": text})
    assert [(d.code, d.line, d.column) for d in lint(tmp_path)] == [
        ("TST001", 2, 9),
        ("TST001", 3, 16),
        ("TST002", 9, 2),
        ("TST002", 12, 1),
    ]


def test_no_fix_inside_a_front_matter_value_when_the_replacement_could_change_the_yaml(tree, tmp_path):
    rule = check(
        "TST002", "substitution", swap={"utilise": "use: it", "leverage": "use"}, fix="safe", scope=["titles"]
    )
    project(tmp_path, [rule], {"docs/a.md": "---\ntitle: 'Utilise and leverage'\n---\n\n# A\n"})
    assert [d.fix.edits[0].replacement if d.fix else None for d in lint(tmp_path)] == [None, "use"]


def test_existence_fix_deletes_the_word_and_its_space(tree, tmp_path):
    rule = dict(EXISTENCE, fix="unsafe")
    project(tmp_path, [rule], {"docs/a.md": "# A\n\nYou simply add it.\n"})
    (diagnostic,) = lint(tmp_path)
    edit = diagnostic.fix.edits[0]
    assert diagnostic.fix.safety == "unsafe"
    assert (edit.line, edit.column, edit.end_column, edit.replacement) == (3, 5, 12, "")


# -- substitution ---------------------------------------------------------------------------------------------
SUBSTITUTION = check("TST002", "substitution", swap={"utilise": "use", "in order to": "to"}, fix="safe")


def test_substitution_reports_and_fixes_keeping_the_capital(tree, tmp_path):
    project(tmp_path, [SUBSTITUTION], {"docs/a.md": "# A\n\nUtilise the GPU in order to train.\n"})
    diagnostics = lint(tmp_path)
    assert [d.message for d in diagnostics] == [
        "write 'Use' instead of 'Utilise'",
        "write 'to' instead of 'in order to'",
    ]
    assert [d.fix.edits[0].replacement for d in diagnostics] == ["Use", "to"]
    assert all(d.fix.safety == "safe" for d in diagnostics)


def test_substitution_passes_clean_text(tree, tmp_path):
    project(
        tmp_path,
        [SUBSTITUTION],
        {"docs/a.md": "# A\n\nUse the GPU to train; utilisation is a different word.\n"},
    )
    assert lint(tmp_path) == []


def test_substitution_fix_is_applied_by_doclint_fix(tree, tmp_path):
    from doclint.cli import main

    project(tmp_path, [SUBSTITUTION], {"docs/a.md": "# A\n\nWe utilise it in order to learn.\n"})
    assert main(["check", "--fix", "--no-cache", str(tmp_path)]) == 0
    assert (tmp_path / "docs/a.md").read_text() == "# A\n\nWe use it to learn.\n"


# -- consistency ----------------------------------------------------------------------------------------------
CONSISTENCY = check(
    "TST003", "consistency", variants=["chain-of-thought", "chain of thought", "CoT reasoning"]
)
CHAPTERS = {
    "docs/one.md": "# One\n\nChain-of-thought prompting. More chain-of-thought.\n",
    "docs/two.md": "# Two\n\nWith chain-of-thought, models reason.\n",
    "docs/three.md": "# Three\n\nChain of Thought helps, as does CoT reasoning.\n",
}


def test_consistency_reports_every_minority_use_across_chapters(tree, tmp_path):
    project(tmp_path, [CONSISTENCY], CHAPTERS)
    results = found(tmp_path, "TST003")
    assert [(path, line, column) for path, line, column, _ in results] == [
        ("docs/three.md", 3, 1),
        ("docs/three.md", 3, 33),
    ]
    message = results[0][3]
    assert "'Chain of Thought' here, but the series mostly writes 'chain-of-thought'" in message
    assert "'chain-of-thought' ×3, 'chain of thought' ×1, 'CoT reasoning' ×1" in message
    assert "docs/one.md (2), " in message and "docs/two.md (1)" in message


def test_consistency_counts_the_whole_series_when_one_chapter_is_checked(tree, tmp_path):
    project(tmp_path, [CONSISTENCY], CHAPTERS)
    assert [path for path, *_ in found(tmp_path, "TST003", "docs/three.md")] == [
        "docs/three.md",
        "docs/three.md",
    ]
    assert found(tmp_path, "TST003", "docs/one.md") == []


def test_consistency_passes_when_one_variant_is_used(tree, tmp_path):
    project(
        tmp_path,
        [CONSISTENCY],
        {
            path: text.replace("Chain of Thought", "Chain-of-thought").replace(
                "CoT reasoning", "chain-of-thought"
            )
            for path, text in CHAPTERS.items()
        },
    )
    assert found(tmp_path, "TST003") == []


def test_consistency_majority_can_be_the_unlisted_first_and_ties_go_to_the_first_listed(tree, tmp_path):
    rule = check("TST003", "consistency", variants=[["optimisation", "optimization"]], fix="unsafe")
    project(tmp_path, [rule], {"docs/a.md": "# A\n\nOptimization.\n", "docs/b.md": "# B\n\noptimisation\n"})
    (diagnostic,) = lint(tmp_path)
    assert diagnostic.path.endswith("docs/a.md") and diagnostic.fix.edits[0].replacement == "Optimisation"


# -- required-section -----------------------------------------------------------------------------------------
REQUIRED = check(
    "TST004",
    "required-section",
    sections=["Summary", "Next Steps"],
    level=2,
    ordered=True,
    **{"at-end": True},
)


def test_required_section_missing_out_of_order_and_not_last(tree, tmp_path):
    files = {
        "docs/missing.md": "# Missing\n\n## Summary\n\nText.\n",
        "docs/order.md": "# Order\n\n## Next Steps\n\nA.\n\n## Summary\n\nB.\n",
        "docs/late.md": "# Late\n\n## Summary\n\n## Next Steps\n\nA.\n\n## Appendix\n\nB.\n",
        "docs/good.md": "# Good\n\n## Summary\n\n### Detail\n\n## Next Steps\n\nA.\n",
        "docs/_partial.md": "Shared text without sections.\n",
    }
    project(tmp_path, [REQUIRED], files)
    assert found(tmp_path, "TST004") == [
        ("docs/late.md", 5, 4, "'Next Steps' must be the chapter's last section, but 'Appendix' follows it"),
        ("docs/missing.md", 1, 1, "'Next Steps' is missing: every chapter needs this level-2 heading"),
        ("docs/order.md", 3, 4, "'Next Steps' must be the chapter's last section, but 'Summary' follows it"),
        ("docs/order.md", 3, 4, "'Next Steps' must come after 'Summary'"),
    ]


def test_required_section_applies_to_matching_chapters_only(tree, tmp_path):
    rule = dict(REQUIRED, paths=["docs/chapters/**"])
    project(
        tmp_path,
        [rule],
        {"docs/index.md": "# Home\n", "docs/chapters/a.md": "# A\n\n## Summary\n\n## Next Steps\n"},
    )
    assert found(tmp_path, "TST004") == []
    project(tmp_path, [rule], {"docs/chapters/b.md": "# B\n"})
    assert [path for path, *_ in found(tmp_path, "TST004")] == ["docs/chapters/b.md", "docs/chapters/b.md"]


# -- front-matter-pattern -------------------------------------------------------------------------------------
TITLE = check(
    "TST005", "front-matter-pattern", field="title", pattern="LLM Deep Dive: .+", message="title {problem}"
)
LABEL = check(
    "TST006", "front-matter-pattern", field="sidebar_label", **{"max-length": 29, "required": False}
)


def test_front_matter_pattern_and_length(tree, tmp_path):
    files = {
        "docs/bad.md": "---\ntitle: Scaling Laws\nsidebar_label: 'Reinforcement Learning from Human Feedback'\n---\n\n# S\n",
        "docs/none.md": "# No front matter\n",
        "docs/good.md": "---\ntitle: 'LLM Deep Dive: Scaling Laws'\nsidebar_label: Scaling Laws\n---\n\n# S\n",
        "docs/broken.md": "---\ntitle: [unclosed\n---\n\n# S\n",
    }
    project(tmp_path, [TITLE, LABEL], files)
    assert found(tmp_path, "TST005") == [
        (
            "docs/bad.md",
            2,
            8,
            "title is 'Scaling Laws', which does not match the pattern 'LLM Deep Dive: .+'",
        ),
        ("docs/none.md", 1, 1, "title is missing"),
    ]
    assert found(tmp_path, "TST006") == [
        ("docs/bad.md", 3, 16, "front matter 'sidebar_label' is 42 characters long, over the maximum of 29")
    ]


# -- terminology ----------------------------------------------------------------------------------------------
GLOSSARY = (
    "terms:\n"
    "  - term: chain-of-thought\n    variants: [chain of thought, CoT reasoning]\n"
    "  - term: large language model\n    acronym: LLM\n"
)
TERMS = check("TST007", "terminology", glossary="glossary.yaml", fix="unsafe")


def test_terminology_variants_and_first_use_expansion_per_chapter(tree, tmp_path):
    files = {
        "docs/a.md": "# LLMs\n\nSee [LLM basics](./b.md). An LLM reads. Chain of thought helps.\n",
        "docs/b.md": "# Basics\n\nLarge language models (LLMs) read text. An LLM writes text.\n",
        "docs/c.md": "# Later\n\nAn LLM is a large language model (LLM).\n",
    }
    project(tmp_path, [TERMS], files, {"rules/glossary.yaml": GLOSSARY})
    results = found(tmp_path, "TST007")
    assert [(path, line, column) for path, line, column, _ in results] == [
        ("docs/a.md", 3, 30),
        ("docs/a.md", 3, 41),
        ("docs/c.md", 3, 4),
    ]
    assert results[1][3] == "write 'Chain-of-thought', not 'Chain of thought' (series glossary)"
    assert (
        "'LLM' is used here before this chapter defines it; write 'large language model (LLM)'"
        in results[0][3]
    )


def test_terminology_inline_terms_pass_clean_chapters(tree, tmp_path):
    rule = check("TST007", "terminology", terms=[{"term": "large language model", "acronym": "LLM"}])
    project(
        tmp_path,
        [rule],
        {"docs/a.md": "# LLM basics\n\nAn LLM (large language model) reads. The LLM writes.\n"},
    )
    assert found(tmp_path, "TST007") == []


# -- shared behaviour -----------------------------------------------------------------------------------------
def test_pack_rules_are_selected_ignored_and_suppressed_like_built_in_rules(tree, tmp_path):
    project(
        tmp_path,
        [EXISTENCE, SUBSTITUTION],
        {
            "docs/a.md": "# A\n\nSimply utilise it.\n{/* doclint-disable-next-line TST002 */}\nSimply utilise it.\n"
        },
    )
    assert codes(lint(tmp_path)) == ["TST001", "TST002", "TST001"]
    linter_codes = [
        d.code
        for d in __import__("doclint.engine", fromlist=["Linter"])
        .Linter(
            __import__("doclint.config", fromlist=["load_config"]).load_config([tmp_path]),
            select=("test-pack",),
            ignore=("TST001",),
            use_cache=False,
        )
        .run([tmp_path])
        .diagnostics
    ]
    assert linter_codes == ["TST002"]
