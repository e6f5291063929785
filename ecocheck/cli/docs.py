"""Docs and users' tools: `explain`, `validate`, `rules docs`, `rules test`.

`explain` and `rules docs` render the same metadata (ecocheck.output.ruledocs); `rules test`
runs the rule-test cases beside rule files (ecocheck.engine.casetest); `validate` is what the
pre-commit hook runs (.pre-commit-hooks.yaml). Heavy imports stay inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import (
    EXIT_INPUT, EXIT_NOT_MET, EXIT_OK, Lang, edition_or_exit, library_or_exit,
    output_or_exit, print_problems, stderr,
)
from ecocheck.cli.helptext import HELP
from ecocheck.cli.options import ARGUMENTS_PANEL, EditionOpt, ForceOpt, LangOpt, RulesOpt


def _complete_indicator(incomplete: str) -> list[str]:
    """Shell completion for `explain`: ids and names of every edition's indicators."""
    from ecocheck.library.loader import load_library

    try:
        library = load_library()
    except Exception:  # completion must never print a traceback into the shell
        return []
    names = {n for e in library.editions.values() for i in e.indicators for n in (i.id, i.name)}
    return sorted(n for n in names if n.startswith(incomplete))


def explain(
    indicator: Annotated[str, typer.Argument(help=HELP["explain.indicator"], show_default=False,
                                             autocompletion=_complete_indicator, rich_help_panel=ARGUMENTS_PANEL)],
    edition: EditionOpt = None,
    lang: Annotated[Lang, typer.Option("--lang", help=HELP["explain.lang"])] = Lang.zh,
    rules: RulesOpt = None,
) -> None:
    from ecocheck.engine.casetest import cases_for, find_item
    from ecocheck.base.names import suggestion
    from ecocheck.base.values import normalize_text
    from ecocheck.output.ruledocs import explain_text, facts

    library = library_or_exit(rules, lang.value)
    ed = edition_or_exit(library, edition)
    key = normalize_text(indicator)
    ind = ed.find(indicator) or ed.find(key)
    note = ""
    if ind is None:
        parents = [(i, find_item(i, key)) for i in ed.indicators if find_item(i, key) is not None]
        if parents:
            ind, item = parents[0]
            note = (f"{item.name} 是 {ind.name} 的分项。\n\n" if lang is Lang.zh
                    else f"{item.name_en} ({item.name}) is a sub-item of {ind.name_en} ({ind.name}).\n\n")
    if ind is None:
        elsewhere = [e.id for e in library.editions.values() if e.id != ed.id and (e.find(indicator) or e.find(key))]
        names = [n for i in ed.indicators for n in (i.id, i.name, *i.aliases, *(x.name for x in i.items))]
        hints = []
        if elsewhere:
            hints.append(f"it is in edition {', '.join(elsewhere)}: add --edition {elsewhere[0]}")
        near = suggestion(key, names)
        if near:
            hints.append(near)
        stderr(f"error: unknown indicator {indicator!r} in edition {ed.id}\n  hint: "
               + ("; ".join(hints) or "`ecocheck rules list` shows every indicator"))
        raise typer.Exit(EXIT_INPUT)
    typer.echo(note + explain_text(facts(ed, ind, cases_for(ed)), lang.value), nl=False)


def validate(
    files: Annotated[list[Path], typer.Argument(help=HELP["arg.submissions"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)],
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from ecocheck.base.errors import InputError, Problem
    from ecocheck.base.messages import Message
    from ecocheck.submission.reader import parse_submission
    from ecocheck.base.yamlsafe import load_file

    library = library_or_exit(rules, lang.value)
    code = EXIT_OK
    for path in files:
        name = str(path)
        try:
            doc = load_file(path, name)
            if not isinstance(doc.data, dict) or not any(k in doc.data for k in ("region", "level", "year")):
                raise InputError([Problem(Message("input.not_submission"), name, 1, 1,
                                          Message("input.not_submission_hint"), code="not-a-submission")])
            submission = parse_submission(doc, library, edition=edition)
        except InputError as err:
            print_problems(err.problems, lang=lang.value)
            code = EXIT_INPUT
            continue
        if submission.warnings:
            print_problems(submission.warnings, warning=True, lang=lang.value)
        typer.echo(f"{name}: ok")
    raise typer.Exit(code)


def rules_docs(
    output: Annotated[Path, typer.Option("--output", "-o", help=HELP["rules.docs.output"])],
    rules: RulesOpt = None,
    check: Annotated[bool, typer.Option("--check", help=HELP["rules.docs.check"])] = False,
    force: ForceOpt = False,
) -> None:
    from ecocheck.engine.casetest import cases_file_for, load_cases
    from ecocheck.base.errors import InputError
    from ecocheck.output.ruledocs import REGENERATE, render_all

    library = library_or_exit(rules)
    cases = {}
    for ed in library.editions.values():
        path = cases_file_for(ed.file)
        if path.exists():
            try:
                cases[ed.id] = load_cases(path, ed)
            except InputError as err:
                stderr("the rule-test cases could not be loaded:")
                print_problems(err.problems)
                raise typer.Exit(EXIT_INPUT)
    command = REGENERATE if rules is None else f"ecocheck rules docs --rules {rules} --output {output}"
    pages = render_all(list(library.editions.values()), library.default_id, cases, command)
    if check:
        stale = [name for name, text in pages.items()
                 if not (output / name).is_file() or (output / name).read_text(encoding="utf-8") != text]
        if stale:
            stderr(f"out of date in {output}: {', '.join(stale)}\n  hint: run `ecocheck rules docs --output {output}`")
            raise typer.Exit(EXIT_NOT_MET)
        typer.echo(f"{output}: {len(pages)} pages up to date")
        raise typer.Exit(EXIT_OK)
    inputs = [f for ed in library.editions.values() for f in (ed.file, cases_file_for(ed.file))]
    targets = {name: output_or_exit(output / name, force, inputs) for name in pages}  # all checked, then written
    for name, text in pages.items():
        targets[name].write(text.encode("utf-8"))
    typer.echo(f"wrote {len(pages)} pages to {output}: {', '.join(pages)}")


def rules_test(
    path: Annotated[Optional[Path], typer.Argument(help=HELP["rules.test.path"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=HELP["rules.test.verbose"])] = False,
    lang: LangOpt = Lang.zh,
) -> None:
    from ecocheck.engine.casetest import run_location, uncovered
    from ecocheck.base import errors
    from ecocheck.base.errors import InputError
    from ecocheck.base.words import STATUS_ZH
    from ecocheck.library.loader import default_rules_dir

    location = _relative(path if path is not None else default_rules_dir())
    try:
        run = run_location(location)
    except InputError as err:
        print_problems(err.problems, lang=lang.value)
        raise typer.Exit(EXIT_INPUT)
    for file_run in run.files:
        print_problems(file_run.problems, lang=lang.value)
        for result in file_run.results:
            print_problems(result.problems, lang=lang.value)
            for d in result.disagreements:
                exp = d.expectation
                typer.echo(f"{d.location()}: case “{d.case.name}”: {d.name} ({exp.target}): expected "
                           f"{STATUS_ZH[exp.status]} ({exp.status}), got {STATUS_ZH[d.got]} ({d.got}) — {d.reason}")
            if verbose and result.passed:
                typer.echo(f"{errors.location(result.case.file, result.case.line)}: case “{result.case.name}”: ok "
                           f"({len(result.case.expect)} expectations)")
    cases_seen = 0
    for file_run in run.files:
        if file_run.edition is None:
            continue
        rule_name = Path(file_run.rule_file).name
        if file_run.cases_file is None:
            typer.echo(f"{rule_name}: no cases — write {Path(file_run.rule_file).stem}.cases.yaml beside it")
            continue
        if file_run.problems:
            typer.echo(f"{rule_name}: the cases in {Path(file_run.cases_file).name} could not be read (errors above)")
            continue
        cases_seen += len(file_run.results)
        disagree = sum(bool(r.disagreements) and not r.problems for r in file_run.results)
        unreadable = sum(bool(r.problems) for r in file_run.results)
        verdict = "; ".join(filter(None, [f"{disagree} disagree" if disagree else "",
                                          f"{unreadable} could not be read" if unreadable else ""])) or "all agree"
        typer.echo(f"{rule_name} (edition {file_run.edition.id}): {len(file_run.results)} cases, "
                   f"{file_run.expectations} expectations — {verdict}")
        if file_run.results:
            gaps = uncovered(file_run.edition, [r.case for r in file_run.results])
            if gaps:
                shown = gaps if verbose or len(gaps) <= 5 else gaps[:3]
                more = "" if len(shown) == len(gaps) else f"; … (--verbose lists all {len(gaps)})"
                typer.echo(f"  {len(gaps)} of {len(file_run.edition.indicators)} indicators lack a pass or fail "
                           "case: " + "; ".join(f"{ind.name} ({ind.id}): no {'/'.join(lacking)}"
                                                for ind, lacking in shown) + more)
    typer.echo(f"{run.passed} passed, {run.failed} failed")
    if cases_seen == 0 and not run.problems:
        stderr(f"error: no rule-test cases found at {location}\n  hint: write <edition>.cases.yaml beside the "
               "rule file (see docs/zh/rules.md)")
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(run.exit_code())


def _relative(path: Path) -> Path:
    """A path under the working folder, shown relative to it (shorter file:line messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
