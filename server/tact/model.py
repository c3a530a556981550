"""The values that flow through Tact: request context, findings from checks, issues for clients."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Optional

CATEGORIES = (
    "condescension",
    "accusatory-question",
    "blame-shifting",
    "timezone",
    "vague-commitment",
    "apology",
    "readability",
    "grammar",
)
# Categories judged by the sentence: however many phrases carry a sentence's tone, it is one problem
# (one issue per sentence and category; see engine.fold_sentences).
TONE_CATEGORIES = frozenset(("condescension", "accusatory-question", "blame-shifting", "vague-commitment", "apology"))
SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Context:
    """What the client told us about the email around the draft. Every field is optional."""

    sender_timezone: Optional[dt.tzinfo] = None
    recipient_timezone: Optional[dt.tzinfo] = None
    sent_at: Optional[dt.datetime] = None  # timezone-aware
    quoted: str = ""  # the quoted thread the client sent separately


@dataclass(frozen=True, init=False)
class Finding:
    """A problem a check found, located in the draft's normalized text (code points)."""

    start: int
    end: int
    rule: str
    category: str
    severity: str
    message: str
    explanation: str = ""
    replacements: tuple[str, ...] = ()

    def __init__(self, start: int, end: int, rule: str, category: str, severity: str, message: str,
                 explanation: str = "", replacements: tuple[str, ...] = ()):
        # Filled at once, as Issue is (a draft makes dozens of findings; still frozen after).
        self.__dict__.update(start=start, end=end, rule=rule, category=category, severity=severity, message=message,
                             explanation=explanation, replacements=replacements)


@dataclass(frozen=True, init=False)
class Issue:
    """A finding located in the string the client sent, ready to serialize."""

    rule: str
    category: str
    severity: str
    message: str
    explanation: str
    offset: int
    length: int
    offset_utf16: int
    length_utf16: int
    text: str
    replacements: tuple[str, ...] = ()
    id: str = field(default="")

    def __init__(self, rule: str, category: str, severity: str, message: str, explanation: str, offset: int,
                 length: int, offset_utf16: int, length_utf16: int, text: str, replacements: tuple[str, ...] = (),
                 id: str = ""):  # noqa: A002 (the field's name)
        # The generated frozen __init__ sets the twelve fields one object.__setattr__ at a time, more than
        # half of an issue's cost: the instance dictionary is filled at once instead (still frozen after).
        if not id:
            key = f"{rule}\x00{text}\x00{offset}".encode("utf-8", "surrogatepass")
            id = hashlib.sha1(key).hexdigest()[:16]
        self.__dict__.update(
            rule=rule, category=category, severity=severity, message=message, explanation=explanation,
            offset=offset, length=length, offset_utf16=offset_utf16, length_utf16=length_utf16, text=text,
            replacements=replacements, id=id)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "explanation": self.explanation,
            "offset": self.offset,
            "length": self.length,
            "offset_utf16": self.offset_utf16,
            "length_utf16": self.length_utf16,
            "text": self.text,
            "replacements": list(self.replacements),
        }
