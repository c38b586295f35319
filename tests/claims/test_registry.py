"""The citation registries: loading, field readers, the [claims] configuration table."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from doclint.claims.facts import FieldError, claim_fact, read_date, review_days
from doclint.claims.registry import load_registry, normalize_label
from doclint.config import ConfigError, RegistryFiles, config_from_table
from doclint.engine import Linter


def registry(tree, files: dict[str, str]):
    root = tree(files)
    return load_registry(root, RegistryFiles())


def test_list_and_mapping_forms_keep_lines_and_duplicates(tree):
    loaded = registry(
        tree,
        {
            "references.yaml": "references:\n  - id: a\n    type: book\n    title: A\n  - id: a\n    type: book\n",
            "claims.yaml": "claims:\n  x.params:\n    value: 1\n  x.params:\n    value: 2\n",
        },
    )
    assert [(e.id, e.line) for e in loaded.references] == [("a", 2), ("a", 5)]
    assert [(e.id, e.line, e.get("value")) for e in loaded.claims] == [("x.params", 2, 1), ("x.params", 4, 2)]
    assert loaded.lookup("A").id == "a" and loaded.entries


def test_claim_id_wins_over_an_equal_reference_id(tree):
    loaded = registry(
        tree,
        {
            "references.yaml": "references:\n  - {id: same, type: book, title: T}\n",
            "claims.yaml": "claims:\n  - {id: same}\n",
        },
    )
    assert loaded.lookup("same").kind == "claim"
    assert loaded.reference("same").kind == "reference"


def test_unreadable_files_become_problems_not_crashes(tree):
    loaded = registry(tree, {"references.yaml": "references: [\n", "claims.yaml": "- just a string\n"})
    messages = [problem.message for problem in loaded.problems]
    assert any("not valid YAML" in m for m in messages) and any("must be a mapping" in m for m in messages)


def test_impossible_yaml_date_is_kept_as_written(tree):
    loaded = registry(tree, {"references.yaml": "references:\n  - {id: a, accessed: 2020-02-30}\n"})
    (entry,) = loaded.references
    assert entry.get("accessed") == "2020-02-30"
    with pytest.raises(FieldError, match="not a real date"):
        read_date(entry.get("accessed"))


def test_missing_default_files_mean_no_registry(tree):
    assert registry(tree, {"docs/a.md": "x\n"}).empty


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"date-parts": [[2020, 5, 28]]}, datetime.date(2020, 5, 28)),
        ({"date-parts": [[2020]]}, datetime.date(2020, 1, 1)),
        ("2021-06", datetime.date(2021, 6, 1)),
        (datetime.date(2019, 1, 2), datetime.date(2019, 1, 2)),
        ({"raw": "2018-03-04"}, datetime.date(2018, 3, 4)),
    ],
)
def test_read_date(value, expected):
    assert read_date(value) == expected


@pytest.mark.parametrize(
    "value", [{"date-parts": []}, {"date-parts": [[]]}, "May 2020", {"date-parts": [[2020, 13]]}]
)
def test_bad_dates(value):
    with pytest.raises(FieldError):
        read_date(value)


@pytest.mark.parametrize(
    ("value", "days"),
    [("stable", None), ("annual", 366), ("6 months", 186), ("P90D", 90), ("P1Y", 366), (30, 30)],
)
def test_review_days(value, days):
    assert review_days(value) == days


def test_claim_value_forms(tree):
    loaded = registry(
        tree,
        {
            "claims.yaml": "claims:\n"
            "  - {id: a, value: 175e9, unit: parameters}\n"
            "  - {id: b, value: 175 billion, unit: params}\n"
            "  - {id: c, value: over 100B, unit: parameters}\n"
            "  - {id: d, value: 2017, unit: year}\n",
        },
    )
    facts = {entry.id: claim_fact(entry).quantity for entry in loaded.claims}
    assert facts["a"].value == facts["b"].value == 175e9 and facts["a"].unit == "parameters"
    assert facts["c"].comparator == "over"
    assert (facts["d"].value, facts["d"].unit) == (2017.0, "year")


def test_labels_normalise_like_gfm():
    assert normalize_label("Brown2020") == normalize_label("brown2020") == normalize_label(" BROWN2020 ")


def test_claims_table_in_configuration(tree):
    root = tree({"refs/bib.yaml": "references: []\n", "refs/facts.yaml": "claims: []\n"})
    config = config_from_table(
        {"claims": {"references": "refs/bib.yaml", "registry": ["refs/facts.yaml"]}}, root
    )
    assert config.registries == RegistryFiles(("refs/bib.yaml",), ("refs/facts.yaml",), configured=True)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"claims": {"referencs": "x.yaml"}}, "did you mean 'claims.references'"),
        ({"claims": {"references": "missing.yaml"}}, "not a file"),
        ({"claims": {"registry": 3}}, "list of strings"),
        ({"claims": "refs.yaml"}, "must be a table"),
    ],
)
def test_claims_table_is_validated(tree, table, message):
    root = tree({"docs/a.md": "x\n"})
    with pytest.raises(ConfigError, match=message):
        config_from_table(table, root)


def test_registry_findings_are_shown_when_checking_one_chapter(tree):
    root = tree(
        {
            "docs/a.md": "A claim.[^kaplan2020]\n\n[^kaplan2020]: Kaplan.\n",
            "docs/b.md": "Nothing cited.\n",
            "references.yaml": "references:\n  - id: kaplan2020\n    type: article\n",
        }
    )
    config = config_from_table({"docs": ["docs"]}, root)
    found = Linter(config, select=("CLM005",), use_cache=False).run([Path("docs/b.md")]).diagnostics
    assert [(d.path, d.line, d.code) for d in found] == [("references.yaml", 2, "CLM005")]
