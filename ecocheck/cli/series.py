"""`ecocheck progress` and `ecocheck compare`: plan targets and year series.

Also the helpers `evaluate --history/--plan` use (imported lazily by ecocheck.cli.app).

Exit codes:
  progress  0 no goal is behind; 1 some goal is behind; 2 input error (unknown plan, unreadable file).
  compare   0 compared; 2 input error (unreadable file, one year only, two files for one year).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ecocheck.cli.common import (
    EXIT_INPUT, EXIT_OK, Lang, check_folder_or_exit, check_history_or_exit, check_output_or_exit, edition_or_exit,
    library_or_exit, output_or_exit, print_problems, stderr, write_output,
)
from ecocheck.cli.helptext import HELP
from ecocheck.cli.options import ARGUMENTS_PANEL, EditionOpt, ForceOpt, FormatHelp, LangOpt, OutputHelp, RulesOpt
from ecocheck.output.formats import COMPARE, FORMATS, PROGRESS, choices


ProgressFormat = choices(PROGRESS)
CompareFormat = choices(COMPARE)


PlanOpt = Annotated[Optional[list[str]], typer.Option(
    "--plan", "-p", help=HELP["progress.plan"])]
PlansDirOpt = Annotated[Optional[Path], typer.Option(
    "--plans", help=HELP["progress.plans"])]
HistoryOpt = Annotated[Optional[Path], typer.Option(
    "--history", help=HELP["progress.history"])]
AssignOpt = Annotated[Optional[list[str]], typer.Option(
    "--assign", help=HELP["progress.assign"])]


def plan_or_exit(key: str, folder: Optional[Path], library=None, lang: str = Lang.zh.value):
    from ecocheck.base.errors import InputError
    from ecocheck.series.plans import find_plan

    try:
        return find_plan(key, folder, library)
    except InputError as err:
        print_problems(err.problems, lang=lang)
        raise typer.Exit(EXIT_INPUT)


def history_or_exit(folder: Optional[Path], lang: str = Lang.zh.value):
    """A history index scanned once for every file of the command (None when not asked for)."""
    if folder is None:
        return None
    from ecocheck.base.errors import InputError
    from ecocheck.submission.history import HistoryIndex

    try:
        return HistoryIndex.scan(folder)
    except InputError as err:
        print_problems(err.problems, lang=lang)
        raise typer.Exit(EXIT_INPUT)


def assignments_or_exit(pairs: Optional[list[str]], lang: str = Lang.zh.value):
    from ecocheck.base.errors import InputError
    from ecocheck.series.api import parse_assignments

    try:
        return parse_assignments(pairs or [])
    except InputError as err:
        print_problems(err.problems, lang=lang)
        raise typer.Exit(EXIT_INPUT)


def progress(
    files: Annotated[Optional[list[Path]], typer.Argument(help=HELP["arg.submissions"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)] = None,
    plan: PlanOpt = None,
    history: HistoryOpt = None,
    assign: AssignOpt = None,
    year: Annotated[Optional[list[int]], typer.Option("--year", help=HELP["progress.year"])] = None,
    list_: Annotated[bool, typer.Option("--list", help=HELP["progress.list"])] = False,
    plans: PlansDirOpt = None,
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[ProgressFormat, typer.Option("--format", "-f", help=FormatHelp)] = ProgressFormat("table"),
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    force: ForceOpt = False,
) -> None:
    inputs = (files, plan, plans, history, rules)  # what --output must not overwrite
    if list_:
        _list(plan, plans, fmt, output_or_exit(output, force, *inputs), library_or_exit(rules, lang.value), lang.value)
        raise typer.Exit(EXIT_OK)
    if not plan:
        stderr("error: --plan is required\n  hint: `ecocheck progress --list` shows the plans")
        raise typer.Exit(EXIT_INPUT)
    if not files:
        stderr("error: give a submission file\n  hint: e.g. ecocheck progress data/kazuo-2022.yaml --plan kazuo-2030")
        raise typer.Exit(EXIT_INPUT)
    from ecocheck.series.api import check_progress_plans

    library = library_or_exit(rules, lang.value)
    if edition is not None:
        edition_or_exit(library, edition)
    check_output_or_exit(FORMATS[fmt.value], output)
    check_history_or_exit(history)
    check_folder_or_exit("--plans", plans, "plans", "give a folder of plan files, or leave --plans out for the shipped plans")
    output = output_or_exit(output, force, *inputs)
    chosen = [plan_or_exit(key, plans, library, lang.value) for key in plan]
    index = history_or_exit(history, lang.value)
    assigned = assignments_or_exit(assign, lang.value)
    docs: list[dict[str, Any]] = []
    code = EXIT_OK
    errors: list[dict[str, Any]] = []
    for file in files:
        for checked in check_progress_plans(file, library, chosen, edition=edition, history=index,
                                            assigned=assigned, years=year or None):
            code = max(code, checked.exit_code)
            if checked.problems:
                print_problems(checked.problems, lang=lang.value)
                errors += [pr.as_dict(lang.value) for pr in checked.problems]
                break
            if checked.warnings:
                print_problems(checked.warnings, warning=True, lang=lang.value)
            docs.append(checked.progress.as_dict(lang.value))
    text = FORMATS[fmt.value].renderer(PROGRESS)(docs, errors, lang.value)
    if docs or output is not None:
        write_output(text, output)
    raise typer.Exit(code)


def _list(plan_keys: Optional[list[str]], folder: Optional[Path], fmt: ProgressFormat, output: Optional[Path],
          library=None, lang: str = Lang.zh.value) -> None:
    import json

    from tabulate import tabulate

    from ecocheck.base.errors import InputError
    from ecocheck.series.plans import load_plans

    if plan_keys:
        chosen = [plan_or_exit(k, folder, library, lang) for k in plan_keys]
        if fmt.value == "json":
            doc = [{"plan": p.id, "targets": [_target_dict(t) for t in p.targets]} for p in chosen]
            write_output(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
            return
        parts = []
        for p in chosen:
            rows = [[t.id, t.name, t.attribute or "", t.link, t.direction,
                     "；".join(f"{g.year} {g.kind}: {g.printed or '（空白）'}" for g in t.goals)] for t in p.targets]
            parts += [f"{p.title} ({p.id})", f"来源：{p.source.citation('zh')}",
                      tabulate(rows, headers=["id", "目标", "属性", "指标链接", "方向", "目标（原文）"], tablefmt="simple"),
                      ""]
        write_output("\n".join(parts), output)
        return
    try:
        plans = load_plans(folder)
    except InputError as err:
        stderr("the plan files could not be loaded:")
        print_problems(err.problems, lang=lang)
        raise typer.Exit(EXIT_INPUT)
    if fmt.value == "json":
        doc = [{"id": p.id, "title": p.title, "region": p.region, "level": p.level, "base_year": p.base_year,
                "target_year": p.target_year, "years": p.years(), "targets": len(p.targets),
                "attributes": list(p.attributes), "file": p.file} for p in plans.values()]
        write_output(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
        return
    rows = [[p.id, p.title, p.region, p.base_year or "—", "、".join(map(str, p.years())), len(p.targets),
             " / ".join(p.attributes) or "—"] for p in plans.values()]
    write_output(tabulate(rows, headers=["id", "规划", "地区", "基准年", "目标年", "目标数", "属性用语"],
                          tablefmt="simple") + "\n", output)


def _target_dict(t) -> dict[str, Any]:
    from ecocheck.engine.evaluate import json_number

    return {"id": t.id, "name": t.name, "unit": t.unit, "attribute": t.attribute, "direction": t.direction,
            "indicator": t.indicator or None, "item": t.item or None, "read": t.read,
            "base": {"printed": t.base.printed, "value": json_number(t.base.value), "line": t.base.line},
            "goals": [{"year": g.year, "kind": g.kind, "printed": g.printed, "value": json_number(g.value),
                       "line": g.line} for g in t.goals],
            "source": str(t.source), "citation": t.source.citation("zh"), "note": t.note}


def compare(
    paths: Annotated[list[str], typer.Argument(help=HELP["compare.paths"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)],
    region: Annotated[Optional[str], typer.Option("--region", "-r", help=HELP["compare.region"])] = None,
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help=FormatHelp)] = CompareFormat("table"),
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    force: ForceOpt = False,
) -> None:
    from ecocheck.base.errors import InputError
    from ecocheck.series.api import compare_series, group_series

    library = library_or_exit(rules, lang.value)
    if edition is not None:
        edition_or_exit(library, edition)
    check_output_or_exit(FORMATS[fmt.value], output)
    output = output_or_exit(output, force, paths, rules)
    series, problems = group_series(paths, library, edition=edition, region=region)
    docs = []
    for s in series:
        try:
            docs.append(compare_series(s, library))
        except InputError as err:
            problems += err.problems
    if problems:
        print_problems(problems, lang=lang.value)
    text = FORMATS[fmt.value].renderer(COMPARE)(docs, [p.as_dict(lang.value) for p in problems], lang.value)
    if docs or output is not None:
        write_output(text, output)
    raise typer.Exit(EXIT_INPUT if problems else EXIT_OK)


# ── used by `evaluate --plan` ───────────────────────────────────────────────────────────

def plan_progress_for(checked: list, chosen: list, library, edition: Optional[str], history,
                      lang: str = Lang.zh.value) -> tuple[dict[str, list[dict]], int]:
    """Progress documents per evaluated file (for the plans chosen, reasons in `lang`), and the exit
    code they imply."""
    from ecocheck.series.api import check_progress_plans

    out: dict[str, list[dict]] = {}
    code = EXIT_OK
    for c in checked:
        if c.report is None:
            continue
        for result in check_progress_plans(c.file, library, chosen, edition=edition, history=history):
            code = max(code, result.exit_code)
            if result.problems:
                print_problems(result.problems, lang=lang)
                continue
            out.setdefault(c.file, []).append(result.progress.as_dict(lang))
    return out, code


__all__ = ["progress", "compare", "plan_progress_for", "history_or_exit"]
