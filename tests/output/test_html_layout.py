"""The HTML page: one county opens with its verdict and its table laid out like the standard (领域 |
任务 | 序号 | 指标名称 | 单位 | 指标值 | 指标属性, 领域 and 任务 merged over their rows); a batch
keeps its overview; every id on the page is unique; every word is in the report's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from ecocheck.engine.api import check_file
from ecocheck.engine.summary import BatchSummary
from ecocheck.library.loader import load_library
from ecocheck.output import html

LIBRARY = load_library()
FILES = ("data/kazuo-2019.yaml", "data/kazuo-2022.yaml", "data/tongyu-2022.yaml", "data/tongyu-2025.yaml")


def reports_of(files, lang: str = "zh") -> list[dict]:
    return [check_file(ROOT / f, LIBRARY).report.as_dict(lang) for f in files]


def page(files, lang: str = "zh") -> str:
    reports = reports_of(files, lang)
    summary = BatchSummary()
    for r in reports:
        summary.add_report(r)
    return html.render(reports, [], summary.as_dict(), lang).decode("utf-8")


class Grid(HTMLParser):
    """The standard tables of a page: per table its head, and its rows as (data-id, cells), each
    cell (css class, text, rowspan); the page's ids and in-page links; and every piece of text
    with the class of the cell (or the tag: style, title, svg) it stands in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.in_standard = False
        self.cell: list | None = None
        self.where: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "table":
            self.in_standard = "standard" in (a.get("class") or "").split()
            if self.in_standard:
                self.tables.append({"head": [], "rows": []})
        if tag == "tr" and self.in_standard and "data-id" in a:
            self.tables[-1]["rows"].append((a["data-id"], []))
        if tag in ("td", "th"):
            self.where.append(a.get("class") or tag)
            if self.in_standard and tag == "td":
                self.cell = [a.get("class") or "", "", int(a.get("rowspan", 1))]
            elif self.in_standard:
                self.tables[-1]["head"].append("")
        elif tag in ("style", "title", "svg", "p", "li"):
            self.where.append(a.get("class") or tag if tag in ("p", "li") else tag)

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_standard = False
        if tag in ("td", "th", "style", "title", "svg", "p", "li") and self.where:
            self.where.pop()
        if tag == "td" and self.cell is not None:
            self.tables[-1]["rows"][-1][1].append(tuple(self.cell))
            self.cell = None

    def handle_data(self, data):
        self.texts.append((self.where[-1] if self.where else "", data))
        if self.cell is not None:
            self.cell[1] += data
        elif self.in_standard and self.where[-1:] == ["th"]:
            self.tables[-1]["head"][-1] += data


def grid(text: str) -> Grid:
    parsed = Grid()
    parsed.feed(text)
    parsed.close()
    return parsed


# ── the page's parts ────────────────────────────────────────────────────────────────────

def test_one_county_opens_with_its_verdict_and_table():
    text = page(FILES[:1])
    body = text[text.index("<body>"):]
    verdict = body.index("结论：约束性指标未全部达标")
    assert verdict < body.index("<table class=\"report standard\"")
    assert "共 1 个文件" not in body and "<svg" not in body and "id=\"summary\"" not in body
    assert body.count("结论：") == 1  # said once, at the top


def test_a_batch_keeps_its_overview_and_ids_are_unique():
    text = page(FILES)
    assert text.index("id=\"summary\"") < text.index("<svg") < text.index("<table class=\"report standard\"")
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)) and len(ids) > len(FILES)


@pytest.mark.parametrize("files", [FILES[:1], FILES], ids=["one county", "batch"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ids_are_unique_and_every_link_finds_its_target(files, lang):
    parsed = grid(page(files, lang))
    assert len(parsed.ids) == len(set(parsed.ids))
    assert set(parsed.hrefs) <= set(parsed.ids)
    assert len(parsed.tables) == len(files)


# ── the table, laid out like the standard ───────────────────────────────────────────────

@pytest.mark.parametrize("file", FILES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_follows_the_standard(file, lang):
    report = reports_of([file], lang)[0]
    (table,) = grid(page([file], lang)).tables
    assert table["head"] == html.STANDARD_HEAD[lang]
    assert table["head"][:7] == (["领域", "任务", "序号", "指标名称", "单位", "指标值", "指标属性"] if lang == "zh"
                                 else ["Domain", "Task", "No.", "Indicator", "Unit", "Requirement", "Type"])

    # every indicator of the edition, in the standard's 序号 order, each sub-item right under it
    edition = LIBRARY.get(report["edition"])
    numbers = [ind.number for ind in sorted(edition.indicators, key=lambda i: i.number)]
    expected_ids = [x.id for ind in sorted(edition.indicators, key=lambda i: i.number) for x in (ind, *ind.items)]
    assert [row_id for row_id, _ in table["rows"]] == expected_ids

    # rebuild the grid from the rowspans: every row has every column, and the merged cells cover
    # exactly the rows of their 领域, 任务 and indicator
    columns = len(table["head"])
    pending: dict[int, int] = {}  # column → rows the cell above still covers
    full_rows, domains, tasks, seen_numbers = [], [], [], []
    for row_id, cells in table["rows"]:
        row, cells = [None] * columns, list(cells)
        for column in range(columns):
            if pending.get(column):
                pending[column] -= 1
                row[column] = "↑"
                continue
            css, text, span = cells.pop(0)
            row[column] = text
            if span > 1:
                pending[column] = span - 1
            if column == 0:
                domains.append((text, span))
            elif column == 1:
                tasks.append((text, span))
            elif column == 2:
                seen_numbers.append((int(text), span))
        assert cells == [], f"{row_id}: more cells than columns"
        full_rows.append(row)
    assert not any(pending.values())
    assert [n for n, _ in seen_numbers] == numbers
    by_number = {ind.number: ind for ind in edition.indicators}
    assert all(span == 1 + len(by_number[n].items) for n, span in seen_numbers)

    def rows_per(key) -> list[int]:  # consecutive runs of the edition's indicators, in rows
        runs: list[list] = []
        for ind in sorted(edition.indicators, key=lambda i: i.number):
            if runs and runs[-1][0] == key(ind):
                runs[-1][1] += 1 + len(ind.items)
            else:
                runs.append([key(ind), 1 + len(ind.items)])
        return [n for _, n in runs]

    assert [span for _, span in domains] == rows_per(lambda i: i.domain)
    assert [span for _, span in tasks] == rows_per(lambda i: (i.domain, i.task))
    assert sum(span for _, span in domains) == len(table["rows"])
    if lang == "zh":
        assert [text for text, _ in domains] == [d for d in dict.fromkeys(i.domain for i in sorted(
            edition.indicators, key=lambda i: i.number))]

    # the county's values and the verdict, row by row, as the report has them
    results = {x["id"]: x for r in report["results"] for x in (r, *r["items"])}
    for (row_id, _), row in zip(table["rows"], full_rows):
        result = results[row_id]
        assert row[5] == result["requirement"]
        value, previous, target = row[7:10]
        if result.get("previous") is not None:
            assert previous.rstrip("*") == str(result["previous"])
        if result.get("target") is not None:
            assert target == str(result["target"])
        if result.get("value") is not None:
            assert value.startswith(str(result["value"]))
        assert row[10].startswith(html.STATUS_WORDS[lang][result["status"]])


def test_last_years_value_and_the_target_have_columns_of_their_own():
    (table,) = grid(page(["data/tongyu-2025.yaml"])).tables
    rows = {row_id: [text for _, text, _ in cells] for row_id, cells in table["rows"]}
    filled = [cells for cells in rows.values() if cells[-4] or cells[-3]]  # 上年值 or 目标值
    assert filled, "no row with last year's value or a target"
    assert not any("上年" in text or "目标" in text for cells in rows.values() for text in cells[-5:-2])


# ── one language a page ─────────────────────────────────────────────────────────────────

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# What a page quotes rather than says: the county's own values, and notes and reasons that quote
# them; the requirement as the standard prints it; file names. And, in a batch's overview, the
# indicators named as the batch summary names them, by their Chinese names only (its rows carry no
# English name: that is the engine's summary to give).
QUOTED = {"value", "reason", "req", "meta", "title", "style"}
OVERVIEW = {"list", "svg"}


def said(text: str, lang: str) -> list[str]:
    """The page's own words: text outside quoted cells, Chinese kept beside English left out."""
    parsed = grid(text)
    pieces = [data for where, data in parsed.texts if not (set(where.split()) & (QUOTED | OVERVIEW))]
    if lang == "en":  # "English (中文)": the official Chinese kept beside the English
        pieces = [re.sub(r"\((?:[^()]|\([^()]*\))*[\u4e00-\u9fff][^()]*\)", "", p) for p in pieces]
    return [p.strip() for p in pieces if p.strip()]


@pytest.mark.parametrize("files", [FILES[:1], FILES], ids=["one county", "batch"])
def test_an_english_page_has_no_chinese_of_its_own(files):
    reports = reports_of(files, "en")
    quoted = {r["region"] for r in reports} | {r["edition_title"] for r in reports}
    # the sources cited as a reviewer cites them: 《title》, 文号, 表 as the document prints them
    quoted |= {r["standard"]["number"] for r in reports if r.get("standard")}
    quoted |= {table for r in reports for d in r.get("documents") or () for table in d["tables"]}
    leftover = []
    for piece in said(page(files, "en"), "en"):
        for name in sorted(quoted, key=len, reverse=True):
            piece = piece.replace(name, "")
        if CJK.search(re.sub("《[^》]*》", "", piece)):
            leftover.append(piece)
    assert leftover == []


@pytest.mark.parametrize("files", [FILES[:1], FILES], ids=["one county", "batch"])
def test_a_chinese_page_has_no_english_of_its_own(files):
    allowed = re.compile(r"ecocheck|PM2\.5|μg/m³|[\w-]+\.yaml|[A-Za-z]?\d|Ⅲ|\bV\b|\bEQI\b")
    leftover = [piece for piece in said(page(files, "zh"), "zh")
                if re.search(r"[A-Za-z]{2,}", allowed.sub("", piece))]
    assert leftover == []


def test_every_word_of_the_shipped_standard_has_its_english():
    """An English page falls back to the Chinese for a word it has no English for: the shipped
    editions' domains, tasks, units and region classes all have theirs (ecocheck.base.words)."""
    from ecocheck.base.words import CLASS_EN, DOMAIN_EN, TASK_EN, UNIT_EN

    for edition in LIBRARY.editions.values():
        for ind in edition.indicators:
            assert ind.domain in DOMAIN_EN, ind.domain
            assert html.task_text(ind.task, "en") != ind.task, ind.task
            for unit in (ind.unit, *(item.unit for item in ind.items)):
                assert not CJK.search(unit) or unit in UNIT_EN, unit
        for cls in edition.classes.values():
            assert set(cls.values) <= set(CLASS_EN), cls.key
    assert set(TASK_EN) == {html._TASK.match(i.task).group(2) for e in LIBRARY.editions.values()
                            for i in e.indicators}
    assert html.task_text("（十）观念意识普及", "en") == "(10) Ecological awareness (观念意识普及)"
