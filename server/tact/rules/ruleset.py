"""An immutable, compiled set of rules and the matching that runs them over a draft.

All pattern rules are combined into a few RE2 sets, so a few linear scans of the draft
say which rules can match at all; only those run their own pattern. The same scan reads the
`trigger`s of Python check rules: a check whose trigger is absent from the draft does not run.
Where Hyperscan databases of the same members are compiled (`hyperscan_prefilter`, cached on disk),
they answer instead, and RE2 sets scan only the members they do not cover.
"""
from __future__ import annotations

import codecs
import functools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import re2

from ..checks.registry import PYTHON_CHECKS, Hit
from ..model import Finding
from ..text.draft import Draft
from ..text.regex import FOLDS_INTO_ASCII
from . import hyperscan_prefilter
from .conditions import DraftFacts, sentence_ok
from .loader import PackError, RuleProblem, pack_files, parse_yaml
from .rule import Rule, RuleInvalid, build_rule

BUILTIN_RULES = Path(__file__).resolve().parents[3] / "rules"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The prefilter's DFA gets a generous budget: when RE2's DFA runs out of memory a Set reports
# "no match" rather than an error, which would silently drop findings on a large pack.
_SET_MAX_MEM = 256 << 20
# Rules per set. A set's DFA state is the combination of every rule's partial matches, so one set
# of all ~70 rules meets new combinations in every new email and builds DFA states for most of its
# bytes (0.8-1.2 ms per 1,500-character Enron email even after thousands of others). Smaller sets
# build fewer states on mail they have not seen, more sets walk more bytes on text they have: at 201
# rules, mostly with open gaps (`[^.]*`), sets of 12 against 18 took Enron email CPU p50 4.37 -> 3.70
# ms and p99 11.2 -> 8.6 ms, the dev drafts and 1,500-char drafts (words the DFA has seen) +1-3%; sets
# of 9 gained little more on Enron (3.42 / 8.27) for +5-8% on the others (engine runs alternated in
# one process).
_RULES_PER_SET = 12
_COUNTED_REPEAT = re.compile(r"\{(\d+),(\d+)\}")

# The sets scan Latin-1 bytes, one byte per character: in UTF-8 mode every `\w`, `.` and negated
# class becomes a tree of multi-byte sequences, and the DFA builds (and walks) more states on mail it
# has not seen (Enron email in engine runs, alternated in one process, 201 rules: CPU p50 4.66 -> 4.21
# ms, p99 11.7 -> 10.0 ms; the dev drafts, whose words the DFA has seen, unchanged). A pattern qualifies when every character it names is Latin-1
# (characters above U+00FF that have no case, such as dashes, get a C1 code of their own); the text's
# other characters above U+00FF become the C1 placeholder U+0080, which every pattern element that
# could match them (`.`, a negated class, `\W`, `\S`) also matches, so the Latin-1 set names every
# rule the UTF-8 one would. Patterns with Unicode classes, hex escapes above 0x7F or \Q, and Latin-1
# letters whose case partner lies beyond Latin-1, stay in UTF-8 sets; a text holding a character
# that RE2 folds into ASCII (K is k, ſ is s) is scanned by the UTF-8 twins of the Latin-1 sets.
_NOT_LATIN1_READY = re.compile(r"\\(?:x[89a-fA-F]|[pPCQ0-7])")  # `\x{…}` is read by `_ESCAPE`
_ESCAPE = re.compile(r"\\(?:x\{([0-9a-fA-F]{1,6})\}|.)", re.S)
_FOLDS_BEYOND_LATIN1 = frozenset("\u00b5\u00df\u00e5\u00c5\u00ff")  # µ ß å Å ÿ
_NON_ASCII = re.compile("[^\x00-\x7f]")
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_C1_PLACEHOLDER = "\x80"
_CODES = range(0x81, 0xA0)


class _Latin1Reading(threading.local):
    """What `_beyond_latin1` needs while `RuleSet._latin1` encodes a text on this thread."""
    codes: dict = {}
    folds_into_ascii = False


_READING = _Latin1Reading()


def _beyond_latin1(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler ("tact-latin1"): a run of characters above U+00FF as the Latin-1 sets
    read them (the rule set's C1 codes, else the placeholder); notes a character RE2 folds into ASCII."""
    chars = error.object[error.start:error.end]
    _READING.folds_into_ascii = _READING.folds_into_ascii or bool(FOLDS_INTO_ASCII.search(chars))
    return "".join(_READING.codes.get(char, _C1_PLACEHOLDER) for char in chars), error.end


codecs.register_error("tact-latin1", _beyond_latin1)


def _latin1_char(char: str, codes: dict[str, str]) -> str | None:
    """`char` as a Latin-1 set reads it: itself, or the C1 code of a caseless character above
    U+00FF (assigned in `codes`); None for a character no Latin-1 set can stand for."""
    code = ord(char)
    if code < 0x80 or 0xA0 <= code <= 0xFF and char not in _FOLDS_BEYOND_LATIN1:
        return char
    if code <= 0xFF or char.lower() != char or char.upper() != char or unicodedata.category(char).startswith("L"):
        return None
    if char not in codes:
        if len(codes) == len(_CODES):
            return None
        codes[char] = chr(_CODES[len(codes)])
    return codes[char]


def _latin1_source(source: str, codes: dict[str, str]) -> bytes | None:
    r"""`source` as Latin-1 bytes for a Latin-1 set (`\x{…}` escapes and characters above U+00FF
    written as `\xNN` of what `_latin1_char` makes of them); None when it must stay in a UTF-8 set."""
    if _NOT_LATIN1_READY.search(source):
        return None
    if source.isascii() and "\\x{" not in source:
        return source.encode("ascii")
    unready = False

    def escape(match: re.Match) -> str:
        nonlocal unready
        if match.group(1) is None:
            return match.group()
        code = int(match.group(1), 16)
        char = _latin1_char(chr(code), codes) if code <= 0x10FFFF else None
        unready = unready or char is None
        return f"\\x{ord(char):02x}" if char else ""

    source = _ESCAPE.sub(escape, source)
    if unready:
        return None
    out = []
    for char in source:
        latin = _latin1_char(char, codes)
        if latin is None:
            return None
        out.append(latin if latin == char else f"\\x{ord(latin):02x}")
    return "".join(out).encode("latin-1")


def prefilter_pattern(pattern: str) -> str:
    """`pattern` for the prefilter sets: every counted repeat `X{m,n}` widened to `X{m,}`.

    The set only says which rules can match, and a wider pattern matches wherever the rule's own
    does (its regex then decides), so no finding is lost. But a DFA counts a repeat position by
    position: `[^.;!?\\n]{0,160}` in one rule made its set build new states at nearly every byte
    of unseen mail (~9 ms per 1,500-character email); widened, the same scans take ~1 ms.
    Classes (`[...]`, `[[:alpha:]]`) and escapes are skipped; `\\Q...\\E` leaves the pattern as is."""
    if "\\Q" in pattern:
        return pattern
    out, i, length, in_class = [], 0, len(pattern), False
    while i < length:
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif in_class:
            close = pattern.find(":]", i + 2) if pattern.startswith("[:", i) else -1
            stop = close + 2 if close >= 0 else i + 1
            in_class = char != "]" or close >= 0
            out.append(pattern[i:stop])
            i = stop
        elif char == "[":
            in_class = True
            stop = i + 1 + (pattern.startswith("^", i + 1))
            stop += pattern.startswith("]", stop)  # a leading "]" is a member, not the end
            out.append(pattern[i:stop])
            i = stop
        elif char == "{" and (counted := _COUNTED_REPEAT.match(pattern, i)):
            out.append("{" + counted.group(1) + ",}")
            i = counted.end()
        else:
            out.append(char)
            i += 1
    return "".join(out)


def fill(template: str, values: dict) -> str:
    """Replace `{name}` with values[name]; unknown names are left as written (no str.format on user text)."""
    if "{" not in template:  # most messages and explanations have no placeholder
        return template
    parts = _template_parts(template)
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        name = parts[i]
        out += (str(values[name]) if name in values else "{" + name + "}", parts[i + 1])
    return "".join(out)


@functools.lru_cache(maxsize=4096)  # the rules' own messages, explanations and replacements
def _template_parts(template: str) -> tuple[str, ...]:
    """The template's text and placeholder names, alternating (text first and last): split once, not
    searched with a callback per placeholder on every finding (6 -> 1.5 µs a template)."""
    return tuple(_PLACEHOLDER.split(template))


def _new_set(latin1: bool):
    options = re2.Options()
    options.log_errors = False
    options.max_mem = _SET_MAX_MEM
    if latin1:
        options.encoding = re2.Options.Encoding.LATIN1
    return re2.Set.SearchSet(options)


def _set_sources(rule: Rule, widened: str) -> tuple[str, str]:
    """The rule's widened pattern (see `prefilter_pattern`) as a set member, and its own, which
    serves should RE2 refuse the widened one."""
    def wrap(source: str) -> str:
        return source if rule.definition.get("case_sensitive") else "(?i:" + source + ")"
    return wrap(widened), wrap(rule.pattern_source)


class _Utf8Twin:
    """The UTF-8 twin of a Latin-1 set (same members, same order), compiled the first time a text
    needs it: one holding a character that RE2 folds into ASCII, which few drafts do."""

    def __init__(self, sources: list[str]):
        self._sources, self._set, self._lock = sources, None, threading.Lock()

    def Match(self, text: str):  # noqa: N802 (re2.Set's name)
        if self._set is None:
            with self._lock:
                if self._set is None:
                    prefilter = _new_set(False)
                    for source in self._sources:
                        prefilter.Add(source)
                    prefilter.Compile()
                    self._set = prefilter
        return self._set.Match(text)


def _build_sets(members: list, trigger_members: list, codes: dict) -> tuple[list, list]:
    """RE2 sets of `members` ((widened, own) source pair, Latin-1 ready; None for one left out: the
    indices stay those of the whole list) and `trigger_members` ((index in `rules`, pair, ready)):
    (sets, for each its UTF-8 twin or None), as `RuleSet` keeps them."""
    def add(prefilter, pair: tuple[str, str], latin1: bool) -> str:
        """Add the widened source, or the rule's own should RE2 refuse it; the one added, as UTF-8."""
        widened, own = pair
        try:
            prefilter.Add(_latin1_source(widened, codes) if latin1 else widened)
            return widened
        except re2.error:
            if widened == own:
                raise
        prefilter.Add(_latin1_source(own, codes) if latin1 else own)
        return own

    sets, twins = [], []
    for latin1 in (True, False):
        group = [i for i, member in enumerate(members) if member is not None and member[1] == latin1]
        group_triggers = [t for t in trigger_members if t[2] == latin1]
        count = max(-(-len(group) // _RULES_PER_SET), 1 if group_triggers else 0)
        for first in range(count):  # round robin, so rules of one category spread over the sets
            indices = tuple(group[first::count])
            prefilter = _new_set(latin1)
            added = [add(prefilter, members[index][0], latin1) for index in indices]
            triggered = {}
            if first == count - 1:  # the triggers ride along in the last set, so they cost no scan of their own
                for rule_index, pair, _ in group_triggers:
                    triggered[len(indices) + len(triggered)] = rule_index
                    added.append(add(prefilter, pair, latin1))
            prefilter.Compile()
            sets.append((prefilter, indices, triggered))
            twins.append(_Utf8Twin(added) if latin1 else None)
    return sets, twins


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    _pattern_rules: tuple[Rule, ...] = ()
    # (RE2 set, the indices in _pattern_rules of its first patterns, {index in the set: index in
    # `rules`} of the check triggers it holds after them): one scan answers both questions.
    _sets: tuple = ()
    _gated: frozenset = frozenset()  # indices in `rules` of the check rules with a trigger
    # For each set: None for a UTF-8 set; for a Latin-1 set, its UTF-8 twin.
    _twins: tuple = ()
    # the C1 code of each character above U+00FF that the Latin-1 sets name
    _codes: dict = field(default_factory=dict, hash=False, compare=False)
    # The Hyperscan databases (None without Hyperscan): when they are compiled they answer for their
    # members, and only the others go through RE2 sets (`_remaining_sets`).
    _hyperscan: object = field(default=None, hash=False, compare=False)
    _members: tuple = field(default=((), ()), hash=False, compare=False)  # what `of` built the sets from
    _remaining: dict = field(default_factory=dict, hash=False, compare=False)
    # (index in `rules`, rule) of each check rule: the few a draft may run, without a walk over every rule
    _check_rules: tuple = field(default=(), hash=False, compare=False)

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> "RuleSet":
        rules = tuple(rules)
        pattern_rules = tuple(r for r in rules if r.regex is not None)
        codes: dict[str, str] = {}
        # ((widened source, own source), is Latin-1 ready) of each pattern rule; a trigger is its own
        # source twice (never widened)
        widened = [prefilter_pattern(rule.pattern_source) for rule in pattern_rules]
        members = [(pair, _latin1_source(pair[0], codes) is not None) for pair in map(_set_sources, pattern_rules, widened)]
        triggers = [(i, "(?i:" + rule.trigger + ")") for i, rule in enumerate(rules) if rule.check and rule.trigger]
        trigger_members = [(i, (source, source), _latin1_source(source, codes) is not None) for i, source in triggers]
        sets, twins = _build_sets(members, trigger_members, codes)
        accelerated = None
        if hyperscan_prefilter.available():
            # member ids: the pattern rules' indices, then len(pattern_rules) + each trigger's position
            latin1 = lambda source: _latin1_source(source, codes)  # noqa: E731
            accelerated = hyperscan_prefilter.HyperscanPrefilter(
                [(rule.id, hyperscan_prefilter.expressions(source, not rule.definition.get("case_sensitive"), latin1) if ready else None)
                 for rule, source, (_, ready) in zip(pattern_rules, widened, members)]
                + [(rules[i].id, hyperscan_prefilter.expressions(rules[i].trigger, True, latin1) if ready else None)
                   for i, _, ready in trigger_members])
        return cls(rules, pattern_rules, tuple(sets), frozenset(i for i, _ in triggers), tuple(twins), codes,
                   accelerated, (members, trigger_members), _check_rules=tuple((i, r) for i, r in enumerate(rules) if r.check))

    def compile_prefilter(self) -> float:
        """Compile (and cache on disk) the Hyperscan databases the cache does not hold yet: seconds spent.
        Until then (and without Hyperscan installed) the RE2 sets do all the prefiltering."""
        return self._hyperscan.compile() if self._hyperscan is not None else 0.0

    def _remaining_sets(self, covered: frozenset) -> tuple[tuple, tuple]:
        """RE2 sets (and their twins) of the members the Hyperscan databases do not cover."""
        if covered not in self._remaining:
            members, trigger_members = self._members
            count = len(members)
            kept = [(pair, ready) if i not in covered else None for i, (pair, ready) in enumerate(members)]
            kept_triggers = [t for k, t in enumerate(trigger_members) if count + k not in covered]
            self._remaining[covered] = _build_sets(kept, kept_triggers, self._codes)
        return self._remaining[covered]

    def _latin1(self, text: str, utf8: bytes | None = None) -> bytes | None:
        """The new text as the Latin-1 sets read it (see `_latin1_source`): one byte per character,
        a character above U+00FF as its C1 code or the placeholder U+0080, a C1 character as the
        placeholder too; None when a character in it folds into ASCII under RE2's case-insensitive
        matching (K, ſ), which only the UTF-8 twins match as the rules' own regexes do. `utf8`: the
        text in UTF-8, if the caller has it."""
        if text.isascii():
            return text.encode("ascii")
        utf8 = text.encode("utf-8") if utf8 is None else utf8
        if b"\xc2" in utf8 and _C1_IN_UTF8.search(utf8):
            return self._latin1_by_character(text)
        # Without a C1 control every character up to U+00FF is its own byte, and the codec hands
        # the few above it (dashes, emoji) to `_beyond_latin1`: 3 µs a 1,500-character draft,
        # against 18 for a regex callback on every character beyond ASCII.
        _READING.codes, _READING.folds_into_ascii = self._codes, False
        data = text.encode("latin-1", "tact-latin1")
        return None if _READING.folds_into_ascii else data

    def _latin1_by_character(self, text: str) -> bytes | None:
        """`_latin1` character by character (a text holding a C1 control, which reads as the placeholder)."""
        if FOLDS_INTO_ASCII.search(text):
            return None
        codes = self._codes

        def byte(match: re.Match) -> str:
            char = match.group()
            return codes.get(char) or (char if "\xa0" <= char <= "\xff" else _C1_PLACEHOLDER)
        return _NON_ASCII.sub(byte, text).encode("latin-1")

    def _scan(self, draft: Draft) -> tuple[list[int], set[int]]:
        """One pass of the sets over the new text, once per draft: the candidates (see `candidates`)
        and the indices in `rules` of the check rules whose trigger matched."""
        def scan(draft: Draft) -> tuple[list[int], set[int]]:
            candidates, fired = [], set()
            if draft.new_ranges:
                text = draft.new_text
                utf8 = text.encode("utf-8")  # once, not once per set as google-re2 would
                latin1 = self._latin1(text, utf8) if any(self._twins) else None
                sets, twins = self._sets, self._twins
                if self._hyperscan is not None and latin1 is not None:
                    found, covered = self._hyperscan.scan(latin1)
                    if covered:
                        count, trigger_rules = len(self._pattern_rules), self._members[1]
                        for member in found:
                            if member < count:
                                candidates.append(member)
                            else:
                                fired.add(trigger_rules[member - count][0])
                        sets, twins = self._remaining_sets(covered)
                for (prefilter, indices, triggered), twin in zip(sets, twins):
                    if twin is None:
                        found = prefilter.Match(utf8)
                    else:
                        found = prefilter.Match(latin1) if latin1 is not None else twin.Match(utf8)
                    for i in found or ():
                        if i < len(indices):
                            candidates.append(indices[i])
                        else:
                            fired.add(triggered[i])
            return sorted(candidates), fired
        return draft.memo(f"ruleset.scan.{id(self)}", scan)

    def candidates(self, draft: Draft) -> list[int]:
        """Indices in `_pattern_rules`, in order, of every rule whose pattern matches somewhere in the new
        text (and, rarely, of one whose widened prefilter pattern matches where its own does not)."""
        return self._scan(draft)[0]

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def only(self, keep) -> "RuleSet":
        return RuleSet.of(r for r in self.rules if keep(r))

    def checks(self, draft: Draft) -> list[Rule]:
        """The check rules to run on `draft`, in order: those without a trigger, and those whose
        trigger matches somewhere in the new text (read from the same set scan as the candidates)."""
        gated = self._gated
        fired = self._scan(draft)[1] if gated else set()
        return [rule for i, rule in self._check_rules if i not in gated or i in fired]

    def findings(self, draft: Draft) -> Iterator[Finding]:
        candidates = self.candidates(draft)
        if candidates:
            facts = DraftFacts(draft)
            for index in candidates:
                yield from _pattern_findings(self._pattern_rules[index], draft, facts)
        for rule in self.checks(draft):
            for hit in PYTHON_CHECKS[rule.check](draft, rule):
                yield _finding(rule, draft, hit)


def _finding(rule: Rule, draft: Draft, hit: Hit, groups: tuple = ()) -> Finding:
    matched = draft.text[hit.start:hit.end]
    values = {"match": matched, **{str(i): g or "" for i, g in enumerate(groups, 1)}, **hit.values}
    replacements = tuple(dict.fromkeys(
        r for r in (*hit.replacements, *(fill(t, values) for t in rule.replacements)) if r != matched
    ))
    return Finding(
        start=hit.start,
        end=hit.end,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=hit.message or fill(rule.message, values),
        explanation=fill(rule.explanation, values),
        replacements=replacements,
    )


def _pattern_findings(rule: Rule, draft: Draft, facts: DraftFacts) -> Iterator[Finding]:
    when, when_regex = rule.when, rule.when_regex
    if "draft_matches" in when_regex and not when_regex["draft_matches"].search(draft.new_text):
        return
    if "draft_not_matches" in when_regex and when_regex["draft_not_matches"].search(draft.new_text):
        return
    hits = []
    text = draft.folded
    not_in_quotes = when.get("not_in_quotes")
    # Groups only fill `{1}`-style placeholders: a rule without one has no capturing group (`build_rule`).
    templated = rule.regex.groups > 0
    for range_start, range_end in draft.new_ranges:
        for match in rule.regex.finditer(text, range_start, range_end):
            start, end = match.span()
            if end == start:
                continue
            sentence = draft.sentence_at(start)
            if sentence is not None and not sentence_ok(when, when_regex, sentence, start):
                continue
            if not_in_quotes and facts.inside_quotation(start, end):
                continue
            if any(facts.near(n, start, end) == n.negate for n in rule.near):
                continue
            hits.append((Hit(start, end), match.groups() if templated else ()))
    if len(hits) < when.get("min_count", 1):
        return
    for hit, groups in hits:
        yield _finding(rule, draft, hit, groups)


def load_rules(paths: Iterable[str | Path]) -> list[Rule]:
    """Load and validate every rule in the given packs; PackError lists every problem with file and line."""
    rules, problems, seen = [], [], {}
    for path in paths:
        try:
            files = pack_files(path)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for file in files:
            try:
                raw_rules = parse_yaml(file.read_text(encoding="utf-8"), str(file))
            except (PackError, UnicodeDecodeError, OSError) as exc:
                problems.extend(exc.problems if isinstance(exc, PackError) else [RuleProblem(str(file), 0, "", f"cannot read: {exc}")])
                continue
            for raw in raw_rules:
                try:
                    rule = build_rule(raw, str(file))
                except RuleInvalid as exc:
                    problems.extend(exc.problems)
                    continue
                if rule.id in seen:
                    problems.append(RuleProblem(rule.file, rule.line, rule.id, f"duplicate rule id (first defined at {seen[rule.id]})"))
                    continue
                seen[rule.id] = f"{rule.file}:{rule.line}"
                rules.append(rule)
    if problems:
        raise PackError(problems)
    return rules
