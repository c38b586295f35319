"""CLM010 skips the paragraphs holding none of its keywords: every weasel phrase must hold one."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

from doclint.rules.claims.clm010_weasel_attribution import KEYWORDS, WEASEL


def _strings(items: list[tuple[object, object]]) -> Iterator[str]:
    """Every string a parsed (finite) regex consumes; assertions (\\b, lookarounds) are dropped, which
    only adds strings."""
    choices: list[list[str]] = []
    for op, value in items:
        if op is constants.LITERAL:
            choices.append([chr(value)])
        elif op is constants.SUBPATTERN:
            choices.append(list(_strings(list(value[-1]))))
        elif op is constants.BRANCH:
            choices.append([text for branch in value[1] for text in _strings(list(branch))])
        elif op is constants.MAX_REPEAT and value[:2] == (0, 1):
            choices.append(["", *_strings(list(value[2]))])
        elif op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue
        else:
            raise AssertionError(f"cannot enumerate {op}")
    for parts in itertools.product(*choices):
        yield "".join(parts)


def test_every_weasel_phrase_holds_a_keyword():
    phrases = list(_strings(list(parser.parse(WEASEL.pattern))))
    assert {"studies show", "experts agree", "it is widely believed", "science says"} <= set(phrases)
    for phrase in phrases:
        assert any(keyword in phrase for keyword in KEYWORDS), phrase
