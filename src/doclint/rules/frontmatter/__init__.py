"""Front matter: YAML syntax, the Docusaurus docs schema, unknown and required keys."""
