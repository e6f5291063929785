"""A batch export holds no more than a few reports at a time, whatever the number of files.

csv and html of 20,000 files peaked at GBs: batch kept every report until the end, to render
them in one go. Here each report the batch runner sends is tracked (a dict subclass that can be
weakly referenced) and counted while it is alive; the count must stay small as the files pass.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest

from ecocheck.cli.batch import Format, _batch
from ecocheck.cli.common import Lang
from ecocheck.engine import SEND_DICTS
from ecocheck.engine import batch as runner
from ecocheck.output.formats import BATCH, FORMATS, offered
from ecocheck.submission.synth import write

FILES = 60
AT_ONCE = 4  # the report being written, and the one before it still named by a loop variable


class TrackedReport(dict):
    """A report dict whose end can be seen (a plain dict cannot be weakly referenced)."""


@pytest.fixture(scope="module")
def counties(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("counties")
    write(FILES, folder, seed=5)
    return folder


@pytest.fixture
def tracked(monkeypatch):
    """The most reports alive at the moment a new one arrives; the number handed over."""
    seen = {"alive": 0, "most_alive": 0, "sent": 0}
    run = runner.run

    def gone() -> None:
        seen["alive"] -= 1

    def tracking_run(*args, **kwargs):
        for item in run(*args, **kwargs):
            if item.report is not None:
                item.report = TrackedReport(item.report)
                weakref.finalize(item.report, gone)
                seen["alive"] += 1
                seen["sent"] += 1
                seen["most_alive"] = max(seen["most_alive"], seen["alive"])
            yield item

    monkeypatch.setattr(runner, "run", tracking_run)
    return seen


@pytest.mark.parametrize("name", [f.name for f in offered(BATCH) if f.batch_reports == SEND_DICTS])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_export_never_holds_the_reports(counties, tmp_path, tracked, name, jobs):
    target = tmp_path / f"batch{FORMATS[name].suffix}"
    code = _batch([str(counties)], jobs, None, None, Format(name), Lang.zh, target, True, None)
    assert code in (0, 1) and target.stat().st_size > 0
    assert tracked["sent"] == FILES
    assert tracked["most_alive"] <= AT_ONCE, f"{tracked['most_alive']} of {FILES} reports held at once"
