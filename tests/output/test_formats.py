"""The output format registry (ecocheck.output.formats) is complete: every format module is
registered, and every registered format renders for every command that offers it."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import ecocheck.output
from ecocheck.cli.app import build_app
from ecocheck.engine import SEND_DICTS, SEND_JSON, SEND_ROWS
from ecocheck.engine.api import check_file
from ecocheck.engine.summary import BatchSummary
from ecocheck.library.loader import load_library
from ecocheck.output.formats import (
    BATCH, COMMANDS, COMPARE, EVALUATE, FORMATS, PROGRESS, BatchView, EvaluateView, choices, offered,
)
from ecocheck.series.api import check_progress_plans, compare_series, group_series
from ecocheck.series.plans import find_plan

ROOT = Path(__file__).resolve().parents[2]
KAZUO = [str(ROOT / "data" / "kazuo-2019.yaml"), str(ROOT / "data" / "kazuo-2022.yaml")]
BROKEN = {"file": "nope.yaml", "line": 0, "column": 0, "code": "not-found", "message": "file not found", "hint": ""}


def format_modules() -> set[str]:
    """The modules of ecocheck.output that render some command (have a render_<command>)."""
    found = set()
    for info in pkgutil.iter_modules(ecocheck.output.__path__):
        module = importlib.import_module(f"ecocheck.output.{info.name}")
        if any(hasattr(module, f"render_{command}") for command in COMMANDS):
            found.add(info.name)
    return found


def test_every_format_module_is_registered_and_every_format_has_its_renderers():
    assert format_modules() == {f.module for f in FORMATS.values()}
    for fmt in FORMATS.values():
        assert fmt.commands and set(fmt.commands) <= set(COMMANDS), fmt.name
        assert fmt.batch_reports in (SEND_ROWS, SEND_DICTS, SEND_JSON), fmt.name
        assert fmt.suffix.startswith("."), fmt.name
        module = fmt.load()
        for command in COMMANDS:  # a renderer exactly for the commands that offer it
            assert hasattr(module, f"render_{command}") == (command in fmt.commands), (fmt.name, command)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_format_choices_of_each_command_are_the_registry(command):
    assert [c.value for c in choices(command)] == [f.name for f in offered(command)]
    from typer.testing import CliRunner

    result = CliRunner().invoke(build_app([command]), [command, "x.yaml", "--format", "bogus"])
    assert result.exit_code == 2
    shown = " ".join(re.sub("[│╭╮╰╯─]", " ", result.output).split())  # the error box unwrapped
    assert "'bogus' is not one of " + ", ".join(f"'{f.name}'" for f in offered(command)) + "." in shown


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def reports(library):
    return [check_file(f, library).report.as_dict() for f in KAZUO]


def _text(rendered) -> str:
    """A rendering as text, whatever shape the format gave it."""
    if isinstance(rendered, (str, bytes)):
        rendered = [rendered]
    pieces = list(rendered)
    data = pieces[0][:0].join(pieces) if pieces else ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def _summary(reports: list[dict]) -> BatchSummary:
    summary = BatchSummary()
    for report in reports:
        summary.add_report(report)
    summary.add_errors([BROKEN])
    return summary


@pytest.mark.parametrize("name", [f.name for f in offered(EVALUATE)])
def test_every_evaluate_format_renders_a_report(name, reports):
    rendered = FORMATS[name].renderer(EVALUATE)(EvaluateView(reports[:1], [], "zh", terminal=False, single=True))
    assert isinstance(rendered, (str, bytes)) and rendered
    if not FORMATS[name].binary:
        assert "喀左" in _text(rendered)


@pytest.mark.parametrize("name", [f.name for f in offered(BATCH)])
def test_every_batch_format_renders_a_summary(name, reports):
    fmt = FORMATS[name]
    sent = {SEND_ROWS: [], SEND_DICTS: reports,
            SEND_JSON: [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in reports]}[fmt.batch_reports]
    # the reports are handed over as the workers send them: an iterator, read once
    rendered = fmt.renderer(BATCH)(BatchView(_summary(reports), iter(sent), "en", terminal=False))
    if fmt.binary:  # bytes, or bytes piece by piece
        pieces = [rendered] if isinstance(rendered, bytes) else list(rendered)
        assert all(isinstance(p, bytes) for p in pieces) and b"".join(pieces)
        return
    text = _text(rendered)
    assert "喀左" in text
    if fmt.batch_reports == SEND_JSON:
        doc = json.loads(text)
        assert len(doc["reports"]) == 2 and doc["summary"]["files"] == 3 and doc["errors"] == [BROKEN]


@pytest.mark.parametrize("name", [f.name for f in offered(COMPARE)])
def test_every_compare_format_renders_a_series(name, library):
    series, problems = group_series(KAZUO, library)
    assert not problems
    docs = [compare_series(s, library) for s in series]
    text = FORMATS[name].renderer(COMPARE)(docs, [], "zh")
    assert isinstance(text, str) and "喀左" in text


@pytest.mark.parametrize("name", [f.name for f in offered(PROGRESS)])
def test_every_progress_format_renders_a_plan(name, library):
    plan = find_plan("kazuo-2030", None, library)
    docs = [c.progress.as_dict() for c in check_progress_plans(KAZUO[1], library, [plan])]
    text = FORMATS[name].renderer(PROGRESS)(docs, [], "zh")
    assert isinstance(text, str) and "kazuo-2030" in text
