"""Series structure: doc ids, slugs, pagination, sidebars, ordering and orphans."""
