import bisect
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from doclint.claims.sentences import coverage_option, locate, prose_where
from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_UNNAMED_GROUP = (
    r"(?:experts|researchers|scientists|scholars|critics|commentators|observers|practitioners|people)"
)
# MOS:WEASEL's "unsupported attributions" and write-good's weasel phrases, narrowed to attributions:
# a claim credited to unnamed studies, experts or common belief.
WEASEL = re.compile(
    r"\b(?:(?:many|some|several|recent|numerous|various|multiple|most) )?"
    r"(?:studies|research|experiments|surveys|evidence|papers|analyses)"
    r" (?:(?:has|have) )?(?:also )?(?:shows?|shown|suggests?|suggested|demonstrates?|demonstrated|indicates?|"
    r"indicated|proves?|proven|confirms?|confirmed)\b"
    rf"|\b(?:(?:many|some|most|several|other|leading) )?{_UNNAMED_GROUP}"
    r" (?:(?:now|generally|widely|largely|broadly) )?(?:agree|say|believe|argue|claim|think|contend|feel)\b"
    r"|\b(?:many|some|others) (?:agree|say|believe|argue|claim|think|contend)\b"
    # "it is widely believed"; without an adverb only "it is said that": "when it is shown" is about a UI
    r"|\bit (?:is|has been) (?:(?:widely|generally|commonly|often|frequently|increasingly|now) |(?=\w+ that\b))"
    r"(?:believed|accepted|thought|said|reported|claimed|argued|agreed|recognized|recognised|assumed|shown|"
    r"suggested|known)\b(?! as\b)"
    r"|\b(?:is|are|was|were) (?:widely|generally|commonly|often|broadly|universally) (?:considered|regarded|"
    r"believed|seen|viewed|accepted|thought|recognized|recognised|acknowledged)\b"
    r"|\baccording to (?:some|many|most|several) (?:experts|researchers|studies|sources|scientists)\b"
    r"|\bscience (?:says|shows)\b"
)  # all lowercase: matched against lowercased text, several times faster than IGNORECASE


_WEASEL_ANY_CASE = re.compile(WEASEL.pattern, re.IGNORECASE)
# "The researchers found", "these studies show": sources named just before, not weasel words.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|their|such)\s+$")


# Every weasel phrase holds one of these (a test enumerates the phrases). The regex, with no literal to skip
# to, is tried at every character; these substrings rule most pages and paragraphs out at a fraction of it.
KEYWORDS = (
    *("studies", "research", "experiment", "survey", "evidence", "paper", "analyses"),
    *("agree", "say", "believe", "argue", "claim", "think", "contend", "feel"),
    *("it is ", "it has been ", "according to ", "science "),
    *("widely", "generally", "commonly", "often", "broadly", "universally"),
)


def _candidates(document: Document) -> set[str]:
    """The texts of the paragraphs holding a weasel phrase: only those holding a keyword are searched."""
    texts = [paragraph.text for paragraph in document.paragraphs]
    lowered = [text.lower() for text in texts]
    starts = list(itertools.accumulate((len(text) + 1 for text in lowered), initial=0))
    joined = "\n".join(lowered)  # one search per keyword for the page; no keyword spans a newline
    holding: set[int] = set()
    for keyword in KEYWORDS:
        position = joined.find(keyword)
        while position != -1:
            index = bisect.bisect_right(starts, position) - 1
            holding.add(index)
            position = joined.find(keyword, starts[index + 1])
    return {texts[index] for index in holding if WEASEL.search(lowered[index])}


def _search(text: str) -> re.Match[str] | None:
    """The first weasel phrase in ``text``, with offsets in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        haystack, matches = lowered, WEASEL.finditer(lowered)
    else:  # a few characters lowercase to two ("İ"): match the text itself to keep offsets right
        haystack, matches = text, _WEASEL_ANY_CASE.finditer(text)
    for match in matches:
        if not _DETERMINER_BEFORE.search(haystack, max(0, match.start() - 8), match.start()):
            return match
    return None


class WeaselAttribution(DocumentRule):
    """An attribution to unnamed sources ("studies show", "experts agree") with no citation.

    ## What it does
    Reports a sentence that credits its claim to unnamed studies, experts or common belief
    ("studies show", "research has shown", "experts agree", "some researchers argue", "it is widely
    believed", "is generally considered", "according to many experts") and has no footnote. With the
    `coverage` option set to `paragraph`, a footnote ending the paragraph covers it: Wikipedia's
    MOS:WEASEL allows a topic sentence supported later in its paragraph.

    ## Why it matters
    The phrase claims the authority of a source without letting the reader check it, and readers
    cannot tell a consensus from the author's impression. Cite the study, or name who holds the view.
    """

    code = "CLM010"
    name = "weasel-attribution"
    family = "claims"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {"coverage": "sentence"}
    examples = Examples(
        failing=(
            Example.of("Studies show that larger models are more sample-efficient.\n"),
            Example.of("RLHF is widely considered the most important technique behind ChatGPT.\n"),
            Example.of(
                "Experts agree that scaling alone will not be enough.[^a] Some researchers argue otherwise.\n\n[^a]: Source.\n"
            ),
        ),
        passing=(
            Example.of(
                "Studies show that larger models are more sample-efficient.[^kaplan]\n\n[^kaplan]: Kaplan et al., 2020.\n"
            ),
            Example.of(
                "Kaplan et al. showed that larger models are more sample-efficient.[^kaplan]\n\n[^kaplan]: Kaplan.\n"
            ),
            Example.of("This layout is known as a decoder-only Transformer.\n"),
            Example.of(
                "Experts agree that scaling helps. Loss falls smoothly with compute.[^kaplan]\n\n[^kaplan]: Kaplan.\n",
                options={"coverage": "paragraph"},
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        coverage = coverage_option(context.options, "CLM010")
        candidates = _candidates(document)
        if not candidates:
            return
        # only the paragraphs holding a candidate phrase are split into sentences
        for paragraph in prose_where(document, candidates.__contains__):
            for sentence in paragraph.sentences:
                match = _search(sentence.text)
                if match is None or paragraph.covered(sentence, coverage):
                    continue
                phrase = " ".join(match.group(0).split())
                line, column, end_column = locate(document, sentence, match.span())
                yield self.report(
                    document,
                    line,
                    column,
                    f"'{phrase}' credits this claim to unnamed sources and cites none; cite the source with a "
                    "footnote [^key] or name who found or holds it",
                    end_column=end_column,
                )
