"""Factual-claim tags: citations, registries, untagged claims."""
