"""Named, explainable features for the untagged-claim detector (CLM008).

Each feature is a yes/no question about a sentence whose answer an author can see for themselves
("it names a benchmark", "it tells the reader what to do"). The detector only weighs them, so a
finding can always say which of these fired. The cues follow the labelling guide
(shared/eval/claims/GUIDE.md): positive cues are the kinds of checkable fact of its section 2,
suppressors are the reasons of its section 3 and the borderline rules of its section 4.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from doclint.claims.literals import Literals, LiteralScanner, required_literals
from doclint.claims.numbers import (
    BYTES,
    DATE,
    FLOPS,
    PARAMETERS,
    PERCENT,
    TOKENS,
    USD,
    YEAR,
    Quantity,
    find_quantities,
)


@dataclass(frozen=True)
class Sentence:
    """A sentence prepared once for every feature: markup removed, code and components noted."""

    raw: str
    text: str
    section: str
    prev: str
    next: str
    has_code: bool
    has_component: bool
    quantities: list[Quantity] = field(default_factory=list)
    lower: str = ""  # ``text`` lowercased, for the case-insensitive patterns
    # Answers of helpers that several features ask for (names, numbers), computed once per sentence.
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Feature:
    """``name`` is the stable key for weights; ``signal`` is what a finding shows to the author.

    ``direction`` keeps explanations honest: a cue never counts against a claim and a suppressor
    never for one, whatever the correlations in a few hundred labelled sentences say. A
    ``fixed_weight`` marks a rule the labelling guide states outright (an open question is never a
    claim); the labelled sets hold too few of them for a fitted weight to be strong enough.
    """

    name: str
    signal: str
    test: Callable[[Sentence], bool]
    direction: int = 0  # +1 a cue for a claim, -1 a suppressor, 0 either: the fitted sign must agree
    fixed_weight: float | None = None  # a rule from the guide: never refit, always this strong
    # Most features read only the sentence, so their answers can be kept per sentence text; one that
    # also reads its section or neighbours says so, with ``text_gate`` (if any) a test of the
    # sentence alone that must pass for it to fire.
    reads_context: bool = False
    text_gate: Callable[[Sentence], bool] | None = None


_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_SELF_CLOSING_TAG = re.compile(r"<[A-Z][\w.]*(?:\s[^<>]*)?/>")
_TAG = re.compile(r"</?[A-Za-z][\w.]*(?:\s[^<>]*)?>")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")


def prepare(sentence: str, section: str = "", prev: str = "", next: str = "") -> Sentence:
    """Strip the markup that doesn't change whether a sentence needs a source (GUIDE.md section 1)."""
    base = _prepared_text(sentence)
    return Sentence(
        raw=base.raw,
        text=base.text,
        section=section,
        prev=_FOOTNOTE.sub("", prev) if "[^" in prev else prev,
        next=_FOOTNOTE.sub("", next) if "[^" in next else next,
        has_code=base.has_code,
        has_component=base.has_component,
        quantities=base.quantities,
        memo=base.memo,  # the helpers it holds read only the sentence's text
        lower=base.lower,
    )


@lru_cache(maxsize=4096)
def _prepared_text(sentence: str) -> Sentence:
    """The part of ``prepare`` that reads only the sentence: a series repeats its sentences."""
    # Each substitution runs only when its markup can be there: most sentences have none of it.
    text = _FOOTNOTE.sub("", sentence) if "[^" in sentence else sentence
    has_component = "<" in text and bool(_SELF_CLOSING_TAG.search(text))
    if "<" in text:
        text = _TAG.sub("", _SELF_CLOSING_TAG.sub(" the widget ", text))
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    has_code = "`" in text and bool(_CODE.search(text))
    if has_code:
        # Code spans hold config values and identifiers, never statistics, so their digits must not count.
        text = _CODE.sub(" code ", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = " ".join(text.split())
    return Sentence(
        raw=sentence,
        text=text,
        section="",
        prev="",
        next="",
        has_code=has_code,
        has_component=has_component,
        quantities=find_quantities(text),
        lower=text.lower(),
    )


T = TypeVar("T")


def _per_sentence(helper: Callable[[Sentence], T]) -> Callable[[Sentence], T]:
    """Memoise a helper on the sentence: names and numbers feed several features each."""

    def memoised(s: Sentence) -> T:
        if helper.__name__ not in s.memo:
            s.memo[helper.__name__] = helper(s)
        return s.memo[helper.__name__]  # type: ignore[return-value]

    return memoised


# Each pattern's required literals, by pattern source. Reading them off the parsed patterns costs
# every process that meets a prose sentence about as much as compiling them, so they are stored,
# written by ``bench/claims_literals.py``; a test checks that they match the patterns.
LITERALS_PATH = Path(__file__).resolve().parent.parent / "data" / "claims_literals.json"
_NOT_STORED = object()


@lru_cache(maxsize=1)
def _stored_literals() -> dict[str, list[str] | None]:
    return json.loads(LITERALS_PATH.read_text(encoding="utf-8"))["literals"]


class _CaseInsensitive:
    """A case-insensitive pattern, matched case-sensitively against lowercased text.

    Python's regex engine is several times slower on large alternations with IGNORECASE, and the
    detector runs thirty of them on every prose sentence. Patterns whose literal letters are all
    lowercase match lowercased text exactly as IGNORECASE would; the others keep the flag. Those
    lowercase ones also know the literals any match must contain (``doclint.claims.literals``):
    ``found_in`` skips the search when the sentence holds none of them. A pattern is compiled on
    its first search, so a process never compiles the ones its sentences' literals rule out.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._lowercase = not any(char.isupper() for char in re.sub(r"\\.", "", source))
        # The compiled pattern's ``search`` once the first search has compiled it; a plain attribute,
        # for ``found_in`` runs for every pattern on every sentence.
        self._search: Callable[[str], re.Match[str] | None] = self._compile_and_search
        self._compiled: re.Pattern[str] | None = None
        self.literals = self._literals_from_table()
        _PATTERNS.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, 0 if self._lowercase else re.IGNORECASE)
        return self._compiled

    def _compile_and_search(self, text: str) -> re.Match[str] | None:
        self._search = self.compiled.search
        return self._search(text)

    def _literals_from_table(self) -> Literals | None:
        if not self._lowercase:
            return None
        stored = _stored_literals().get(self.source, _NOT_STORED)
        if stored is _NOT_STORED:  # a pattern edited since the table was written: still correct, only slower
            return self.parsed_literals()
        return None if stored is None else frozenset(stored)

    def parsed_literals(self) -> Literals | None:
        """The required literals read off the parsed pattern: what ``LITERALS_PATH`` stores."""
        return required_literals(self.compiled) if self._lowercase else None

    def search(self, text: str) -> re.Match[str] | None:
        return self._search(text.lower() if self._lowercase else text)

    def found_in(self, s: Sentence) -> bool:
        """Does the pattern match the sentence's text? The same answer as ``search(s.text)``."""
        if not self._lowercase:
            return self._search(s.text) is not None
        if self.literals is not None and self.literals.isdisjoint(_present_literals(s)):
            return False
        return self._search(s.lower) is not None


_PATTERNS: list[_CaseInsensitive] = []


def literals_table() -> dict[str, list[str] | None]:
    """What ``LITERALS_PATH`` should hold for the current patterns, read off the parsed patterns."""
    table: dict[str, list[str] | None] = {}
    for pattern in _PATTERNS:
        if pattern._lowercase:
            literals = pattern.parsed_literals()
            table[pattern.source] = None if literals is None else sorted(literals)
    return table


@lru_cache(maxsize=1)
def _scanner() -> LiteralScanner:
    return LiteralScanner(literal for pattern in _PATTERNS for literal in pattern.literals or ())


@_per_sentence
def _present_literals(s: Sentence) -> frozenset[str]:
    return _scanner().present(s.lower)


def _words(pattern: str) -> _CaseInsensitive:
    return _CaseInsensitive(rf"\b(?:{pattern})\b")


def _finds(pattern: re.Pattern[str] | _CaseInsensitive) -> Callable[[Sentence], bool]:
    if isinstance(pattern, _CaseInsensitive):
        return pattern.found_in
    return lambda s: bool(pattern.search(s.text))


# --- positive cues --------------------------------------------------------------------------------

_MEASURED_UNITS = frozenset({PARAMETERS, TOKENS, FLOPS, BYTES, USD})
_SCALE_WORD = _words(
    r"thousands|millions|billions|trillions|hundreds of (?:millions|billions|thousands)|dozens"
)


@_per_sentence
def _large_number(s: Sentence) -> bool:
    """A large or unit-bearing quantity: what a model, dataset or bill is made of."""
    return any(_is_real_world_size(q) for q in s.quantities) or bool(_SCALE_WORD.found_in(s))


def _is_real_world_size(q: Quantity) -> bool:
    return q.unit in _MEASURED_UNITS or (
        q.unit == "count" and (q.value >= 1e5 or q.is_range and q.value >= 1e3)
    )


_FRACTION = _words(r"(?:one|two)-(?:thirds?|quarters?)|(?:a|one) (?:third|quarter|fifth|tenth) of|half of")


def _percentage(s: Sentence) -> bool:
    return any(q.unit == PERCENT for q in s.quantities) or bool(_FRACTION.found_in(s))


def _bounded_number(s: Sentence) -> bool:
    """ "Over 600", "roughly 1.3": hedged figures are reported measurements more often than toy ones."""
    return any(q.comparator and q.unit not in (YEAR, DATE) for q in s.quantities)


def _plain_number(s: Sentence) -> bool:
    return any(q.unit not in (YEAR, DATE) and not _is_real_world_size(q) for q in s.quantities)


def _date(s: Sentence) -> bool:
    return any(q.unit in (YEAR, DATE) and 1900 <= q.value < 2100 for q in s.quantities) or bool(
        _ERA.found_in(s)
    )


_ERA = _words(r"(?:early|late|mid)[- ](?:19|20)\d0s|the (?:19|20)\d0s|(?:early|late|mid)-?\d{4}")

# Names of models, datasets, companies and people: a capital letter after the sentence start, a
# capital glued to digits (GPT-2, H100, T5), or an inner capital (ChatGPT, FineWeb).
_NAME = re.compile(
    r"(?=[A-Z])(?<!^)(?<![.:!?] )\b(?:[A-Z][A-Za-z]*-?\d[\w.]*|[A-Z][a-z]+[A-Z]\w*|[A-Z][a-z]{2,}|[A-Z]{2,}\w*)"
)
# "Llama 3", "Mistral 7B": a capitalised word and a version; course furniture is not an artifact.
_VERSIONED_NAME = re.compile(
    r"\b(?=[A-Z])(?!(?:Chapter|Exercise|Figure|Table|Section|Step|Part|Lesson|Module|Appendix|Version|Layer|Top|With|"
    r"For|In|On|At|By|From|To|Of|After|Before|Over|Under|About|Around|Only|All|Each|Every|Some|Just|Roughly|"
    r"Nearly|Almost|Since|Until|Between|Across|Within|Page|Line|Row|Column|Day|Week|Month|Year)\b)"
    r"[A-Z][A-Za-z]+ \d+(?:\.\d+)?(?:[xX]\d+)?[A-Za-z]?\b"
)
# An identifier in a code span (`cl100k_base`, `tiktoken`) names a library or encoding, unlike a
# call, an assignment or a path.
_CODE_IDENTIFIER = re.compile(r"`[A-Za-z][\w-]*\d[\w-]*`|`[a-z]+_[a-z_\d]+`")
_GENERIC_CAPS = frozenset(
    [
        "LLM",
        "LLMs",
        "GPU",
        "GPUs",
        "CPU",
        "CPUs",
        "RAM",
        "NLP",
        "API",
        "APIs",
        "AI",
        "ML",
        "KV",
        "ID",
        "IDs",
        "URL",
        "URLs",
        "JSON",
        "HTML",
        "UTF",
        "UTF-8",
        "UTF-16",
        "FP8",
        "FP16",
        "FP32",
        "BF16",
        "INT4",
        "INT8",
        "RNN",
        "RNNs",
        "CNN",
        "MoE",
        "SSM",
        "SFT",
        "RLHF",
        "BPE",
        "OK",
        "PDF",
        "HTTP",
        "TPU",
        "TPUs",
        "English",
        "Python",
        "Markdown",
        "First",
        "Second",
        "Third",
    ]
)
# At the start of a sentence a capital proves nothing, except in a bare singular word followed by a
# verb ("Chinchilla has…"): a common noun there would need an article ("The model has…"), and the
# mass-noun endings below ("Quantization stores…") are the usual exceptions.
_NAME_LEAD = re.compile(
    r"^(?:[A-Z][A-Za-z]*-?\d[\w.-]*|[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[\w-]*)\b"
    r"|^[A-Z][a-z]+(?<!s)(?<!tion)(?<!ing)(?<!ment)(?<!ity)(?<!ness)(?<!ance)(?<!ence)(?<!ism)(?<!al)"
    r"(?= (?:has|had|is|was|were|uses|used|scored|reported|released|introduced|showed|contains|achieved|"
    r"outperformed|matched|became|made|reached|remains|[a-z]{3,}ed)\b)"
)


# Which names are artifacts rather than ordinary capitalised words: a digit, an inner capital, an acronym.
_ARTIFACT_NAME = re.compile(r"\d|[a-z][A-Z]|^[A-Z]{2,}")


@_per_sentence
def _names(s: Sentence) -> list[str]:
    found = [m.group(0) for m in _NAME.finditer(s.text)]
    lead = _NAME_LEAD.match(s.text)
    if lead:
        found.append(lead.group(0))
    found += [m.group(0) for m in _VERSIONED_NAME.finditer(s.text)]
    return [name for name in found if name.rstrip("s") not in _GENERIC_CAPS and name not in _GENERIC_CAPS]


@_per_sentence
def _named_artifact(s: Sentence) -> bool:
    if _CODE_IDENTIFIER.search(s.raw):
        return True
    return any(_ARTIFACT_NAME.search(name) for name in _names(s))


def _proper_noun(s: Sentence) -> bool:
    return bool(_names(s))


_ORIGIN = _words(
    r"introduced|proposed|invented|coined|released|published|developed|presented|pioneered|adapted (?:it|them)|"
    r"described by|launched|open-sourced|assembled|first (?:used|added|described|appeared)"
)
_FINDING = _words(
    r"found|finds|showed|shown|shows that|show that|reported|reports|demonstrated|observed|discovered|"
    r"turn(?:s|ed)? out|(?:has|have|had) been (?:found|shown|reported|linked|observed)|"
    r"was (?:found|shown|reported)|"
    r"were (?:found|shown|reported)|(?:according to|in (?:its|their) authors' (?:experiments|ablations))|"
    r"the authors|et al|studies|study|experiments? (?:show|suggest)|evidence"
)
_SPEECH = _words(
    r"says?|said|describes|argues|argued|claims|claimed|calls|states|stated|wrote|writes|notes|noted|warned|"
    r"acknowledged|admitted|attributed|credits|announced|maintains|maintained|insists|insisted|recommends|"
    r"recommended|requires|required|mandates"
)
_SCALE_CLAIM = _words(
    r"(?:larger|bigger|smaller|deeper|wider) (?:models|networks|llms|transformers)|at scale|with scale"
)
_SOURCE = _words(r"paper|technical report|report|preprint|blog post|model card|survey")
_HEDGE = _words(
    r"(?:many|some|most|several) (?:researchers|experts|practitioners|people|labs|forecasters|critics|observers)|"
    r"many (?:argue|believe)|critics|skeptics|widely \w+(?:ed|ised|ized)|"
    r"(?:is|are) (?:often|commonly|generally|usually) (?:credited|considered|said|believed|thought|described)|"
    r"reportedly|allegedly|believe|believed|argue|argued|claim(?:s|ed)? that|on the theory that|debated?|"
    r"open question|controvers\w+|opinions? (?:in the field )?differ|disputed|famously|notoriously|"
    r"predict(?:s|ed)? that|forecasts?|"
    r"remains? (?:unclear|unsettled)|never been settled|^whether|lawsuits?|disagree\w*|"
    # predictions about the field are opinions until they come true
    r"(?:may|might|could|will|is likely to|are likely to) (?:soon |eventually |never )?(?:become|replace|"
    r"disappear|overtake|surpass|make \w+ obsolete)|in the (?:near )?future"
)
_SUPERLATIVE = _words(
    r"the (?:single )?most|one of the|the first|the largest|the biggest|the strongest|the best|the fastest|"
    r"state[- ]of[- ]the[- ]art|ever|record|unprecedented|the leading|\w+est-growing|the only"
)
_TIME_SENSITIVE = _words(
    r"today|currently|current|now|nowadays|these days|at the time of writing|as of|modern|recent|recently|"
    r"newer|newest|latest|still|already|for now|increasingly|has become|have become|at present|so far|frontier"
)
_PREVALENCE = _words(
    r"(?:nearly|almost|virtually|practically) (?:all|every|no)\b|"
    r"(?:most|every|many|several)"
    r" (?:\w+ ){0,3}(?:llms|models|labs|recipes|systems|datasets|tokenizers|implementations|companies|products|"
    r"services|assistants|chatbots|tools|applications|apps|teams|developers|papers|frameworks|libraries|"
    r"architectures|"
    r"practitioners|deployments|providers)|"
    r"the (?:standard|default|dominant|most common|common choice)|widely used|standard tool|mostly|"
    r"(?:a|the) (?:large|growing) (?:share|number|fraction|majority)|(?:a|the) majority of|more and more|"
    r"common for|ubiquitous|every major|all major|widespread|a standard (?:feature|tool|part|choice|practice)|"
    r"becom(?:e|es|ing) (?:the |a )?(?:standard|norm|default|common)"
)
_COMPARISON = _words(
    r"(?:better|worse|faster|slower|more|less|fewer|easier|harder|larger|smaller|higher|lower|stronger|weaker|"
    r"cheaper|more [\w ]{1,40}|less [\w ]{1,40}|fewer [\w ]{1,40}) than|"
    r"(?!rather\b|other\b)\w{3,}er\b[\w -]{0,40}\bthan|"
    r"outperform\w*|beat|beats|surpass\w*|match(?:ed|es)? or|matched|"
    r"improv(?:e|es|ed|ing)|degrad\w+|reduc(?:e|es|ed)|help(?:s|ed)?|hurt\w*|boost\w*|at the cost of|"
    r"gains?|robust\w*|struggl\w+|mistakes|fail\w*|extrapolat\w+|recovers|collapse|tends? to|"
    r"speed-?ups?|\d+(?:\.\d+)?\s?[x×] faster|times (?:faster|larger|more|wider|fewer|smaller)"
)
# Verbs of effect ("leads to", "reduces", "makes it possible"): a causal claim about the world that an
# experiment, not a definition, has to back.
_EFFECT = _words(
    r"leads? to|led to|causes?|caused|results? in|inflates?|prefers?|preferred|ignores?|forgets?|harms?|"
    r"benefits?|increases?|decreases?|makes? (?:it|them|a model|models|\w+) (?:possible|popular|worse|better|"
    r"forget|more|less)|made (?:\w+ ){1,3}(?:possible|popular|standard|practical|a standard)|enabled?|"
    r"worked well|works well|pays off|is enough to|were enough|was enough|los(?:e|es|t|ing) (?:accuracy|quality)|"
    # a change to a measured outcome: "raised accuracy", "can change performance by"
    r"(?:rais|lower|chang|hurt|cut|doubl|halv)(?:e|es|ed|s)? (?:\w+ ){0,2}(?:accuracy|performance|quality|"
    r"error rates?|perplexity|loss|scores?|throughput|latency|costs?)"
)
# Sizes stated as properties ("has 175B parameters", "was trained on 300B tokens") rather than
# computed ("needs", "gives", "becomes"), which is what separates a spec from a worked example.
_SPEC_VERB = _words(
    r"has|had|have|contains?|contained|comprises?|(?:was|were|is|are)? ?trained on|used|uses|consists of|"
    r"includes?|included|reached|costs?|cost|draws?|totals?|spans?"
)
# A change over time ("has narrowed since", "have doubled"): the state it reports will drift.
_TREND = _words(
    r"(?:has|have|had) (?:\w+ )?(?:narrowed|widened|grown|risen|fallen|dropped|shrunk|increased|decreased|"
    r"doubled|tripled|improved|declined|exploded|surged|accelerated|slowed|plummeted|soared)|"
    r"(?:is|are) (?:growing|shrinking|rising|falling|increasing|decreasing|becoming)"
)
_BENCHMARK = re.compile(
    r"\b(?:MMLU|GLUE|SuperGLUE|GSM8K|HumanEval|MBPP|BIG-?bench|HellaSwag|ARC|TruthfulQA|MATH|SQuAD|WMT|"
    r"WinoGrande|LAMBADA|Chatbot Arena|LMSYS|MT-Bench|AlpacaEval|SWE-bench|GPQA|bar exam|SAT|LSAT|"
    r"benchmarks?|leaderboards?|arena|pass@\d)\b"
)
_SCORE = _words(r"scor(?:e|es|ed|ing)|accuracy|pass rate|ranked|ranks|top \d+%|percentile|win rate|elo")
_DESIGN_VERB = _words(
    r"uses|used|use|relies|relied|adopted|replaced|moved (?:to|from)|switched|combine[sd]?|marks|wraps|splits?|"
    r"framed|trained (?:on|with)|was trained|were trained|has|had|contains|contained|added|learned|kept|"
    r"is an? (?:\w+-)?(?:only|decoder|encoder)|designed|routed|scaled|offered|motivated|withheld"
)
_ORIGINAL = _words(r"the original|originally|initially|the underlying")
_PAST_FACT = _words(r"was|were|had|did|became|began|went|made|reached|gathered|grew")
_MODEL_BEHAVIOUR = _CaseInsensitive(
    r"\b(?:llms?|models?|transformers?|assistants?|hallucinations?|heads?|training runs?)\b[^.]{0,60}\b(?:often|"
    r"usually|typically|rarely|frequently|sometimes|tend|appear|pick up|make|produce|struggle|learn|specialize|"
    r"degrade|are more|are less|are easier|are harder|can (?:cause|improve|degrade|remove|noticeably))",
)


# --- suppressors ----------------------------------------------------------------------------------

_META = _words(
    r"this (?:chapter|section|series|course|book|page|part|introduction)|the (?:next|previous|following|last|"
    r"rest of this) (?:\w+ )?(?:chapters?|sections?|series)|in the chapter on|we (?:will |'ll )?(?:come back|"
    r"return|look at|explain|discuss|cover|derive|see|revisit|turn)|later in|take away|key takeaways|"
    r"recall that|as we saw|as discussed|there are (?:two|three|four|five) (?:ideas|things|reasons|points)"
)
_IMPERATIVE_START = _CaseInsensitive(
    r"^(?:let's|let us|install|set|run|try|load|type|see|keep|watch|always|never|use|make sure|check|open|"
    r"compare|note|remember|consider|read|build|add|pick|start|go|click|download|call|write|print|save|avoid|"
    r"don't|do not|please|think about|look at|make)\b",
)
_SECOND_PERSON = _words(r"you|your|yourself")
_SECOND_PERSON_ADVICE = _words(
    r"you (?:can|could|should|must|need|do not need|don't need|will need|may want|might want|want)|if you"
)
_FIRST_PERSON_PLURAL = _words(r"we|our|ours|us|let's")
_COURSE = _words(
    r"notebooks?|exercises?|the quiz|quizzes|this course|the course|our course|course corpus|toy model|toy|"
    r"the cell|"
    r"the code|code examples|repository|chapter \d+|exercise \d+(?:\.\d+)?|figure|the widget|in this series|"
    r"our (?:own )?(?:runs?|experiments?|implementation|output|helper|model|data)|the series"
)
# Course files: scripts and notebooks anywhere, other files only as code spans ("robots.txt" in
# prose is the web's file, not ours).
_FILE_NAME = re.compile(r"\b[\w-]+\.(?:py|ipynb)\b|`[\w./-]+\.(?:json|jsonl|yaml|yml|txt|csv|md)`")
_WORKED_EXAMPLE = _words(
    r"for example|for instance|e\.g\.|suppose|imagine|say,|might (?:be|become|discard)|would be|if you have|"
    # a sentence opening on a hypothetical figure: "With 12 layers, ...", "At $2 per million tokens, ..."
    r"^if an?|^(?:with|at|for)\b[^,]{0,60}(?<![\w-])\d|one run produced|"
    r"a typical (?:rule|example)|^consider|given the prefix|the result is|toy example|hypothetical"
)
_NUMBER_LIST = re.compile(r"\[\s*-?\d+(?:\.\d+)?\s*(?:,\s*-?\d+(?:\.\d+)?\s*)+\]")
_CAUSAL = _CaseInsensitive(r"\b(?:because|so that|that is why|which is why|since each|since every)\b|, so ")
_DERIVATION = _words(
    r"therefore|thus|hence|which means|this means|it follows|follows from|divided by|multiplied by|plus|"
    r"minus|equals|in principle|by construction|grows (?:quadratically|linearly|exponentially)|"
    r"permutation-invariant|cannot|can only|by definition|necessarily"
)
_DEFINITION = _CaseInsensitive(
    r"\b(?:is|are) (?:called|known as|defined as)|\bmeans?\b|\brefers? to\b|\bstands for\b|"
    r"^(?:an?|the) [\w-]+(?: [\w-]+){0,3} (?:is|are) (?:a|an|the|one)\b|"
    r"^[\w-]+(?: [\w-]+)?(?: \([\w-]+\))? (?:is|are) (?:a|an) ",
)
_GENERIC_SUBJECT = _CaseInsensitive(r"^(?:an?|each|every|any) \w")
_METHOD_VERB = _words(
    r"computes|maps|starts|repeatedly|works|lets|runs|reads|keeps|removes|drops|tags|injects|"
    r"restricts|shares|rescales|sets|replaces|generates|estimates|assigns|marks|skip|skips|process|processes|"
    r"picks|prunes|treats|sits|splits|combines|stores"
)
_ANALOGY = _words(
    r"like a|like an|think of|picture|as if|a bit like|less like|more like|metaphor|akin to|analogous|"
    r"you can think"
)
_COURSE_SECTION = _words(
    r"exercise|exercises|running|how to use|your first|hands-on|setup|install|lab|try it|quiz"
)
_PRONOUN_START = _CaseInsensitive(r"^(?:it|its|this|that|these|they|their|such)\b")


def _question(s: Sentence) -> bool:
    return s.text.rstrip().endswith("?")


def _open_question(s: Sentence) -> bool:
    """A question is not a claim unless it smuggles one in, such as a figure or a name (GUIDE.md 3)."""
    return _question(s) and not (_large_number(s) or _date(s) or _named_artifact(s) or _percentage(s))


def _instruction(s: Sentence) -> bool:
    return bool(_IMPERATIVE_START.found_in(s) or _SECOND_PERSON_ADVICE.found_in(s))


def _course_internal(s: Sentence) -> bool:
    return bool(_COURSE.found_in(s) or _FILE_NAME.search(s.raw) or s.has_component)


def _worked_example(s: Sentence) -> bool:
    return bool(_WORKED_EXAMPLE.found_in(s) or _NUMBER_LIST.search(s.text))


def _definition(s: Sentence) -> bool:
    return bool(_DEFINITION.found_in(s))


def _generic_method_description(s: Sentence) -> bool:
    """Present-tense "how it works" sentences about a generic subject are definitions, not findings."""
    if _past_tense(s) or _named_artifact(s):
        return False  # design facts about a named model are attribution, not definition (rule 3)
    return bool(_GENERIC_SUBJECT.found_in(s) or _METHOD_VERB.found_in(s))


_PAST = _CaseInsensitive(r"\b(?:was|were|had|did|\w{3,}ed)\b")


def _past_tense(s: Sentence) -> bool:
    return bool(_PAST.found_in(s))


def _pronoun_start(s: Sentence) -> bool:
    return _PRONOUN_START.found_in(s)


def _refers_back_to_name(s: Sentence) -> bool:
    """ "It reportedly reached…" inherits the artifact named in the previous sentence."""
    if not _pronoun_start(s):
        return False
    return _named_artifact(prepare(s.prev)) if s.prev else False


def _statistic(s: Sentence) -> bool:
    """A large quantity given as a property of something real ("has", "was trained on")."""
    return _large_number(s) and bool(_SPEC_VERB.found_in(s))


def _named_artifact_with_number(s: Sentence) -> bool:
    return _named_artifact(s) and (_large_number(s) or _percentage(s) or _plain_number(s))


def _named_artifact_design(s: Sentence) -> bool:
    return (_named_artifact(s) or _proper_noun(s)) and bool(_DESIGN_VERB.found_in(s))


def _benchmark_result(s: Sentence) -> bool:
    return bool(_BENCHMARK.search(s.text)) and bool(
        _SCORE.found_in(s) or _percentage(s) or _COMPARISON.found_in(s)
    )


_WE_WILL = _words(r"we (?:will|'ll|come|return|look|explain|discuss|build|derive|cover|measure)")


def _first_person_future(s: Sentence) -> bool:
    """ "We will…"/"we come back to…" announce the text itself (GUIDE.md: meta-discourse)."""
    return bool(_WE_WILL.found_in(s))


def _cue(name: str, signal: str, test: Callable[[Sentence], bool]) -> Feature:
    return Feature(name, signal, test, direction=1)


def _suppressor(
    name: str, signal: str, test: Callable[[Sentence], bool], fixed_weight: float | None = None
) -> Feature:
    return Feature(name, signal, test, direction=-1, fixed_weight=fixed_weight)


FEATURES: tuple[Feature, ...] = (
    _cue("large_number", "a large number", _large_number),
    _cue("statistic", "a statistic", _statistic),
    _cue("percentage", "a percentage", _percentage),
    Feature("plain_number", "a small number", _plain_number),
    _cue("date", "a date", _date),
    _cue("named_artifact", "a named model or dataset", _named_artifact),
    _cue("proper_noun", "a proper noun", _proper_noun),
    _cue("artifact_number", "a number about a named artifact", _named_artifact_with_number),
    _cue("artifact_design", "a design fact about a named artifact", _named_artifact_design),
    _cue("origin", "an attribution of origin", _finds(_ORIGIN)),
    _cue("finding", "a reported finding", _finds(_FINDING)),
    _cue("attribution", "an attribution", _finds(_SPEECH)),
    _cue("scale_claim", "a claim about scale", _finds(_SCALE_CLAIM)),
    _cue("bounded_number", "an approximate or bounded quantity", _bounded_number),
    _cue("source", "a reference to a publication", _finds(_SOURCE)),
    _cue("hedge", "a hedge", _finds(_HEDGE)),
    _cue("superlative", "a superlative", _finds(_SUPERLATIVE)),
    _cue("time_sensitive", "a time-sensitive word", _finds(_TIME_SENSITIVE)),
    _cue("trend", "a change over time", _finds(_TREND)),
    _cue("prevalence", "a claim about prevalence", _finds(_PREVALENCE)),
    _cue("comparison", "an empirical comparison", _finds(_COMPARISON)),
    _cue("effect", "a claimed effect", _finds(_EFFECT)),
    _cue("benchmark", "a benchmark name", _finds(_BENCHMARK)),
    _cue("benchmark_result", "a benchmark result", _benchmark_result),
    _cue("original", "a historical design detail", _finds(_ORIGINAL)),
    _cue("past_fact", "a past-tense fact", _finds(_PAST_FACT)),
    _cue("model_behaviour", "a claim about model behaviour", _finds(_MODEL_BEHAVIOUR)),
    Feature(
        "refers_back",
        "a pronoun for a named artifact",
        _refers_back_to_name,
        direction=1,
        reads_context=True,
        text_gate=_pronoun_start,
    ),
    _suppressor("question", "a question", _open_question, fixed_weight=-6.0),
    _suppressor("meta", "meta-discourse", _finds(_META)),
    _suppressor("first_person_future", "first-person plural + future", _first_person_future),
    _suppressor("instruction", "an instruction", _instruction),
    _suppressor("second_person", "second person", _finds(_SECOND_PERSON)),
    _suppressor("first_person", "first-person plural", _finds(_FIRST_PERSON_PLURAL)),
    _suppressor("course_internal", "a course-internal reference", _course_internal),
    Feature("code", "inline code", lambda s: s.has_code),
    _suppressor("worked_example", "a worked example", _worked_example),
    _suppressor("causal", "a causal explanation", _finds(_CAUSAL)),
    _suppressor("derivation", "a derivation", _finds(_DERIVATION)),
    _suppressor("definition", "a definition", _definition),
    _suppressor("method_description", "a description of how a method works", _generic_method_description),
    _suppressor("analogy", "an analogy", _finds(_ANALOGY)),
    Feature(
        "course_section",
        "a hands-on section",
        lambda s: bool(_COURSE_SECTION.search(s.section)),
        direction=-1,
        reads_context=True,
    ),
)


def active_features(sentence: Sentence) -> list[Feature]:
    """The features that fire on ``sentence``, in declaration order."""
    return [feature for feature in FEATURES if feature.test(sentence)]
