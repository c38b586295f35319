"""doclint's parser skips work markdown-it-py would do for nothing: the tokens stay those of the plain setup.

They would fail if markdown-it-py changed underneath a shortcut (doclint.parsing.links and the\nreplaced ``normalize`` core rule).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt, helpers
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.normalize import normalize

from doclint.parsing.markdown import configured_parser, normalize_line_endings_and_nul, parser

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = """\
---
title: Sample
---
# Heading {#custom}

Setext heading
--------------

Text with [a link](./other.md#part "title"), ![an image](<./my image.png>), <https://example.com/ä>,
<me@example.com>, [a reference][ref], `code`, <kbd>html</kbd>, ~~struck~~, a footnote[^1] and [^missing].
[Web](https://reactnative.dev/docs/view?x=1#style) [Unicode host](https://münchen.de/) [bad](javascript:x)
[mail](mailto:ü@exämple.com) [percent](100%) [escaped](a%20b) [ipv6](http://[::1]:80/x)

[ref]: https://example.com/ref "Title"
[^1]: The footnote.

> quote
> - item

1. one
2. two
   - nested [x](../x.md)

    indented code

```js title="a.js"
const a = 1;
```

:::note[Title]
Inside the **note**.
:::

| a | b |
| - | - |
| [c](#c) | d |

<div>
html block
</div>

***
"""


def _documents() -> list[tuple[str, str]]:
    files = sorted((ROOT / "examples").rglob("*.md")) + sorted((ROOT / "tests").rglob("*.md"))
    samples = [("sample", SAMPLE), ("CRLF and NUL", SAMPLE.replace("\n", "\r\n").replace("code", "co\0de"))]
    return samples + [(str(path.relative_to(ROOT)), path.read_text("utf-8")) for path in files]


@pytest.mark.parametrize("mdx", [False, True])
def test_same_tokens_as_the_configured_parser(mdx: bool) -> None:
    reference = configured_parser(mdx)
    for name, text in _documents():
        assert parser(mdx).parse(text, {}) == reference.parse(text, {}), name


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.text(st.sampled_from(["\r", "\n", "\0", "a", " ", "\u2028", "\x85"]), max_size=16))
def test_line_endings_and_nul_normalized_as_markdown_it_does(text: str) -> None:
    ours, markdown_its = StateCore(text, parser(mdx=False), {}), StateCore(text, parser(mdx=False), {})
    normalize_line_endings_and_nul(ours)
    normalize(markdown_its)
    assert ours.src == markdown_its.src


def test_other_markdown_it_instances_are_untouched() -> None:
    parser(mdx=False)  # the shortcuts are set on doclint's instance only (mdformat has its own)
    other = MarkdownIt("commonmark")
    assert other.helpers is helpers
    assert other.normalizeLink.__func__ is MarkdownIt.normalizeLink  # type: ignore[attr-defined]
    assert [rule.fn for rule in other.core.ruler.__rules__ if rule.name == "normalize"] == [normalize]
