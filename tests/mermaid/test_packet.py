"""Packet diagrams: ``diagrams/packet.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.packet import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    ('packet\n    0-15: "Source Port"\n    16-31: "Destination Port"', True, None),
    ('packet-beta\n    title TCP\n    +16: "Source"\n    +16: "Destination"', True, None),
    ('packet\n    0-15: "A"\n    17-31: "B"', False, None),
    ('packet\n    0-15: "A"\n    15-8: "B"', False, None),
    ('packet\n    +0: "A"', False, None),
    ('packet\n    0-15 "A"', False, 2),
    ("packet\n    0-15: A", False, 2),
    ('packet\n    0-15: "A" 16-31: "B"', False, 2),
    ('packet\n    0.5: "A"', False, 2),
    ('packetbeta\n    0: "A"', False, 1),
    ('packet\n---\nnot: yaml\n---\n0-15: "a"', True, None),
    ('packet\n0-15: "a"\n---', False, 3),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_packet_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
