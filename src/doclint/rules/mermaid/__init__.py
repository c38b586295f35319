"""Mermaid diagrams, validated as mermaid.js would."""
