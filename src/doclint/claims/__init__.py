"""Factual claims and their citations, for the CLM rules.

- ``sentences``: prose paragraphs split into sentences, each with the footnotes that tag it;
- ``registry``: the series' ``references.yaml`` (CSL YAML) and ``claims.yaml``, read once per run;
- ``facts``: reading registry fields (values and units, CSL dates, review periods, aliases);
- ``numbers``: the quantities an LLM course writes ("175B", "1.4 trillion tokens") and when two agree;
- ``mentions``: which name a number in a sentence is about;
- ``citations``: footnote labels as GFM matches them, generated definitions, Pandoc and MyST citations;
- ``detector``/``features``: the untagged-claim detector.
"""
