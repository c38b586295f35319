from doclint.diagnostics import Severity
from doclint.rules.base import EngineRule, Example, Examples


class PatternTimeout(EngineRule):
    """A rule pack's regular expression ran out of its time budget (catastrophic backtracking).

    ## What it does
    Every pattern a rule pack declares runs under a time budget on each block of text it searches (a
    paragraph, a heading, a front matter value). When a pattern exceeds it, doclint stops that search,
    reports the rule, the pattern and the pack field it came from here, and switches the pattern off for
    the rest of the run; every other rule and file is still checked.

    ## Why it matters
    Python's regular expressions backtrack: a pattern such as `(x+x+)+y` takes exponential time on a
    line that almost matches, and would hang CI. doclint rejects the usual shapes when a pack loads; this
    is the net for the rest. Rewrite the pattern without nested or overlapping repetitions.
    """

    code = "DL004"
    name = "pattern-timeout"
    family = "engine"
    severity = Severity.ERROR
    examples = Examples(failing=(), passing=(Example.of("# Fine\n"),))
