"""JUnit XML: one test case per file, one failure per diagnostic (as ruff and markdownlint do)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree

from doclint.diagnostics import Diagnostic


def format_junit(diagnostics: Sequence[Diagnostic]) -> str:
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    suites = ElementTree.Element(
        "testsuites", name="doclint", tests=str(len(diagnostics)), failures=str(len(diagnostics))
    )
    suite = ElementTree.SubElement(
        suites, "testsuite", name="doclint", tests=str(len(diagnostics)), failures=str(len(diagnostics))
    )
    for path, found in by_path.items():
        for diagnostic in found:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{diagnostic.code} line {diagnostic.line}:{diagnostic.column}",
            )
            failure = ElementTree.SubElement(
                case, "failure", message=diagnostic.message, type=diagnostic.code
            )
            failure.text = (
                f"{path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} {diagnostic.message}"
            )
    if not diagnostics:
        ElementTree.SubElement(suite, "testcase", classname="doclint", name="no diagnostics")
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
    )
