"""A small pair of registries for the claim rules' documented examples (and their tests).

``REFERENCES`` holds two papers, ``CLAIMS`` one fact about GPT-3 sourced from the first; examples
that need something broken write their own registry next to these.
"""

REFERENCES = """references:
  - id: brown2020
    type: paper-conference
    title: Language Models are Few-Shot Learners
    author: [{family: Brown, given: Tom B.}, {family: Mann, given: Benjamin}]
    issued: {date-parts: [[2020, 5, 28]]}
    URL: https://arxiv.org/abs/2005.14165
  - id: kaplan2020
    type: article
    title: Scaling Laws for Neural Language Models
    issued: {date-parts: [[2020]]}
"""
CLAIMS = """claims:
  - id: gpt3.params
    subject: GPT-3
    aliases: [GPT-3, davinci]
    property: parameters
    value: 175e9
    unit: parameters
    source: brown2020
    locator: Table 2.1
    as_of: 2020-05-28
    review: stable
"""
GPT3_CITED = (
    "GPT-3 has 175 billion parameters.[^gpt3.params]\n\n[^gpt3.params]: Brown et al., 2020, Table 2.1.\n"
)
KAPLAN_CITED = "Loss follows a power law.[^kaplan2020]\n\n[^kaplan2020]: Kaplan et al., 2020.\n"


def registries(chapter: str, **other_files: str) -> dict[str, str]:
    """The files of an example series: the chapter under test, both registries and any other file."""
    return {"docs/example.md": chapter, "references.yaml": REFERENCES, "claims.yaml": CLAIMS, **other_files}
