"""The workbook a consultant computes with: 现状值, 上年值, 目标值 and 变化 are numbers of their own,
equal to the JSON report's; a % unit is a number with a % format, not text."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from conftest import ROOT
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library
from ecocheck.engine.summary import BatchSummary
from ecocheck.output import xlsx
from ecocheck.output.common import flat_results

FILES = ("data/kazuo-2019.yaml", "data/tongyu-2022.yaml", "tests/fixtures/series/tongyu-2035.yaml")


@pytest.fixture(scope="module")
def workbook_and_reports():
    library = load_library()
    reports = [check_file(ROOT / f, library).report.as_dict() for f in FILES]
    summary = BatchSummary()
    for r in reports:
        summary.add_report(r)
    data = xlsx.render(reports, [], summary.as_dict())
    return load_workbook(io.BytesIO(data)), reports, summary.as_dict()


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def test_every_number_in_a_county_sheet_is_the_jsons(workbook_and_reports):
    wb, reports, _ = workbook_and_reports
    assert len(wb.sheetnames) == 2 + len(reports)  # 汇总, 指标统计, one sheet per county-year
    seen_previous = seen_delta = 0
    for ws, report in zip(wb.worksheets[2:], reports):
        expected = {}
        for row, (result, parent) in enumerate(flat_results(report), start=4):
            if parent is None:
                expected[(row, 3)] = result["number"]
            for col, key in zip(range(xlsx.VALUE_COLUMN, xlsx.VALUE_COLUMN + 4),
                                ("value", "previous", "target", "delta")):
                if is_number(result.get(key)):
                    expected[(row, col)] = result[key]
                    cell = ws.cell(row=row, column=col)
                    assert (cell.number_format == xlsx.PERCENT) == ((result["value_unit"] or result["unit"]) == "%"), (result["name"], key)
            seen_previous += result.get("previous") is not None
            seen_delta += result.get("delta") is not None
        found = {(c.row, c.column): c.value for line in ws.iter_rows() for c in line if is_number(c.value)}
        assert found == expected, ws.title
    assert seen_previous and seen_delta  # the files do give last year's values and changes


def test_text_values_stay_text_and_the_verdict_attribute_and_reason_are_there(workbook_and_reports):
    wb, reports, _ = workbook_and_reports
    ws, report = wb.worksheets[2], reports[0]
    head = [c.value for c in ws[3]]
    assert head[5:9] == ["现状值", "上年值", "目标值", "变化"] and head[10:] == ["属性", "结果", "说明"]
    plan = next(r for r in report["results"] if r["id"] == "eco_civilization_plan")
    row = 4 + next(i for i, (r, _) in enumerate(flat_results(report)) if r is plan)
    assert ws.cell(row=row, column=xlsx.VALUE_COLUMN).value == plan["value"] == "正在制定"
    assert ws.cell(row=row, column=11).value == "约束性"
    assert ws.cell(row=row, column=xlsx.RESULT_COLUMN).value == "未达标"
    assert ws.cell(row=row, column=13).value == plan["reason"]


def test_the_summary_sheets_numbers_are_the_jsons(workbook_and_reports):
    wb, _, summary = workbook_and_reports
    ws = wb.worksheets[0]
    for r, county in enumerate(summary["counties"], start=3):
        numbers = [ws.cell(row=r, column=c).value for c in (3, 6, 7, 8, 9, 10)]
        assert numbers == [county["year"], county["binding_pass"], county.get("binding_declared", 0),
                           county["binding_fail"], county["binding_missing"], county["reference_pass_ratio"]]
        assert ws.cell(row=r, column=10).number_format == "0.0%"
