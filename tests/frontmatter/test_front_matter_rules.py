"""FM001, FM002, FM004-FM007 on hand-written projects; positions follow js-yaml's as Docusaurus prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.rules.base import Example
from doclint.rules.frontmatter.fm001_yaml_syntax import FrontMatterYamlSyntax
from doclint.rules.frontmatter.fm002_duplicate_key import FrontMatterDuplicateKey
from doclint.rules.frontmatter.fm004_unknown_key import UnknownFrontMatterKey
from doclint.rules.frontmatter.fm005_required_key import MissingRequiredFrontMatterKey
from doclint.rules.frontmatter.fm006_category_file import InvalidCategoryFile
from doclint.rules.frontmatter.fm007_undefined_tag import TagNotInTagsFile
from doclint.testing import run_example

DOCS_KEYS = ["title", "sidebar_label", "description", "tags"]


# (source, js-yaml's (line, column) in the file, as gray-matter + js-yaml 4 report it)
@pytest.mark.parametrize(
    ("source", "position"),
    [
        ("---\ntitle: [x\n---\n# T\n", (3, 1)),  # unexpected end of the stream within a flow collection
        ("---\nfoo: bar\n    baz: 1\n---\n", (3, 8)),  # bad indentation of a mapping entry
        ("---\ntitle: a: b\n---\n", (2, 9)),
        ("---\ntitle: 'unclosed\n---\n", (3, 1)),  # end of the stream within a single quoted scalar
        ('---\ntitle: "x" y\n---\n', (2, 12)),
        ("---\na: 1\n b: 2\n---\n", (3, 3)),
        ("---\ntitle: {a\n---\n", (3, 1)),
        ("---\ntitle: a\n- b\n---\n", (3, 1)),
        ("---\ndescription: This is: a problem\n---\n", (2, 21)),
        ("---\ntitle: x\n\n# Title\n", (1, 1)),  # never closed: gray-matter reads the whole file as YAML
    ],
)
def test_yaml_errors_where_js_yaml_reports_them(source, position):
    diagnostics = run_example(FrontMatterYamlSyntax, Example.of(source))
    assert [(d.line, d.column) for d in diagnostics] == [position]


def test_duplicate_keys_top_level_and_nested():
    source = "---\nt: x\nt: y\nnested:\n  a: 1\n  a: 2\n---\n"
    diagnostics = run_example(FrontMatterDuplicateKey, Example.of(source))
    assert [(d.line, d.column) for d in diagnostics] == [
        (3, 1),
        (6, 3),
    ]  # js-yaml: (3:1) and (4:3) in its block
    assert "first defined on line 2" in diagnostics[0].message


def test_duplicates_are_not_syntax_errors():
    assert run_example(FrontMatterYamlSyntax, Example.of("---\nt: x\nt: y\n---\n")) == []


def test_unknown_key_did_you_mean():
    example = Example.of("---\nsidebar_lable: x\n---\n", options={"known-keys": DOCS_KEYS})
    [diagnostic] = run_example(UnknownFrontMatterKey, example)
    assert "did you mean 'sidebar_label'" in diagnostic.message
    assert (diagnostic.line, diagnostic.column, diagnostic.severity.value) == (2, 1, "warning")


def test_unknown_key_site_declares_its_own():
    source = "---\ntitle: x\nestimated_minutes: 5\ndoclint:\n  ignore: [FM003]\n---\n"
    options = {"known-keys": DOCS_KEYS, "extra-keys": ["estimated_minutes"]}
    assert run_example(UnknownFrontMatterKey, Example.of(source, options=options)) == []


def test_unknown_key_in_blog_post_uses_blog_keys():
    options = {"known-keys": DOCS_KEYS, "blog-known-keys": ["title", "authors", "date"]}
    source = "---\ntitle: x\nauthors: [ada]\ndate: 2024-01-01\nauthorTwitter: ada\n---\n"
    diagnostics = run_example(UnknownFrontMatterKey, Example.of(source, path="blog/post.md", options=options))
    assert [d.message.split("'")[1] for d in diagnostics] == ["authorTwitter"]


def test_builtin_pack_knows_the_docs_keys():
    """Without options the rule reads rules/docusaurus.yaml, so title_meta (blog only) is unknown in docs."""
    import tempfile
    from pathlib import Path

    from doclint.config import Config
    from doclint.engine import Linter

    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "docs").mkdir()
        page = root / "docs" / "page.md"
        page.write_text("---\ntitle: T\nsidebar_label: S\ntitle_meta: M\n---\n\nText.\n", encoding="utf-8")
        result = Linter(Config(root=root), select=("FM004",)).run([page])
    assert [d.message.split("'")[1] for d in result.diagnostics] == ["title_meta"]


@pytest.mark.parametrize(
    ("source", "missing"),
    [
        ("---\ntitle: T\n---\n", ["sidebar_label", "description"]),
        ("# No front matter\n", ["title", "sidebar_label", "description"]),
        ("---\ntitle: T\nsidebar_label: ' '\ndescription: D\n---\n", ["sidebar_label"]),
        ("---\ntitle: T\nsidebar_label: S\ndescription: D\n---\n", []),
    ],
)
def test_required_keys(source, missing):
    options = {"required": ["title", "sidebar_label", "description"]}
    diagnostics = run_example(MissingRequiredFrontMatterKey, Example.of(source, options=options))
    assert sorted(d.message.split("'")[1] for d in diagnostics) == sorted(missing)


@pytest.mark.parametrize(
    ("name", "content", "fails"),
    [  # each verified with the docs plugin's validateCategoryMetadataFile
        ("_category_.yml", "label: 2", True),
        ("_category_.yml", "position: '2'", False),
        ("_category_.yml", "label: A\nfoo: 1", True),
        ("_category_.yml", "collapsed: 'true'", False),
        ("_category_.yml", "collapsed: 'yes'", True),
        ("_category_.yml", "link: {type: page}", True),
        ("_category_.yml", "link: {type: doc}", True),
        ("_category_.yml", "link: {type: generated-index, title: T, extra: 1}", True),
        ("_category_.yml", "link: null", False),
        ("_category_.yaml", "", False),
        ("_category_.yaml", "- a", True),
        ("_category_.json", '{"label": "A", "position": 2}', False),
        ("_category_.json", '{"label": ""}', True),
        ("_category_.json", '{"customProps": {"a": 1}}', False),
        ("_category_.json", '{"link": {"id": "x"}}', False),
        ("_category_.json", '{"description": 5}', True),
        ("_category_.json", '{"link": {"type": "generated-index", "keywords": "a"}}', False),
        ("_category_.json", '{"label": "A",', True),
    ],
)
def test_category_files(name, content, fails):
    example = Example({"docs/part/page.md": "# Page\n", f"docs/part/{name}": content})
    assert bool(run_example(InvalidCategoryFile, example)) is fails


def test_category_unknown_key_position_and_suggestion():
    example = Example({"docs/page.md": "# Page\n", "docs/_category_.yml": "label: A\ncolapsed: true\n"})
    [diagnostic] = run_example(InvalidCategoryFile, example)
    assert (diagnostic.line, diagnostic.column) == (2, 1)
    assert "did you mean 'collapsed'" in diagnostic.message


def test_two_category_files_in_one_folder():
    example = Example(
        {
            "docs/page.md": "# Page\n",
            "docs/_category_.json": '{"label": "A"}',
            "docs/_category_.yml": "label: B\n",
        }
    )
    [diagnostic] = run_example(InvalidCategoryFile, example)
    assert "more than one category file" in diagnostic.message


def test_tags_against_tags_file():
    files = {
        "docs/page.md": "---\ntags: [scaling, scalling, {label: X, permalink: /x}]\n---\n\n# Page\n",
        "docs/tags.yml": "scaling:\n  label: Scaling\n",
    }
    diagnostics = run_example(TagNotInTagsFile, Example(files))
    assert len(diagnostics) == 2
    assert (
        "did you mean 'scaling'" in diagnostics[1].message
        or "did you mean 'scaling'" in diagnostics[0].message
    )
    assert all(d.line == 2 for d in diagnostics)


def test_tags_without_tags_file_are_not_checked():
    assert run_example(TagNotInTagsFile, Example.of("---\ntags: [anything]\n---\n\n# Page\n")) == []


def test_series_pack_requires_title_label_and_description(tmp_path):
    from doclint.config import Config
    from doclint.engine import Linter

    pack = Path(__file__).resolve().parents[2] / "rules" / "llm-deep-dive.yaml"
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "chapter.md"
    page.write_text("---\ntitle: Scaling laws\n---\n\nText.\n", encoding="utf-8")
    result = Linter(Config(root=tmp_path, rule_packs=(str(pack),)), select=("FM005",)).run([page])
    assert sorted(d.message.split("'")[1] for d in result.diagnostics) == ["description", "sidebar_label"]


@pytest.mark.parametrize(
    ("scalar", "value"),
    [  # what js-yaml 4 (Docusaurus's reader) makes of each scalar
        ("=", "="),
        ("1:30", "1:30"),
        ("010", 10),
        ("0o10", 8),
        ("1_000", "1_000"),
        ("0x1F", 31),
        ("0b101", 5),
        ("12e3", 12000),
        ("yes", "yes"),
        ("True", True),
        ("~", None),
    ],
)
def test_scalars_read_as_js_yaml_reads_them(scalar, value):
    from doclint.parsing.frontmatter import parse_front_matter

    front_matter = parse_front_matter(["---", f"x: {scalar}", "---"])
    assert front_matter.problems == [] and front_matter.data == {"x": value}


def test_sidebar_position_in_octal_looking_decimal_is_fine():
    from doclint.rules.frontmatter.fm003_docs_schema import DocsFrontMatterSchema

    assert run_example(DocsFrontMatterSchema, Example.of("---\nsidebar_position: 010\ntitle: =\n---\n")) == []
