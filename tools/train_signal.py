"""Train and validate the learned tone signal (server/tact/checks/learned.py); write its models as data.

    .venv/bin/python tools/train_signal.py --cv                # leave-one-author-out table, no files written
    .venv/bin/python tools/train_signal.py --cv --write        # the same, then train on everything and write
                                                               # rules/models/<category>.json
    ... --extra /work/holdout/w9_tune.jsonl ...                # more labeled drafts (one author per wN prefix)
    ... --score FILE.jsonl                                     # rules alone vs rules + the shipped models
    ... --out /tmp/candidate                                   # write the models there instead of rules/models
    ... --write --threshold 0.9 --validation "..."             # no CV: the threshold was chosen on writers the
                                                               # script never saw (the text says how), recorded as given

Training data, one row per sentence (the engine's own sentence splitter and features):
- /work/shared/eval/sentences.jsonl: the sentence(s) holding a device's span are positives of its
  category; near-misses and the other categories' devices are negatives (in every fold: no author);
- tests/data/independent/*.jsonl (author = the `wN` prefix: w1 and w1v are one author): sentences
  overlapping an `expect` span of the category are positives, every other sentence (clean drafts
  especially) a negative;
- tests/data/clean/*.jsonl: ordinary, fine business email (`expect: []`), every sentence a negative.
  Labeled tone drafts are dense with problems; without plenty of ordinary mail a model learns that
  thanks and logistics are rare and flags them on real email.
Never dev.jsonl (the dev measure), the external corpora (false alarms only) or the lead's private
holdout. scikit-learn is used here only; the runtime adds up the weights this script writes.

Validation: each author's drafts are scored by a model trained without that author, and each clean-mail
file by a model trained without that file, the way `tact eval` scores drafts (an issue must overlap the
expected span; clean drafts flagged count), for the rules alone and for the rules plus the learned
finding (merged as the engine merges). The threshold is chosen there, never on real (external) email.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "server"))

from tact.checks.learned import sentence_text, token_features, tokenize  # noqa: E402
from tact.engine import _trimmed, merge, to_issue  # noqa: E402
from tact.evaluation import GRADED, Score  # noqa: E402
from tact.model import Finding  # noqa: E402
from tact.request import parse_context  # noqa: E402
from tact.rules.conditions import quotation_spans  # noqa: E402
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules  # noqa: E402
from tact.text.draft import build_draft  # noqa: E402

SENTENCES = Path("/work/shared/eval/sentences.jsonl")
INDEPENDENT = ROOT / "tests" / "data" / "independent"
CLEAN = ROOT / "tests" / "data" / "clean"
MODELS = ROOT / "rules" / "models"
TONE = ("condescension", "accusatory-question", "blame-shifting")
AUTHOR = re.compile(r"^([wbd]\d+)")  # independent writers wN; device writers bN and dN (tests/data/devices, with --extra)
MAX_FEATURES = 3000  # the model file keeps the strongest weights only
MIN_COUNT = 2  # a feature seen once in training is noise
C = 2.0  # inverse L2 strength, chosen on the leave-one-author-out figures (features are length-scaled)
POSITIVE_WEIGHT = 1.0  # how much more a positive sentence counts than a negative ("balanced" made ~20x:
#                        every word of a tone sentence pulled up, and ordinary mail flagged)
NORMALIZED = True  # a sentence's features count 1/sqrt(their number) (learned.Model.length_normalized)
# Word classes that carry a device whatever its words (learned.class_features): who is addressed, what is
# called easy or obvious, what was said before, a hedge or sarcastic praise, negation. A class whose name
# starts with "^" counts only for a sentence's first words (an imperative). Used with --classes only.
DEVICE_CLASSES = {
    "reader": "you your you're yours yourself yourselves you've you'd you'll u".split(),
    "ease": ("simple simply simplest simpler easy easiest easily basic basics basically obvious obviously clear "
             "clearly plain plainly straightforward trivial elementary self-explanatory 101 rocket science "
             "child children kid kids toddler anyone anybody everyone everybody even slowly slow layman "
             "layman's idiot dummies primer refresher").split(),
    "hard": ("complicated difficult hard tricky complex confusing confused understand understood grasp "
             "follow following familiar aware realise realize realised realized know knew knows").split(),
    "repeat": ("again already before previously earlier reminder remind reminding repeat repeating repeated "
               "reiterate once twice third said mentioned stated explained told noted outlined pointed "
               "per last").split(),
    # Sarcasm and condescending hedges only: thanks, praise and hope are everywhere in ordinary mail.
    "hedge": "surely presumably perhaps maybe assume assumed trust kindly bless course".split(),
    "intense": "really very incredibly extremely truly genuinely honestly frankly literally seriously quite".split(),
    # What a sentence may grade the reader on (with "reader" nearby: learned._said_of_reader): their
    # ability, their care or effort.
    "ability": ("able capable manage managed competent competence handle cope figure grasped smart clever bright "
                "intelligent skill skills expertise experienced beginner novice newbie amateur qualified "
                "expect expected surprised").split(),
    "effort": ("bother bothered attention effort careful carefully properly closely lazy glance skim skimmed "
               "actually bothering").split(),
    "neg": ("not no never nothing nobody none don't didn't doesn't isn't wasn't aren't weren't can't couldn't "
            "won't wouldn't haven't hasn't hadn't shouldn't").split(),
    "^cmd": ("read check look note see refer remember try take make let review reread re-read consult "
             "familiarise familiarize bear keep ask stop calm think").split(),
}
CLASSES = None  # word -> class (learned.Model.classes) when --classes; None: words and pairs only
CLASSES_ONLY = False  # --classes-only: the model weighs word classes, their pairs and the question mark, no word
GATE_COVER = None  # with --gate SHARE: only sentences holding a gate word are scored (gate_of)
GATE_CLASSES: tuple[str, ...] = ()  # --gate-classes: classes whose words also open the gate
BALANCE = False  # --balance-authors: each source's positives weigh the same in all (one prolific writer's
#                 devices do not outweigh a sparse writer's); negatives keep weight 1
MIN_GROUPS = 2  # a feature must occur in the positives of this many sources (authors, sentences.jsonl,
#                 the rules' examples) to carry weight toward the tone: one writer's topic words do not


@dataclass
class Row:
    feats: list[str]
    labels: set[str]
    group: str  # author ("w3"), or "sentences"
    draft: int = -1  # index into the drafts list (independent drafts only)
    span: tuple[int, int] = (0, 0)  # the sentence in draft.text coordinates


@dataclass
class LabeledDraft:
    item: dict
    author: str
    draft: object
    rule_findings: list = field(default_factory=list)


def _rows_of(draft, spans: list[tuple[str, int, int]], group: str, index: int = -1) -> list[Row]:
    folded = draft.folded
    quotes = quotation_spans(folded)
    rows = []
    for s in draft.sentences:
        text = sentence_text(folded, s.start, s.end, quotes)
        if text is None:
            continue
        labels = {c for c, a, b in spans if a < s.end and s.start < b}
        rows.append(Row(token_features(tokenize(text), s.is_question, CLASSES), labels, group, index, (s.start, s.end)))
    return rows


def _span(text: str, span: str) -> tuple[int, int]:
    start = text.find(span)
    return (start, start + len(span)) if start >= 0 else (-1, -1)


def sentence_rows(path: Path) -> list[Row]:
    """A snippet file in the sentences.jsonl schema (`category`, `span`; near-misses have no category)."""
    rows, group = [], f"sentences:{path.stem}"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        draft = build_draft(text=item["text"])
        if item.get("category"):
            a, b = _span(item["text"], item["span"])
            # Only the sentence(s) with the device: the snippet's other sentences are context of unknown tone.
            rows += [r for r in _rows_of(draft, [(item["category"], a, b)], group) if r.labels]
        else:
            rows += _rows_of(draft, [], group)
    return rows


def rule_example_rows(rules: list) -> list[Row]:
    """The rules' own examples: in a `flag` example the sentence(s) the rule flags are positives of its
    category; a `pass` example's sentences are negatives in every category no rule flags them in."""
    every = RuleSet.of(rules)
    rows = []
    for rule in rules:
        if rule.check == "learned" or rule.category not in GRADED:
            continue
        alone = RuleSet.of([rule])
        for kind, examples in (("flag", rule.flag), ("pass", rule.passes)):
            for example in examples:
                if example.html:
                    continue
                try:
                    draft = build_draft(text=example.text, context=parse_context(example.context or None))
                except Exception:  # an example with a context the parser refuses teaches nothing here
                    continue
                if kind == "flag":
                    spans = [(f.category, f.start, f.end) for f in alone.findings(draft)]
                    rows += [r for r in _rows_of(draft, spans, "rules") if r.labels]
                else:
                    flagged = [(f.category, f.start, f.end) for f in every.findings(draft)]
                    rows += [r for r in _rows_of(draft, flagged, "rules") if not r.labels]
    return rows


def _group(path: Path) -> str:
    """The author of a labeled file (w3 and w3v are one; b12 is a device writer), or the clean-mail file itself."""
    author = AUTHOR.match(path.name)
    return author.group(1) if author and path.parent.name != CLEAN.name else f"clean:{path.stem}"


def independent_files(names=(), authors: str = "", folder: Path = INDEPENDENT) -> list[Path]:
    """The labeled draft files trained and validated on: every w*.jsonl but the files named and the
    authors listed (comma-separated "w34,w35": an author is every file of its wN prefix, w34 and w34v)."""
    excluded = {a.strip() for a in authors.split(",") if a.strip()}
    bad = sorted(a for a in excluded if not re.fullmatch(r"w\d+", a))
    if bad:
        raise ValueError(f"not an author (wN): {', '.join(bad)}")
    return sorted(p for p in folder.glob("w*.jsonl")
                  if p.name not in names and (m := AUTHOR.match(p.name)) and m.group(1) not in excluded)


def labeled_drafts(paths: list[Path], ruleset: RuleSet) -> tuple[list[LabeledDraft], list[Row]]:
    drafts, rows = [], []
    for path in paths:
        author = _group(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            draft = build_draft(text=item["text"], context=parse_context(item.get("context")))
            spans = [(e["category"], *_span(item["text"], e["span"])) for e in item["expect"]]
            found = [f for f in ruleset.findings(draft) if f.category in GRADED]
            drafts.append(LabeledDraft(item, author, draft, found))
            rows += _rows_of(draft, spans, author, len(drafts) - 1)
    return drafts, rows


def train(rows: list[Row], category: str) -> tuple[dict[str, float], float]:
    """(weights of the strongest MAX_FEATURES features, bias) of an L2 logistic regression over the
    features seen MIN_COUNT times, leaving out those whose positives all come from fewer than MIN_GROUPS
    sources (features of negatives only stay: they pull ordinary sentences down)."""
    counts = defaultdict(int)
    positive_groups = defaultdict(set)
    for r in rows:
        positive = category in r.labels
        for f in set(r.feats):
            counts[f] += 1
            if positive:
                positive_groups[f].add(r.group)
    kept = (f for f, n in counts.items()
            if n >= MIN_COUNT and (f not in positive_groups or len(positive_groups[f]) >= MIN_GROUPS)
            and (not CLASSES_ONLY or f[0] in "@<"))
    vocab = {f: i for i, f in enumerate(sorted(kept))}
    data, indices, indptr = [], [], [0]
    for r in rows:
        cols = defaultdict(int)
        for f in r.feats:
            if f in vocab:
                cols[vocab[f]] += 1
        scale = 1 / np.sqrt(len(r.feats)) if NORMALIZED and r.feats else 1.0
        indices += cols.keys()
        data += [n * scale for n in cols.values()]
        indptr.append(len(indices))
    x = csr_matrix((np.array(data, dtype=float), indices, indptr), shape=(len(rows), len(vocab)))
    y = np.array([category in r.labels for r in rows])
    model = LogisticRegression(C=C, class_weight={False: 1.0, True: POSITIVE_WEIGHT}, max_iter=2000, solver="liblinear")
    model.fit(x, y, sample_weight=author_balanced_weights(rows, category) if BALANCE else None)
    coef = model.coef_[0]
    names = list(vocab)
    keep = np.argsort(-np.abs(coef))[:MAX_FEATURES]
    return {names[i]: round(float(coef[i]), 4) for i in keep if abs(coef[i]) >= 1e-4}, round(float(model.intercept_[0]), 4)


def author_balanced_weights(rows: list[Row], category: str) -> np.ndarray:
    """Per row: 1 for a negative; for a positive, (mean positives per source) / (its source's positives),
    so every source's positives add up to the same total and the overall positive mass is unchanged."""
    per = defaultdict(int)
    for r in rows:
        if category in r.labels:
            per[r.group] += 1
    mean = sum(per.values()) / max(len(per), 1)
    return np.array([mean / per[r.group] if category in r.labels else 1.0 for r in rows])


def gate_of(rows: list[Row], category: str) -> frozenset | None:
    """The words whose presence lets a sentence be scored (learned.Model.gate), None without --gate: the
    words of --gate-classes, then, greedily, the word that holds the most positive sentences not yet
    held, discounted by how many negative sentences it opens (1 + negatives / 50), until GATE_COVER of
    the positives are held. A cheap test at run time; the validation scores with the gate, so what it
    keeps out counts as missed."""
    if GATE_COVER is None:
        return None
    positives, negatives = defaultdict(set), defaultdict(int)
    count = 0
    for r in rows:
        words = {f for f in r.feats if " " not in f and not f.startswith(("@", "<"))}
        if category in r.labels:
            for w in words:
                positives[w].add(count)
            count += 1
        else:
            for w in words:
                negatives[w] += 1
    gate = {w for w, c in (CLASSES or {}).items() if c in GATE_CLASSES}
    held = set().union(*(positives[w] for w in gate if w in positives))
    while len(held) < GATE_COVER * count:
        gain, word = max(((len(ids - held) / (1 + negatives[w] / 50), w) for w, ids in positives.items()
                          if w not in gate), default=(0, None))
        if not gain:
            break
        gate.add(word)
        held |= positives[word]
    return frozenset(gate)


def gated_logit(weights: dict, bias: float, gate, feats: list[str]) -> float:
    """`logit`, or minus infinity for a sentence the gate keeps out (it is never scored at run time)."""
    if gate is not None and gate.isdisjoint(feats):
        return -np.inf
    return logit(weights, bias, feats)


def logit(weights: dict, bias: float, feats: list[str]) -> float:
    """As learned.Model.score does at run time."""
    total = sum(filter(None, map(weights.get, feats)))
    return bias + (total / np.sqrt(len(feats)) if NORMALIZED and feats else total)


def _probability(z: float) -> float:
    return 1 / (1 + np.exp(-z))


def score_drafts(drafts: list[LabeledDraft], learned: dict[int, list[Finding]]) -> tuple[dict[str, Score], int, int]:
    """Per-category scores and (clean drafts flagged, clean drafts), matching as tact.evaluation does."""
    scores = {c: Score() for c in GRADED}
    clean = flagged = 0
    for k, d in enumerate(drafts):
        text = d.item["text"]
        wanted = [_trimmed(f, d.draft.text) for f in (*d.rule_findings, *learned.get(k, ()))]
        issues = [to_issue(f, d.draft) for f in merge(f for f in wanted if f.end > f.start)]
        used = set()
        for exp in d.item["expect"]:
            if exp["category"] not in scores:
                continue
            a, b = _span(text, exp["span"])
            hit = next((i for i, x in enumerate(issues) if i not in used and x.category == exp["category"]
                        and a >= 0 and x.offset < b and a < x.offset + x.length), None)
            if hit is None:
                scores[exp["category"]].fn += 1
            else:
                used.add(hit)
                scores[exp["category"]].tp += 1
        for i, x in enumerate(issues):
            if i in used or any(x.category == issues[u].category and x.offset < issues[u].offset + issues[u].length
                                and issues[u].offset < x.offset + x.length for u in used):
                continue
            scores[x.category].fp += 1
        if not d.item["expect"]:
            clean += 1
            flagged += bool(issues)
    return scores, flagged, clean


def learned_findings(rows: list[Row], logits: list[float], category: str, threshold: float) -> dict[int, list[Finding]]:
    cut = np.log(threshold / (1 - threshold))
    out = defaultdict(list)
    for r, z in zip(rows, logits):
        if z >= cut:
            out[r.draft].append(Finding(r.span[0], r.span[1], f"learned.{category}", category, "suggestion", "", "", ()))
    return out


def held_out_logits(sentence_data: list[Row], rows: list[Row], categories, authors) -> dict[str, list[float]]:
    """Each independent row's logit from a model trained without its author, per category."""
    out = {c: [0.0] * len(rows) for c in categories}
    for author in authors:
        training = sentence_data + [r for r in rows if r.group != author]
        held = [i for i, r in enumerate(rows) if r.group == author]
        for c in categories:
            weights, bias = train(training, c)
            gate = gate_of(training, c)
            for i in held:
                out[c][i] = gated_logit(weights, bias, gate, rows[i].feats)
    return out


def fmt(s: Score) -> str:
    return f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})"


THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999)


def _clean_flagged(drafts, found: dict) -> set[int]:
    """The clean drafts anything is reported on, with `found` added to the rules' findings."""
    out = set()
    for k, d in enumerate(drafts):
        if not d.item["expect"]:
            wanted = [_trimmed(f, d.draft.text) for f in (*d.rule_findings, *found.get(k, ()))]
            out.update([k] if any(f.end > f.start for f in wanted) else [])
    return out


def _model_precision(rows: list[Row], logits: list[float], category: str, threshold: float) -> tuple[float, int]:
    """(share of the held-out sentences at or above `threshold` that are of `category`, their number): the
    model's own precision, whatever the rules catch (they were tuned on these authors; the model was not)."""
    cut = np.log(threshold / (1 - threshold))
    above = [category in r.labels for r, z in zip(rows, logits) if z >= cut]
    return (sum(above) / len(above) if above else 1.0), len(above)


def choose(drafts, rows, logits, categories, max_precision_loss: float, max_clean_rise: float,
           max_mail_rise: float, min_model_precision: float, fixed: float | None = None) -> dict:
    """The figures per category and threshold, then the thresholds chosen together: the largest sum of F1
    gains where no category loses more than `max_precision_loss` precision, the model alone is right about
    at least `min_model_precision` of the held-out sentences it flags, no model adds more than
    `max_mail_rise` of the held-out ordinary emails (tests/data/clean) to those flagged, and the labeled
    clean drafts flagged by all the chosen models together rise by at most `max_clean_rise` (shares).
    A category whose model adds no F1 within those limits gets no model. With `fixed`, every category
    takes that threshold instead: when the rules were tuned on every author, the leave-one-author-out F1
    cannot show a gain, and the threshold comes from the ordinary-email and model-alone columns."""
    mail = {k for k, d in enumerate(drafts) if d.author.startswith("clean:")}
    base, base_flagged, clean = score_drafts(drafts, {})
    base_set = _clean_flagged(drafts, {})
    clean -= len(mail)
    base_flagged -= len(base_set & mail)
    print(f"rules alone: clean drafts flagged {base_flagged}/{clean} ({base_flagged / max(clean, 1):.1%}); "
          f"ordinary emails flagged {len(base_set & mail)}/{len(mail)}")
    options = {}
    for c in categories:
        print(f"\n{c}: rules alone {fmt(base[c])}")
        options[c] = [(None, base[c], set())]
        for t in sorted({*THRESHOLDS, *([fixed] if fixed is not None else [])}):
            found = learned_findings(rows, logits[c], c, t)
            s = score_drafts(drafts, found)[0][c]
            flagged = _clean_flagged(drafts, found) - base_set
            alone, above = _model_precision(rows, logits[c], c, t)
            print(f"  t={t:<5} {fmt(s)}  clean drafts flagged +{len(flagged - mail)}, ordinary emails "
                  f"+{len(flagged & mail)}; model alone P {alone:.3f} of {above} sentences")
            if fixed is not None:
                if t == fixed:
                    options[c] = [(t, s, flagged - mail)]
            elif (s.precision >= base[c].precision - max_precision_loss and s.f1 > base[c].f1
                    and alone >= min_model_precision and len(flagged & mail) <= max_mail_rise * len(mail)):
                options[c].append((t, s, flagged - mail))
    best, best_gain = None, 0.0
    for combo in itertools.product(*(options[c] for c in categories)):
        rise = len(set().union(*(o[2] for o in combo)))
        gain = sum(o[1].f1 - base[c].f1 for c, o in zip(categories, combo))
        if fixed is not None or rise <= max_clean_rise * clean and gain > best_gain + 1e-9:
            best, best_gain = combo, gain
    chosen = {c: (o[0], o[1]) if o[0] is not None else None for c, o in zip(categories, best or [(None,)] * len(categories))}
    together = defaultdict(list)
    for c, pick in chosen.items():
        for k, found in (learned_findings(rows, logits[c], c, pick[0]).items() if pick else ()):
            together[k] += found
    scores, _, _ = score_drafts(drafts, together)
    flagged_set = _clean_flagged(drafts, together)
    flagged = len(flagged_set - mail)
    print(f"\nchosen together: clean drafts flagged {base_flagged} -> {flagged}/{clean} "
          f"({base_flagged / max(clean, 1):.1%} -> {flagged / max(clean, 1):.1%}); ordinary emails flagged "
          f"{len(base_set & mail)} -> {len(flagged_set & mail)}/{len(mail)}")
    for c in categories:
        pick = f"t={chosen[c][0]}" if chosen[c] else "no model (adds no F1 within the limits)"
        print(f"  {c:20} rules alone {fmt(base[c])}\n  {'':20} + signal    {fmt(scores[c])}   {pick}")
    return {"base": base, "base_flagged": base_flagged, "clean": clean, "chosen": chosen,
            "together": scores, "together_flagged": flagged, "mail": len(mail),
            "mail_flagged": (len(base_set & mail), len(flagged_set & mail))}


def _report_subset(drafts, rows, logits, categories, authors: set, chosen: dict) -> None:
    """The chosen thresholds, together, on some authors' drafts alone (e.g. those the rules were not tuned on)."""
    keep = [k for k, d in enumerate(drafts) if d.author in authors]
    index = {k: i for i, k in enumerate(keep)}
    subset = [drafts[k] for k in keep]
    together = defaultdict(list)
    for c in categories:
        if chosen.get(c) is not None:
            for k, found in learned_findings(rows, logits[c], c, chosen[c]).items():
                if k in index:
                    together[index[k]] += found
    base, base_flagged, clean = score_drafts(subset, {})
    scores, flagged, _ = score_drafts(subset, together)
    print(f"\nauthors {', '.join(sorted(authors))} alone ({len(subset)} drafts): clean drafts flagged "
          f"{base_flagged} -> {flagged}/{clean}")
    for c in categories:
        print(f"  {c:20} rules alone {fmt(base[c])}\n  {'':20} + signal    {fmt(scores[c])}")


def _guard_sentences(paths: list[Path], ruleset: RuleSet) -> list[tuple[list[str], set[str]]]:
    """(features, categories the rules flag there) of every sentence of the clean items in `paths`."""
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            if not item or item.get("expect") or item.get("category"):
                continue
            draft = build_draft(text=item["text"], context=parse_context(item.get("context")))
            flagged = [(f.category, f.start, f.end) for f in ruleset.findings(draft)]
            out += [(r.feats, r.labels) for r in _rows_of(draft, flagged, "guard")]
    return out


def _file_note(path: Path) -> dict:
    data = path.read_bytes()
    name = str(path.resolve().relative_to(ROOT)) if path.resolve().is_relative_to(ROOT) else str(path)
    return {"file": name, "lines": data.count(b"\n"), "sha256": hashlib.sha256(data).hexdigest()[:16]}


def write_model(category: str, weights, bias, threshold, data_files, cv: dict, folder: Path = MODELS,
                gate=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{category}.json"
    model = {
        "category": category,
        "threshold": threshold,
        "bias": bias,
        "length_normalized": NORMALIZED,
        **({"gate": sorted(gate)} if gate else {}),
        **({"classes": {c: sorted(w for w, k in CLASSES.items() if k == c) for c in sorted(set(CLASSES.values()))}}
           if CLASSES else {}),
        "provenance": {
            "trained": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "script": "tools/train_signal.py",
            "model": f"logistic regression (L2, C={C}, positives weighted {POSITIVE_WEIGHT}x) on case-folded word "
                     f"uni/bigrams, sentence-start and question features"
                     f"{', word classes and their pairs' if CLASSES else ''}; features seen < {MIN_COUNT} times or in "
                     f"the positives of < {MIN_GROUPS} sources dropped; the {MAX_FEATURES} strongest weights kept"
                     + (f"; only sentences holding a gate word scored (greedy cover of {GATE_COVER:.0%} of the "
                        f"positives{', the classes ' + ', '.join(GATE_CLASSES) + ' first' if GATE_CLASSES else ''})"
                        if gate else ""),
            "data": [_file_note(p) for p in data_files],
            "validation": cv,
        },
        "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))),
    }
    path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def base_ruleset(rules_dir: Path = BUILTIN_RULES) -> RuleSet:
    """The rules the signal complements (without the learned rules themselves)."""
    return RuleSet.of(r for r in load_rules([rules_dir]) if r.check != "learned")


def shipped_ruleset(rules_dir: Path = BUILTIN_RULES) -> RuleSet:
    return RuleSet.of(load_rules([rules_dir]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--categories", default=",".join(TONE))
    parser.add_argument("--cv", action="store_true", help="leave-one-author-out validation table")
    parser.add_argument("--write", action="store_true", help="train on all data and write rules/models/*.json")
    parser.add_argument("--extra", nargs="*", default=[], help="more labeled draft files (author = wN prefix)")
    parser.add_argument("--exclude", nargs="*", default=[],
                        help="independent files left out of training and validation (names, e.g. w13v.jsonl), "
                             "to score them afterwards as a fresh test")
    parser.add_argument("--exclude-authors", default="",
                        help="comma-separated authors (wN: w34 means w34.jsonl and w34v.jsonl) left out of training "
                             "and validation altogether, e.g. a transfer set scored afterwards with --score")
    parser.add_argument("--score", nargs="*", default=[], help="score files: rules alone vs rules + shipped models")
    parser.add_argument("--rules", type=Path, default=BUILTIN_RULES,
                        help="the rule pack the signal is validated next to (e.g. a tree from before the "
                             "rules were tuned on the new authors; default: the built-in rules)")
    parser.add_argument("--rule-examples", action="store_true",
                        help="also train on the `--rules` pack's own flag/pass examples (in every fold)")
    parser.add_argument("--guard", nargs="*", default=[],
                        help="labeled files whose clean items are near-misses the written models must not flag "
                             "(the threshold is raised until none is)")
    parser.add_argument("--report-authors", default="",
                        help="comma-separated authors also reported on their own (e.g. w9,w10,w11,w12)")
    parser.add_argument("--max-precision-loss", type=float, default=0.03)
    parser.add_argument("--max-clean-rise", type=float, default=0.0)
    parser.add_argument("--max-mail-rise", type=float, default=0.0,
                        help="the share of held-out ordinary emails one model may add to those flagged")
    parser.add_argument("--threshold", type=float, default=None,
                        help="take this threshold for every category instead of choosing one (see `choose`)")
    parser.add_argument("--validation", default="",
                        help="with --write --threshold and no --cv: how the threshold was chosen (recorded in the model)")
    parser.add_argument("--min-model-precision", type=float, default=0.95,
                        help="the share of the held-out sentences a model flags (alone) that must be of its category")
    parser.add_argument("--clean", nargs="*", type=Path, default=sorted(CLEAN.glob("*.jsonl")),
                        help="ordinary-email files (every sentence a negative; one validation fold each)")
    parser.add_argument("--snippets", nargs="*", type=Path, default=[],
                        help="more snippet files in the sentences.jsonl schema (devices and near-misses), "
                             "trained on in every fold")
    parser.add_argument("--final-rules", type=Path, default=BUILTIN_RULES,
                        help="the rule pack whose examples (--rule-examples) and findings (--guard) the written "
                             "models are trained with (for a fresh test: a pack from before the rules saw it)")
    parser.add_argument("--out", type=Path, default=MODELS, help="where --write puts the model files")
    parser.add_argument("--positive-weight", type=float, default=POSITIVE_WEIGHT)
    parser.add_argument("--min-groups", type=int, default=MIN_GROUPS)
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--balance-authors", action="store_true",
                        help="weigh each source's positives so every source's add up to the same total")
    parser.add_argument("--raw-counts", action="store_true", help="features not scaled by sentence length")
    parser.add_argument("--classes", action="store_true", help="add DEVICE_CLASSES features (learned.class_features)")
    parser.add_argument("--classes-only", action="store_true",
                        help="with --classes: weigh only the class features and the question mark, no words")
    parser.add_argument("--gate-classes", default="", help="comma-separated DEVICE_CLASSES whose words open the gate too")
    parser.add_argument("--gate", type=float, default=None,
                        help="score only sentences holding a gate word: words that hold this share of the positives")
    args = parser.parse_args(argv)
    categories = [c for c in args.categories.split(",") if c]
    globals().update(POSITIVE_WEIGHT=args.positive_weight, BALANCE=args.balance_authors, MIN_GROUPS=args.min_groups, C=args.c,
                     NORMALIZED=not args.raw_counts, GATE_COVER=args.gate, CLASSES_ONLY=args.classes_only,
                     GATE_CLASSES=tuple(c for c in args.gate_classes.split(",") if c),
                     CLASSES={w: c for c, ws in DEVICE_CLASSES.items() for w in ws} if args.classes else None)

    for name in args.score:
        _score_file(Path(name), categories, args.rules)
    if not (args.cv or args.write):
        return 0

    files = independent_files(args.exclude, args.exclude_authors) + [Path(p) for p in args.extra] + list(args.clean)
    rules = [r for r in load_rules([args.rules]) if r.check != "learned"]
    ruleset = RuleSet.of(rules)
    snippets = [SENTENCES, *args.snippets]
    sentence_data = [r for p in snippets for r in sentence_rows(p)] + (rule_example_rows(rules) if args.rule_examples else [])
    drafts, rows = labeled_drafts(files, ruleset)
    authors = sorted({r.group for r in rows}, key=lambda a: (a.startswith("clean:"), int(a[1:]) if a[1:].isdigit() else a))
    mail_files = [a for a in authors if a.startswith("clean:")]
    print(f"{len(sentence_data)} sentence rows from {SENTENCES.name}{' and rule examples' if args.rule_examples else ''}; "
          f"{len(rows)} sentence rows from "
          f"{len(drafts)} drafts by {len(authors) - len(mail_files)} authors and {len(mail_files)} clean-mail files")
    result = None
    if args.cv:
        logits = held_out_logits(sentence_data, rows, categories, authors)
        result = choose(drafts, rows, logits, categories, args.max_precision_loss, args.max_clean_rise,
                        args.max_mail_rise, args.min_model_precision, args.threshold)
        if args.report_authors:
            chosen = {c: (b[0] if b else None) for c, b in result["chosen"].items()}
            _report_subset(drafts, rows, logits, categories, set(args.report_authors.split(",")), chosen)
    if args.write:
        if result is None and (args.threshold is None or not args.validation):
            parser.error("--write needs --cv, or --threshold with --validation (how that threshold was chosen)")
        final_rules = [r for r in load_rules([args.final_rules]) if r.check != "learned"]
        final_data = ([r for p in snippets for r in sentence_rows(p)] + rows
                      + (rule_example_rows(final_rules) if args.rule_examples else []))
        example_files = sorted(args.final_rules.glob("*.yaml")) if args.rule_examples else []
        guard = _guard_sentences([Path(p) for p in args.guard], RuleSet.of(final_rules))
        for c in categories:
            best = result["chosen"][c] if result else (args.threshold,)
            if best is None:
                print(f"{c}: no model written (remove its learned rule if one names rules/models/{c}.json)")
                continue
            weights, bias = train(final_data, c)
            gate = gate_of(final_data, c)
            t = best[0]
            # Precision first: hand-written near-misses (not trained on) must not be flagged.
            worst = max((_probability(gated_logit(weights, bias, gate, feats)) for feats, flagged in guard
                         if c not in flagged), default=0)
            raised = t if t > worst else next((x for x in THRESHOLDS if x >= t and x > worst), None)
            if raised is None:
                print(f"{c}: no model written: a near-miss scores {worst:.4f}, above every threshold")
                continue
            print(f"{c}: threshold {t} {'from validation' if result else 'as given'}, {raised} so no near-miss is flagged "
                  f"(highest {worst:.4f})")
            if result is None:
                cv = {"method": "no cross-validation: the threshold was given", "threshold_given": t,
                      "threshold_raised_for_near_misses": raised, "near_miss_files": [str(p) for p in args.guard],
                      "how_chosen": args.validation}
            else:
                cv = _validation_record(result, c, t, raised, args, len(authors) - len(mail_files), len(mail_files),
                                        len(drafts))
            path = write_model(c, weights, bias, raised, [*snippets, *files, *example_files], cv, args.out, gate)
            print(f"{c}: wrote {path} ({len(weights)} features)")
    return 0


def _validation_record(result: dict, category: str, t: float, raised: float, args, authors: int, mail_files: int,
                       drafts: int) -> dict:
    """What the leave-one-author-out validation found, as the model file records it."""
    s, base = result["together"][category], result["base"][category]
    return {
        "method": f"leave-one-author-out over {authors} authors and leave-one-file-out over {mail_files} ordinary-email "
                  f"files ({drafts} drafts), scored as `tact eval` scores drafts",
        "rules": str(args.rules),
        "threshold_chosen": t,
        "threshold_raised_for_near_misses": raised,
        "near_miss_files": [str(p) for p in args.guard],
        "rules_alone": {"precision": round(base.precision, 3), "recall": round(base.recall, 3), "f1": round(base.f1, 3),
                        "clean_flagged": f"{result['base_flagged']}/{result['clean']}"},
        "rules_and_signal": {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                             "clean_flagged_all_learned_rules": f"{result['together_flagged']}/{result['clean']}"},
        "ordinary_emails_flagged": "{} -> {}/{}".format(*result["mail_flagged"], result["mail"]),
    }


def _score_file(path: Path, categories, rules_dir: Path = BUILTIN_RULES) -> None:
    """Rules alone vs rules + the learned rules of the `rules_dir` pack on one labeled file, per category."""
    from tact.evaluation import evaluate, read_jsonl

    items = read_jsonl(str(path))
    alone = evaluate(items, base_ruleset(rules_dir))
    both = evaluate(items, shipped_ruleset(rules_dir))
    print(f"== {path} (rules: {rules_dir})")
    for c in categories:
        print(f"  {c:22} rules alone {fmt(alone.scores[c])}\n  {'':22} + signal    {fmt(both.scores[c])}")
    print(f"  clean drafts flagged: rules alone {alone.clean_flagged}/{alone.clean}, + signal {both.clean_flagged}/{both.clean}")


if __name__ == "__main__":
    sys.exit(main())
