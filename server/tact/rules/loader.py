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
    key: str = ""  # the rule key at fault, when one is (lets an editor point at the field)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.rule + ': ' if self.rule else ''}{self.message}"

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line or None, "rule": self.rule or None,
                "key": self.key or None, "message": self.message}


class PackError(Exception):
    """A pack that cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class LineDict(dict):
    """A mapping that remembers the YAML line it started on (1-based)."""

    line = 0
    key_lines: dict


# libyaml's parser when PyYAML has it (several times faster on a large pack); same marks, same constructor.
_FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineMappings:
    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = getattr(key_node, "value", None)
            if isinstance(key, str) and key in seen:
                # PyYAML keeps the last value silently; a rule with two `pattern:` keys is a mistake.
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first at line {seen[key]})", key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {k: line for k, line in seen.items() if isinstance(k, str)}
        return mapping


class _LineLoader(_LineMappings, _FastSafeLoader):
    pass


class _NoAliasLoader(_LineMappings, yaml.SafeLoader):
    """For YAML from the network: aliases can expand a small document into a huge one."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed here",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


for _loader in (_LineLoader, _NoAliasLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _loader.construct_mapping)


def parse_yaml(text: str, file: str, allow_aliases: bool = True) -> list[LineDict]:
    """The `rules:` list of one YAML document, each rule a LineDict; PackError if it is not one."""
    try:
        doc = yaml.load(text, Loader=_LineLoader if allow_aliases else _NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError([RuleProblem(file, line, "", f"YAML syntax error: {problem}")]) from None
    except RecursionError:
        raise PackError([RuleProblem(file, 0, "", "YAML nested too deeply")]) from None
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        line = getattr(doc, "line", 1)
        raise PackError([RuleProblem(file, line, "", "a rule file is a mapping with a `rules:` list")])
    unknown = sorted(set(doc) - {"rules"}, key=str)
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
