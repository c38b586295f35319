"""Where a link lands, decided as Docusaurus decides it, from the project index only.

Three Docusaurus stages are mirrored: ``resolveMarkdownLinks`` (``.md``/``.mdx`` file links become
permalinks of docs of the same plugin), ``transformImage``/``transformLinks`` (local images and assets
must exist: relative to the file, in the static directories for ``/…``, in the site for ``@site/…``) and
the post-build route and anchor checker (URL paths are resolved against the page's URL and must match a
route; a ``#hash`` must be an anchor the target page registers).
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from doclint.project import (
    DocIdentity,
    DocsVersion,
    ProjectIndex,
    docs_versions,
    normalize_route,
    resolve_url_path,
)
from doclint.sidebars import category_index_slugs, read_sidebars

if TYPE_CHECKING:
    from doclint.facts import DocumentFacts

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z\d+\-.]*:")
_MARKDOWN_PATH = re.compile(r"\.mdx?$", re.IGNORECASE)
_VERSION_SEGMENT = re.compile(r"^(?:v?\d+\.[\dx]+(?:\.[\dx]+)*(?:-[\w.]+)?|next)$")

_DRAFT = "it is a draft (`draft: true`), which production builds leave out"

LinkKind = Literal["anchor", "markdown", "url", "asset", "external", "skipped"]
Status = Literal["ok", "missing", "not-doc", "escapes", "unknown"]


@dataclass(frozen=True)
class Resolution:
    status: Status
    page: Path | None = None  # the document the link lands on (for the anchor check)
    resolved: str = ""  # what the link resolved to, for messages
    reason: str = ""  # why it is broken, in Docusaurus's terms
    suggestion: Path | None = None  # the closest existing target, when one is close


def classify(url: str, is_image: bool = False) -> LinkKind:
    """How Docusaurus treats a link destination (already percent-decoded)."""
    if url.startswith("#"):
        return "anchor"
    if url.startswith("pathname://") or not url.strip():
        return "skipped"
    if _SCHEME.match(url) or url.startswith("//"):
        return "external"
    path = split_url(url)[0]
    if is_image:
        return "asset"
    if _MARKDOWN_PATH.search(path):
        return "markdown"
    if path.startswith("@site/") or (PurePosixPath(path).suffix and not path.lower().endswith(".html")):
        return "asset"
    return "url"


def split_url(url: str) -> tuple[str, str, str | None]:
    """(pathname, ?query, #fragment or None), split as ``parseLocalURLPath`` does."""
    path, sep, fragment = url.partition("#")
    path, qsep, query = path.partition("?")
    return path, (qsep + query), (fragment if sep else None)


_resolvers: dict[int, tuple[ProjectIndex, Resolver]] = {}


def resolver_for(project: ProjectIndex) -> Resolver:
    """The project's resolver, built once per lint run and shared by every rule that needs one."""
    cached = _resolvers.get(id(project))
    if cached is None or cached[0] is not project:
        _resolvers.clear()  # one lint run at a time: keep only the latest project
        cached = _resolvers[id(project)] = (project, Resolver(project))
    return cached[1]


class Resolver:
    def __init__(self, project: ProjectIndex) -> None:
        self.project = project
        self.routes = project.routes()
        released = {version.name for version in project.versions if version.name != "current"}
        # version path segments this copy knows; others (a copy without versions.json) are not judged
        self.version_names = frozenset(released | ({"next"} if released else set()))
        self.index_routes = _generated_index_routes(project)
        # every route is known when the config names no other routing plugin and every docs version is loaded
        every_version = docs_versions(project.settings, project.site_dir, project.docs_roots)
        self.routes_complete = project.settings.routes_complete and len(every_version) == len(
            project.versions
        )
        self.tagged_bases = frozenset(
            normalize_route(project.version_of_path[path].route_path)
            for path in project.identities
            if project.facts[path].front_matter.get("tags")
        )
        self.draft_routes = project.routes(drafts=True)
        self.route_bases = project.route_bases()
        self._anchors: dict[Path, set[str]] = {}
        self._open: dict[Path, bool] = {}
        self._imports: dict[Path, list[Path]] = {}
        self.boundary = _common_root(
            [project.project_root.resolve(), project.site_dir, *(v.content_path for v in project.versions)]
        )
        self._boundary_text = str(self.boundary)
        self._boundary_prefix = os.path.join(self._boundary_text, "")
        self.importers = self._importers()
        self.page_routes = _page_routes(project.site_dir, project.settings.pages_paths)
        self._inbound: set[Path] | None = None
        self._targets_by_folder: dict[Path, list[Path]] | None = None
        self._targets_by_route_parent: dict[str, list[Path]] | None = None
        self._names_by_version: dict[tuple[str, str], tuple[dict[str, Path], dict[str, Path]]] = {}
        self._route_tails: dict[str, Path] | None = None
        # links repeat (the same page linked from many docs of a folder): each is resolved once per run
        self._markdown_resolutions: dict[tuple[str, Path, DocsVersion], Resolution] = {}
        self._url_resolutions: dict[tuple[str, str], Resolution] = {}
        self._compiled: dict[Path, bool] = {}
        self.blog_bases = tuple(
            normalize_route("/" + base.strip("/")) for base in project.settings.blog_route_bases
        )

    # -- anchors ------------------------------------------------------------------------------------
    def anchors(self, path: Path) -> set[str]:
        """Every anchor the page at ``path`` registers (its partials' included)."""
        if path not in self._anchors:
            self._anchors[path] = set()  # guards against import cycles
            self._anchors[path] = self._collect_anchors(path)
        return self._anchors[path]

    def _collect_anchors(self, path: Path) -> set[str]:
        document = self.project.facts_of(path)
        if document is None:
            return set()
        found = set(document.anchors)
        for imported in self.imports(path):
            found.update(self.anchors(imported))
        return found

    def anchors_are_open(self, path: Path) -> bool:
        """Whether the page renders a component of its own folder (``<Steps />`` from ``./_steps.jsx``), or a
        partial that does: its headings, unseen here, may register anchors, so a missing one is not judged.
        Site-wide widgets (``@site/src/components/…``, ``@theme/…``) are taken to render no headings."""
        if path not in self._open:
            self._open[path] = False  # guards against import cycles
            document = self.project.facts_of(path)
            self._open[path] = document is not None and (
                document.renders_local_component or any(self.anchors_are_open(p) for p in self.imports(path))
            )
        return self._open[path]

    def imports(self, path: Path) -> list[Path]:
        """Markdown partials the MDX file at ``path`` imports: their headings render on the importing page."""
        found = self._imports.get(path)
        if found is None:
            document = self.project.facts_of(path)
            found = self._imports[path] = []
            for written in document.imports if document else ():
                target = self._site_path(written, path.parent)
                if target is not None and target in self.project.facts:
                    found.append(target)
        return found

    def _importers(self) -> dict[Path, list[Path]]:
        importers: dict[Path, list[Path]] = {}
        for path in self.project.facts:
            for imported in self.imports(path):
                importers.setdefault(imported, []).append(path)
        return importers

    def hosting_pages(self, path: Path) -> list[Path]:
        """The doc pages a file renders on: itself, or every page that imports it (a partial)."""
        if self.project.is_doc(path):
            return [path]
        pages: list[Path] = []
        for importer in self.importers.get(path, []):
            if importer != path:
                pages.extend(page for page in self.hosting_pages(importer) if page not in pages)
        return pages

    def is_compiled(self, path: Path) -> bool:
        """Whether Docusaurus compiles the file: a doc, a partial some page imports, a blog post or a page.

        Other Markdown (a repository README, an unimported partial) never reaches the build, so its links
        are not judged as site links.
        """
        known = self._compiled.get(path)
        if known is None:
            known = self._compiled[path] = self._is_compiled(path)
        return known

    def _is_compiled(self, path: Path) -> bool:
        if self.project.is_doc(path) or self.hosting_pages(path):
            return True
        if path in self.project.version_of_path:
            return False  # an excluded file (a partial) that nothing imports
        site_folders = [*self.project.settings.blog_paths, *self.project.settings.pages_paths]
        return any(self._is_under(path, folder) for folder in site_folders)

    def h1_id(self, path: Path) -> str | None:
        document = self.project.facts_of(path)
        return document.h1_id if document else None

    def closest_anchor(self, path: Path, fragment: str) -> str | None:
        anchors = sorted(self.anchors(path))
        same_letters = [anchor for anchor in anchors if anchor.lower() == fragment.lower()]
        if same_letters:  # ids are lowercase unless written explicitly: a wrong case is the usual slip
            return same_letters[0]
        # one inside the other ('#setup-linux' for '## Setup'): a suffix or prefix was added or dropped
        nested = [anchor for anchor in anchors if _nested(anchor, fragment) or _nested(fragment, anchor)]
        if nested:
            return max(nested, key=lambda anchor: difflib.SequenceMatcher(None, fragment, anchor).ratio())
        close = difflib.get_close_matches(fragment, anchors, n=1, cutoff=0.6)
        return close[0] if close else None

    def target_docs_by_folder(self) -> dict[Path, list[Path]]:
        """The docs the run checks, by folder (where a missing link target's new name is looked for)."""
        if self._targets_by_folder is None:
            self._targets_by_folder = {}
            for target in self.project.targets:
                if self.project.is_doc(target):
                    self._targets_by_folder.setdefault(target.parent, []).append(target)
        return self._targets_by_folder

    def target_docs_by_route_parent(self) -> dict[str, list[Path]]:
        """The docs the run checks, by the URL their permalink sits under (``/docs/a/b`` -> ``/docs/a``)."""
        if self._targets_by_route_parent is None:
            self._targets_by_route_parent = {}
            for target in self.project.targets:
                identity = self.project.identities.get(target)
                if identity is not None:
                    parent = identity.permalink.rstrip("/").rsplit("/", 1)[0]
                    self._targets_by_route_parent.setdefault(parent, []).append(target)
        return self._targets_by_route_parent

    def has_inbound(self, path: Path) -> bool:
        """Whether any other document links to ``path`` (by file or by URL)."""
        if self._inbound is None:
            self._inbound = self._collect_inbound()
        return path in self._inbound

    def _collect_inbound(self) -> set[Path]:
        landed: set[Path] = set()
        for document in self.project.facts.values():
            if not self.is_compiled(document.path):
                continue
            for url in document.link_urls:
                kind = classify(url)
                if kind == "markdown":
                    resolution = self.resolve_markdown(document, url)
                elif kind == "url" and (document.path in self.project.identities or url.startswith("/")):
                    resolution = self.resolve_url(document.path, url)
                else:
                    continue
                if resolution.page not in (None, document.path):
                    landed.add(resolution.page)  # type: ignore[arg-type]
        return landed

    # -- files --------------------------------------------------------------------------------------
    def inside_boundary(self, path: Path) -> bool:
        text = str(path)
        return text == self._boundary_text or text.startswith(self._boundary_prefix)

    def _site_path(self, written: str, base: Path) -> Path | None:
        """A path as written (``./x``, ``@site/x``), normalised lexically; None when it leaves the project."""
        if written.startswith("@site/"):
            joined = self.project.site_dir / written[len("@site/") :]
        else:
            joined = base / written
        normal = Path(os.path.normpath(joined))
        return normal if self.inside_boundary(normal) else None

    def resolve_markdown(self, document: DocumentFacts, url: str) -> Resolution:
        """``resolveMarkdownLinkPathname``: the doc of the same plugin this file link names."""
        pathname = split_url(url)[0]
        version = self.project.version_of_path.get(document.path)
        if version is None:
            return Resolution("unknown")
        key = (pathname, document.path.parent, version)
        known = self._markdown_resolutions.get(key)
        if known is None:
            known = self._markdown_resolutions[key] = self._resolve_markdown(pathname, key[1], version)
        return known

    def _resolve_markdown(self, pathname: str, folder: Path, version: DocsVersion) -> Resolution:
        candidates = self._markdown_candidates(pathname, folder, version)
        escaped = [candidate for candidate in candidates if not self.inside_boundary(candidate)]
        inside = [candidate for candidate in candidates if self.inside_boundary(candidate)]
        for candidate in inside:
            identity = self.project.identities.get(candidate)
            if identity is not None and identity.plugin_id == version.plugin.plugin_id:
                if self.project.is_draft(candidate):
                    return Resolution("not-doc", candidate, reason=_DRAFT)
                return Resolution("ok", candidate, identity.permalink)
        if escaped and not inside:
            return Resolution("escapes", resolved=str(escaped[0]), reason="it leaves the project")
        existing = next((candidate for candidate in inside if candidate.is_file()), None)
        if existing is not None:
            return Resolution("not-doc", existing, reason=self._why_not_a_doc(existing, version))
        shown = inside[0] if inside else (escaped[0] if escaped else Path(pathname))
        return Resolution(
            "missing",
            resolved=self._display(shown),
            reason="no such file",
            suggestion=self._closest_doc(pathname, version),
        )

    def _markdown_candidates(self, pathname: str, folder: Path, version: DocsVersion) -> list[Path]:
        if pathname.startswith("@site/"):
            return [Path(os.path.normpath(self.project.site_dir / pathname[len("@site/") :]))]
        if pathname.startswith("/"):
            bases = [version.content_path, self.project.site_dir]
            return [Path(os.path.normpath(str(base) + pathname)) for base in bases]
        if pathname.startswith(("./", "../")):
            return [Path(os.path.normpath(folder / pathname))]
        bases = [folder, version.content_path, self.project.site_dir]
        return [Path(os.path.normpath(base / pathname)) for base in bases]

    def _why_not_a_doc(self, path: Path, version: DocsVersion) -> str:
        identity_version = self.project.version_containing(path)
        if identity_version is not None and identity_version.plugin.plugin_id != version.plugin.plugin_id:
            return (
                f"it is a doc of the docs plugin '{identity_version.plugin.plugin_id}', and Docusaurus resolves "
                f"file links only within the same plugin ('{version.plugin.plugin_id}'): link to its URL instead"
            )
        if identity_version is not None:
            return (
                "it is excluded from the docs (a file or folder starting with '_' is a partial, not a page): "
                "import it instead of linking to it"
            )
        if any(self._is_under(path, blog) for blog in self.project.settings.blog_paths):
            return "it is a blog post, not a doc of this docs plugin: link to its URL instead"
        return "it is outside the docs plugin's folder, so Docusaurus has no page for it"

    def _is_under(self, path: Path, relative_folder: str) -> bool:
        folder = Path(os.path.normpath(self.project.site_dir / relative_folder))
        return folder in path.parents

    def _closest_doc(self, pathname: str, version: DocsVersion) -> Path | None:
        """The doc a missing file link most likely meant: same name but renumbered, else a close name."""
        stems, names = self._doc_names(version)
        wanted = PurePosixPath(pathname).name
        close = difflib.get_close_matches(_stem_without_prefix(wanted), list(stems), n=1, cutoff=0.7)
        if close:
            return stems[close[0]]
        close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
        return names[close[0]] if close else None

    def _doc_names(self, version: DocsVersion) -> tuple[dict[str, Path], dict[str, Path]]:
        """The docs of a version by file name without its number prefix, and by file name (built once)."""
        known = self._names_by_version.get(version.key)
        if known is None:
            docs = sorted(
                path
                for path, identity in self.project.identities.items()
                if identity.version_key == version.key
            )
            stems: dict[str, Path] = {}
            for path in docs:
                stems.setdefault(_stem_without_prefix(path.name), path)
            known = self._names_by_version[version.key] = (stems, {path.name: path for path in docs})
        return known

    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.project.site_dir).as_posix()
        except ValueError:
            return path.as_posix()

    # -- assets and images --------------------------------------------------------------------------
    def resolve_asset(self, document: DocumentFacts, url: str) -> Resolution:
        """``getLocalFileAbsolutePath``: ``@site/`` in the site, ``/x`` in static dirs, else next to the file."""
        pathname = split_url(url)[0]
        if pathname.startswith("/"):
            static = [
                Path(os.path.normpath(self.project.site_dir / d))
                for d in self.project.settings.static_directories
            ]
            existing = [directory for directory in static if directory.is_dir()]
            if not existing:
                return Resolution("unknown", reason="no static directory on disk")
            candidates = [Path(os.path.normpath(str(directory) + pathname)) for directory in existing]
        elif pathname.startswith("@site/"):
            candidates = [Path(os.path.normpath(self.project.site_dir / pathname[len("@site/") :]))]
        else:
            candidates = [Path(os.path.normpath(document.path.parent / pathname))]
        inside = [candidate for candidate in candidates if self.inside_boundary(candidate)]
        if not inside:
            return Resolution("escapes", resolved=str(candidates[0]), reason="it leaves the project")
        if any(candidate.exists() for candidate in inside):
            return Resolution("ok", resolved=self._display(inside[0]))
        if self._in_missing_static_dir(inside[0]):
            return Resolution("unknown", reason="the static directory is not on disk")
        return Resolution("missing", resolved=self._display(inside[0]), reason="no such file")

    def _in_missing_static_dir(self, path: Path) -> bool:
        for directory in self.project.settings.static_directories:
            folder = Path(os.path.normpath(self.project.site_dir / directory))
            if not folder.is_dir() and folder in path.parents:
                return True
        return False

    # -- URL paths ----------------------------------------------------------------------------------
    def page_url(self, identity: DocIdentity) -> str:
        """The URL a page is served at, after ``trailingSlash`` (relative links resolve against it)."""
        permalink = identity.permalink
        trailing = self.project.settings.trailing_slash
        if trailing is True and not permalink.endswith("/"):
            return permalink + "/"
        if trailing is False and permalink != "/":
            return permalink.rstrip("/")
        return permalink

    def resolve_url(self, page: Path, url: str) -> Resolution:
        """The route checker: resolve against the page URL; judge only paths the docs plugins own."""
        identity = self.project.identities.get(page)
        pathname = self._without_base_url(split_url(url)[0])
        if identity is None and not pathname.startswith("/"):
            return Resolution("unknown")
        base = self.page_url(identity) if identity else "/"
        known = self._url_resolutions.get((base, pathname))
        if known is None:
            known = self._url_resolutions[base, pathname] = self._resolve_route(base, pathname)
        return known

    def _resolve_route(self, base: str, pathname: str) -> Resolution:
        resolved = resolve_url_path(pathname, base) if pathname else base
        route = normalize_route(resolved)
        target = self.routes.get(route)
        if target is not None:
            return Resolution("ok", target, resolved)
        if route in self.index_routes:
            return Resolution(
                "unknown", resolved=resolved
            )  # a generated-index page: it exists, it has no doc
        if route in self.draft_routes:
            return Resolution("missing", resolved=resolved, reason=_DRAFT)
        if not self._owned_by_docs(route):
            return Resolution("unknown", self._unversioned_route(route), resolved)
        return Resolution(
            "missing", resolved=resolved, reason="no doc has this URL", suggestion=self._closest_route(route)
        )

    def _without_base_url(self, pathname: str) -> str:
        """``<Link>`` adds the baseUrl to absolute paths unless they already start with it: remove it."""
        base = "/" + self.project.settings.base_url.strip("/") + "/"
        if base == "//" or not pathname.startswith("/"):
            return pathname
        if pathname == base.rstrip("/"):
            return "/"
        return "/" + pathname[len(base) :] if pathname.startswith(base) else pathname

    def _owned_by_docs(self, route: str) -> bool:
        """Whether doclint knows every page that could be at ``route`` (so a miss is a broken link)."""
        if route in self.page_routes or any(route == b or route.startswith(b + "/") for b in self.blog_bases):
            return False
        inside_docs = any(
            base == "/" or route == base or route.startswith(base + "/") for base in self.route_bases
        )
        if not inside_docs:
            return self.routes_complete and route != "/search"
        for base in self.route_bases:
            if base == "/" and not self._judged_at_site_root(route):
                continue
            if base == "/" or route == base or route.startswith(base + "/"):
                first = (
                    route[len(base) :].strip("/").split("/")[0]
                    if base != "/"
                    else route.strip("/").split("/")[0]
                )
                # generated-index pages and versions this copy does not have are not judged
                unknown_version = (
                    bool(_VERSION_SEGMENT.match(first))
                    and first not in self.version_names
                    and not self._known_prefix(base, first)
                )
                if first == "tags":  # tag pages exist when some doc of the version has tags
                    return base not in self.tagged_bases
                return first != "category" and not unknown_version
        return False

    def _judged_at_site_root(self, route: str) -> bool:
        """Docs served at the site root share it with every other plugin's routes (API docs, search…):
        judge a deeper path only under a folder the docs use, and a one-segment path unless it is search."""
        segments = route.strip("/").split("/")
        if len(segments) == 1:
            return segments[0] != "search"
        return any(known.startswith("/" + segments[0] + "/") for known in self.routes)

    def _unversioned_route(self, route: str) -> Path | None:
        """For ``/docs/next/x`` on a copy without that version: the current doc at ``/docs/x``, if any.

        Only used to know that a doc is linked (orphans), never to call a link valid.
        """
        for base in self.route_bases:
            if route.startswith(base.rstrip("/") + "/"):
                rest = route[len(base.rstrip("/")) + 1 :].split("/", 1)
                if len(rest) == 2 and _VERSION_SEGMENT.match(rest[0]):
                    return self.routes.get(normalize_route(base.rstrip("/") + "/" + rest[1]))
        return None

    def _known_prefix(self, base: str, segment: str) -> bool:
        prefix = normalize_route(base.rstrip("/") + "/" + segment)
        return any(route == prefix or route.startswith(prefix + "/") for route in self.routes)

    def _closest_route(self, route: str) -> Path | None:
        """The doc URL closest to a broken one, compared without the shared ``/docs`` part."""
        if self._route_tails is None:
            self._route_tails = {}
            for known, path in sorted(self.routes.items()):
                self._route_tails.setdefault(self._tail(known), path)
        tails = self._route_tails
        close = difflib.get_close_matches(self._tail(route), list(tails), n=1, cutoff=0.7)
        return tails[close[0]] if close else None

    def _tail(self, route: str) -> str:
        for base in self.route_bases:
            if base != "/" and route.startswith(base + "/"):
                return route[len(base) :]
        return route


def _nested(short: str, long: str) -> bool:
    """``short`` is ``long`` with words dropped at an end, or a good half of it."""
    if len(short) < 4 or short not in long:
        return False
    return long.startswith(short + "-") or long.endswith("-" + short) or len(short) / len(long) >= 0.5


def _stem_without_prefix(name: str) -> str:
    from doclint.project import strip_number_prefix

    return strip_number_prefix(PurePosixPath(name).stem)[0]


def _generated_index_routes(project: ProjectIndex) -> frozenset[str]:
    routes = set()
    for version in project.versions:
        sidebars = read_sidebars(version)
        slugs = (sidebars.index_slugs if sidebars else []) + category_index_slugs(version.content_path)
        routes.update(
            normalize_route(version.route_path.rstrip("/") + "/" + slug.lstrip("/")) for slug in slugs
        )
    return frozenset(routes)


def _common_root(paths: list[Path]) -> Path:
    return Path(os.path.commonpath([str(path) for path in paths]))


_PAGE_SUFFIXES = frozenset({".js", ".jsx", ".ts", ".tsx", ".md", ".mdx"})


def _page_routes(site_dir: Path, folders: tuple[str, ...]) -> frozenset[str]:
    """Routes of the pages plugin's files, so that links to them are not judged as docs."""
    routes = set()
    for folder in folders:
        pages = site_dir / folder
        if not pages.is_dir():
            continue
        for path in pages.rglob("*"):
            relative = path.relative_to(pages)
            if (
                not path.is_file()
                or path.suffix not in _PAGE_SUFFIXES
                or any(part.startswith("_") or part == "__tests__" for part in relative.parts)
            ):
                continue
            stem = relative.with_suffix("")
            parts = list(stem.parts[:-1]) + ([] if stem.name == "index" else [stem.name])
            routes.add(normalize_route("/" + "/".join(parts)))
    return frozenset(routes)
