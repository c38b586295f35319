from collections.abc import Iterator
from dataclasses import replace

from doclint.diagnostics import Diagnostic, Edit, Fix, Severity
from doclint.document import Document, legacy_title_pattern
from doclint.parsing.directives import is_closer, parse_opener
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.site import Mdx1Compat

V4_COMPAT = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


class LegacyAdmonitionTitle(DocumentRule):
    """An admonition title written the MDX 1 way: `:::note Title` instead of `:::note[Title]`.

    ## What it does
    Reports openers with the title after a space. With `markdown.mdx1Compat.admonitions` on (the
    Docusaurus 3 default) they still work, through a text pre-pass, and are reported as warnings;
    with it off (as under `future: {v4: true}`) the line is plain text and they are errors. Lines in
    code are not reported.

    ## Why it matters
    The form is deprecated: the v4 future flags turn the pre-pass off, and then the whole admonition
    silently renders as a paragraph with visible colons. `:::note [Title]` also keeps the brackets in
    the title, and a one-liner `:::note Body :::` becomes a box titled "Body :::" that never closes.

    ## Fix safety
    Rewriting `:::note Title` as `:::note[Title]` is safe: it is exactly what the pre-pass produces,
    so the page renders the same, and it keeps working when the flag is off. A title whose brackets
    do not balance (text today, even with the pre-pass) gets an unsafe fix that escapes them; a
    title written in brackets (`:::note [Title]`) gets an unsafe fix that drops them (Docusaurus
    shows them today); a title ending in colons gets no fix.
    """

    code = "ADM006"
    name = "legacy-admonition-title"
    family = "admonitions"
    severity = Severity.ERROR
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example.of(":::tip Scaling laws\nBody.\n:::\n"),
            Example.of("> :::note Quoted title\n> Body.\n> :::\n", site={"mdx1_compat": V4_COMPAT}),
        ),
        passing=(
            Example.of(":::tip[Scaling laws]\nBody.\n:::\n"),
            Example.of("```md\n:::tip Scaling laws\n```\n"),
            Example.of(":::exercise Try it\nBody.\n:::\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if ":::" not in document.text:
            return  # masking only blanks characters: no masked line holds ":::" either
        compat = context.settings.mdx1_compat.admonitions
        pattern = legacy_title_pattern(context.settings.admonition_keywords)
        masked = document.masked_lines
        for number, masked_line in enumerate(masked, start=1):
            if ":::" not in masked_line:
                continue
            # the masked line says the opener is not code; the source line has the title as written
            match = pattern.match(document.line(number)) if pattern.match(masked_line) else None
            if match is None or not match["title"].strip():
                continue  # `:::note ` with nothing after it is an ordinary opener
            # the pre-pass rewrites the line to `:::note[title]`; a title with unbalanced brackets still fails
            works_now = compat and parse_opener(f"{match['directive']}[{match['title']}]") is not None
            diagnostic = self._diagnostic(document, number, match, compat, works_now)
            yield replace(diagnostic, severity=Severity.WARNING) if works_now else diagnostic

    def _diagnostic(
        self, document: Document, number: int, match, compat: bool, works_now: bool
    ) -> Diagnostic:  # type: ignore[no-untyped-def]
        directive, title = match["directive"], match["title"]
        column = match.start("directive") + 1
        name = directive.lstrip(":")
        if works_now:
            message = (
                f"legacy admonition title '{directive} {title}': works only through mdx1Compat.admonitions, "
                f"which the Docusaurus v4 flags turn off (then it renders as plain text); write '{directive}[...]'"
            )
        elif compat:
            message = (
                f"'{directive} {title}' is plain text: the legacy-title rewrite gives '{directive}[{title}]', whose "
                "brackets do not balance, so Docusaurus renders the line and the body as a paragraph; write "
                f"'{directive}[...]' with the brackets escaped"
            )
        else:
            message = (
                f"'{directive} {title}' is plain text here (mdx1Compat.admonitions is off): Docusaurus renders "
                f"the line and the body as a paragraph; write '{directive}[...]'"
            )
        if title.rstrip().endswith(":::"):
            message += (
                f"; the title ends with colons: a one-line ':::{name}' needs its closer on its own line"
            )
        return self.report(
            document,
            number,
            column,
            message,
            end_column=match.end("title") + 1,
            fix=self._fix(document, number, match, compat),
        )

    @staticmethod
    def _closer_line(document: Document, opener: int, colons: int) -> int:
        for number in range(opener + 1, document.source.line_count + 1):
            if is_closer(document.line(number).strip().lstrip("> ").strip(), colons):
                return number
        return document.source.line_count

    def _fix(self, document: Document, number: int, match, compat: bool) -> Fix | None:  # type: ignore[no-untyped-def]
        title = match["title"].rstrip()
        if not title or title.endswith(":::"):
            return None
        start, end = match.end("directive") + 1, match.end("title") + 1
        bracketed = (
            title.startswith("[") and title.endswith("]") and title.count("[") == 1 and title.count("]") == 1
        )
        if bracketed:
            edit = Edit(number, start, number, end, title)
            return self.make_fix("drop the space before the bracketed title", edit, safety="unsafe")
        if parse_opener(f"{match['directive']}[{title}]") is not None:
            # exactly the label the pre-pass writes, balanced brackets included: with the compat flag on, the
            # page renders the same; with it off, the text becomes the admonition it was meant to be, and the
            # render check must allow the body up to the closer to change (the scope)
            edit = Edit(number, start, number, end, f"[{title}]")
            scope = (
                None
                if compat
                else (
                    number,
                    self._closer_line(
                        document, number, len(match["directive"]) - len(match["directive"].lstrip(":"))
                    ),
                )
            )
            return self.make_fix("move the title into the directive label", edit, scope=scope)
        escaped = title.replace("[", "\\[").replace("]", "\\]")
        edit = Edit(number, start, number, end, f"[{escaped}]")
        return self.make_fix("move the title into the label, brackets escaped", edit, safety="unsafe")
