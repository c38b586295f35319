from doclint.diagnostics import Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class AutolinkInMdx(MdxHazardRule):
    """A CommonMark autolink (`<https://...>`, `<me@example.com>`) in a file compiled as MDX.

    ## What it does
    Reports angle-bracket autolinks outside code in files compiled as MDX.

    ## Why it matters
    MDX reads `<` as a JSX tag, so the compile fails ("Unexpected character `/` before local name";
    MDX's own hint: to create a link in MDX, use `[text](url)`).

    ## Fix safety
    Rewriting `<url>` as `[url](url)` (and `<address>` as `[address](mailto:address)`) is safe: it
    is the link the autolink meant.
    """

    code = "MDX006"
    name = "autolink-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "safe"
    hazard_kind = "autolink"
    examples = Examples(
        failing=(
            Example.of("See <https://arxiv.org/abs/2001.08361>.\n", path="docs/page.mdx"),
            Example.of("Write to <team@example.com>.\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of(
                "See [the paper](https://arxiv.org/abs/2001.08361) or https://arxiv.org.\n",
                path="docs/page.mdx",
            ),
            Example.of(
                "See <https://arxiv.org/abs/2001.08361>.\n",
                path="docs/page.md",
                site={"markdown_format": "detect"},
            ),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            f"autolink {hazard.text} in MDX: '<' starts a JSX tag and the compile fails; write "
            f"[{hazard.detail}]({self._target(hazard.detail)})"
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        if not hazard.text.endswith(">"):
            return None
        url = hazard.detail
        return self.replace_hazard(
            document, hazard, f"[{url}]({self._target(url)})", "write the autolink as a link"
        )

    @staticmethod
    def _target(url: str) -> str:
        return url if "://" in url or url.startswith("mailto:") or "@" not in url else f"mailto:{url}"
