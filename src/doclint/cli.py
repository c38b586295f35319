"""The command line: a thin layer over the engine, the fixer and the formatters."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from doclint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="doclint", description="Lint Docusaurus documentation series.")
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files and folders (default: .)")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")])
    check.add_argument("--select", type=_codes, help="rules to run (codes, prefixes, names, families; ALL)")
    check.add_argument("--ignore", type=_codes, default=[], help="rules to skip")
    check.add_argument("--extend-select", type=_codes, default=[], help="rules to add to the selection")
    check.add_argument(
        "--output-format", choices=("text", "concise", "json", "sarif", "github", "junit"), default="text"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--show-fixes", action="store_true", help="describe the fix of each diagnostic")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run"
    )
    check.add_argument("--statistics", action="store_true", help="count diagnostics per rule")
    check.add_argument("--config", type=Path, help="configuration file (default: found upwards)")
    check.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only")
    check.add_argument(
        "--check-external", action="store_true", help="also request external URLs (LNK006; cached on disk)"
    )
    check.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    check.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    format_command = commands.add_parser(
        "format", help="format with mdformat, keeping Docusaurus syntax intact"
    )
    format_command.add_argument("paths", nargs="*", type=Path, default=[Path(".")])
    format_command.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    format_command.add_argument(
        "--diff", action="store_true", help="print the changes as a unified diff; write nothing"
    )
    format_command.add_argument("--config", type=Path, help="configuration file (default: found upwards)")

    clean = commands.add_parser("clean", help="remove the result cache")
    clean.add_argument("paths", nargs="*", type=Path, default=[Path(".")])
    rules = commands.add_parser("rules", help="list every rule, with the project's rule packs")
    rules.add_argument("--config", type=Path, help="configuration file (default: found upwards from .)")
    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    rule.add_argument("--config", type=Path, help="configuration file (default: found upwards from .)")
    return parser


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def run() -> int:
    """The ``doclint`` command (a process of its own, unlike callers of ``main``).

    Parsing allocates millions of short-lived objects that reference counting already frees; with the
    default thresholds the cycle collector would also sweep them, and everything imported, again and
    again. A lint process is short: it collects seldom.
    """
    gc.set_threshold(50_000, 20, 20)
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    debug = arguments.debug
    try:
        if arguments.command == "check":
            return _check(arguments)
        if arguments.command == "format":
            return _format(arguments)
        if arguments.command == "rules":
            return _list_rules(arguments.config)
        if arguments.command == "clean":
            return _clean(arguments.paths)
        if arguments.command == "rule":
            return _show_rule(arguments.code, arguments.config)
        parser.print_help()
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `doclint check | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # every failure is one clear line; --debug shows the traceback
        if debug:
            raise
        print(f"doclint: error: {_describe(error)}", file=sys.stderr)
        return EXIT_ERROR


def _describe(error: Exception) -> str:
    from doclint.config import ConfigError
    from doclint.rules import RuleRegistryError
    from doclint.selection import SelectorError

    if isinstance(error, (ConfigError, SelectorError, RuleRegistryError)):
        return str(error)
    return f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback)"


def _check(arguments: argparse.Namespace) -> int:
    from doclint.config import load_config
    from doclint.diagnostics import Severity

    for path in arguments.paths:
        if not path.exists():
            print(f"doclint: error: {path}: no such file or directory", file=sys.stderr)
            return EXIT_ERROR
    config = load_config(arguments.paths, arguments.config)
    if arguments.check_external:
        options = {
            **config.rule_options,
            "LNK006": {**config.rule_options.get("LNK006", {}), "check_external": True},
        }
        config = config.with_overrides(rule_options=options, extend_select=(*config.extend_select, "LNK006"))
    selection = (arguments.select, arguments.ignore, arguments.extend_select)
    from doclint.runcache import answers_from_files

    cacheable = not (arguments.no_cache or arguments.fix or arguments.diff) and answers_from_files(config)
    # the key is taken before the run: a file edited while doclint reads it then never matches stale results
    content_digests: dict[Path, bytes] = {}  # of the files the run key read: the run does not read them again
    run_key, result = (
        _cached_run(config, arguments.paths, selection, content_digests) if cacheable else (None, None)
    )
    rules = None
    if result is None:
        from doclint.engine import Linter

        linter = Linter(
            config,
            select=tuple(arguments.select) if arguments.select else None,
            ignore=tuple(arguments.ignore),
            extend_select=tuple(arguments.extend_select),
            jobs=arguments.jobs,
            use_cache=not arguments.no_cache,
        )
        rules = linter.available
        if arguments.fix or arguments.diff:
            result = _run_fixes(linter, arguments)
        else:
            result = linter.run(arguments.paths, content_digests=content_digests)
            if run_key is not None and not result.internal_errors:
                from doclint import runcache

                runcache.store(config, run_key, result.diagnostics, result.file_count)
    _report(result, arguments, rules, config)
    if result.internal_errors:
        if arguments.debug:
            for detail in result.internal_errors:
                print(detail, file=sys.stderr)
        return EXIT_ERROR
    fail_on = Severity(arguments.fail_on) if arguments.fail_on else config.fail_on
    failing = [d for d in result.diagnostics if d.severity.rank >= fail_on.rank]
    if arguments.diff:
        return EXIT_CLEAN
    return EXIT_FINDINGS if failing and not arguments.exit_zero else EXIT_CLEAN


def _cached_run(config, paths: list[Path], selection: tuple[object, ...], content_digests: dict[Path, bytes]):  # type: ignore[no-untyped-def]
    """The run's cache key, and the result of an identical earlier run (same files, configuration, rules)
    or None; fills ``content_digests`` with the digest of each file read for the key."""
    from doclint import runcache
    from doclint.result import LintResult

    key = runcache.run_key(config, paths, selection, content_digests)
    cached = runcache.load(config, key)
    if cached is None:
        return key, None
    diagnostics, file_count = cached
    return key, LintResult(diagnostics, [], cached_file_count=file_count)


def _run_fixes(linter, arguments: argparse.Namespace):  # type: ignore[no-untyped-def]
    from doclint.fixes import FileChangedError, run_fixes, write_atomically

    outcome, result = run_fixes(linter, arguments.paths, arguments.unsafe_fixes)
    display = {document.path: document.display_path for document in result.documents.values()}
    for reason in outcome.refused:
        print(f"doclint: {reason}", file=sys.stderr)
    if arguments.diff:
        sys.stdout.write(outcome.diff(display))
        return result
    for path, (before, after) in outcome.changed.items():
        try:
            write_atomically(path, after, before)
        except (FileChangedError, OSError) as error:
            print(f"doclint: {display.get(path, path)}: not fixed: {error}", file=sys.stderr)
    if not arguments.quiet and outcome.applied:
        total = sum(outcome.applied.values())
        print(
            f"Fixed {total} problem{'s' if total != 1 else ''} in {len(outcome.changed)} file(s).",
            file=sys.stderr,
        )
    return result


def _format(arguments: argparse.Namespace) -> int:
    from doclint.config import load_config

    try:
        import mdformat  # noqa: F401
    except ImportError:
        print(
            "doclint: error: `doclint format` needs mdformat: pip install 'doclint[format]'", file=sys.stderr
        )
        return EXIT_ERROR
    from doclint.fixes import FixOutcome
    from doclint.formatting import format_paths, write

    for path in arguments.paths:
        if not path.exists():
            print(f"doclint: error: {path}: no such file or directory", file=sys.stderr)
            return EXIT_ERROR
    outcome = format_paths(load_config(arguments.paths, arguments.config), arguments.paths)
    for reason in outcome.refused:
        print(f"doclint: {reason}", file=sys.stderr)
    if arguments.diff:
        sys.stdout.write(FixOutcome(changed=outcome.changed).diff({}))
    elif arguments.check:
        for path in sorted(outcome.changed):
            print(f"Would reformat: {path}")
    else:
        for problem in write(outcome):
            print(f"doclint: {problem}", file=sys.stderr)
    verb = "would be reformatted" if arguments.check or arguments.diff else "reformatted"
    print(f"{len(outcome.changed)} of {outcome.checked} file(s) {verb}.", file=sys.stderr)
    # a file refused by the render check is reported but left as it is: it never "would change"
    return EXIT_FINDINGS if outcome.changed and (arguments.check or arguments.diff) else EXIT_CLEAN


def _report(result, arguments: argparse.Namespace, rules, config) -> None:  # type: ignore[no-untyped-def]
    from doclint.output import formatter
    from doclint.output.text import format_text, statistics, summary

    diagnostics = result.diagnostics
    if arguments.diff:
        return
    if arguments.statistics:
        sys.stdout.write(statistics(diagnostics))
        return
    if arguments.output_format in ("text", "concise"):
        interactive = sys.stdout.isatty() and arguments.output_format == "text"
        color = interactive and "NO_COLOR" not in os.environ
        lines = _line_lookup(result) if interactive else None
        sys.stdout.write(format_text(diagnostics, lines, color=color, show_fixes=arguments.show_fixes))
        if not arguments.quiet:
            safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.safety == "safe")
            unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.safety == "unsafe")
            sys.stdout.write(summary(diagnostics, result.file_count, safe, unsafe))
        return
    if arguments.output_format == "sarif":
        from doclint.output.sarif import format_sarif

        if rules is None:  # answered from the run cache: list the project's rules without running them
            from doclint.packs import available_rules, load_packs

            rules = available_rules(load_packs(config.rule_packs, config.root))
        sys.stdout.write(format_sarif(diagnostics, rules))  # the rule list includes the project's packs
        return
    sys.stdout.write(formatter(arguments.output_format)(diagnostics))


def _line_lookup(result):  # type: ignore[no-untyped-def]
    by_display = {document.display_path: document for document in result.documents.values()}
    read: dict[str, list[str]] = {}

    def lookup(path: str, line: int) -> str | None:
        document = by_display.get(path)
        if document is not None:
            return document.line(line)
        if path not in read:  # only fixing runs keep their documents: read the file, once
            try:
                read[path] = Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
            except OSError:
                read[path] = []
        lines = read[path]
        return lines[line - 1] if 0 < line <= len(lines) else None

    return lookup


def _clean(paths: list[Path]) -> int:
    from doclint.cache import clear
    from doclint.config import load_config

    config = load_config(paths)
    directory = config.root / config.cache_dir
    if not directory.is_dir():
        print(f"No cache at {directory}.")
        return EXIT_CLEAN
    files, size = clear(directory)
    print(f"Removed the cache at {directory} ({files} file{'' if files == 1 else 's'}, {size / 1e6:.1f} MB).")
    return EXIT_CLEAN


def _project_rules(config_path: Path | None):  # type: ignore[no-untyped-def]
    """Built-in and plugin rules plus the checks of the packs the project's configuration names."""
    from doclint.config import load_config
    from doclint.packs import available_rules, load_packs

    config = load_config([Path.cwd()], config_path)
    return available_rules(load_packs(config.rule_packs, config.root))


def _list_rules(config_path: Path | None) -> int:
    rows = [("CODE", "NAME", "SEVERITY", "FIX", "ORIGIN")]
    for rule in _project_rules(config_path):
        rows.append((rule.code, rule.name, rule.severity.value, rule.fix_safety or "-", rule.origin))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return EXIT_CLEAN


def _show_rule(code: str, config_path: Path | None) -> int:
    from doclint.rules import rule_by_code

    rule = rule_by_code(code, _project_rules(config_path))
    if rule is None:
        print(f"doclint: error: no rule {code!r} (see `doclint rules`)", file=sys.stderr)
        return EXIT_ERROR
    fix = f"fix: {rule.fix_safety}" if rule.fix_safety else "no fix"
    print(
        f"{rule.code} ({rule.name}) · family {rule.family} · default severity {rule.severity.value} · {fix} · from {rule.origin}\n"
    )
    print(rule.documentation())
    examples = rule.examples
    for title, items in (("Fails", examples.failing), ("Passes", examples.passing)):
        for example in items:
            for path, text in example.files.items():
                if isinstance(text, str):
                    print(
                        f"\n## {title} ({path}{', ' + example.description if example.description else ''})\n"
                    )
                    print("```markdown\n" + text.rstrip("\n") + "\n```")
    return EXIT_CLEAN
