from doclint.diagnostics import Severity
from doclint.rules.base import EngineRule, Example, Examples


class RuleCrashed(EngineRule):
    """A rule raised an exception on this file (a bug in doclint or a plugin).

    ## What it does
    When a rule fails with an internal error, doclint reports it here, naming the rule, and keeps
    running every other rule and file. The run then exits with code 2; `--debug` prints the traceback.

    ## Why it matters
    One faulty rule must not hide the findings of all the others, nor pass silently.
    """

    code = "DL003"
    name = "rule-crashed"
    family = "engine"
    severity = Severity.ERROR
    examples = Examples(failing=(), passing=(Example.of("# Fine\n"),))
