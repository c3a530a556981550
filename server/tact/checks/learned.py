"""A learned tone signal next to the rules: a small linear model per category scores each sentence.

The rules catch the devices someone wrote a pattern for; writers we have never read phrase the same
device in words no pattern names. A logistic regression over the sentence's word unigrams and
bigrams (trained by tools/train_signal.py, validated leave-one-author-out) catches part of that.
The model is DATA (`rules/models/<category>.json`: features with non-zero weight, bias, threshold,
provenance); this module only adds up weights, so the runtime needs no machine-learning library.

A YAML rule selects the check with `check: learned` and names its model in `options.model` (a path
relative to the rule's file). Its severity is `suggestion`, so a rule's more specific finding on the
same words wins the merge. Text inside quotation marks does not count: the other party's words are
not the writer's tone.
"""
from __future__ import annotations

import functools
import itertools
import json
import logging
import math
import operator
import re
from dataclasses import dataclass
from pathlib import Path

from ..rules.conditions import quotations
from .registry import Hit, python_check

log = logging.getLogger(__name__)

# A token is a run of ASCII letters, digits and apostrophes ("don't", "clients'"), case-folded; anything
# else separates (non-ASCII characters too). A byte table does this in C, several times faster than a regex.
_TOKEN_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 39 else 32 for c in range(256)
)
START = "qqstartqq"  # sentence start, so "qqstartqq why" differs from a "why" mid-sentence; no real word
QUESTION = "<q>"  # the sentence ends in a question mark
QUOTE = "qqquotationqq"  # a quotation stood here (its words are not the writer's); no real word
_QUOTE_GAP = " " + QUOTE + " "
# Words and phrases a writer may drop without changing what the sentence says. A hit's first
# replacement is the sentence without those the model counts toward the tone, offered only when the
# model no longer flags what is left (so the click fixes the tone); otherwise the rule's template.
REMOVABLE = (
    "obviously clearly simply just actually really even surely honestly frankly literally seriously basically "
    "exactly certainly quite totally completely genuinely truly again already"
).split() + ["once again", "yet again", "one more time", "to be honest", "to be fair", "to be clear"]


@functools.lru_cache(maxsize=256)
def _removal_pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words to drop with the comma or space before them (a short alternation scans fast)."""
    return re.compile(r",?[ \t]*\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b,?",
                      re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    return text.encode("ascii", "replace").translate(_TOKEN_BYTES).decode("ascii").split()


def features(text: str, is_question: bool) -> list[str]:
    """The features of one sentence (quotations already blanked): unigrams, bigrams, start and question marks.

    The same function builds the training data (tools/train_signal.py), so training and runtime agree.
    """
    return token_features(tokenize(text), is_question)


def token_features(tokens: list[str], is_question: bool, classes: dict[str, str] | None = None) -> list[str]:
    """`features` of a sentence already tokenized; with `classes` (word -> class name) also `class_features`."""
    feats = [*tokens, *map(" ".join, zip([START, *tokens], tokens))]
    if is_question:
        feats.append(QUESTION)
    if classes:
        feats += class_features(tokens, classes)
    return feats


def class_features(tokens: list[str], classes: dict[str, str]) -> list[str]:
    """"@class" for each word class present, and "@a&b" for each pair of them: a device ("your" next to
    "simple", "again" after "as I said") whatever the words that carry it, which unigrams of one
    writer's wording cannot say. A class named "^..." counts in the first two words only (an imperative).
    With a "reader" class, also "@reader>c" for each class c said of the reader (`_said_of_reader`)."""
    kinds = list(map(classes.get, tokens))
    found = set(kinds)
    found.discard(None)
    if any(c[0] == "^" for c in found):
        found = {c for c in found if c[0] != "^"}
        found.update(c for c in kinds[:2] if c and c[0] == "^")
    names = _class_names(frozenset(found))
    if READER in found and len(found) > 1:
        said = _said_of_reader(kinds)
        if said:
            return [*names, *(f"@{READER}>{c}" for c in sorted(said))]
    return names


READER = "reader"  # the class of words that address the reader
NEAR = 3  # a class word at most this many words after a reader word is taken as said of the reader


def _said_of_reader(kinds: list) -> set[str]:
    """The classes of the words within NEAR words after a reader word ("you [should] know", "your simple
    question"): an evaluation aimed at the reader, where the same words apart are ordinary ("let me know
    if you...", "thanks again, and your invoice...")."""
    said = set()
    for i, kind in enumerate(kinds):
        if kind == READER:
            said.update(kinds[i + 1:i + 1 + NEAR])
    return {c for c in said if c and c != READER and c[0] != "^"}


@functools.lru_cache(maxsize=1024)
def _class_names(found: frozenset) -> list[str]:
    ordered = sorted(found)
    return [*(f"@{c}" for c in ordered), *(f"@{a}&{b}" for a, b in itertools.combinations(ordered, 2))]


def sentence_text(folded: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str | None:
    """folded[start:end] with quotations replaced by one placeholder word; None when all of it is quoted."""
    inside = [(max(s, start), min(e, end)) for s, e in quotes if s < end and start < e]
    if not inside:
        return folded[start:end]
    parts, at = [], start
    for s, e in inside:
        parts.append(folded[at:s])
        parts.append(_QUOTE_GAP)
        at = e
    parts.append(folded[at:end])
    if not any(p.strip(" \t\n.,;:!?-") for p in parts if p is not _QUOTE_GAP):
        return None
    return "".join(parts)


@dataclass(frozen=True)
class Model:
    category: str
    weights: dict[str, float]
    bias: float
    threshold: float  # a probability: report a sentence scoring at or above it
    # The weights' sum is divided by the square root of the sentence's feature count, as in training: a
    # long sentence of ordinary words otherwise adds up many small weights and crosses the threshold.
    length_normalized: bool = False
    # Only sentences holding one of these words are scored (the model was validated that way): the
    # words its positives carry; None scores every sentence.
    gate: frozenset[str] | None = None
    classes: dict[str, str] | None = None  # word -> class name, for `class_features`

    def features(self, text: str, is_question: bool) -> list[str]:
        return token_features(tokenize(text), is_question, self.classes)

    @property
    def logit_threshold(self) -> float:
        return math.log(self.threshold / (1 - self.threshold))

    @functools.cached_property
    def words(self) -> dict[str, float]:
        """The unigram weights (and the question mark's)."""
        return {k: v for k, v in self.weights.items() if " " not in k}

    @functools.cached_property
    def pairs(self) -> dict[tuple[str, str], float]:
        """The bigram weights by (word, next word): `zip` makes those tuples, no string is joined."""
        return {tuple(k.split(" ", 1)): v for k, v in self.weights.items() if " " in k}

    @functools.cached_property
    def cues(self) -> tuple[str, ...]:
        """The REMOVABLE phrases the model weighs toward the tone (their words' and pairs' weights add up
        above zero), in REMOVABLE's order: worked out once, not for every sentence flagged."""
        return tuple(phrase for phrase in REMOVABLE if sum(
            self.weights.get(f, 0.0) for f in features(phrase, False) if not f.startswith(START)) > 0)

    def score(self, feats: list[str]) -> float:
        """The logit (log-odds) of the sentence being of the model's category."""
        total = sum(filter(None, map(self.weights.get, feats)))
        if self.length_normalized and feats:
            total /= math.sqrt(len(feats))
        return self.bias + total


class ModelError(ValueError):
    pass


def read_model(path: Path) -> Model:
    """Load and validate a model file; ModelError naming the file says what is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"model file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"model file {path} cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ModelError(f"model file {path} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise ModelError(f"model file {path}: expected a JSON object")
    weights, bias, threshold = raw.get("weights"), raw.get("bias"), raw.get("threshold")
    if not isinstance(raw.get("category"), str):
        raise ModelError(f"model file {path}: `category` must be a string")
    if not isinstance(weights, dict) or not weights or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            for k, v in weights.items()):
        raise ModelError(f"model file {path}: `weights` must be a non-empty object of feature: finite number")
    if not isinstance(bias, (int, float)) or isinstance(bias, bool) or not math.isfinite(bias):
        raise ModelError(f"model file {path}: `bias` must be a finite number")
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 < threshold < 1:
        raise ModelError(f"model file {path}: `threshold` must be a probability between 0 and 1 (exclusive)")
    if not isinstance(raw.get("length_normalized", False), bool):
        raise ModelError(f"model file {path}: `length_normalized` must be true or false")
    gate, classes = raw.get("gate"), raw.get("classes")
    if gate is not None and not (isinstance(gate, list) and gate and all(isinstance(w, str) and w for w in gate)):
        raise ModelError(f"model file {path}: `gate` must be a non-empty list of words")
    if classes is not None and not (isinstance(classes, dict) and all(
            isinstance(c, str) and isinstance(ws, list) and all(isinstance(w, str) for w in ws)
            for c, ws in classes.items())):
        raise ModelError(f"model file {path}: `classes` must be an object of class name: list of words")
    return Model(raw["category"], {k: float(v) for k, v in weights.items() if v}, float(bias), float(threshold),
                 raw.get("length_normalized", False), frozenset(gate) if gate else None,
                 {w: c for c, ws in classes.items() for w in ws} if classes else None)


_MODELS: dict[tuple[str, str], Model | None] = {}  # by (rule file, options.model), when a rule is built


def _model_path(options: dict, rule_file: str) -> Path:
    name = options.get("model")
    if not isinstance(name, str) or not name.strip():
        raise ModelError("`options.model` must name a model file (a path relative to the rule's file)")
    rule_path = Path(rule_file)
    if not rule_path.is_file():  # e.g. the playground's "<yaml>": no directory a model could live in
        raise ModelError("a learned model is available only to rules in a rule pack on disk")
    folder = rule_path.resolve().parent
    path = (folder / name).resolve()
    if path.suffix != ".json" or not path.is_relative_to(folder):
        raise ModelError(f"`options.model` must be a .json file inside the rule's directory, not {name!r}")
    return path


def validate_options(options: dict, rule_file: str) -> None:
    """Called when a rule selecting this check is built: load its model now, so a missing or broken
    file is a rule-load error with the file name, and no draft pays for reading it."""
    if not isinstance(options.get("questions_only", False), bool):
        raise ModelError("`options.questions_only` must be true or false")
    _MODELS[(rule_file, options.get("model"))] = read_model(_model_path(options, rule_file))


def _model(rule) -> Model | None:
    key = (rule.file, rule.options.get("model"))
    if key not in _MODELS:  # a rule built without validation (should not happen): load once, never crash a check
        try:
            validate_options(rule.options, rule.file)
        except ModelError as exc:
            log.error("rule %s: %s", rule.id, exc)
            _MODELS.setdefault(key, None)
    return _MODELS[key]


# A quotation opens only with a double quote, or a single quote at the start or after a space or bracket
# (see quotation_spans); a draft without one has none. One-character searches say so cheaply (a
# two-character search in text with any non-Latin-1 character costs ~2 us each).
_SINGLE_OPENERS = " \t\n([{\"-\u2014\u2013"


def _may_quote(folded: str) -> bool:
    if '"' in folded or folded.startswith("'"):
        return True
    at = folded.find("'", 1)
    while at > 0:
        if folded[at - 1] in _SINGLE_OPENERS:
            return True
        at = folded.find("'", at + 1)
    return False


def _quotations(draft) -> list[tuple[int, int]]:
    return quotations(draft) if _may_quote(draft.folded) else []


def _cue_removed(model: Model, text: str, is_question: bool) -> str | None:
    """`text` without the removable words the model weighs toward the tone, if what is left is not flagged."""
    words = f' {" ".join(tokenize(text))} '
    cues = tuple(phrase for phrase in model.cues if f" {phrase} " in words)
    if not cues:
        return None
    out = _removal_pattern(cues).sub(" ", text)  # "is, frankly, basic" -> "is basic": both commas go with it
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r"[ \t]+([,.;:!?])", r"\1", out).strip()
    out = re.sub(r"^[,;:]\s*", "", out).replace(",,", ",")
    if not out:
        return None
    if text[:1].isupper():
        out = out[0].upper() + out[1:]
    return out if model.score(model.features(out, is_question)) < model.logit_threshold else None


@dataclass(frozen=True)
class _DraftWords:
    """The sentences of a draft that are not all quotation, and each one's tokens (quotations blanked).
    Built once per draft, whatever the number of models."""
    sentences: list
    tokens: list[list[str]]  # per sentence, its tokens (START not included)


_START_OF, _END_OF = operator.itemgetter(0), operator.itemgetter(1)  # a Sentence's start and end


def _draft_words(draft) -> _DraftWords:
    """Without a quotation, one byte-table pass over the whole draft (`tokenize` maps each character to
    one, so offsets hold) and each sentence's tokens are a split of its slice of that: no Python step
    per sentence (a sentence's text is `folded[start:end]`)."""
    folded, quotes = draft.folded, _quotations(draft)
    if quotes:
        sentences, tokens = [], []
        for sentence in draft.sentences:
            text = sentence_text(folded, sentence.start, sentence.end, quotes)
            if text is not None:
                sentences.append(sentence)
                tokens.append(tokenize(text))
        return _DraftWords(sentences, tokens)
    sentences = draft.sentences
    mapped = folded.encode("ascii", "replace").translate(_TOKEN_BYTES).decode("ascii")
    slices = map(slice, map(_START_OF, sentences), map(_END_OF, sentences))
    return _DraftWords(list(sentences), list(map(str.split, map(mapped.__getitem__, slices))))


def _sentence_logit(model: Model, tokens: list[str], is_question: bool) -> float:
    """`model.score` of one sentence's features (`tokens`: its tokens), its word and pair weights looked up
    by two `map`s instead of building each bigram's string (the same figure, added in another order)."""
    zero = itertools.repeat(0.0)
    total = (sum(map(model.words.get, tokens, zero))
             + sum(map(model.pairs.get, zip(itertools.chain((START,), tokens), tokens), zero)))
    count = 2 * len(tokens) + is_question
    if is_question:
        total += model.words.get(QUESTION, 0.0)
    if model.classes:
        extra = class_features(tokens, model.classes)
        total += sum(map(model.weights.get, extra, zero))
        count += len(extra)
    if model.length_normalized and count:
        total /= math.sqrt(count)
    return model.bias + total


def sentence_logits(draft, model: Model, questions_only: bool = False) -> tuple[list, list[float]]:
    """(sentences, each one's logit), quotations blanked; a sentence that is all quotation is not
    scored, with `questions_only` (a model that flags no statement) only questions are, and with a
    gate only sentences holding one of its words. The figures are `model.score` of each sentence's
    features (added up in another order)."""
    if questions_only and not any(s.is_question for s in draft.sentences):
        return [], []  # no need to tokenize a draft without a question
    words = draft.memo("tact.checks.learned.words", _draft_words)
    sentences, tokens = words.sentences, words.tokens
    gate = model.gate
    if questions_only:
        picked = [k for k, s in enumerate(sentences) if s.is_question and not (gate and gate.isdisjoint(tokens[k]))]
    elif gate:  # the sentences holding a gate word, found without a Python step per sentence
        picked = list(itertools.compress(range(len(sentences)), map(operator.not_, map(gate.isdisjoint, tokens))))
    else:
        picked = range(len(sentences))
    return ([sentences[k] for k in picked],
            [_sentence_logit(model, tokens[k], sentences[k].is_question) for k in picked])


@python_check("learned")
def learned(draft, rule):
    model = _model(rule)
    if model is None or not draft.sentences:
        return
    cut = model.logit_threshold
    scored = sentence_logits(draft, model, rule.options.get("questions_only", False))
    for sentence, z in zip(*scored):
        if z < cut:
            continue
        trimmed = _cue_removed(model, sentence.text, sentence.is_question)
        yield Hit(sentence.start, sentence.end, replacements=(trimmed,) if trimmed else ())


learned.validate_options = validate_options
