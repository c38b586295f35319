from __future__ import annotations

import json
from collections.abc import Sequence

from doclint.diagnostics import Diagnostic


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    return (
        json.dumps([diagnostic.to_dict() for diagnostic in diagnostics], indent=2, ensure_ascii=False) + "\n"
    )
