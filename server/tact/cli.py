"""The `tact` command: serve, check, eval, rules test, rules lint, rules compile."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

EXIT_CLEAN, EXIT_ISSUES, EXIT_USAGE = 0, 1, 2


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def cmd_check(args) -> int:
    from .request import InputError, parse_check
    from .service import Service, Settings

    try:
        draft = _read(args.file)
        quoted = _read(args.quoted) if args.quoted else None
    except (OSError, UnicodeDecodeError) as exc:
        print(f"tact check: cannot read input: {exc}", file=sys.stderr)
        return EXIT_USAGE
    body = {"html" if args.html else "text": draft, "context": {
        "sender_timezone": args.sender_tz, "recipient_timezone": args.recipient_tz,
        "sent_at": args.sent_at or dt.datetime.now(dt.timezone.utc).isoformat(), "quoted": quoted}}
    if args.categories:
        body["categories"] = args.categories.split(",")
    try:
        request = parse_check(body)
        service = Service(Settings.from_env())
    except InputError as exc:
        print(f"tact check: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    result = service.check(request, service.ruleset)
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_text(draft, result, args.file)
    return EXIT_ISSUES if result.issues else EXIT_CLEAN


def _print_text(draft: str, result, name: str) -> None:
    line_starts = [0] + [i + 1 for i, ch in enumerate(draft) if ch == "\n"]
    import bisect

    for issue in result.issues:
        line = bisect.bisect_right(line_starts, issue.offset)
        col = issue.offset - line_starts[line - 1] + 1
        print(f"{name if name != '-' else '<stdin>'}:{line}:{col}: {issue.severity}: {issue.message} [{issue.rule}]")
        print(f"    {issue.text}")
        if issue.replacements:
            print(f"    try: {issue.replacements[0]}")
    stats = result.stats
    count = len(result.issues)
    print(f"{count} issue{'s' if count != 1 else ''} · {stats['words']} words · reading grade {stats['reading_grade']}")


def _pack_paths(args) -> list[str]:
    from .rules.ruleset import BUILTIN_RULES

    return ([] if args.no_builtin else [str(BUILTIN_RULES)]) + list(args.paths)


def cmd_rules_lint(args) -> int:
    from . import checks  # noqa: F401
    from .rules.loader import PackError
    from .rules.ruleset import load_rules

    try:
        rules = load_rules(_pack_paths(args))
    except PackError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} found", file=sys.stderr)
        return EXIT_ISSUES
    print(f"{len(rules)} rules OK")
    return EXIT_CLEAN


def cmd_rules_test(args) -> int:
    from . import checks  # noqa: F401
    from .rules.examples import run_examples
    from .rules.loader import PackError
    from .rules.ruleset import load_rules

    try:
        rules = load_rules(_pack_paths(args))
    except PackError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ISSUES
    count, failures = run_examples(rules)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return EXIT_ISSUES if failures else EXIT_CLEAN


def cmd_rules_compile(args) -> int:
    from . import checks  # noqa: F401
    from .rules import hyperscan_prefilter, prefilter_cache
    from .rules.loader import PackError
    from .rules.ruleset import RuleSet, load_rules
    from .service import Settings
    from .teams import load_teams

    if not hyperscan_prefilter.available():
        print("hyperscan is not installed (or fails its self-test): the RE2 sets prefilter, nothing to compile")
        return EXIT_CLEAN
    try:
        if args.paths or args.no_builtin:
            rulesets = [RuleSet.of(load_rules(_pack_paths(args)))]
        else:  # what `tact serve` will hold: the library in TACT_RULES_DIR and every team's rules in TACT_CONFIG
            settings = Settings.from_env()
            teams = load_teams(settings.rules_dir, settings.config)
            rulesets = list({id(r): r for r in (teams.builtin, *(team.ruleset for team in teams.teams))}.values())
    except PackError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ISSUES
    for ruleset in rulesets:
        seconds = ruleset.compile_prefilter()
        accelerated = ruleset._hyperscan
        print(f"{len(ruleset.rules)} rules: {len(accelerated.covered)} prefilter members on Hyperscan"
              f" ({'compiled in %.1f s' % seconds if seconds else 'all in the cache'}), the rest on RE2 sets")
    print(f"cache: {prefilter_cache.cache_dir()}")
    return EXIT_CLEAN


def cmd_eval(args) -> int:
    from .evaluation import GRADED, evaluate, read_jsonl
    from .service import Service, Settings

    try:
        items = read_jsonl(args.file)
    except (OSError, ValueError, KeyError) as exc:
        print(f"tact eval: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    service = Service(Settings.from_env())
    categories = args.categories.split(",") if args.categories else GRADED
    report = evaluate(items, service.ruleset, categories)
    print("\n".join(report.lines(verbose=args.verbose)))
    return EXIT_CLEAN


def cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.host, args.port, args.workers)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tact", description="Compose-time linter for client email.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP server (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8787)
    serve.add_argument("--workers", type=int, default=2)
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="check a draft; exit 0 clean, 1 issues, 2 bad input")
    check.add_argument("file", nargs="?", default="-", help="draft file, or - for stdin (default)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--html", action="store_true", help="the draft is compose-body HTML")
    check.add_argument("--sender-tz", help="IANA timezone of the sender")
    check.add_argument("--recipient-tz", help="IANA timezone of the recipient")
    check.add_argument("--sent-at", help="ISO 8601 time the email is sent (default: now)")
    check.add_argument("--quoted", help="file holding the quoted thread")
    check.add_argument("--categories", help="comma-separated categories to check (default: all)")
    check.set_defaults(func=cmd_check)

    evaluate = sub.add_parser("eval", help="precision/recall/F1 per category on a labeled JSONL set")
    evaluate.add_argument("file", help="JSONL in the schema of shared/eval/README.md")
    evaluate.add_argument("--categories", help="comma-separated categories (default: the graded ones)")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    evaluate.set_defaults(func=cmd_eval)

    rules = sub.add_parser("rules", help="rule packs")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True)
    for name, func, text in (("test", cmd_rules_test, "run every rule's flag/pass examples"),
                             ("lint", cmd_rules_lint, "validate rule packs"),
                             ("compile", cmd_rules_compile, "compile the prefilter's Hyperscan databases into the cache "
                                                            "(default: what `tact serve` loads)")):
        p = rules_sub.add_parser(name, help=text)
        p.add_argument("paths", nargs="*", help="rule pack directories or YAML files (the built-in library is included)")
        p.add_argument("--no-builtin", action="store_true", help="leave out the built-in library")
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_CLEAN
    try:
        return args.func(args)
    except BrokenPipeError:  # the reader went away (`tact check ... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
