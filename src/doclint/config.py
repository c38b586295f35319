"""doclint configuration: ``[tool.doclint]`` in pyproject.toml, or ``doclint.toml`` / ``.doclint.toml``.

Found by walking up from the checked paths. Keys are kebab-case, as in ruff. An unknown key or a value
of the wrong type is a ``ConfigError`` (exit code 2) naming it. Docusaurus site settings come from
``docusaurus.config.*`` where they are written as literals; ``[tool.doclint.site]`` overrides them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from doclint.diagnostics import Severity
from doclint.site import DEFAULT_ADMONITION_KEYWORDS, Mdx1Compat, SiteSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE_NAMES = ("doclint.toml", ".doclint.toml", "pyproject.toml")
DOCUSAURUS_CONFIG_NAMES = (
    "docusaurus.config.ts",
    "docusaurus.config.js",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
)
DEFAULT_EXCLUDE = ("**/node_modules/**", "**/.git/**", "**/build/**", "**/.docusaurus/**")


class ConfigError(Exception):
    """Invalid configuration; the message names the file and the key."""


@dataclass(frozen=True)
class RegistryFiles:
    """The series' citation registries (``[claims]``), relative to the configuration's root.

    A default file that does not exist means "no registry"; a configured one must exist.
    """

    references: tuple[str, ...] = ("references.yaml",)
    claims: tuple[str, ...] = ("claims.yaml",)
    configured: bool = False


@dataclass(frozen=True)
class Config:
    """The effective configuration of a run: the configuration file found (see above) over the defaults."""

    root: Path = field(default_factory=Path.cwd)  # where the config file lives (or the cwd)
    source: Path | None = None
    docs: tuple[str, ...] = ()
    include: tuple[str, ...] = ("**/*.md", "**/*.mdx", "**/*.mmd", "**/*.mermaid")
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_packs: tuple[str, ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    max_file_size: int = 2_000_000
    cache_dir: str = ".doclint_cache"
    site: SiteSettings = field(default_factory=SiteSettings)
    registries: RegistryFiles = field(default_factory=RegistryFiles)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)


_TOP_LEVEL_KEYS = {
    "docs": "list of str",
    "include": "list of str",
    "exclude": "list of str",
    "extend-exclude": "list of str",
    "select": "list of str",
    "ignore": "list of str",
    "extend-select": "list of str",
    "per-file-ignores": "table of glob = list of codes",
    "severity": "table of code = error|warning|info",
    "rule-packs": "list of str",
    "rules": "table of code = table of options",
    "fail-on": "error|warning|info",
    "max-file-size": "int",
    "cache-dir": "str",
    "site": "table",
    "claims": "table with references, registry (a path or a list of paths)",
}
_CLAIMS_KEYS = {"references": "str or list of str", "registry": "str or list of str"}
_SITE_KEYS = {
    "markdown-format": "mdx|md|detect",
    "mdx1-compat": "bool or table with comments, admonitions, heading-ids",
    "admonition-keywords": "list of str",
    "admonitions-extend-defaults": "bool",
    "mermaid": "bool",
    "mermaid-version": "11 or 12",
    "anchors-maintain-case": "bool",
    "docs-path": "str",
    "route-base-path": "str",
    "static-directories": "list of str",
    "number-prefix-parser": "bool",
    "site-dir": "str",
}


def find_config_file(start: Path) -> Path | None:
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        for name in CONFIG_FILE_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_doclint_table(path)):
                return path
    return None


def _has_doclint_table(path: Path) -> bool:
    try:
        return "doclint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None


def load_config(paths: list[Path], explicit: Path | None = None) -> Config:
    """The configuration for a run over ``paths``: the explicit file, or the first one found upwards."""
    config_path = explicit
    if config_path is not None and not config_path.is_file():
        raise ConfigError(f"{config_path}: configuration file not found")
    if config_path is None:
        start = (paths[0] if paths else Path.cwd()).resolve()
        config_path = find_config_file(start)
    if config_path is None:
        root = _guess_root(paths)
        return Config(root=root, site=_site_from_docusaurus(root, {}))
    config_path = config_path.resolve()
    data = _read_toml(config_path)
    table = data.get("tool", {}).get("doclint", {}) if config_path.name == "pyproject.toml" else data
    return config_from_table(table, config_path.parent, config_path)


def _guess_root(paths: list[Path]) -> Path:
    """Without a config file: the nearest ancestor holding a docusaurus config, else the cwd."""
    start = (paths[0] if paths else Path.cwd()).resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        if any((candidate / name).is_file() for name in DOCUSAURUS_CONFIG_NAMES):
            return candidate
    return Path.cwd().resolve()


def config_from_table(table: Mapping[str, Any], root: Path, source: Path | None = None) -> Config:
    where = str(source) if source else "configuration"
    _check_keys(table, _TOP_LEVEL_KEYS, where, "")
    config = Config(root=root, source=source)
    changes: dict[str, Any] = {}
    for key in ("docs", "include", "select", "ignore", "extend-select", "rule-packs"):
        if key in table:
            changes[key.replace("-", "_")] = tuple(_string_list(table[key], where, key))
    exclude = tuple(_string_list(table.get("exclude", list(DEFAULT_EXCLUDE)), where, "exclude"))
    exclude += tuple(_string_list(table.get("extend-exclude", []), where, "extend-exclude"))
    changes["exclude"] = exclude
    if "per-file-ignores" in table:
        changes["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], where)
    if "severity" in table:
        changes["severity"] = _severities(table["severity"], where)
    if "rules" in table:
        changes["rule_options"] = _rule_options(table["rules"], where)
    if "fail-on" in table:
        changes["fail_on"] = _severity(table["fail-on"], where, "fail-on")
    if "max-file-size" in table:
        if not isinstance(table["max-file-size"], int) or table["max-file-size"] <= 0:
            raise ConfigError(f"{where}: 'max-file-size' must be a positive integer (bytes)")
        changes["max_file_size"] = table["max-file-size"]
    if "cache-dir" in table:
        changes["cache_dir"] = _string(table["cache-dir"], where, "cache-dir")
    if "claims" in table:
        changes["registries"] = _registry_files(table["claims"], root, where)
    site_table = table.get("site", {})
    if not isinstance(site_table, Mapping):
        raise ConfigError(f"{where}: 'site' must be a table")
    changes["site"] = _site_from_docusaurus(root, site_table, where)
    return replace(config, **changes)


def _site_from_docusaurus(
    root: Path, overrides: Mapping[str, Any], where: str = "configuration"
) -> SiteSettings:
    from doclint.docusaurus_config import read_docusaurus_settings

    _check_keys(overrides, _SITE_KEYS, where, "site.")
    site_dir = Path(overrides["site-dir"]) if "site-dir" in overrides else None
    site_root = (root / site_dir).resolve() if site_dir else root
    settings = read_docusaurus_settings(site_root)
    return apply_site_overrides(settings, overrides, where)


def apply_site_overrides(settings: SiteSettings, overrides: Mapping[str, Any], where: str) -> SiteSettings:
    changes: dict[str, Any] = {}
    if "markdown-format" in overrides:
        value = overrides["markdown-format"]
        if value not in ("mdx", "md", "detect"):
            raise ConfigError(f"{where}: 'site.markdown-format' must be mdx, md or detect, not {value!r}")
        changes["markdown_format"] = value
    if "mdx1-compat" in overrides:
        changes["mdx1_compat"] = _mdx1_compat(overrides["mdx1-compat"], where)
    extend = overrides.get("admonitions-extend-defaults", True)
    if not isinstance(extend, bool):
        raise ConfigError(f"{where}: 'site.admonitions-extend-defaults' must be true or false")
    if "admonition-keywords" in overrides:
        keywords = tuple(_string_list(overrides["admonition-keywords"], where, "site.admonition-keywords"))
        changes["admonition_keywords"] = (
            tuple(dict.fromkeys(DEFAULT_ADMONITION_KEYWORDS + keywords)) if extend else keywords
        )
    for key, attribute in (
        ("mermaid", "mermaid"),
        ("anchors-maintain-case", "anchors_maintain_case"),
        ("number-prefix-parser", "number_prefix_parser"),
    ):
        if key in overrides:
            if not isinstance(overrides[key], bool):
                raise ConfigError(f"{where}: 'site.{key}' must be true or false")
            changes[attribute] = overrides[key]
    for key, attribute in (("docs-path", "docs_path"), ("route-base-path", "route_base_path")):
        if key in overrides:
            changes[attribute] = _string(overrides[key], where, f"site.{key}")
    if "mermaid-version" in overrides:
        if overrides["mermaid-version"] not in (11, 12):
            raise ConfigError(f"{where}: 'site.mermaid-version' must be 11 or 12")
        changes["mermaid_version"] = overrides["mermaid-version"]
    if "static-directories" in overrides:
        changes["static_directories"] = tuple(
            _string_list(overrides["static-directories"], where, "site.static-directories")
        )
    return replace(settings, **changes)


def _registry_files(value: Any, root: Path, where: str) -> RegistryFiles:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'claims' must be a table")
    _check_keys(value, _CLAIMS_KEYS, where, "claims.")
    defaults = RegistryFiles()
    files: dict[str, tuple[str, ...]] = {"references": defaults.references, "registry": defaults.claims}
    for key in files:
        if key not in value:
            continue
        entry = value[key]
        paths = tuple(_string_list([entry] if isinstance(entry, str) else entry, where, f"claims.{key}"))
        for path in paths:
            if not (root / path).is_file():
                raise ConfigError(f"{where}: 'claims.{key}' names {path!r}, which is not a file under {root}")
        files[key] = paths
    return RegistryFiles(files["references"], files["registry"], configured=True)


def _mdx1_compat(value: Any, where: str) -> Mdx1Compat:
    if isinstance(value, bool):
        return Mdx1Compat(value, value, value)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'site.mdx1-compat' must be true, false or a table")
    _check_keys(
        value, {"comments": "bool", "admonitions": "bool", "heading-ids": "bool"}, where, "site.mdx1-compat."
    )
    flags = {key: value.get(key, True) for key in ("comments", "admonitions", "heading-ids")}
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            raise ConfigError(f"{where}: 'site.mdx1-compat.{key}' must be true or false")
    return Mdx1Compat(flags["comments"], flags["admonitions"], flags["heading-ids"])


def _check_keys(table: Mapping[str, Any], known: Mapping[str, str], where: str, prefix: str) -> None:
    import difflib

    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown key '{prefix}{key}'{hint}")


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string")
    return value


def _string_list(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def _severity(value: Any, where: str, key: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{where}: '{key}' must be one of error, warning, info (got {value!r})") from None


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'severity' must be a table of CODE = severity")
    return {code.upper(): _severity(level, where, f"severity.{code}") for code, level in value.items()}


def _per_file_ignores(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
    return {
        glob: tuple(_string_list(codes, where, f"per-file-ignores.{glob}")) for glob, codes in value.items()
    }


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(options, Mapping) for options in value.values()):
        raise ConfigError(f"{where}: 'rules' must be a table of CODE = {{ option = value }}")
    return {code.upper(): dict(options) for code, options in value.items()}
