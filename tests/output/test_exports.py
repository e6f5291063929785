"""Export formats (csv, xlsx, html, junit): each output opened with its own reader.

The reports come from real submissions evaluated through the core, covering every status: a
pass, a fail, a binding indicator without data, a declared pass, not-applicable indicators and
sub-items, and composite indicators (passing and failing through a sub-item).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from ecocheck.engine.summary import BatchSummary
from ecocheck.base.errors import InputError
from ecocheck.engine.evaluate import evaluate
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text
from ecocheck.output import csvout, html, junit, labels, xlsx
from ecocheck.engine import SEND_DICTS
from ecocheck.output.formats import FORMATS

# The export formats: rendered from the canonical reports, render(reports, errors, summary, lang).
EXPORTERS = {f.name: f.load().render for f in FORMATS.values() if f.batch_reports == SEND_DICTS}
from ecocheck.output.jsonout import render_json

from conftest import submission
from conftest import PASSING_2021

LIB = load_library()

# 乙县: 城镇污水处理率 fails, 河长制 (binding) has no data, 水环境质量 fails through one sub-item,
# 生物多样性保护 has a sub-item declared not applicable.
FAILING_2021 = {k: v for k, v in PASSING_2021.items() if k != "河长制"} | {
    "城镇污水处理率": 80,
    "水环境质量": {"水质达到或优于Ⅲ类比例提高幅度": {"value": 80, "previous": 80},
                 "劣V类水体比例下降幅度": {"value": 0, "previous": 0},
                 "黑臭水体消除比例": {"value": 50, "previous": 100}},
    "生物多样性保护": {"国家重点保护野生动植物保护率": 96,
                   "特有性或指示性水生物种保持率": {"applicable": False, "note": "无特有水生物种"}},
}
KAZUO_2019 = {"城镇污水处理率": 90, "生态环境状况指数": 40,
              "农业废弃物综合利用率": {"秸秆综合利用率": 87.13, "畜禽粪污综合利用率": 80, "农膜回收利用率": 90}}
BROKEN = "region: 丙县\nlevel: county\nyear: 2022\nindicators:\n  城镇污水处理率: [\n"
ZH_STATUS = {"pass": "达标", "fail": "未达标", "missing": "缺数据", "not_applicable": "不适用"}


def evaluate_text(text: str, file: str, lang: str = "zh") -> dict:
    sub = parse_submission_text(text, LIB, file=file)
    return evaluate(sub, LIB.get(sub.edition)).as_dict(lang)


def build_reports() -> list[dict]:
    return [
        evaluate_text(submission(PASSING_2021, region="甲县"), "province/a-2022.yaml"),
        evaluate_text(submission(FAILING_2021, region="乙县"), "province/b-2022.yaml"),
        evaluate_text(submission(KAZUO_2019, region="喀左县", year=2019, edition="2019",
                                 profile={"terrain": "干旱半干旱地区", "climate": "干旱半干旱地区"}),
                      "province/kazuo-2019.yaml"),
    ]


def build_errors() -> list[dict]:
    with pytest.raises(InputError) as caught:
        parse_submission_text(BROKEN, LIB, file="province/broken.yaml")
    return [p.as_dict() for p in caught.value.problems]


def build_summary(reports: list[dict], errors: list[dict]) -> dict:
    summary = BatchSummary()
    for report in reports:
        summary.add_report(report)
    summary.add_errors(errors)
    return summary.as_dict()


@pytest.fixture(scope="module")
def batch():
    reports = build_reports()
    errors = build_errors()
    return reports, errors, build_summary(reports, errors)


def by_id(report: dict, rid: str) -> dict:
    for result in report["results"]:
        if result["id"] == rid:
            return result
        for item in result["items"]:
            if item["id"] == rid:
                return item
    raise KeyError(rid)


def json_statuses(reports: list[dict], binding_only: bool = False, items: bool = True) -> set:
    doc = json.loads(render_json({"reports": reports}))
    out = set()
    for report in doc["reports"]:
        for result in report["results"]:
            if binding_only and result["attribute"] != "约束性":
                continue
            out.add((report["region"], result["id"], result["status"]))
            if items:
                out |= {(report["region"], item["id"], item["status"]) for item in result["items"]}
    return out


def test_the_fixture_covers_every_status(batch):
    reports, errors, _ = batch
    a, b, _k = reports
    assert by_id(b, "urban_sewage_treatment")["status"] == "fail"
    assert by_id(b, "river_chief_system")["status"] == "missing"
    assert by_id(a, "rural_sanitary_toilet_coverage")["declared"] is True
    assert by_id(a, "rural_sanitary_toilet_coverage")["status"] == "pass"
    assert by_id(a, "coastal_water_quality")["status"] == "not_applicable"
    assert by_id(b, "water_quality")["status"] == "fail" and by_id(b, "water_quality")["items"]
    assert by_id(a, "water_quality")["status"] == "pass"
    assert [i["status"] for i in by_id(b, "biodiversity_protection")["items"]].count("not_applicable") == 1
    assert errors and errors[0]["code"] == "yaml-syntax"


def test_importing_the_format_registry_does_not_import_openpyxl():
    code = "import sys, ecocheck.output.formats as f; assert set(f.FORMATS) >= {'csv','xlsx','html','junit'}; " \
           "assert 'openpyxl' not in sys.modules, 'openpyxl imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


# ── csv ────────────────────────────────────────────────────────────────────────────────

def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_bom_crlf_header_and_a_row_per_indicator_and_sub_item(batch):
    reports, errors, summary = batch
    data = csvout.render(reports, errors, summary)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    expected = ["file", "region", "level", "year", "edition", "序号", "id", "parent_id", "指标名称", "name_en", "领域",
                "任务", "单位", "属性", "value", "previous", "target", "requirement", "status", "结果", "declared",
                "verified", "reason", "value_source"]
    assert [h for h in header if h in expected] == expected
    rows = read_csv(data)
    assert len(rows) == sum(len(r["results"]) + sum(len(x["items"]) for x in r["results"]) for r in reports)
    for report in reports:
        mine = [r for r in rows if r["region"] == report["region"]]
        assert len(mine) == len(report["results"]) + sum(len(x["items"]) for x in report["results"])


def test_csv_rows_carry_status_parent_and_declaration(batch):
    reports, errors, summary = batch
    rows = {(r["region"], r["id"]): r for r in read_csv(csvout.render(reports, errors, summary))}
    fail = rows[("乙县", "urban_sewage_treatment")]
    assert (fail["status"], fail["结果"], fail["属性"], fail["value"], fail["序号"]) == ("fail", "未达标", "约束性", "80", "30")
    assert fail["parent_id"] == "" and fail["reason"] == by_id(reports[1], "urban_sewage_treatment")["reason"]
    sub = next(r for (region, _), r in rows.items() if region == "乙县" and r["指标名称"] == "黑臭水体消除比例")
    assert sub["parent_id"] == "water_quality" and sub["status"] == "fail" and sub["previous"] == "100"
    assert sub["序号"] == "8" and sub["领域"] == rows[("乙县", "water_quality")]["领域"] != ""
    assert rows[("乙县", "river_chief_system")]["结果"] == "缺数据"
    declared = rows[("甲县", "rural_sanitary_toilet_coverage")]
    assert (declared["status"], declared["declared"], declared["verified"]) == ("pass", "true", "true")
    assert rows[("甲县", "coastal_water_quality")]["结果"] == "不适用"


def test_csv_errors_add_no_rows(batch):
    reports, errors, summary = batch
    assert csvout.render(reports, errors, summary) == csvout.render(reports, [], summary)


# ── xlsx ───────────────────────────────────────────────────────────────────────────────

def open_xlsx(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def fill_of(cell) -> str:
    return cell.fill.fgColor.rgb[-6:].upper()


def find_row(ws, column: int, predicate) -> int:
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row=row, column=column).value
        if value is not None and predicate(value):
            return row
    raise AssertionError("row not found")


def test_xlsx_sheets_in_order(batch):
    reports, errors, summary = batch
    wb = open_xlsx(xlsx.render(reports, errors, summary))
    assert wb.sheetnames == ["汇总", "指标统计", "错误", "甲县-2022", "乙县-2022", "喀左县-2019"]
    wb_en = open_xlsx(xlsx.render(reports, [], summary, lang="en"))
    assert wb_en.sheetnames[:2] == ["Summary", "Indicators"] and "Errors" not in wb_en.sheetnames


def test_xlsx_every_sheet_prints_one_page_wide_with_its_header_on_each_page(batch):
    reports, errors, summary = batch
    wb = open_xlsx(xlsx.render(reports, errors, summary))
    header_rows = {"汇总": "$2:$2", "指标统计": "$2:$2", "错误": "$2:$2"}
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, ws.title
        assert ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows == header_rows.get(ws.title, "$3:$3"), ws.title


def test_xlsx_county_sheet_is_laid_out_like_the_standard(batch):
    reports, errors, summary = batch
    ws = open_xlsx(xlsx.render(reports, errors, summary))["乙县-2022"]
    assert "乙县" in ws["A1"].value and "2022" in ws["A1"].value and "2021" in ws["A1"].value
    assert [c.value for c in ws[3]] == [*labels.COLUMNS["zh"][:6], "上年值", "目标值", "变化", *labels.COLUMNS["zh"][6:]]
    assert ws.freeze_panes == "A4"
    row = find_row(ws, 4, lambda v: v == "城镇污水处理率")
    assert ws.cell(row=row, column=3).value == 30
    assert ws.cell(row=row, column=6).value == 80  # a number stays a number
    result = ws.cell(row=row, column=12)
    assert result.value == "未达标" and fill_of(result) == xlsx.FILL_RGB["fail"]
    assert ws.cell(row=row, column=13).value == by_id(reports[1], "urban_sewage_treatment")["reason"]
    missing = find_row(ws, 4, lambda v: v == "河长制")
    assert ws.cell(row=missing, column=12).value == "缺数据"
    assert fill_of(ws.cell(row=missing, column=12)) == xlsx.FILL_RGB["missing"]
    na = find_row(ws, 4, lambda v: str(v).startswith("近岸海域"))
    assert fill_of(ws.cell(row=na, column=12)) == xlsx.FILL_RGB["not_applicable"]
    ok = find_row(ws, 4, lambda v: v == "生态文明建设规划")
    assert fill_of(ws.cell(row=ok, column=12)) == xlsx.FILL_RGB["pass"]
    # sub-items: indented rows under their indicator
    parent = find_row(ws, 4, lambda v: v == "水环境质量")
    sub = find_row(ws, 4, lambda v: v == "└ 黑臭水体消除比例")
    assert parent < sub <= parent + 3 and ws.cell(row=sub, column=4).alignment.indent == 1
    assert ws.cell(row=sub, column=3).value is None and ws.cell(row=sub, column=12).value == "未达标"
    # the summary lines under the table
    verdict = find_row(ws, 1, lambda v: str(v).startswith("结论："))
    assert "城镇污水处理率" in ws.cell(row=verdict, column=1).value and verdict > sub
    assert find_row(ws, 1, lambda v: str(v).startswith("约束性指标：")) < verdict


def test_xlsx_declared_mark_and_column_widths(batch):
    reports, errors, summary = batch
    ws = open_xlsx(xlsx.render(reports, errors, summary))["甲县-2022"]
    row = find_row(ws, 4, lambda v: v == "农村无害化卫生厕所普及率")
    assert ws.cell(row=row, column=12).value == "达标（申报）"
    assert any("申报" in str(c.value) for c in ws["A"] if c.value)
    # Chinese characters count double: the name column is wider than the unit column
    assert ws.column_dimensions["D"].width > ws.column_dimensions["E"].width >= 4


def test_xlsx_summary_indicator_and_error_sheets(batch):
    reports, errors, summary = batch
    wb = open_xlsx(xlsx.render(reports, errors, summary))
    ws = wb["汇总"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:N{2 + len(summary['counties'])}"
    assert ws["A2"].value == "地区" and ws["E2"].value == "结论"
    regions = [ws.cell(row=r, column=1).value for r in range(3, 3 + len(summary["counties"]))]
    assert regions == [c["region"] for c in summary["counties"]]
    yi = 3 + regions.index("乙县")
    assert ws.cell(row=yi, column=5).value == "未达标" and fill_of(ws.cell(row=yi, column=5)) == xlsx.FILL_RGB["fail"]
    assert ws.cell(row=yi, column=11).value == "水环境质量、城镇污水处理率"
    assert "河长制" in ws.cell(row=yi, column=12).value
    assert ws.cell(row=yi, column=1).hyperlink.location == "'乙县-2022'!A1"
    jia = 3 + regions.index("甲县")
    assert ws.cell(row=jia, column=5).value == "达标" and fill_of(ws.cell(row=jia, column=5)) == xlsx.FILL_RGB["pass"]
    ind = wb["指标统计"]
    assert ind.freeze_panes == "A3"
    assert ind.max_row == 2 + len(summary["indicators"])
    first = summary["indicators"][0]
    assert [c.value for c in ind[3]] == [first["edition"], first["number"], first["name"], first["attribute"],
                                         first["pass"], first["fail"], first["missing"], first["not_applicable"]]
    err = wb["错误"]
    assert err["A3"].value == "province/broken.yaml" and err["B3"].value == 6 and err["D3"].value == "yaml-syntax"


def test_xlsx_sheet_names_are_valid_and_unique():
    used = {"汇总", "指标统计", "错误"}
    names = [xlsx.sheet_name([w], used) for w in
             ["a/b:c*d?[e]\\f", "汇总", "x" * 40, "x" * 40, "'quoted'", "History", "喀左县-2019", "喀左县-2019"]]
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\") and not name.startswith("'")
        assert name.lower() not in {"汇总", "history"}
    assert names[-2:] == ["喀左县-2019", "喀左县-2019 (2)"]
    # two reports of one county-year: the second sheet is told apart by its edition
    a = evaluate_text(submission({"河长制": "全面实施"}, region="同县/[1]", year=2020), "x.yaml")
    b = evaluate_text(submission({"河长制": "全面实施"}, region="同县/[1]", year=2020, edition="2019",
                                 profile={"terrain": "山区", "climate": "湿润地区"}), "y.yaml")
    wb = open_xlsx(xlsx.render([a, b], [], build_summary([a, b], [])))
    assert wb.sheetnames[2:] == ["同县__1_-2020", "同县__1_-2020-2019"]


def test_xlsx_text_never_becomes_a_formula():
    report = evaluate_text(submission({"河长制": "全面实施"}, region="=HYPERLINK(\"x\",\"县\")"), "=1+1.yaml")
    wb = open_xlsx(xlsx.render([report], [], build_summary([report], [])))
    summary = wb["汇总"]
    assert summary["A3"].data_type == "s" and summary["A3"].value == '=HYPERLINK("x","县")'
    assert summary["M3"].data_type == "s" and summary["M3"].value == "=1+1.yaml"


# ── html ───────────────────────────────────────────────────────────────────────────────

class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.rows: dict[str, list[tuple[str, str]]] = {}
        self.section = ""
        self.lang = None
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "section" and "county" in (a.get("class") or ""):
            self.section = a["id"]
            self.rows[self.section] = []
        if tag == "tr" and "data-status" in a:
            self.rows[self.section].append((a["data-id"], a["data-status"]))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


def test_html_is_self_contained_and_responsive(batch):
    reports, errors, summary = batch
    data = html.render(reports, errors, summary)
    page = parse_html(data)
    text = data.decode("utf-8")
    assert page.lang == "zh-CN"
    for tag, name, value in page.attrs:
        if name in ("src", "href", "xlink:href", "action", "srcset"):
            assert not value.lower().startswith(("http://", "https://", "//")), (tag, name, value)
    assert "http://" not in text and "https://" not in text
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)
    assert "svg" in page.tags and "style" in page.tags
    assert 'name="viewport"' in text and "@media print" in text and "overflow-x:auto" in text
    assert parse_html(html.render(reports, errors, summary, lang="en")).lang == "en"


def test_html_content_summary_chart_tables_errors(batch):
    reports, errors, summary = batch
    page = parse_html(html.render(reports, errors, summary))
    words = "".join(page.text)
    for region in ("甲县", "乙县", "喀左县"):
        assert region in words
    for word in ("达标", "未达标", "缺数据", "不适用", "各地区汇总", "无法读取的文件", "province/broken.yaml"):
        assert word in words
    # the chart: one bar group per indicator, a fail segment where counties fail
    bars = [v for t, n, v in page.attrs if t == "rect" and n == "class"]
    assert bars.count("bar-fail") == sum(1 for t in summary["indicators"] if t["fail"])
    assert bars.count("bar-missing") == sum(1 for t in summary["indicators"] if t["missing"])
    assert page.tags.count("g") == len(summary["indicators"])
    # each county's table: one row per indicator and sub-item, same statuses as the report
    assert len(page.rows) == len(reports)
    for report, rows in zip(reports, page.rows.values()):
        expected = [(r["id"], r["status"]) for r in report["results"] for r in [r, *r["items"]]]
        assert rows == expected
    assert labels.COLUMNS["zh"][9] in words


def test_html_escapes_all_text():
    nasty = "<script>alert(1)</script>丙&县"
    report = evaluate_text(submission({"河长制": {"value": "全面实施", "note": "<b>x</b>"}}, region=nasty),
                           "<evil>.yaml")
    errors = [{"file": "<img src=x>.yaml", "line": 1, "column": 1, "code": "input", "message": "<bad>",
               "hint": "&"}]
    data = html.render([report], errors, build_summary([report], errors)).decode("utf-8")
    page = parse_html(data.encode("utf-8"))
    assert not {"script", "img", "b", "evil"} & set(page.tags)
    assert "<script>alert" not in data and "&lt;script&gt;alert(1)&lt;/script&gt;丙&amp;县" in data
    assert nasty in "".join(page.text)


# ── junit ──────────────────────────────────────────────────────────────────────────────

def test_junit_suites_cases_and_counts(batch):
    reports, errors, summary = batch
    data = junit.render(reports, errors, summary)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(data)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["甲县 2022 2021", "乙县 2022 2021", "喀左县 2019 2019", "input-errors"]
    for suite, report in zip(suites, reports):
        binding = [r for r in report["results"] if r["attribute"] == "约束性"]
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests")) == len(binding)
        assert int(suite.get("failures")) == sum(r["status"] in ("fail", "missing") for r in binding)
        assert int(suite.get("skipped")) == sum(r["status"] == "not_applicable" for r in binding)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))
        assert {c.get("classname") for c in cases} == {f"{report['region']}.{report['year']}"}
    for key in ("tests", "failures", "skipped", "errors"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in suites)


def test_junit_failure_missing_declared_and_input_errors(batch):
    reports, errors, summary = batch
    root = ET.fromstring(junit.render(reports, errors, summary))
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    fail = cases[("乙县.2022", "30 城镇污水处理率")].find("failure")
    assert fail.get("type") == "fail"
    assert fail.get("message") == by_id(reports[1], "urban_sewage_treatment")["reason"]
    assert "≥85" in fail.text or "85" in fail.text
    missing = cases[("乙县.2022", "4 河长制")].find("failure")
    assert missing.get("type") == "missing"
    composite = cases[("乙县.2022", "8 水环境质量")].find("failure")
    assert composite.get("type") == "fail" and "黑臭水体消除比例" in composite.text
    declared = cases[("甲县.2022", "35 农村无害化卫生厕所普及率")]
    assert declared.find("failure") is None and declared.find("system-out").text.startswith("declared")
    assert cases[("甲县.2022", "9 近岸海域水质优良（一、二类）比例")].find("skipped") is not None
    assert cases[("甲县.2022", "30 城镇污水处理率")].find("failure") is None
    assert ("甲县.2022", "6 依法开展规划环境影响评价") not in cases  # reference indicators are not gates
    suite = root.find("testsuite[@name='input-errors']")
    (case,) = suite.findall("testcase")
    assert case.get("name") == "province/broken.yaml" and suite.get("failures") == "1"
    failure = case.find("failure")
    assert failure.get("type") == "yaml-syntax" and "province/broken.yaml:6" in failure.get("message")


def test_single_evaluate_renders_in_every_format():
    report = evaluate_text(submission(PASSING_2021, region="单县"), "one.yaml")
    summary = build_summary([report], [])
    outputs = {name: render([report], [], summary) for name, render in EXPORTERS.items()}
    assert all(isinstance(v, bytes) and v for v in outputs.values())
    root = ET.fromstring(outputs["junit"])
    assert [s.get("name") for s in root.findall("testsuite")] == ["单县 2022 2021"] and root.get("failures") == "0"
    assert open_xlsx(outputs["xlsx"]).sheetnames == ["汇总", "指标统计", "单县-2022"]
    assert "单县" in outputs["html"].decode("utf-8")
    assert len(read_csv(outputs["csv"])) == sum(1 + len(r["items"]) for r in report["results"])


def test_summary_only_batch_renders_without_reports(batch):
    """A batch run in summary mode keeps no full reports: the summary parts still render."""
    _, errors, summary = batch
    for lang in ("zh", "en"):
        outputs = {name: render([], errors, summary, lang) for name, render in EXPORTERS.items()}
        assert len(read_csv(outputs["csv"])) == 0
        wb = open_xlsx(outputs["xlsx"])
        assert len(wb.sheetnames) == 3
        assert {wb.worksheets[0].cell(row=r, column=1).value for r in (3, 4, 5)} == {"甲县", "乙县", "喀左县"}
        assert "乙县" in outputs["html"].decode("utf-8")
        assert [s.get("name") for s in ET.fromstring(outputs["junit"]).findall("testsuite")] == ["input-errors"]


# ── the formats agree ──────────────────────────────────────────────────────────────────

def xlsx_statuses(data: bytes) -> set:
    wb = open_xlsx(data)
    summary = wb["汇总"]
    out = set()
    for row in range(3, summary.max_row + 1):
        cell = summary.cell(row=row, column=1)
        if cell.value is None:
            break  # the end of the county table
        assert cell.hyperlink is not None and cell.hyperlink.location
        sheet = cell.hyperlink.location.rsplit("!", 1)[0].strip("'").replace("''", "'")
        region, edition = cell.value, str(summary.cell(row=row, column=4).value)
        indicators = {ind.number: ind for ind in LIB.get(edition).indicators}
        ws, current = wb[sheet], None
        for r in range(4, ws.max_row + 1):
            number, name, verdict = (ws.cell(row=r, column=c).value for c in (3, 4, xlsx.RESULT_COLUMN))
            if verdict is None:
                break
            status = next(s for s in ("fail", "pass", "missing", "not_applicable") if verdict.startswith(ZH_STATUS[s]))
            if number is not None:
                current = indicators[number]
                out.add((region, current.id, status))
            else:
                item = next(i for i in current.items if name == f"└ {i.name}")
                out.add((region, item.id, status))
    return out


def test_every_format_agrees_on_every_verdict(batch):
    reports, errors, summary = batch
    expected = json_statuses(reports)
    assert len(expected) > 100

    from_csv = {(r["region"], r["id"], r["status"]) for r in read_csv(csvout.render(reports, errors, summary))}
    assert from_csv == expected

    assert xlsx_statuses(xlsx.render(reports, errors, summary)) == expected

    page = parse_html(html.render(reports, errors, summary))
    from_html = {(report["region"], rid, status)
                 for report, rows in zip(reports, page.rows.values()) for rid, status in rows}
    assert from_html == expected

    root = ET.fromstring(junit.render(reports, errors, summary))
    from_junit = set()
    for suite in root.findall("testsuite"):
        if suite.get("name") == "input-errors":
            continue
        edition = suite.get("name").rsplit(" ", 1)[1]
        numbers = {ind.number: ind.id for ind in LIB.get(edition).indicators}
        for case in suite.findall("testcase"):
            failure, skipped = case.find("failure"), case.find("skipped")
            status = failure.get("type") if failure is not None else "not_applicable" if skipped is not None else "pass"
            from_junit.add((case.get("classname").rsplit(".", 1)[0], numbers[int(case.get("name").split()[0])], status))
    assert from_junit == json_statuses(reports, binding_only=True, items=False)
