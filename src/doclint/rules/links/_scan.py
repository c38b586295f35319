"""One pass over every link of the project, shared by the LNK rules (each keeps the findings of its code).

Every document of the docs tree is scanned, not only the files given, because a change to one file
breaks links in others: a finding carries ``concerns``, the files besides the linking one that it is
about (the page a broken anchor points into, the file a missing target most likely became), and the
rules report a finding when the linking file or one of those files was given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.facts import DocumentFacts, LinkSite
from doclint.project import ProjectIndex
from doclint.resolve import Resolution, Resolver, classify, resolver_for, split_url
from doclint.rules.base import ProjectRule, RuleContext

MISSING_FILE = "LNK001"
MISSING_ANCHOR = "LNK002"
BROKEN_URL = "LNK003"
MISSING_IMAGE = "LNK004"
ESCAPES = "LNK005"


@dataclass(frozen=True)
class Finding:
    code: str
    document: DocumentFacts
    site: LinkSite
    message: str
    concerns: frozenset[Path] = frozenset()
    replacement: tuple[str, str] | None = None  # (written text, corrected text) for a did-you-mean fix


_cache: dict[int, tuple[ProjectIndex, list[Finding]]] = {}


def project_findings(project: ProjectIndex) -> list[Finding]:
    cached = _cache.get(id(project))
    if cached is None or cached[0] is not project:
        _cache.clear()  # one lint run at a time: keep only the latest project
        cached = _cache[id(project)] = (project, _scan(project, resolver_for(project)))
    return cached[1]


def wanted(finding: Finding, project: ProjectIndex) -> bool:
    return finding.document.path in project.targets or bool(finding.concerns & project.targets)


def _scan(project: ProjectIndex, resolver: Resolver) -> list[Finding]:
    found: list[Finding] = []
    for document in project.facts.values():
        if not resolver.is_compiled(document.path):
            continue
        for site in document.link_sites:
            found.extend(_LinkCheck(project, resolver, document, site).run())
    return found


def _sentence(message: str, then: str) -> str:
    return f"{message} {then}" if message.endswith("?") else f"{message}. {then}"


def _does(setting: str, value: str) -> str:
    outcomes = {
        "throw": "fails the build",
        "warn": "only warns",
        "log": "only logs it",
        "ignore": "ignores it",
    }
    return f"Docusaurus {outcomes.get(value, 'reports it')} ({setting}: '{value}')"


class _LinkCheck:
    def __init__(
        self, project: ProjectIndex, resolver: Resolver, document: DocumentFacts, site: LinkSite
    ) -> None:
        self.project = project
        self.resolver = resolver
        self.document = document
        self.site = site
        self.settings = project.settings

    def finding(
        self,
        code: str,
        message: str,
        concerns: frozenset[Path] = frozenset(),
        replacement: tuple[str, str] | None = None,
    ) -> Finding:
        return Finding(code, self.document, self.site, message, concerns, replacement)

    def run(self) -> list[Finding]:
        url = self.site.url
        kind = classify(url, self.site.is_image)
        if kind == "anchor":
            return self.check_same_page_anchor(url[1:])
        if kind == "markdown":
            return self.check_markdown()
        if kind == "asset":
            return self.check_asset()
        if kind == "url":
            return self.check_url(url)
        return []

    # -- file links ---------------------------------------------------------------------------------
    def check_markdown(self) -> list[Finding]:
        url = self.site.url
        resolution = self.resolver.resolve_markdown(self.document, url)
        if resolution.status == "ok" and resolution.page is not None:
            return self.check_anchor_on(resolution.page, split_url(url)[2])
        if resolution.status == "unknown":
            return []
        if resolution.status == "escapes":
            return [self.escapes(url)]
        consequence = (
            f"{_does('onBrokenMarkdownLinks', self.settings.on_broken_markdown_links)}, then its route "
            f"checker reports the unresolved link: {_does('onBrokenLinks', self.settings.on_broken_links)}"
        )
        pathname = split_url(url)[0]
        if resolution.status == "not-doc":
            message = f"link to '{pathname}' cannot be resolved: {resolution.reason}. {consequence}"
            return [
                self.finding(
                    MISSING_FILE, message, frozenset({resolution.page}) if resolution.page else frozenset()
                )
            ]
        return [self.missing_file(pathname, resolution, consequence)]

    def missing_file(self, pathname: str, resolution: Resolution, consequence: str) -> Finding:
        message = f"link to '{pathname}': no such file ({resolution.resolved})"
        renamed = self.renamed_candidates(resolution)
        concerns = set(renamed)
        replacement = None
        suggestion = resolution.suggestion or (next(iter(renamed)) if len(renamed) == 1 else None)
        if suggestion is not None:
            suggested = _relative_link(self.document.path, suggestion, pathname)
            message += f"; did you mean '{suggested}'"
            if suggestion in renamed and suggestion != resolution.suggestion:
                message += " (checked in this run, and no link leads to it any more: renamed?)"
            message += "?"
            concerns.add(suggestion)
            replacement = (pathname, suggested)
        return self.finding(MISSING_FILE, _sentence(message, consequence), frozenset(concerns), replacement)

    def renamed_candidates(self, resolution: Resolution) -> set[Path]:
        """Given files in the folder of a missing target that nothing links to any more: likely its new name."""
        folder = (self.project.site_dir / resolution.resolved).parent
        return {
            target
            for target in self.resolver.target_docs_by_folder().get(folder, ())
            if target != self.document.path  # a page is not its own lost target
            and not self.resolver.has_inbound(target)
        }

    def renamed_pages(self, route: str) -> set[Path]:
        """Given docs served next to a missing URL that nothing links to any more: likely what it became."""
        parent = route.rstrip("/").rsplit("/", 1)[0]
        return {
            target
            for target in self.resolver.target_docs_by_route_parent().get(parent, ())
            if not self.resolver.has_inbound(target)
        }

    def escapes(self, url: str) -> Finding:
        message = (
            f"link target '{split_url(url)[0]}' resolves outside the project; doclint does not open it, and "
            "Docusaurus cannot serve it"
        )
        return self.finding(ESCAPES, message)

    # -- assets and images --------------------------------------------------------------------------
    def check_asset(self) -> list[Finding]:
        url = self.site.url
        resolution = self.resolver.resolve_asset(self.document, url)
        if resolution.status == "escapes":
            return [self.escapes(url)]
        if resolution.status != "missing":
            return []
        pathname = split_url(url)[0]
        if self.site.is_image:
            message = (
                f"image '{pathname}' does not exist ({resolution.resolved}); "
                f"{_does('onBrokenMarkdownImages', self.settings.on_broken_markdown_images)}"
            )
            return [self.finding(MISSING_IMAGE, message)]
        if pathname.startswith("@site/"):
            message = (
                f"linked file '{pathname}' does not exist ({resolution.resolved}); "
                f"{_does('onBrokenMarkdownLinks', self.settings.on_broken_markdown_links)}"
            )
            return [self.finding(BROKEN_URL, message)]
        return self.check_url(url, asset=resolution.resolved)  # a missing file: the URL may still be a route

    # -- URL paths and anchors ----------------------------------------------------------------------
    def pages(self) -> list[Path]:
        """The pages this file renders on (a partial renders on every page that imports it)."""
        if self.document.path in self.project.identities:
            return [self.document.path]
        if self.document.path in self.project.version_of_path:
            return self.resolver.hosting_pages(self.document.path)
        return [self.document.path]  # a page outside the docs (blog post, page): itself

    def check_url(self, url: str, asset: str | None = None) -> list[Finding]:
        pathname, _, fragment = split_url(url)
        per_page = []
        for page in self.pages():
            resolution = self.resolver.resolve_url(page, url)
            if resolution.status == "unknown":
                return []
            per_page.append(resolution)
        if not per_page:
            return []
        landed = [resolution for resolution in per_page if resolution.status == "ok"]
        if landed:
            return self.check_anchor_on(landed[0].page, fragment) if landed[0].page else []
        resolution = per_page[0]
        what = f"file '{pathname}' does not exist ({asset}) and its URL" if asset else f"link '{pathname}'"
        message = f"{what} resolves to {resolution.resolved}, where the site has no page"
        if resolution.reason.startswith("it is a draft"):
            message = f"{what} resolves to {resolution.resolved}: the doc there {resolution.reason[3:]}"
        concerns = self.renamed_pages(resolution.resolved)
        if resolution.suggestion is not None:
            identity = self.project.identities[resolution.suggestion]
            message += f"; did you mean '{identity.permalink}' ({self.project.facts[resolution.suggestion].display_path})?"
            concerns.add(resolution.suggestion)
        file_hint = self.file_path_hint(pathname) if not asset else None
        if file_hint:
            message += (
                f" (a file path without its .md extension is a URL, resolved against the page URL: "
                f"write '{file_hint}' to link to the file)"
            )
        message = _sentence(message, _does("onBrokenLinks", self.settings.on_broken_links))
        return [self.finding(BROKEN_URL, message, frozenset(concerns))]

    def file_path_hint(self, pathname: str) -> str | None:
        """``01-part/02-doc`` written for the file ``01-part/02-doc.md``: the link that was meant."""
        if not pathname or pathname.startswith("/"):
            return None
        for suffix in (".md", ".mdx"):
            if (self.document.path.parent / (pathname + suffix)).is_file():
                return pathname + suffix
        return None

    def check_same_page_anchor(self, fragment: str) -> list[Finding]:
        if not fragment:
            return []
        pages = self.pages()
        if not pages:
            return []
        results = [self.anchor_problem(page, fragment) for page in pages]
        if any(result is None for result in results):
            return []
        return [results[0]]  # type: ignore[list-item]

    def check_anchor_on(self, page: Path, fragment: str | None) -> list[Finding]:
        if not fragment:
            return []
        problem = self.anchor_problem(page, fragment)
        return [problem] if problem else []

    def anchor_problem(self, page: Path, fragment: str) -> Finding | None:
        anchors = self.resolver.anchors(page)
        if fragment in anchors or self.resolver.anchors_are_open(page):
            return None
        same_page = page == self.document.path
        where = "this page" if same_page else self.project.facts[page].display_path
        message = f"anchor '#{fragment}' does not exist on {where}"
        replacement = None
        if self.resolver.h1_id(page) == fragment:
            message += " (it is the page's h1 title, and Docusaurus gives h1 headings no anchor)"
        else:
            close = self.resolver.closest_anchor(page, fragment)
            if close is not None:
                message += f"; did you mean '#{close}'?"
                replacement = ("#" + fragment, "#" + close)
        message = _sentence(message, _does("onBrokenAnchors", self.settings.on_broken_anchors))
        concerns = frozenset() if same_page else frozenset({page})
        return self.finding(MISSING_ANCHOR, message, concerns, replacement)


def _relative_link(source: Path, target: Path, written: str) -> str:
    """The corrected link, written in the same style (relative or not) as the broken one."""
    relative = os.path.relpath(target, source.parent).replace(os.sep, "/")
    if written.startswith("./") and not relative.startswith("../"):
        return "./" + relative
    return relative


class LinkFindingRule(ProjectRule):
    """A rule that reports the shared link scan's findings of its own code."""

    family = "links"
    reports_beyond_targets = True

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        findings = project_findings(project)
        for finding in findings:
            if finding.code == self.code and wanted(finding, project):
                yield self.to_diagnostic(finding)

    def to_diagnostic(self, finding: Finding) -> Diagnostic:
        site = finding.site
        fix = None
        if finding.replacement is not None and self.fix_safety is not None:
            fix = self._fix(finding)
        return self.diagnostic(
            finding.document.display_path,
            site.line,
            site.column,
            finding.message,
            end_line=site.end_line,
            end_column=site.end_column,
            fix=fix,
        )

    def _fix(self, finding: Finding) -> Fix | None:
        """Replace the written target when it appears exactly once in the link as written."""
        written, corrected = finding.replacement  # type: ignore[misc]
        site = finding.site
        start = site.source_start
        if start < 0 or site.source.count(written) != 1:
            return None
        column = start + site.source.index(written) + 1
        edit = Edit(site.line, column, site.line, column + len(written), corrected)
        return self.make_fix(f"replace '{written}' with '{corrected}'", edit)
