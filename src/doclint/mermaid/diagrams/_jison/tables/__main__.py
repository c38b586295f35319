"""Regenerate the stored LALR tables: ``python -m doclint.mermaid.diagrams._jison.tables``."""

from doclint.mermaid.diagrams._jison.tables import write_all

write_all()
