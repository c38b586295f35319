"""Heading ids: explicit ids that collide, sit where Docusaurus ignores them, or break an MDX compile."""
