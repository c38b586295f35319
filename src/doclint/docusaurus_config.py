"""Read the parsing-relevant settings of a ``docusaurus.config.*`` without executing it.

First version: only the site defaults. A static reader of literal values is planned (see CHANGELOG).
"""

from __future__ import annotations

from pathlib import Path

from doclint.site import SiteSettings


def read_docusaurus_settings(site_root: Path) -> SiteSettings:
    return SiteSettings(site_dir=str(site_root))
