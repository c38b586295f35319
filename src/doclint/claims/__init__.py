"""Factual-claim rules: number normalisation and the untagged-claim detector (CLM006-CLM008)."""
