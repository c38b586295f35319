"""An mdformat parser extension that keeps Docusaurus syntax intact (entry point ``docusaurus``).

mdformat's promise is that formatting never changes the CommonMark HTML. Docusaurus pages are not
CommonMark: without help, mdformat escapes ``:::tip[Title]`` to ``:::tip\\[Title\\]``, pulls a closing
``:::`` into the list above it and escapes ``{/* comments */}``. This extension teaches mdformat's parser
the constructs Docusaurus reads, and writes each back in a form Docusaurus reads the same way:

- admonition containers (``:::note[Title]{attrs}`` … ``:::``, the legacy ``:::note Title`` too) with their
  opener kept as written, nesting by colon count, the body formatted, blank lines inside the fences;
- MDX: ``import``/``export`` blocks, JSX tags (block and inline, attributes with ``{…}``), expressions and
  comments ``{…}``, heading ids ``{#id}`` and ``{/* #id */}``: all kept verbatim;
- front matter: kept verbatim; reference definitions no link uses are kept (mdformat would drop them).

Usage: ``mdformat --extensions docusaurus FILES`` (or ``doclint format``).
"""

from __future__ import annotations

from doclint.mdformat_plugin.parsing import update_mdit
from doclint.mdformat_plugin.rendering import POSTPROCESSORS, RENDERERS

CHANGES_AST = False

__all__ = ["CHANGES_AST", "POSTPROCESSORS", "RENDERERS", "update_mdit"]
