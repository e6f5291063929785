"""The HTML page: one county opens with its verdict and its table; a batch keeps its overview;
every id on the page is unique."""

from __future__ import annotations

import re

from conftest import ROOT
from ecocheck.engine.api import check_file
from ecocheck.engine.summary import BatchSummary
from ecocheck.library.loader import load_library
from ecocheck.output import html

FILES = ("data/kazuo-2019.yaml", "data/kazuo-2022.yaml", "data/tongyu-2022.yaml", "data/tongyu-2025.yaml")


def page(files) -> str:
    library = load_library()
    reports = [check_file(ROOT / f, library).report.as_dict() for f in files]
    summary = BatchSummary()
    for r in reports:
        summary.add_report(r)
    return html.render(reports, [], summary.as_dict()).decode("utf-8")


def test_one_county_opens_with_its_verdict_and_table():
    text = page(FILES[:1])
    body = text[text.index("<body>"):]
    verdict = body.index("结论：约束性指标未全部达标")
    assert verdict < body.index("<table class=\"report\"")
    assert "共 1 个文件" not in body and "<svg" not in body and "id=\"summary\"" not in body


def test_a_batch_keeps_its_overview_and_ids_are_unique():
    text = page(FILES)
    assert text.index("id=\"summary\"") < text.index("<svg") < text.index("<table class=\"report\"")
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)) and len(ids) > len(FILES)
