"""The static reader of docusaurus.config.*: literal settings read, computed ones noted, nothing executed."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.docusaurus_config import UNKNOWN, ModulePath, evaluate_default_export, read_docusaurus_settings
from doclint.site import DEFAULT_ADMONITION_KEYWORDS, Mdx1Compat
from support import shared_path


def settings_for(tmp_path: Path, text: str, name: str = "docusaurus.config.js"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_docusaurus_settings(tmp_path)


def test_no_config_gives_docusaurus_defaults(tmp_path: Path) -> None:
    settings = read_docusaurus_settings(tmp_path)
    assert settings.markdown_format == "mdx" and settings.mdx1_compat == Mdx1Compat()
    assert settings.plugins()[0].path == "docs" and settings.on_broken_links == "throw"


def test_markdown_settings_and_future_v4(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        """
        // @ts-check
        /** @type {import('@docusaurus/types').Config} */
        const config = {
          markdown: {format: 'detect', mermaid: true, mdx1Compat: {headingIds: true},
                     anchors: {maintainCase: true}, hooks: {onBrokenMarkdownImages: "warn"}},
          future: {v4: true},
          themes: ['@docusaurus/theme-mermaid'],
          onBrokenLinks: 'warn', onBrokenAnchors: 'throw', trailingSlash: true,
          staticDirectories: ['public', 'static'],
        };
        module.exports = config;
    """,
    )
    assert settings.markdown_format == "detect" and settings.mermaid and settings.mermaid_theme
    assert settings.mdx1_compat == Mdx1Compat(comments=False, admonitions=False, heading_ids=True)
    assert settings.anchors_maintain_case and settings.trailing_slash is True
    assert (settings.on_broken_links, settings.on_broken_anchors, settings.on_broken_markdown_images) == (
        "warn",
        "throw",
        "warn",
    )
    assert settings.static_directories == ("public", "static")


@pytest.mark.parametrize(
    ("future", "expected"),
    [
        ("{v4: {mdx1CompatDisabledByDefault: true}}", Mdx1Compat(False, False, False)),
        ("{v4: {mdx1CompatDisabledByDefault: false}}", Mdx1Compat(True, True, True)),
        ("{v4: false}", Mdx1Compat(True, True, True)),
        ("{}", Mdx1Compat(True, True, True)),
    ],
)
def test_mdx1_compat_default_follows_the_v4_flag(tmp_path: Path, future: str, expected: Mdx1Compat) -> None:
    assert settings_for(tmp_path, f"export default {{future: {future}}};").mdx1_compat == expected


def test_docs_plugins_from_presets_and_plugins_with_spreads(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        """
        import type {Config} from '@docusaurus/types';
        const common = {admonitions: {keywords: ['exercise'], extendDefaults: false}, editUrl: ({docPath}) => docPath};
        const config: Config = {
          presets: [
            ['@docusaurus/preset-classic', {
              docs: {path: 'course', routeBasePath: '/', sidebarPath: require.resolve('./sidebars.js'), ...common,
                     numberPrefixParser: false},
              blog: false,
            } satisfies Preset.Options],
          ],
          plugins: [
            'docusaurus-plugin-sass',
            function localPlugin() { return {name: 'x'}; },
            ['@docusaurus/plugin-content-docs', {id: 'extras', path: `extras`, routeBasePath: 'more',
                                                  sidebarPath: false}],
          ],
        };
        export default config;
    """,
        name="docusaurus.config.ts",
    )
    default, extras = settings.plugins()
    assert (default.path, default.route_base_path, default.sidebar_path, default.number_prefix_parser) == (
        "course",
        "/",
        "./sidebars.js",
        False,
    )
    assert (extras.plugin_id, extras.path, extras.route_base_path, extras.sidebar_path) == (
        "extras",
        "extras",
        "more",
        "",
    )
    assert settings.admonition_keywords == ("exercise",)
    assert settings.blog_paths == () and settings.config_notes == ()


def test_extend_defaults_keeps_the_default_keywords(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        "module.exports = {presets: [['classic', {docs: {admonitions: {keywords: ['exercise']}}}]]};",
    )
    assert settings.admonition_keywords == (*DEFAULT_ADMONITION_KEYWORDS, "exercise")


def test_computed_values_keep_defaults_and_are_noted(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        """
        const isProd = process.env.NODE_ENV === 'production';
        export default {
          markdown: {format: isProd ? 'md' : 'mdx', mermaid: process.env.MERMAID === '1'},
          presets: [['classic', {docs: {path: 'docs', sidebarPath: getSidebars()}}]],
        };
    """,
    )
    assert settings.markdown_format == "mdx" and settings.mermaid is False
    assert settings.plugins()[0].sidebar_path == "?"
    assert any("markdown.format" in note for note in settings.config_notes)
    assert any("sidebarPath" in note for note in settings.config_notes)


def test_a_config_function_is_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    settings = settings_for(
        tmp_path,
        f"""
        export default async function createConfig() {{
          require('fs').writeFileSync({str(marker)!r}, 'x');
          return {{markdown: {{format: 'md'}}}};
        }}
    """,
    )
    assert not marker.exists()
    assert settings.markdown_format == "mdx" and "computed" in settings.config_notes[0]


def test_literal_syntax_details() -> None:
    value = evaluate_default_export("""
        /* block */ const base = ['a', "b\\u0021", `c`];
        const extra = {"quoted-key": 1_000, 'x': -2.5, [`computed`]: 0x10, nested: {t: true, n: null}};
        module.exports = {list: [...base, 'd',], ...extra, template: `has ${base}`, call: f(1), trailing: 1,};
    """)
    assert value["list"] == ["a", "b!", "c", "d"]
    assert (value["quoted-key"], value["x"], value["computed"]) == (1000, -2.5, 16)
    assert value["nested"] == {"t": True, "n": None}
    assert value["template"] is UNKNOWN and value["call"] is UNKNOWN and value["trailing"] == 1
    assert evaluate_default_export("module.exports = {s: require.resolve('./sidebars')}")["s"] == ModulePath(
        "./sidebars"
    )


def test_the_react_native_website_config() -> None:
    site = shared_path("corpora/react-native-website/website/docusaurus.config.ts").parent
    settings = read_docusaurus_settings(site)
    assert settings.markdown_format == "mdx" and settings.mermaid and settings.mermaid_theme
    assert settings.mdx1_compat == Mdx1Compat(False, False, False)  # future: {v4: true}
    assert settings.on_broken_links == "warn" and settings.trailing_slash is False
    assert [(p.plugin_id, p.path, p.route_base_path) for p in settings.plugins()] == [
        ("default", "../docs", "docs"),
        ("architecture", "architecture", "/architecture"),
        ("contributing", "contributing", "/contributing"),
        ("community", "community", "/community"),
    ]
    assert settings.plugins()[0].sidebar_path == "./sidebars"
    assert "important" in settings.admonition_keywords and "note" in settings.admonition_keywords
