"""doclint: lint Docusaurus documentation series."""

__version__ = "0.1.0"

