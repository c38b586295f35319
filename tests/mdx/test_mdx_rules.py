"""MDX rules on hand-written fixtures: positions, fixes, and real-MDX constructs that must stay quiet."""

from __future__ import annotations

import pytest

from doclint.rules import all_rules, rule_by_code
from doclint.rules.base import Example
from doclint.site import Mdx1Compat
from doclint.testing import run_example

V4 = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)
MDX_RULES = [rule for rule in all_rules() if rule.family == "mdx"]


def lint(code: str, source: str, **site):
    return run_example(rule_by_code(code), Example.of(source, path="docs/page.mdx", site=site))


def apply_fix(source: str, diagnostic) -> str:
    [edit] = diagnostic.fix.edits
    lines = source.split("\n")
    start = sum(len(line) + 1 for line in lines[: edit.line - 1]) + edit.column - 1
    end = sum(len(line) + 1 for line in lines[: edit.end_line - 1]) + edit.end_column - 1
    return source[:start] + edit.replacement + source[end:]


@pytest.mark.parametrize(
    ("code", "source", "fixed", "site"),
    [
        ("MDX001", "a <!-- note --> b\n", "a {/* note */} b\n", {"mdx1_compat": V4}),
        ("MDX002", "a { b\n", "a \\{ b\n", {}),
        ("MDX004", "x <5 ms\n", "x \\<5 ms\n", {}),
        ("MDX005", "a<br>b\n", "a<br />b\n", {}),
        ("MDX005", '<img src="a.png" >\n', '<img src="a.png" />\n', {}),
        ("MDX006", "See <https://x.com/a>.\n", "See [https://x.com/a](https://x.com/a).\n", {}),
        ("MDX006", "Mail <me@x.com>.\n", "Mail [me@x.com](mailto:me@x.com).\n", {}),
        ("MDX007", "<a href=foo>x</a>\n", '<a href="foo">x</a>\n', {}),
    ],
)
def test_fix(code, source, fixed, site):
    [diagnostic] = lint(code, source, **site)
    assert apply_fix(source, diagnostic) == fixed
    assert lint(code, fixed, **site) == []


def test_positions_point_at_the_construct():
    [diagnostic] = lint("MDX004", "# T\n\nLatency is <5 ms.\n")
    assert (diagnostic.line, diagnostic.column) == (3, 12)
    [tag] = lint("MDX008", "Some <b>bold</i> text.\n")
    assert (tag.line, tag.column) == (1, 13) and "expected </b>" in tag.message


REAL_MDX = """---
title: Real MDX
---

import Tabs from '@theme/Tabs'; import TabItem from '@theme/TabItem';
import {getBranch} from '@site/src/branch';
import ExperimentalWarning from './\\_experimental-warning.mdx';

export const Highlight = ({children, color}) => (
  <span style={{backgroundColor: color}}>{children}</span>
);

<ExperimentalWarning />

# Title {/* a comment */}

Use <Highlight color="#25c2a0">this</Highlight> on branch {getBranch()} of {props.version ?? 'main'}.

<Tabs groupId="os" queryString defaultValue={constants.defaultOs} values={[{label: 'macOS', value: 'macos'}]}>
<TabItem value="macos">

Text with `<Code>` and `{braces}` in code, a < b, a -> b, \\{escaped\\}.

```jsx
const x = <div>{value}</div>;
```

</TabItem>
</Tabs>

<details>
<summary><strong>Why?</strong></summary>

Because.

</details>

<p style={{textAlign: 'center'}}>
  <video
    width={700}
    controls="controls"
    style={{borderRadius: 5}}>
    <source type="video/mp4" src="/img/a.mp4" />
  </video>
</p>

<iframe
  src="https://www.youtube.com/embed/x"
  allowfullscreen></iframe>

| Component | Web |
| --------- | --- |
| `<View>`  | `<div>` |

Some text
import the weights mid-paragraph.

- import in a list item
"""


def test_real_mdx_is_quiet():
    example = Example.of(REAL_MDX, path="docs/page.mdx")
    assert {rule.code: run_example(rule, example) for rule in MDX_RULES} == {
        rule.code: [] for rule in MDX_RULES
    }


def test_undefined_name_is_a_warning_and_names_the_name():
    [diagnostic] = lint("MDX003", "Fetch /users/{userId}/posts.\n")
    assert diagnostic.severity.value == "warning" and "'userId'" in diagnostic.message


def test_a_later_export_defines_a_name():
    assert lint("MDX003", "Limit {limit}.\n\nexport const limit = 3;\n") == []


def test_tags_amid_text_must_close_in_their_paragraph():
    assert lint("MDX008", "a <b>x\ny</b> c\n") == []
    assert lint("MDX008", "a <b>x\n\ny</b> c\n")
    assert lint("MDX008", "- <b>x\n- y</b>\n")


def test_esm_block_goes_on_to_the_blank_line():
    [diagnostic] = lint("MDX009", "import React from 'react'\nand then text\n")
    assert diagnostic.line == 1


def test_commonmark_files_are_never_checked():
    example = Example.of(
        "a <5 {b <br> <https://x> <!-- c -->\n\nimport this\n",
        path="docs/page.md",
        site={"markdown_format": "md", "mdx1_compat": V4},
    )
    assert all(run_example(rule, example) == [] for rule in MDX_RULES)


def test_code_in_link_and_image_text_and_fence_info_is_code():
    source = 'See ![A `<UserPage>` shot](/x.png) and [`<b>`](y).\n\n```ts title="ConnectedProps<T> example"\nx\n```\n'
    assert all(run_example(rule, Example.of(source, path="docs/page.mdx")) == [] for rule in MDX_RULES)


@pytest.mark.parametrize(
    ("source", "fires"),
    [  # oracle: ERR = "Could not parse expression with acorn" (or the unbalanced brace an apostrophe makes)
        ("Use {a b} here\n", True),
        ("Use {it's} here\n", True),
        ('Config {"a": 1}\n', True),
        ("Map {key: value}\n", True),
        ("Obj {...x}\n", True),
        ("Wait {...}\n", True),
        ("Pick {one of these}\n", True),
        ("The set {apples, pears} is small\n", False),  # a sequence expression: compiles
        ("Range {1, 2, 3}\n", False),
        ("Match {3,5} times\n", False),
        ("Path {user-id}\n", False),  # a subtraction: compiles
        ("Empty {} braces\n", False),
        ("Call {new Date().getFullYear()} and {typeof x} and {a ? b : c}\n", False),
        ("Note {/* it's fine */}\n", False),
    ],
)
def test_invalid_expression(source, fires):
    assert bool(lint("MDX010", source)) is fires


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("{a}", 2),
        ('{"}" + `}${x}`}', 14),  # braces in strings and template literals
        ("{it's}", 5),  # an apostrophe with no closing quote on its line is no string
        ("{'a\\'}'}", 7),  # an escaped quote
        ("{a /* } */ b}", 12),
        ("{a // }\n}", 8),  # a line comment inside the expression
        ("{a\n\nb}", None),  # a blank line ends the paragraph first
        ("{`a\n\nb`}", 7),  # ... unless it is inside a template literal
        ("{x", None),
    ],
)
def test_matching_brace_reads_javascript(text: str, end: int | None) -> None:
    from doclint.rules.mdx._scan import _matching_brace

    assert _matching_brace(text, 0) == end
