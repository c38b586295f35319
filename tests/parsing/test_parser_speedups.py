"""doclint's parser skips work markdown-it-py would do for nothing: the tokens stay those of the plain setup.

This would fail if markdown-it-py changed underneath a shortcut (doclint.parsing.links).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.parsing.markdown import configured_parser, parser

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
    return [("sample", SAMPLE)] + [(str(path.relative_to(ROOT)), path.read_text("utf-8")) for path in files]


@pytest.mark.parametrize("mdx", [False, True])
def test_same_tokens_as_the_configured_parser(mdx: bool) -> None:
    reference = configured_parser(mdx)
    for name, text in _documents():
        assert parser(mdx).parse(text, {}) == reference.parse(text, {}), name
