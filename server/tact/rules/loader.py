"""Read rule packs (directories of YAML files) keeping each rule's file and line for error messages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.rule + ': ' if self.rule else ''}{self.message}"


class PackError(Exception):
    """A pack that cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class LineDict(dict):
    """A mapping that remembers the YAML line it started on (1-based)."""

    line = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")}
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def parse_yaml(text: str, file: str) -> list[LineDict]:
    """The `rules:` list of one YAML document, each rule a LineDict; PackError if it is not one."""
    try:
        doc = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError([RuleProblem(file, line, "", f"YAML syntax error: {problem}")]) from None
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        line = getattr(doc, "line", 1)
        raise PackError([RuleProblem(file, line, "", "a rule file is a mapping with a `rules:` list")])
    unknown = sorted(set(doc) - {"rules"})
    if unknown:
        raise PackError([RuleProblem(file, doc.key_lines.get(unknown[0], doc.line), "", f"unknown top-level key {unknown[0]!r}")])
    return doc["rules"]


def pack_files(path: str | Path) -> list[Path]:
    """The YAML files of a pack: a directory (searched recursively) or a single file."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise PackError([RuleProblem(str(path), 0, "", "no such rule pack (not a file or directory)")])
    return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
