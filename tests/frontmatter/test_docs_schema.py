"""FM003 against the Docusaurus 3.10.2 docs plugin: every case below was run through the real
``validateDocFrontMatter`` (and mdx-loader's ``validateMDXFrontMatter``, ``isValidPathname`` for slugs, the
``docs.ts`` id check); ``fails`` records whether Docusaurus refused the front matter, the comment its message."""

from __future__ import annotations

import pytest

from doclint.rules.base import Example
from doclint.rules.frontmatter.fm003_docs_schema import DocsFrontMatterSchema
from doclint.testing import run_example

# (name, YAML between the --- fences, Docusaurus fails the build)
CASES = [
    ("title_num", "title: 2024", False),
    ("title_bool", "title: true", True),  # "title" must be a string
    ("title_null", "title:", True),  # "title" must be a string
    ("title_empty", "title: ''", False),
    ("title_date", "title: 2024-01-01", False),
    ("title_list", "title: [a]", True),  # "title" must be a string
    ("keywords_scalar", "keywords: llm", True),  # "keywords" must be an array
    ("keywords_nums", "keywords: [1, 2]", False),
    ("keywords_null_item", "keywords: [a, null]", True),  # "keywords[1]" must be a string
    ("pos_str", "sidebar_position: '3'", False),
    ("pos_bad", "sidebar_position: third", True),  # "sidebar_position" must be a number
    ("pos_float", "sidebar_position: -1.5", False),
    ("hide_title_str", "hide_title: 'true'", False),
    ("hide_title_yes", "hide_title: yes", True),  # "hide_title" must be a boolean
    ("hide_title_num", "hide_title: 1", True),  # "hide_title" must be a boolean
    ("draft_unlisted", "draft: true\nunlisted: true", True),  # Can't be draft and unlisted at the same time.
    ("id_slash", "id: a/b", True),
    (
        "toc_out",
        "toc_min_heading_level: 1\ntoc_max_heading_level: 7",
        True,
    ),  # "toc_max_heading_level" must be less than or equal to 6. "toc_min_head
    (
        "toc_minmax",
        "toc_min_heading_level: 4\ntoc_max_heading_level: 3",
        True,
    ),  # "toc_min_heading_level" must be less than or equal to ref:toc_max_head
    ("toc_min_only_big", "toc_min_heading_level: 5", False),
    ("toc_float", "toc_max_heading_level: 3.5", False),
    (
        "last_update_empty",
        "last_update: {}",
        True,
    ),  # "last_update" does not look like a valid last update object. Please us
    (
        "last_update_bad_date",
        "last_update: {date: notadate}",
        True,
    ),  # "last_update.date" must be a valid date
    ("last_update_ok", "last_update: {author: me}", False),
    (
        "last_update_str",
        "last_update: yesterday",
        True,
    ),  # "last_update" does not look like a valid last update object. Please us
    ("last_update_extra", "last_update: {author: me, foo: 1}", False),
    ("mdx_bad", "mdx: {format: markdown}", True),  # "format" must be one of [md, mdx, detect]
    ("mdx_extra", "mdx: {format: md, x: 1}", True),  # "x" is not allowed
    ("mdx_str", "mdx: md", True),  # "value" must be of type object
    (
        "image_spaces",
        "image: not a url with spaces",
        True,
    ),  # "image" does not look like a valid url (value='')
    ("image_rel", "image: ./x.png", False),
    ("image_num", "image: 5", True),  # "image" contains an invalid value
    ("slug_bad", "slug: 'a b?'", True),
    ("slug_ok", "slug: /intro", False),
    ("slug_dotdot", "slug: ../x", False),
    ("tags_str", "tags: a", True),  # "tags" does not look like a valid front matter Yaml array.
    ("tags_obj_missing", "tags: [{label: a}]", True),  # "tags[0].permalink" is required
    ("tags_obj", "tags: [{label: a, permalink: /a}]", False),
    ("tags_num", "tags: [1]", False),
    ("custom_props_list", "sidebar_custom_props: [1]", True),  # "sidebar_custom_props" must be of type object
    ("displayed_null", "displayed_sidebar: null", False),
    ("pagination_null", "pagination_next: null\npagination_prev: 3", False),
    ("custom_edit_empty", "custom_edit_url: ''", False),
    (
        "custom_edit_bad",
        "custom_edit_url: 'not url with space'",
        True,
    ),  # "custom_edit_url" does not look like a valid url (value='')
    (
        "multi",
        "title: [a]\nsidebar_position: x\nhide_title: maybe",
        True,
    ),  # "title" must be a string. "hide_title" must be a boolean. "sidebar_pos
    ("unknown", "sidebar_lable: x", False),
    ("draft_str", "draft: 'false'", False),
    ("unlisted_num", "unlisted: 0", True),  # "unlisted" must be a boolean
    ("pos_inf", "sidebar_position: .inf", True),  # "sidebar_position" cannot be infinity
    ("pos_nan", "sidebar_position: .nan", True),  # "sidebar_position" must be a number
    ("pos_hex", "sidebar_position: '0x10'", True),  # "sidebar_position" must be a number
    ("pos_str_space", "sidebar_position: ' 3 '", False),
    ("title_obj", "title: {a: 1}", True),  # "title" must be a string
    (
        "last_update_null",
        "last_update:",
        True,
    ),  # "last_update" does not look like a valid last update object. Please us
    ("last_update_date", "last_update: {date: 2024-01-01}", False),
    ("last_update_date_str", "last_update: {date: '2024/01/31'}", False),
    ("last_update_author_num", "last_update: {author: 5}", True),  # "last_update.author" must be a string
    ("keywords_empty", "keywords: []", True),  # "keywords" does not contain 1 required value(s)
    ("image_abs", "image: https://x.com/a.png", False),
    ("image_slash", "image: /img/a.png", False),
    ("hide_toc_null", "hide_table_of_contents:", True),  # "hide_table_of_contents" must be a boolean
    ("toc_str", "toc_min_heading_level: '3'", False),
    ("label_empty", "sidebar_label: ''", True),  # "sidebar_label" is not allowed to be empty
    ("id_empty", "id: ''", True),  # "id" is not allowed to be empty
    ("slug_empty", "slug: ''", True),  # "slug" is not allowed to be empty
    ("tags_empty", "tags: []", False),
    ("tags_null_item", "tags: [a, null]", True),  # "tags[1]" does not look like a valid tag
    ("bool_TRUE", "hide_title: 'TRUE'", False),
    ("bool_True", "hide_title: True", False),
    ("num_blank", "sidebar_position: ' '", True),  # "sidebar_position" must be a number
    ("num_exp", "sidebar_position: '1e2'", False),
    ("num_plus", "sidebar_position: '+.5'", False),
    (
        "kw_bool",
        "keywords: [true]",
        True,
    ),  # "keywords[0]" must be a string. "keywords" does not contain 1 required
    ("pag_bool", "pagination_next: true", True),  # "pagination_next" must be a string
    ("desc_null", "description:", True),  # "description" must be a string
    ("edit_null", "custom_edit_url:", False),
    ("disp_empty", "displayed_sidebar: ''", True),  # "displayed_sidebar" is not allowed to be empty
    (
        "toc_max_only_1",
        "toc_max_heading_level: 1",
        True,
    ),  # "toc_max_heading_level" must be greater than or equal to 2
    ("toc_min_str_bad", "toc_min_heading_level: two", True),  # "toc_min_heading_level" must be a number
    (
        "toc_min7_max3",
        "toc_min_heading_level: 7\ntoc_max_heading_level: 3",
        True,
    ),  # "toc_min_heading_level" must be less than or equal to ref:toc_max_head
    (
        "toc_min1_max3",
        "toc_min_heading_level: 1\ntoc_max_heading_level: 3",
        True,
    ),  # "toc_min_heading_level" must be greater than or equal to 2
    ("lu_date_num", "last_update: {date: 1700000000000}", False),
    ("lu_date_bool", "last_update: {date: true}", True),  # "last_update.date" must be a valid date
    ("lu_date_words", "last_update: {date: 'March 7, 2024'}", False),
    ("lu_author_empty", "last_update: {author: ''}", True),  # "last_update.author" is not allowed to be empty
    (
        "lu_list",
        "last_update: [a]",
        True,
    ),  # "last_update" does not look like a valid last update object. Please us
    ("image_null", "image:", True),  # "image" contains an invalid value
    ("image_mailto", "image: 'mailto:a b'", False),
    ("image_quote", "image: 'a\"b.png'", True),  # "image" does not look like a valid url (value='')
    ("image_pct", "image: 'a%zz.png'", False),
    ("image_brace", "image: 'img/{x}.png'", True),  # "image" does not look like a valid url (value='')
    ("image_abs_space", "image: 'https://x.com/a b.png'", False),
    ("custom_props_null", "sidebar_custom_props:", True),  # "sidebar_custom_props" must be of type object
    ("mdx_null", "mdx:", True),  # "value" must be of type object
    ("mdx_empty", "mdx: {}", False),
    ("mdx_format_num", "mdx: {format: 1}", True),  # "format" must be one of [md, mdx, detect]
    ("mdx_format_MD", "mdx: {format: MD}", True),  # "format" must be one of [md, mdx, detect]
    (
        "draft_unlisted_str",
        "draft: 'true'\nunlisted: 'true'",
        True,
    ),  # Can't be draft and unlisted at the same time.
    ("tag_obj_extra", "tags: [{label: a, permalink: /a, x: 1}]", False),
    ("tag_obj_num", "tags: [{label: 1, permalink: 2}]", False),
    ("title_float", "title: 1.50", False),
    (
        "kw_obj",
        "keywords: [{a: 1}]",
        True,
    ),  # "keywords[0]" must be a string. "keywords" does not contain 1 required
    ("parse_prefix_str", "parse_number_prefixes: 'no'", True),  # "parse_number_prefixes" must be a boolean
    ("sidebar_key_num", "sidebar_key: 3", False),
    (
        "pos_bigint",
        "sidebar_position: 99999999999999999999",
        True,
    ),  # "sidebar_position" must be a safe number
    ("title_inf", "title: .inf", False),
]
# `../x` resolves against the doc's folder before isValidPathname runs, so a relative slug may climb.
CASES.append(("slug_relative_parent", "slug: ../x", False))


def _lint(yaml_text: str, path: str = "docs/page.md"):
    return run_example(DocsFrontMatterSchema, Example.of(f"---\n{yaml_text}\n---\n\nText.\n", path=path))


@pytest.mark.parametrize(("name", "yaml_text", "fails"), CASES, ids=[case[0] for case in CASES])
def test_matches_docusaurus(name, yaml_text, fails):
    assert bool(_lint(yaml_text)) is fails


def test_every_error_is_reported_at_once_at_its_key():
    diagnostics = _lint("title: [a]\nsidebar_position: x\nhide_title: maybe")
    assert [(d.line, d.column) for d in diagnostics] == [(2, 1), (3, 1), (4, 1)]
    assert '"hide_title" must be a boolean' in diagnostics[2].message


def test_toc_levels_name_both_problems():
    messages = [d.message for d in _lint("toc_min_heading_level: 1\ntoc_max_heading_level: 7")]
    assert any("greater than or equal to 2" in m for m in messages)
    assert any("less than or equal to 6" in m for m in messages)


def test_unreadable_front_matter_is_left_to_fm001():
    assert _lint("title: [unclosed") == []
