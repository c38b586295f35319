from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:  # the HTTP client is loaded only by runs that check external links
    from doclint.rules.links._external import ExternalOptions

_SCHEMES = ("http://", "https://")


class BrokenExternalLink(ProjectRule):
    """An `http(s)://` link that does not answer with a success (opt-in: `check_external`).

    ## What it does
    Off by default: doclint never touches the network unless asked (`--check-external`, or the option
    `check_external = true`). Then every external link of the checked files is requested once, with a
    `timeout` (seconds), at most `concurrency` requests at a time and `per_host` per host, following at
    most `max_redirects` redirects (`HEAD` first, `GET` when refused). Answers are cached in `cache_file`
    (relative to the project) for `cache_ttl` seconds, so CI reruns are cheap; timeouts and refused
    connections are not cached.

    ## Why it matters
    Docusaurus never checks external links: a dead reference ships silently.
    """

    code = "LNK006"
    name = "broken-external-link"
    family = "links"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {
        "check_external": False,
        "timeout": 10.0,
        "concurrency": 16,
        "per_host": 2,
        "max_redirects": 5,
        "cache_file": ".doclint_cache/external-links.json",
        "cache_ttl": 86400,
    }
    examples = Examples(
        failing=(
            Example.of(
                "# Intro\n\nSee [the server](http://127.0.0.1:9/gone).\n",
                options={"check_external": True, "timeout": 2},
            ),
        ),
        passing=(
            Example.of(
                "# Intro\n\nSee [the docs](https://docusaurus.io/docs) (not requested: the check is off).\n"
            ),
        ),
    )

    def outside_inputs(self, context: RuleContext) -> str | None:
        return None if context.options.get("check_external") else ""  # the answers come from the network

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        options = context.options
        if not options.get("check_external"):
            return
        from doclint.rules.links._external import check_urls

        sites = [
            (project.facts[path], site)
            for path in sorted(project.targets)
            if path in project.facts
            for site in project.facts[path].link_sites
            if site.url.lower().startswith(_SCHEMES)
        ]
        statuses = check_urls((site.url for _, site in sites), self._options(project.project_root, options))
        for document, site in sites:
            status = statuses[site.url]
            if status.ok:
                continue
            yield self.diagnostic(
                document.display_path,
                site.line,
                site.column,
                f"external link {site.url} is broken: {status.detail} (Docusaurus does not check external links)",
                end_line=site.end_line,
                end_column=site.end_column,
            )

    @staticmethod
    def _options(root: Path, options: object) -> ExternalOptions:
        from doclint.rules.links._external import ExternalOptions

        get = options.get  # type: ignore[attr-defined]
        cache = get("cache_file")
        return ExternalOptions(
            timeout=float(get("timeout", 10.0)),
            concurrency=int(get("concurrency", 16)),
            per_host=int(get("per_host", 2)),
            max_redirects=int(get("max_redirects", 5)),
            cache_file=(root / cache) if cache else None,
            cache_ttl=float(get("cache_ttl", 86400)),
        )
