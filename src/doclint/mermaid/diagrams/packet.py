"""Packet diagrams, modelled on mermaid's Langium grammar ``packet.langium`` and ``packet/parser.ts``.

    Packet: NEWLINE* ("packet" | "packet-beta") (TitleAndAccessibilities | PacketBlock | NEWLINE)*
    PacketBlock: (INT ("-" INT)? | "+" INT) ":" STRING EOL

After parsing, mermaid checks the bit ranges: each block must start right after the previous one,
ranges must not run backwards and ``+0`` is not a field.
"""

from __future__ import annotations

from dataclasses import dataclass

from doclint.mermaid.diagrams._langium import (
    COMMON_HIDDEN,
    Lexer,
    Token,
    TokenStream,
    common,
    keyword,
    open_stream,
    parse_body,
    raise_at,
)

_LEXER = Lexer(
    [
        keyword("packet-beta"),
        keyword("packet", restricted=True),
        keyword("-", longer_alt=("YAML",)),  # a hidden `---` YAML block wins over `-`
        keyword("+"),
        keyword(":"),
        *common("ACC_DESCR", "ACC_TITLE", "TITLE", "INT", "STRING", "NEWLINE"),
        *COMMON_HIDDEN,
    ]
)


@dataclass(frozen=True)
class _Block:
    token: Token
    start: int | None
    end: int | None
    bits: int | None


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.skip_newlines()
    if not stream.accept("packet", "packet-beta"):
        stream.fail("expected `packet`")
    blocks: list[_Block] = []

    def add_block(stream: TokenStream) -> None:
        blocks.append(_block(stream))

    parse_body(stream, {"INT": add_block, "+": add_block}, 'a field (`0-15: "label"` or `+8: "label"`)')
    _check_bit_ranges(blocks)


def _block(stream: TokenStream) -> _Block:
    first = stream.peek()
    start = end = bits = None
    if stream.accept("+"):
        bits = int(stream.expect("INT", what="a bit count").text)
    else:
        start = int(stream.advance().text)
        if stream.accept("-"):
            end = int(stream.expect("INT", what="the last bit").text)
    stream.expect(":", what="`:`")
    stream.expect("STRING", what="a quoted label")
    stream.end_of_line()
    return _Block(first, start, end, bits)


def _check_bit_ranges(blocks: list[_Block]) -> None:
    """packet/parser.ts ``populate``: fields are contiguous, ranges ascend, no zero-width field."""
    last_bit = -1
    for block in blocks:
        start, end = block.start, block.end
        if start is not None and end is not None and end < start:
            raise_at(block.token, f"field {start}-{end} is invalid: the end must not be before the start")
        if start is None:
            start = last_bit + 1
        if start != last_bit + 1:
            raise_at(
                block.token,
                f"field {start}-{end if end is not None else start} should start at bit {last_bit + 1}",
            )
        if block.bits == 0:
            raise_at(block.token, f"field at bit {start} is invalid: a field cannot have zero bits")
        last_bit = end if end is not None else start + (block.bits or 1) - 1
