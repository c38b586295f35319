"""Read the settings of a ``docusaurus.config.*`` (and plain sidebars files) without executing them.

The file is tokenised and its object literals evaluated statically: strings, numbers, booleans, arrays,
objects, spreads of top-level ``const`` literals, ``require.resolve('./x')``. Anything computed (a
function call, an environment lookup, an arrow function) is ``UNKNOWN``: the setting keeps Docusaurus's
default and the reader records a note, so a report can say what was not read instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from doclint.site import DEFAULT_ADMONITION_KEYWORDS, DocsPlugin, Mdx1Compat, SiteSettings

CONFIG_NAMES = (
    "docusaurus.config.ts",
    "docusaurus.config.js",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
    "docusaurus.config.mts",
    "docusaurus.config.cts",
)
_DOCS_PLUGIN_NAMES = frozenset(
    {"@docusaurus/plugin-content-docs", "content-docs", "docusaurus-plugin-content-docs"}
)
_CLASSIC_PRESETS = frozenset({"@docusaurus/preset-classic", "classic", "docusaurus-preset-classic"})
_MERMAID_THEMES = frozenset({"@docusaurus/theme-mermaid", "mermaid"})
_BLOG_PLUGIN_NAMES = frozenset({"@docusaurus/plugin-content-blog", "content-blog"})
# plugins and themes that add no page route of their own: with only these (and the content plugins), the
# docs, blog and src/pages routes are all the routes the site has
_ROUTE_NEUTRAL = frozenset(
    {
        "@docusaurus/plugin-content-pages",
        "content-pages",
        "@docusaurus/theme-classic",
        "classic",
        "@docusaurus/theme-mermaid",
        "mermaid",
        "@docusaurus/plugin-sitemap",
        "sitemap",
        "@docusaurus/plugin-svgr",
        "@docusaurus/plugin-google-gtag",
        "@docusaurus/plugin-google-analytics",
        "@docusaurus/plugin-google-tag-manager",
        "@docusaurus/plugin-ideal-image",
        "@docusaurus/plugin-pwa",
        "@docusaurus/plugin-css-cascade-layers",
        "@docusaurus/theme-live-codeblock",
        "docusaurus-plugin-sass",
        "@docusaurus/theme-search-algolia",
        "@docusaurus/plugin-rsdoctor",
        "@docusaurus/faster",
    }
)
_STATEMENT_STARTERS = frozenset(
    {
        "const",
        "let",
        "var",
        "export",
        "import",
        "function",
        "async",
        "type",
        "interface",
        "module",
        "class",
        "if",
    }
)


class _Unknown:
    """A value the reader could not compute statically."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
FUNCTION: Any = _Unknown()  # an inline function: computed, but obviously not a name or an options object


@dataclass(frozen=True)
class ModulePath:
    """``require.resolve('./sidebars')``: a path written as a literal, resolved relative to the config."""

    path: str


# -- tokens ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Token:
    """One JavaScript token of a configuration file, and whether a line break came before it."""

    kind: str  # "string", "template", "number", "name", "punct"
    value: str
    newline_before: bool


_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<comment>//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<template>`(?:[^`\\]|\\.)*`)
    |(?P<number>(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+))
    |(?P<name>[A-Za-z_$][\w$]*)
    |(?P<punct>\.\.\.|=>|===|!==|==|!=|\?\?|\?\.|&&|\|\||[{}\[\]().,;:?=<>+\-*/%!&|^~@#])
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    newline = True
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # an unsupported character (regex literal body, unicode operator): skip it
            position += 1
            continue
        position = match.end()
        kind = match.lastgroup or ""
        value = match.group()
        if kind in ("space", "comment"):
            newline = newline or "\n" in value
            continue
        tokens.append(_Token(kind, value, newline))
        newline = False
    return tokens


def _unescape(body: str) -> str:
    return re.sub(
        r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", _escape_value, body, flags=re.DOTALL
    )


def _escape_value(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("u{"):
        return chr(int(code[2:-1], 16))
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


# -- evaluation ---------------------------------------------------------------------------------------
class _Evaluator:
    """A recursive-descent reader of JavaScript literal expressions over the token list."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0
        self.bindings: dict[str, Any] = {}
        self.pending: dict[str, int] = {}  # top-level names whose value is read lazily, by token position

    # navigation
    def peek(self, offset: int = 0) -> _Token | None:
        index = self.position + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def at(self, value: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.value == value and token.kind in ("punct", "name")

    def advance(self) -> _Token | None:
        token = self.peek()
        self.position += 1
        return token

    def skip_balanced(self, stops: frozenset[str] = frozenset({",", ";", "}", "]", ")"})) -> None:
        """Skip one expression (or statement tail) up to a stop token at nesting depth 0."""
        depth = 0
        start = self.position
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.value in "([{":
                depth += 1
            elif token.kind == "punct" and token.value in ")]}":
                if depth == 0:
                    return
                depth -= 1
            elif depth == 0 and (
                (self.position > start and self._ends_statement(token))
                or (token.kind == "punct" and token.value in stops)
            ):
                return
            self.position += 1

    def _ends_statement(self, token: _Token) -> bool:
        return token.newline_before and token.kind == "name" and token.value in _STATEMENT_STARTERS

    # top level
    def collect_bindings(self) -> Any:
        """Note every top-level ``const x =`` position; return the default export expression's value."""
        exported_at: int | None = None
        depth = 0
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.value in "([{":
                depth += 1
            elif token.kind == "punct" and token.value in ")]}":
                depth -= 1
            elif depth == 0 and token.kind == "name":
                if token.value in ("const", "let", "var") and (name := self.peek(1)) and name.kind == "name":
                    self.position += 2
                    if self._skip_type_annotation():
                        self.pending[name.value] = self.position + 1
                    continue
                if token.value == "export" and self.at("default", 1):
                    exported_at = self.position + 2
                elif (
                    token.value == "module" and self.at(".", 1) and self.at("exports", 2) and self.at("=", 3)
                ):
                    exported_at = self.position + 4
            self.position += 1
        if exported_at is None:
            return UNKNOWN
        self.position = exported_at
        return self.expression()

    def _skip_type_annotation(self) -> bool:
        """After ``const name``: skip ``: Type`` up to ``=``; False when there is no initializer."""
        depth = 0
        while (token := self.peek()) is not None:
            if depth == 0 and token.kind == "punct" and token.value == "=":
                return True
            if token.kind == "punct" and token.value in "([{<":
                depth += 1
            elif token.kind == "punct" and token.value in ")]}>":
                depth -= 1
            elif depth == 0 and token.kind == "punct" and token.value == ";":
                return False
            self.position += 1
        return False

    def binding(self, name: str) -> Any:
        if name in self.bindings:
            return self.bindings[name]
        start = self.pending.get(name)
        if start is None:
            return UNKNOWN
        self.bindings[name] = UNKNOWN  # guards against self-reference
        saved = self.position
        self.position = start
        self.bindings[name] = self.expression()
        self.position = saved
        return self.bindings[name]

    # expressions
    def expression(self) -> Any:
        value = self.primary()
        while self.at("satisfies") or self.at("as"):  # TypeScript annotations do not change the value
            self.position += 1
            self.skip_balanced()
        token = self.peek()
        if token is None or (token.kind == "punct" and token.value in (",", ";", "}", "]", ")")):
            return value
        if self._ends_statement(token):
            return value
        self.skip_balanced()  # an operator follows: the value is computed
        return value if value is FUNCTION else UNKNOWN

    def primary(self) -> Any:
        token = self.advance()
        if token is None:
            return UNKNOWN
        if token.kind == "string":
            return _unescape(token.value[1:-1])
        if token.kind == "template":
            return _unescape(token.value[1:-1]) if "${" not in token.value else UNKNOWN
        if token.kind == "number":
            return _number(token.value)
        if token.kind == "punct":
            return self._punct_primary(token)
        return self._name_primary(token)

    def _punct_primary(self, token: _Token) -> Any:
        if token.value == "{":
            return self.object_literal()
        if token.value == "[":
            return self.array_literal()
        if token.value == "-" and (number := self.peek()) and number.kind == "number":
            self.position += 1
            return -_number(number.value)
        if token.value == "(":
            value = self.expression()
            if self.at(")"):
                self.position += 1
                if self.at("=>"):
                    self.position += 1
                    self.skip_balanced()
                    return UNKNOWN
                return value
        self.position -= 1
        self.skip_balanced()
        return UNKNOWN

    def _name_primary(self, token: _Token) -> Any:
        literals = {"true": True, "false": False, "null": None, "undefined": None}
        if token.value in literals:
            return literals[token.value]
        if token.value == "require" and self.at(".") and self.at("resolve", 1) and self.at("(", 2):
            argument = self.peek(3)
            if argument is not None and argument.kind == "string" and self.at(")", 4):
                self.position += 5
                return ModulePath(_unescape(argument.value[1:-1]))
        if token.value in ("async", "function", "new", "await", "typeof"):
            self.position -= 1
            self.skip_balanced()
            return FUNCTION if token.value in ("async", "function") else UNKNOWN
        if self.at("=>"):
            self.skip_balanced()
            return UNKNOWN
        if not (self.at(".") or self.at("(") or self.at("[") or self.at("?.")):
            return self.binding(token.value)
        self.position -= 1
        self.skip_balanced()
        return UNKNOWN

    def object_literal(self) -> Any:
        result: dict[str, Any] = {}
        while (token := self.peek()) is not None and not self.at("}"):
            if self.at(","):
                self.position += 1
                continue
            if self.at("..."):
                self.position += 1
                spread = self.expression()
                if isinstance(spread, dict):
                    result.update(spread)
                else:
                    result["..."] = UNKNOWN  # unknown keys may come from here
                continue
            key = self._property_key(token)
            if key is None:
                self.skip_balanced()
                continue
            if self.at(":"):
                self.position += 1
                result[key] = self.expression()
            elif self.at("("):  # a method: computed
                self.skip_balanced(frozenset({","}))
                result[key] = UNKNOWN
            else:  # shorthand {name}
                result[key] = self.binding(key)
        self.position += 1
        return result

    def _property_key(self, token: _Token) -> str | None:
        if token.kind in ("name", "number"):
            self.position += 1
            return token.value
        if token.kind == "string":
            self.position += 1
            return _unescape(token.value[1:-1])
        if self.at("["):  # a computed key
            self.position += 1
            key = self.expression()
            if self.at("]"):
                self.position += 1
            return key if isinstance(key, str) else "[computed]"
        return None

    def array_literal(self) -> Any:
        result: list[Any] = []
        while self.peek() is not None and not self.at("]"):
            if self.at(","):
                self.position += 1
                continue
            if self.at("..."):
                self.position += 1
                spread = self.expression()
                result.extend(spread if isinstance(spread, list) else [UNKNOWN])
                continue
            result.append(self.expression())
        self.position += 1
        return result


def _number(text: str) -> float | int:
    cleaned = text.replace("_", "")
    if cleaned.lower().startswith("0x"):
        return int(cleaned, 16)
    value = float(cleaned)
    return int(value) if value.is_integer() and "." not in cleaned else value


def evaluate_default_export(text: str) -> Any:
    """The value of ``export default …`` / ``module.exports = …``, with UNKNOWN where it is computed."""
    return _Evaluator(_tokenize(text)).collect_bindings()


# -- the site settings ----------------------------------------------------------------------------------
def find_config_file(site_root: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = site_root / name
        if candidate.is_file():
            return candidate
    return None


def read_docusaurus_settings(site_root: Path) -> SiteSettings:
    defaults = SiteSettings(site_dir=str(site_root))
    path = find_config_file(site_root)
    if path is None:
        return defaults
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return replace(
            defaults, config_notes=(f"{path.name}: cannot read ({error}); Docusaurus defaults used",)
        )
    return settings_from_config(evaluate_default_export(text), defaults, path.name)


def settings_from_config(
    config: Any, defaults: SiteSettings, source: str = "docusaurus config"
) -> SiteSettings:
    if not isinstance(config, dict):
        note = f"{source}: the exported config is computed (not an object literal); Docusaurus defaults used"
        return replace(defaults, config_notes=(note,))
    reader = _SettingsReader(config, source)
    return reader.read(defaults)


class _SettingsReader:
    def __init__(self, config: dict[str, Any], source: str) -> None:
        self.config = config
        self.source = source
        self.notes: list[str] = []

    def get(self, container: Any, dotted: str, kinds: tuple[type, ...], default: Any) -> Any:
        value: Any = container
        for part in dotted.split("."):
            if not isinstance(value, dict):
                return default
            if part not in value:
                return UNKNOWN if "..." in value else default
            value = value[part]
        if value is UNKNOWN:
            self.notes.append(f"{self.source}: '{dotted}' is computed; Docusaurus's default assumed")
            return default
        if value is None:
            return default
        if bool in kinds:
            return value if isinstance(value, bool) else default
        return value if isinstance(value, kinds) and not isinstance(value, bool) else default

    def read(self, defaults: SiteSettings) -> SiteSettings:
        config = self.config
        get = self.get
        markdown_format = get(config, "markdown.format", (str,), defaults.markdown_format)
        if markdown_format not in ("mdx", "md", "detect"):
            markdown_format = defaults.markdown_format
        plugins, admonitions, blogs = self._plugins()
        default_plugin = next((plugin for plugin in plugins if plugin.plugin_id == "default"), None)
        keywords = _admonition_keywords(admonitions)
        trailing = config.get("trailingSlash")
        return replace(
            defaults,
            markdown_format=markdown_format,
            mdx1_compat=self._mdx1_compat(),
            admonition_keywords=keywords,
            mermaid=get(config, "markdown.mermaid", (bool,), False),
            anchors_maintain_case=get(config, "markdown.anchors.maintainCase", (bool,), False),
            docs_path=default_plugin.path if default_plugin else defaults.docs_path,
            route_base_path=default_plugin.route_base_path if default_plugin else defaults.route_base_path,
            number_prefix_parser=default_plugin.number_prefix_parser if default_plugin else True,
            static_directories=tuple(
                item
                for item in get(config, "staticDirectories", (list,), list(defaults.static_directories))
                if isinstance(item, str)
            ),
            docs_plugins=tuple(plugins),
            # a config without any content plugin read is taken to be the classic preset's defaults
            blog_paths=tuple(blogs) if plugins or blogs else defaults.blog_paths,
            trailing_slash=trailing if isinstance(trailing, bool) else None,
            on_broken_links=get(config, "onBrokenLinks", (str,), defaults.on_broken_links),
            on_broken_anchors=get(config, "onBrokenAnchors", (str,), defaults.on_broken_anchors),
            on_broken_markdown_links=get(
                config,
                "markdown.hooks.onBrokenMarkdownLinks",
                (str,),
                get(config, "onBrokenMarkdownLinks", (str,), defaults.on_broken_markdown_links),
            ),
            on_broken_markdown_images=get(
                config, "markdown.hooks.onBrokenMarkdownImages", (str,), defaults.on_broken_markdown_images
            ),
            routes_complete=self._routes_complete(),
            pages_paths=tuple(self._pages_paths()),
            base_url=get(config, "baseUrl", (str,), defaults.base_url),
            blog_route_bases=tuple(self._blog_route_bases())
            if plugins or blogs
            else defaults.blog_route_bases,
            mermaid_theme=any(
                _plugin_name(theme) in _MERMAID_THEMES for theme in _list(config.get("themes"))
            ),
            config_notes=tuple(dict.fromkeys(self.notes)),
        )

    def _mdx1_compat(self) -> Mdx1Compat:
        v4 = self.config.get("future", {}).get("v4") if isinstance(self.config.get("future"), dict) else None
        disabled_by_default = v4 is True or (
            isinstance(v4, dict) and v4.get("mdx1CompatDisabledByDefault") is True
        )
        default = not disabled_by_default
        flags = {
            key: self.get(self.config, f"markdown.mdx1Compat.{key}", (bool,), default)
            for key in ("comments", "admonitions", "headingIds")
        }
        return Mdx1Compat(flags["comments"], flags["admonitions"], flags["headingIds"])

    def _routes_complete(self) -> bool:
        """Whether every plugin is known to add no routes besides docs, blog posts and pages."""
        entries: list[Any] = []
        for key in ("presets", "plugins", "themes"):
            value = self.config.get(key, [])
            if not isinstance(value, list):
                return False
            entries.extend(value)
        known = _CLASSIC_PRESETS | _DOCS_PLUGIN_NAMES | _BLOG_PLUGIN_NAMES | _ROUTE_NEUTRAL
        return "..." not in self.config and all(_plugin_name(entry) in known for entry in entries)

    def _pages_paths(self) -> list[str]:
        """The pages plugin folders (the classic preset's, unless ``pages: false``, and explicit instances)."""
        paths = []
        for preset in _list(self.config.get("presets")):
            name, options = _plugin_entry(preset)
            if name in _CLASSIC_PRESETS and not (isinstance(options, dict) and options.get("pages") is False):
                pages = options.get("pages") if isinstance(options, dict) else None
                paths.append(self.get(pages if isinstance(pages, dict) else {}, "path", (str,), "src/pages"))
        for entry in _list(self.config.get("plugins")):
            name, options = _plugin_entry(entry)
            if name in ("@docusaurus/plugin-content-pages", "content-pages"):
                paths.append(
                    self.get(options if isinstance(options, dict) else {}, "path", (str,), "src/pages")
                )
        return paths or ["src/pages"]

    def _blog_route_bases(self) -> list[str]:
        bases = []
        for preset in _list(self.config.get("presets")):
            name, options = _plugin_entry(preset)
            if name in _CLASSIC_PRESETS and isinstance(options, dict) and options.get("blog") is not False:
                blog = options.get("blog")
                bases.append(
                    self.get(blog if isinstance(blog, dict) else {}, "routeBasePath", (str,), "blog")
                )
        for entry in _list(self.config.get("plugins")):
            name, options = _plugin_entry(entry)
            if name in _BLOG_PLUGIN_NAMES:
                bases.append(
                    self.get(options if isinstance(options, dict) else {}, "routeBasePath", (str,), "blog")
                )
        return bases

    def _plugins(self) -> tuple[list[DocsPlugin], Any, list[str]]:
        """Every docs plugin instance (presets and plugins), the default one's admonitions, blog paths."""
        plugins: list[DocsPlugin] = []
        admonitions: Any = None
        blogs: list[str] = []
        for preset in _list(self.config.get("presets")):
            name, options = _plugin_entry(preset)
            if name not in _CLASSIC_PRESETS:
                continue
            options = options if isinstance(options, dict) else {}
            docs = options.get("docs", {})
            if docs is not False:
                plugin, plugin_admonitions = self._docs_plugin(docs if isinstance(docs, dict) else {})
                plugins.append(plugin)
                admonitions = plugin_admonitions
            blog = options.get("blog", {})
            if blog is not False:
                blogs.append(self.get(blog if isinstance(blog, dict) else {}, "path", (str,), "blog"))
        for entry in _list(self.config.get("plugins")):
            name, options = _plugin_entry(entry)
            if name in _DOCS_PLUGIN_NAMES:
                plugin, plugin_admonitions = self._docs_plugin(options if isinstance(options, dict) else {})
                plugins.append(plugin)
                if plugin.plugin_id == "default":
                    admonitions = plugin_admonitions
            elif name in _BLOG_PLUGIN_NAMES:
                blogs.append(self.get(options if isinstance(options, dict) else {}, "path", (str,), "blog"))
            elif name is None and entry is not FUNCTION:
                self.notes.append(
                    f"{self.source}: a plugin entry is computed; its docs (if any) are not known"
                )
        return plugins, admonitions, blogs

    def _docs_plugin(self, options: dict[str, Any]) -> tuple[DocsPlugin, Any]:
        get = self.get
        sidebar = options.get("sidebarPath", None)
        if isinstance(sidebar, ModulePath):
            sidebar_path: str | None = sidebar.path
        elif isinstance(sidebar, str):
            sidebar_path = sidebar
        elif sidebar is False:
            sidebar_path = ""
        else:
            if sidebar is UNKNOWN:
                self.notes.append(f"{self.source}: 'sidebarPath' is computed; sidebars not read")
                sidebar_path = "?"
            else:
                sidebar_path = None
        plugin = DocsPlugin(
            plugin_id=get(options, "id", (str,), "default"),
            path=get(options, "path", (str,), "docs"),
            route_base_path=get(options, "routeBasePath", (str,), "docs"),
            sidebar_path=sidebar_path,
            number_prefix_parser=options.get("numberPrefixParser") is not False,
            last_version=get(options, "lastVersion", (str,), None),
            include_current_version=options.get("includeCurrentVersion") is not False,
        )
        return plugin, options.get("admonitions")


def _admonition_keywords(admonitions: Any) -> tuple[str, ...]:
    if not isinstance(admonitions, dict):
        return DEFAULT_ADMONITION_KEYWORDS
    keywords = tuple(item for item in _list(admonitions.get("keywords")) if isinstance(item, str))
    if admonitions.get("extendDefaults", True) is False:
        return keywords
    return tuple(dict.fromkeys(DEFAULT_ADMONITION_KEYWORDS + keywords))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _plugin_entry(entry: Any) -> tuple[str | None, Any]:
    if isinstance(entry, str):
        return entry, {}
    if isinstance(entry, list) and entry and isinstance(entry[0], str):
        return entry[0], entry[1] if len(entry) > 1 else {}
    return None, None


def _plugin_name(entry: Any) -> str | None:
    return _plugin_entry(entry)[0]
