"""MDX hazards: what makes a file compiled as MDX fail to build (files compiled as CommonMark are skipped)."""
