"""Parsing: from source text to the pieces of the Document model."""
