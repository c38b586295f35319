"""Links, anchors, images and series structure, resolved as Docusaurus resolves them."""
