"""Compose-body HTML to normalized text with an exact map back into the HTML source.

Uses the standard library's HTML tokenizer (a real parser, tolerant of broken
markup). Block elements and <br> become line breaks, runs of white space
collapse to one space as a browser renders them, entities become their
characters, and quote/signature containers (Gmail, Outlook, Apple Mail,
Thunderbird, Yahoo) are recorded as regions.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser, charref, entityref

from .source import Region, Source

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIP_TAGS = frozenset(("script", "style", "head", "title", "template", "noscript"))
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "outlookmessageheader")
# Outlook puts the reply header in one of these and the old message after it, unnested.
QUOTE_FROM_HERE_IDS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container")
SIGNATURE_CLASSES = ("gmail_signature", "moz-signature")
_WHITESPACE = " \t\n\r\f"
_RUNS = re.compile(f"[{_WHITESPACE}]+|[^{_WHITESPACE}]+")
_NEWLINE = re.compile("\n")


def _kind_of(tag: str, attrs: dict) -> str | None:
    classes = (attrs.get("class") or "").lower()
    if any(c in classes for c in QUOTE_CLASSES):
        return "quote"
    if tag == "blockquote" and (attrs.get("type") or "").lower() == "cite":
        return "quote"
    if any(c in classes for c in SIGNATURE_CLASSES):
        return "signature"
    return None


class _Normalizer(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.out: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        # (tag, region kind in force inside it): the kind is inherited so looking it up is O(1)
        # however deep the nesting; `open_tags` makes a stray end tag O(1) too.
        self.stack: list[tuple[str, str | None]] = []
        self.open_tags: Counter[str] = Counter()
        self.skip_depth = 0
        self.pre_depth = 0
        self.quote_from_here = False
        self.region_marks: list[tuple[int, str | None]] = []  # (text position, kind in force from there)

    # --- positions -----------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _kind(self) -> str | None:
        if self.quote_from_here:
            return "quote"
        return self.stack[-1][1] if self.stack else None

    def _mark_kind(self):
        kind = self._kind()
        if not self.region_marks or self.region_marks[-1][1] != kind:
            self.region_marks.append((len(self.out), kind))

    def _emit(self, ch: str, start: int, end: int):
        self.out.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def _break(self, start: int, end: int, force: bool = False):
        if force or (self.out and self.out[-1] != "\n"):
            self._mark_kind()
            self._emit("\n", start, end)

    # --- parser callbacks ----------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self._pos()
        end = start + len(self.get_starttag_text() or "")
        if tag in SKIP_TAGS:
            self.skip_depth += 1
            return
        attr = {k.lower(): (v or "") for k, v in attrs}
        if (attr.get("id") or "").lower() in QUOTE_FROM_HERE_IDS:
            self.quote_from_here = True
        if tag == "br":
            self._break(start, end, force=True)
            return
        if tag in BLOCK_TAGS:
            self._break(start, end)
        if tag == "pre":
            self.pre_depth += 1
        if tag not in VOID_TAGS:
            self.stack.append((tag, _kind_of(tag, attr) or self._inherited_kind()))
            self.open_tags[tag] += 1

    def _inherited_kind(self) -> str | None:
        return self.stack[-1][1] if self.stack else None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1][0] == tag:
            self._close_from(len(self.stack) - 1)

    def _close_from(self, index: int):
        for closed, _ in self.stack[index:]:
            self.open_tags[closed] -= 1
        del self.stack[index:]

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        start = self._pos()
        end = self.source.find(">", start) + 1 or len(self.source)
        if tag in BLOCK_TAGS:
            self._break(start, end)
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if self.open_tags[tag] > 0:
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    self._close_from(i)
                    break

    def handle_data(self, data):
        self._data(data, self._pos())

    def _data(self, data: str, base: int):
        if self.skip_depth:
            return
        self._mark_kind()
        if self.pre_depth:
            self._emit_run(data, base)
            return
        for run in _RUNS.finditer(data):  # a run of white space shows as one space, none after a break
            start = base + run.start()
            if run.group()[0] not in _WHITESPACE:
                self._emit_run(run.group(), start)
            elif self.out and self.out[-1] not in " \n":
                self._emit(" ", start, start + 1)

    def _emit_run(self, chars: str, start: int):
        """Emit `chars`, each mapped to its own character in the source from `start` on."""
        self.out += chars
        self.starts += range(start, start + len(chars))
        self.ends += range(start + 1, start + len(chars) + 1)

    def _reference(self, raw: str, start: int | None = None):
        if self.skip_depth:
            return
        self._mark_kind()
        start = self._pos() if start is None else start
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        value = html.unescape(raw + ";")
        if value == raw + ";":  # not a known reference: keep it as written
            value = self.source[start:end]
        for ch in value:
            self._emit(ch, start, end)

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def text_tail(self, start: int):
        """Markup after the last ">": no tag, comment or declaration can end there, so it is text
        and character references. (html.parser would retry a construct at every "<" and rescan to
        the end each time: quadratic on "<a<a<a…" or "<!--<!--…".)"""
        source, pos = self.source, start
        while pos < len(source):
            amp = source.find("&", pos)
            if amp < 0:
                amp = len(source)
            if amp > pos:
                self._data(source[pos:amp], pos)
            if amp == len(source):
                return
            ref = charref.match(source, amp) or entityref.match(source, amp)
            if ref is None:
                self._data("&", amp)
                pos = amp + 1
                continue
            raw = ref.group()[:-1]  # as html.parser: the match ends with the character after the name
            self._reference(raw, amp)
            pos = amp + len(raw) + (1 if source.startswith(";", amp + len(raw)) else 0)

    def regions(self) -> list[Region]:
        marks = self.region_marks + [(len(self.out), None)]
        found = []
        for (pos, kind), (next_pos, _) in zip(marks, marks[1:]):
            if kind and next_pos > pos:
                if found and found[-1].kind == kind and found[-1].end == pos:
                    found[-1] = Region(found[-1].start, next_pos, kind)
                else:
                    found.append(Region(pos, next_pos, kind))
        return found


def html_source(markup: str) -> Source:
    parser = _Normalizer(markup)
    tail = markup.rfind(">") + 1
    parser.feed(markup[:tail])
    parser.close()
    parser.text_tail(tail)
    # Trailing separators carry no text worth keeping.
    while parser.out and parser.out[-1] in " \n":
        parser.out.pop()
        parser.starts.pop()
        parser.ends.pop()
    text = "".join(parser.out)
    regions = [Region(r.start, min(r.end, len(text)), r.kind) for r in parser.regions() if r.start < len(text)]
    return Source(original=markup, text=text, starts=parser.starts, ends=parser.ends, regions=regions)
