"""Admonitions (container directives) exactly as Docusaurus parses them."""
