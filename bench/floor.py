"""The parse floor: read every Markdown file under a folder and parse it once with markdown-it-py."""

from __future__ import annotations

import os
import sys

from markdown_it import MarkdownIt


def main() -> None:
    parser = MarkdownIt("commonmark")
    for root, _, files in os.walk(sys.argv[1]):
        for name in files:
            if name.endswith((".md", ".mdx")):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as handle:
                    parser.parse(handle.read())


if __name__ == "__main__":
    main()
