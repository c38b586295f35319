"""Hand-written git graphs (gitGraph.langium and the gitGraph database checks); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

import pytest
from diagram_cases import validate_tests

from doclint.mermaid.diagrams.git_graph import parse
from doclint.mermaid.model import MermaidSyntaxError

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ("gitGraph LR\ncommit", False, 1),
    ("gitGraph LR:\ncommit", True, None),
    ("gitGraph TB :\ncommit", True, None),
    ("gitGraph\nbranch 1feature", False, 2),
    ('gitGraph\ncommit id: "a" msg: "b"\ncommit "hello"\ncommit tag:"x" type: HIGHLIGHT', True, None),
    ("gitGraph\ncommit type:highlight", False, 2),
    ('gitGraph\ncommit id:"a"\ncommit id:"a"', True, None),
    ("gitGraph\n  title hello\n  commit", True, None),
    (
        'gitGraph\ncommit\nbranch develop order: 2\ncheckout develop\ncommit\ncheckout main\nmerge develop id: "m1"\ncherry-pick id: "m1"',
        False,
        None,
    ),
    (
        'gitGraph\ncommit id: "x"\nbranch b\ncommit id: "y"\ncheckout main\ncherry-pick id: "y" parent: "x"',
        True,
        None,
    ),
    ('gitGraph\ncommit\ncommit %% comment\nbranch "my branch"\ncheckout "my branch"\ncommit', True, None),
    ("gitGraph\ncommit\nswitch main\ncommits", False, 4),
    ("gitGraph\ncommit\nmerge main", False, None),
    ("gitGraph\ncommit msg: 'single'\nbranch feature/x.y\ncheckout feature/x.y\ncommit", True, None),
    ("gitGraph\n  accTitle: foo\n  accDescr: bar\n  commit", True, None),
    ("gitGraph:\ncommit\nbranch x order: -1", False, 3),
    ('gitGraph\ncommit id: "a"\nbranch x\ncommit\ncheckout main\nmerge x\nmerge x', True, None),
    (
        'gitGraph\ncommit id: \'x\'\ncommit tag: "v 1.0"\nbranch feature order: 3\ncommit\ncheckout main\nmerge feature tag: "v1" type: REVERSE',
        True,
        None,
    ),
    (
        'gitGraph\ncommit id: "a"\nbranch dev\ncommit id: "b"\ncheckout main\ncherry-pick id: "b" tag: "picked"',
        True,
        None,
    ),
    ("gitGraph\ncheckout dev", False, None),
    ("gitGraph TB:\ncommit", True, None),
    ("gitGraph BT:\n  title My graph\n  commit", True, None),
    ("gitGraph\nbranch dev\nmerge main", False, None),
    ("gitGraph\ncommit\nbranch dev\ncheckout main\nmerge dev", False, None),
    (
        'gitGraph\ncommit id: "a"\ncommit id: "a"\nbranch x\ncheckout x\ncommit\ncheckout main\nmerge x id: "a"',
        False,
        None,
    ),
    ('gitGraph\ncommit\nbranch x\ncommit\ncheckout main\ncherry-pick id: "nope"', False, None),
    ('gitGraph\ncommit msg: "hi"\ncommit "direct message"\ncommit id:"x"msg:"y"', True, None),
    (
        'gitGraph\n  commit\n  branch "quoted name"\n  commit\n  checkout main\n  merge "quoted name"',
        True,
        None,
    ),
    ('gitGraph\ncommit type: NORMAL id: "1" tag: "t"\ncommit\ncommit type:REVERSE', True, None),
    ("gitGraph\ncommit\n%% a comment\ncommit %% trailing", True, None),
    (
        'gitGraph\ncommit\nbranch main2\nswitch main2\ncommit\ncheckout main\nmerge main2\ncherry-pick id: "x"',
        False,
        None,
    ),
    (
        'gitGraph:\n  commit\n  branch develop\n  commit\n  checkout main\n  commit id: "M"\n  checkout develop\n  merge main\n  checkout main\n  merge develop',
        True,
        None,
    ),
    ("gitGraph\naccDescr {\n  multi line\n}\ncommit", True, None),
    ("gitGraph\ncommit\nbranch feature/ticket-1.2\ncheckout feature/ticket-1.2\ncommit", True, None),
    ("gitGraph\ncommit\nbranch a-", True, None),
    ("gitGraph\ncommit\nbranch 1", False, 3),
    (
        'gitGraph\n  commit id: "A"\n  branch b\n  commit id: "B"\n  checkout main\n  merge b id: "M"\n  branch c\n  cherry-pick id: "M" parent: "A"',
        True,
        None,
    ),
    (
        'gitGraph\n  commit id: "A"\n  branch b\n  commit id: "B"\n  checkout main\n  merge b id: "M"\n  branch c\n  cherry-pick id: "M" parent: "B"',
        True,
        None,
    ),
    (
        'gitGraph\n  commit id: "A"\n  branch b\n  commit id: "B"\n  checkout main\n  merge b id: "M"\n  branch c\n  cherry-pick id: "M" parent: "Z"',
        False,
        None,
    ),
]


test_matches_mermaid = validate_tests(CASES)


def test_a_configured_main_branch_name_replaces_main() -> None:
    # mermaid starts on gitGraph.mainBranchName ("main" unless the front matter or init sets it)
    text = "gitGraph\ncommit\nbranch staging\ncommit\ncheckout production\nmerge staging"
    with pytest.raises(MermaidSyntaxError):
        parse(text)
    parse(text, main_branch_name="production")
