"""Diagnostics the engine itself reports: files it cannot read, suppressions that do nothing, rule crashes."""
