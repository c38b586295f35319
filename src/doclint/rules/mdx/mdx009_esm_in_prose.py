from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class EsmInProse(MdxHazardRule):
    """A prose paragraph that begins with the word `import` or `export` in a file compiled as MDX.

    ## What it does
    Reports top-level paragraphs whose first line starts with `import ` or `export ` but that are not
    JavaScript import/export statements, in files compiled as MDX. Real ESM blocks
    (`import Tabs from '@theme/Tabs';`) are fine, and so are such lines inside list items, indented,
    or in the middle of a paragraph.

    ## Why it matters
    MDX reads any such paragraph, up to the next blank line, as ESM code: the compile fails with
    "Could not parse import/exports with acorn". Reword the sentence or start it differently.
    """

    code = "MDX009"
    name = "import-export-in-prose"
    family = "mdx"
    severity = Severity.ERROR
    hazard_kind = "esm-in-prose"
    examples = Examples(
        failing=(
            Example.of("Intro.\n\nimport the weights before training.\n", path="docs/page.mdx"),
            Example.of("import Tabs from '@theme/Tabs';\nand then some text\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of(
                "import Tabs from '@theme/Tabs';\nimport {Plot} from './plot';\n\nexport const steps = 3;\n\n"
                "Text that goes on\nimport the weights.\n\n- import the data\n",
                path="docs/page.mdx",
            ),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            f"'{hazard.text[:60]}' begins a paragraph with import/export: MDX parses the paragraph as JavaScript "
            'and the compile fails ("Could not parse import/exports with acorn"); reword it'
        )
