"""mdformat renderers: Docusaurus constructs written back so that Docusaurus reads them as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mdformat.renderer import RenderContext, RenderTreeNode


def _front_matter(node: RenderTreeNode, context: RenderContext) -> str:
    content = node.content.rstrip("\n")
    return f"{node.markup}\n{content}\n{node.markup}" if content else f"{node.markup}\n{node.markup}"


def _container(node: RenderTreeNode, context: RenderContext) -> str:
    """The opener as written, the body formatted between blank lines, the closer when there was one."""
    meta = node.nester_tokens.opening.meta  # type: ignore[union-attr]
    parts = [meta["opener_text"]]
    body = "\n\n".join(child.render(context) for child in node.children)
    if body:
        parts.append(body)
    if meta["closed"]:
        parts.append(":" * meta["colons"])
    return "\n\n".join(parts)


def _footnote_ref(node: RenderTreeNode, context: RenderContext) -> str:
    return f"[^{node.meta['label']}]"


def _footnote_definition(node: RenderTreeNode, context: RenderContext) -> str:
    """``[^label]: text``; following blocks of the definition indented by four spaces."""
    label = node.meta["label"]
    with context.indented(4):
        body = "\n\n".join(child.render(context) for child in node.children)
    lines = body.split("\n")
    indented = [lines[0]] + [f"    {line}" if line else line for line in lines[1:]]
    return f"[^{label}]: " + "\n".join(indented)


def _thematic_break(node: RenderTreeNode, context: RenderContext) -> str:
    """``---`` as Docusaurus authors write it; mdformat's underscores only where ``---`` could open front matter."""
    parent = node.parent
    first_block = parent is not None and parent.type == "root" and parent.children[0] is node
    return "___" if first_block else "---"


def _verbatim(node: RenderTreeNode, context: RenderContext) -> str:
    return node.content


def keep_unused_definitions(text: str, node: RenderTreeNode, context: RenderContext) -> str:
    """mdformat writes only the reference definitions a link uses; keep the others too (after the body)."""
    from mdformat.renderer import MDRenderer

    env = context.env
    unused = set(env.get("references", {})) - set(env["used_refs"])
    if not unused:
        return text
    definitions = MDRenderer._write_references({"used_refs": unused, "references": env["references"]})
    return f"{text}\n\n{definitions}" if text else definitions


POSTPROCESSORS = {"root": keep_unused_definitions}

RENDERERS = {
    "front_matter": _front_matter,
    "container_directive": _container,
    "mdx_esm": _verbatim,
    "mdx_flow": _verbatim,
    "jsx_block": _verbatim,
    "gfm_table": _verbatim,
    "comment_definition": _verbatim,
    "hr": _thematic_break,
    "footnote_ref": _footnote_ref,
    "footnote_reference": _footnote_definition,
    "mdx_expression": _verbatim,
    "jsx_inline": _verbatim,
}
