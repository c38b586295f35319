"""An example doclint plugin: one rule, registered through the ``doclint.rules`` entry point group."""
