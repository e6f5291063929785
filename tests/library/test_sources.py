"""Citable sources: every rule and plan target names the standard (title and 文号) and the document,
table and row 序号 that print it, and the seed text says so at the cited line.

The seeds are plain-text conversions; their tables come out in two ways, which `printed_item`
reads back:
  one cell per line (000 表1, 001 附表2, 003 专栏1): the row's 序号 is the nearest run of lone
    numbers above the cited line, its first number (001 prints the plan's 序号, then the
    standard's 指标序号);
  one row per line (002 专栏1): the 序号 is the row's second tab-separated field;
  numbered paragraphs (004): the line begins with the paragraph's number, e.g. (七).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from ecocheck.base.errors import InputError
from ecocheck.library.loader import load_library, load_rule_file
from ecocheck.library.model import STANDARD_KEY, CitedDocument, SourceRef, Standard
from ecocheck.series.plans import load_plan_file

LIB = load_library()
RULES = ROOT / "rules"
PLANS = sorted((RULES / "plans").glob("*.yaml"))
SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not at {SEEDS} (CI has them)")

LONE_NUMBER = re.compile(r"\t(\d{1,3})")
PARAGRAPH = re.compile(r"\([一二三四五六七八九十]+\)")
ROW_PER_LINE = {"002_ac60043fa6a5a585.txt"}
PARAGRAPHS = {"004_d12ee91ea232be9c.txt"}


def seed_lines(file: str) -> list[str]:
    return (SEEDS / file).read_text(encoding="utf-8").split("\n")


def printed_item(file: str, line: int) -> str:
    """The 序号 the seed prints for the row that holds `line` (1-based)."""
    lines = seed_lines(file)
    if file in ROW_PER_LINE:
        return lines[line - 1].split("\t")[1]
    if file in PARAGRAPHS:
        match = PARAGRAPH.match(lines[line - 1])
        return match.group(0) if match else ""
    at = line - 1
    while at > 0 and not LONE_NUMBER.fullmatch(lines[at]):
        at -= 1
    assert line - 1 - at <= 4, (file, line, "no 序号 within 4 lines above")  # 序号, 指标序号, name, sub-item
    while at > 0 and LONE_NUMBER.fullmatch(lines[at - 1]):
        at -= 1
    return LONE_NUMBER.fullmatch(lines[at]).group(1)


def rule_sources():
    for edition in LIB.editions.values():
        for ind in edition.indicators:
            yield pytest.param(edition, ind, id=f"{edition.id}:{ind.id}")


def plan_targets():
    for path in PLANS:
        plan = load_plan_file(path, LIB)
        for target in plan.targets:
            yield pytest.param(plan, target, id=f"{plan.id}:{target.id}")


# ── the shipped data ───────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("edition", sorted(LIB.editions), ids=str)
def test_every_edition_names_its_standard_and_the_documents_that_print_its_rows(edition):
    ed = LIB.get(edition)
    assert ed.standard is not None and ed.standard.title == ed.title
    assert ed.documents, ed.id
    assert ed.document == ed.standard.number  # the 文号 given once, under standard:


def test_the_2019_number_is_confirmed_and_the_revised_edition_s_is_not():
    """2019: 环生态〔2019〕76号 is printed on the issuing notice (docs/research A.0). 修订版: only a
    county document cites 环办生态函〔2021〕353号 (B.0); no seed prints it."""
    s2019, s2021 = LIB.get("2019").standard, LIB.get("2021").standard
    assert (s2019.number, s2019.number_verified) == ("环生态〔2019〕76号", True)
    assert (s2021.number, s2021.number_verified) == ("环办生态函〔2021〕353号", False)
    research = (ROOT / "docs" / "research" / "official-indicator-texts.md").read_text(encoding="utf-8")
    assert "环生态[2019]76号" in research and "环办生态函〔2021〕353号" in research
    if SEEDS.is_dir():
        seeds = "".join((SEEDS / f).read_text(encoding="utf-8") for f in sorted(p.name for p in SEEDS.glob("*.txt")))
        assert "76号" not in seeds and "353号" not in seeds  # so neither is checked against a seed


@pytest.mark.parametrize("edition, ind", list(rule_sources()))
def test_every_rule_has_a_citable_source(edition, ind):
    source = ind.source
    assert source.standard is edition.standard
    if source.key == STANDARD_KEY:  # no document at hand prints the row: then it cannot be verified
        assert source.document is None and not source.line and not ind.verified, ind.id
        return
    assert source.key in edition.documents and source.document is edition.documents[source.key]
    assert source.table in {name for name, _, _ in source.document.tables}
    assert source.item and source.line, ind.id
    assert source.doc == source.document.file  # the detail is still file:line
    assert str(source).startswith(f"{source.document.file}:{source.line}")


@needs_seeds
@pytest.mark.parametrize("edition, ind", list(rule_sources()))
def test_each_rule_s_number_is_printed_in_the_seed_at_the_cited_line(edition, ind):
    source = ind.source
    if source.document is None:  # the standard alone: no document at hand prints this row
        assert source.key == STANDARD_KEY and not ind.verified
        return
    lines = seed_lines(source.document.file)
    assert lines[source.line - 1].strip() == ind.name  # the line holds the row's name
    assert printed_item(source.document.file, source.line) == source.item, (ind.id, source.line)


@needs_seeds
@pytest.mark.parametrize("plan, target", list(plan_targets()))
def test_each_plan_target_s_number_is_printed_in_the_seed_at_the_cited_line(plan, target):
    source = target.source
    assert source.document is not None and source.item and source.line, target.id
    assert source.table in {name for name, _, _ in source.document.tables} or not source.document.tables
    assert printed_item(source.document.file, source.line) == source.item, (plan.id, target.id, source.line)


def _documents():
    """(rule or plan file, key, document) for every `documents:` entry of the shipped files."""
    for path in sorted(RULES.glob("*.yaml")) + PLANS:
        if path.name.endswith(".cases.yaml"):
            continue
        for key, spec in (yaml.safe_load(path.read_text(encoding="utf-8")).get("documents") or {}).items():
            yield path.name, key, spec


@needs_seeds
@pytest.mark.parametrize("file, key, spec", list(_documents()), ids=lambda v: v if isinstance(v, str) else "")
def test_each_document_s_title_and_tables_are_printed_where_it_says(file, key, spec):
    lines = seed_lines(spec["file"])
    assert spec["title"] in lines[spec["title_line"] - 1].replace(" ", ""), (file, key)
    for name, table in spec.get("tables", {}).items():
        heading = lines[table["line"] - 1]
        assert name in heading and table["title"] in heading, (file, key, name)


def test_a_document_is_named_alike_in_every_file():
    seen: dict[str, tuple] = {}
    for file, key, spec in _documents():
        named = (key, spec["title"], spec.get("qualifier", ""))
        assert seen.setdefault(spec["file"], named) == named, (file, spec["file"])


# ── the citation text ──────────────────────────────────────────────────────────────────

def test_citation_in_chinese_and_in_english():
    ind = LIB.get("2021").find("林草覆盖率")
    assert ind.source.citation("zh") == ("《国家生态文明建设示范区建设指标（修订版）》（环办生态函〔2021〕353号，文号未核实）；"
                                         "《通榆县国家级生态建设示范区建设规划》附表2 第10项")
    assert ind.source.citation("en") == ("《国家生态文明建设示范区建设指标（修订版）》 (环办生态函〔2021〕353号, number not "
                                         "verified); 《通榆县国家级生态建设示范区建设规划》 附表2 No. 10")
    assert ind.source.detail == "001_5bf55d846e1f2bc3.txt:693"  # the line kept as a detail
    assert (ind.source.doc, ind.source.line, ind.source.note) == ("001_5bf55d846e1f2bc3.txt", 693, "")
    old = LIB.get("2019").find("林草覆盖率")
    assert old.source.citation("zh") == "《国家生态文明建设示范市县建设指标》（环生态〔2019〕76号）；《喀左生态文明示范县建设规划》表1 第10项"


def test_a_row_no_document_prints_cites_the_standard_alone():
    ind = LIB.get("2019").find("近岸海域水质优良（一、二类）比例")
    assert ind.source.citation("zh") == "《国家生态文明建设示范市县建设指标》（环生态〔2019〕76号）；所据文件均未载此项"
    assert ind.source.citation("en") == ("《国家生态文明建设示范市县建设指标》 (环生态〔2019〕76号); "
                                         "no document at hand prints this row")


def test_citation_forms():
    standard = Standard("示例标准", None)
    document = CitedDocument("opinions", "示例实施意见", "x.txt", qualifier="(征求意见稿)")
    assert standard.citation("zh") == "《示例标准》（文号未核实）"
    assert standard.citation("en") == "《示例标准》 (document number not verified)"
    assert SourceRef("x.txt", 43, document=document, item="(七)", key="opinions").citation() == "《示例实施意见》(征求意见稿)(七)"
    assert SourceRef("x.txt", 43, document=document, item="(七)", key="opinions").citation("en") == \
        "《示例实施意见》(征求意见稿) (七)"
    assert SourceRef("example", 3).citation() == "example:3"  # the older `doc:` form: all there is
    assert SourceRef("example", standard=standard).citation("zh") == "《示例标准》（文号未核实）；example"


def test_plan_citations_name_the_document_table_and_row():
    plans = {p.stem: load_plan_file(p, LIB) for p in PLANS}
    assert plans["chaoyang-2025"].find("surface_water_class_iii_ratio").source.citation() == \
        "《朝阳市“十四五”生态环境保护规划》专栏1 第3项"
    assert plans["linxi-2025"].find("forest_coverage").source.citation() == \
        "《林西县“十四五”生态环境保护规划（2021～2025年）》专栏1 第15项"
    liaoning = plans["liaoning-2027"]
    assert liaoning.source.citation() == "《中共辽宁省委辽宁省人民政府关于全面推进美丽辽宁建设的实施意见》(征求意见稿)"
    assert liaoning.targets[0].source.citation() == "《中共辽宁省委辽宁省人民政府关于全面推进美丽辽宁建设的实施意见》(征求意见稿)(七)"
    assert plans["kazuo-2030"].source.citation() == "《喀左生态文明示范县建设规划》表1"


# ── the loader's checks ────────────────────────────────────────────────────────────────

RULE_FILE = """schema_version: 1
edition: {{id: demo, title: 示例标准, title_en: Demo, issued: "2025", indicator_count: 1}}
{standard}documents:
  demo_plan: {{title: 示例县规划, file: demo.txt, tables: {{附表2: {{title: 示例县指标一览表, line: 3}}}}}}
indicators:
  - {{id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {{levels: [county]}}, requirement: ≥50, source: {source},
     criterion: {{kind: threshold, op: ">=", value: 50, unit: "%"}}}}
"""
STANDARD = "standard: {title: 示例标准, number: 示例〔2025〕1号}\n"


def load(tmp_path: Path, source: str, standard: str = STANDARD):
    path = tmp_path / "demo.yaml"
    path.write_text(RULE_FILE.format(source=source, standard=standard), encoding="utf-8")
    return load_rule_file(path)[0]


def test_a_source_naming_a_known_document_loads(tmp_path):
    ind = load(tmp_path, "{document: demo_plan, table: 附表2, item: 4, line: 12}").indicators[0]
    assert ind.source.citation() == "《示例标准》（示例〔2025〕1号）；《示例县规划》附表2 第4项"
    assert str(ind.source) == "demo.txt:12"


@pytest.mark.parametrize("source, standard, says", [
    ("{document: demo_pln, table: 附表2, item: 4}", STANDARD, "source document 'demo_pln' is not in `documents:`"),
    ("{document: demo_plan, table: 附表3, item: 4}", STANDARD, "document 'demo_plan' prints no table '附表3'"),
    ("{document: standard}", "", "source document `standard` needs a `standard:` block"),
    ("{document: standard, item: 4}", STANDARD, "source document `standard` takes no table or item"),
])
def test_a_source_naming_an_unknown_document_or_table_is_an_error(tmp_path, source, standard, says):
    with pytest.raises(InputError) as caught:
        load(tmp_path, source, standard)
    problem = caught.value.problems[0]
    assert problem.code == "rule-source" and says in problem.message and "rule demo_rate" in problem.message
    text = RULE_FILE.format(source=source, standard=standard)
    assert problem.line == text[:text.index("source: {document")].count("\n") + 1  # where the source is


@pytest.mark.parametrize("source", ["{document: demo_plan, doc: demo.txt}", "{table: 附表2, doc: demo.txt}", "{line: 3}"])
def test_a_source_with_both_forms_or_neither_fails_the_schema(tmp_path, source):
    with pytest.raises(InputError) as caught:
        load(tmp_path, source)
    assert caught.value.problems[0].code == "rule-schema"


def test_the_document_number_is_given_once(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(RULE_FILE.format(source="{document: standard}", standard=STANDARD)
                    .replace('indicator_count: 1}', 'indicator_count: 1, document: 示例〔2025〕2号}'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rule_file(path)
    assert "is not the standard's number" in caught.value.problems[0].message


def test_the_older_doc_form_still_loads(tmp_path):
    ind = load(tmp_path, "{doc: example, line: 3}", standard="").indicators[0]
    assert (ind.source.doc, ind.source.line, ind.source.citation()) == ("example", 3, "example:3")
