from doclint.diagnostics import Severity
from doclint.rules.base import EngineRule, Example, Examples


class UnreadableFile(EngineRule):
    """A file doclint cannot lint: not UTF-8, binary, too large, or unreadable.

    ## What it does
    Reports a Markdown file whose bytes are not UTF-8 text (invalid bytes, a UTF-16 BOM, NUL bytes),
    that is larger than `max-file-size`, or that cannot be read, and skips it.

    ## Why it matters
    Docusaurus reads every doc as UTF-8; such a file breaks the build or renders as mojibake. A linter
    that silently skipped it would hide the problem; one that crashed would hide every other finding.
    """

    code = "DL001"
    name = "unreadable-file"
    family = "engine"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example({"docs/latin1.md": b"# Caf\xe9\n"}),),  # type: ignore[dict-item]
        passing=(Example.of("# Café\n"),),
    )
