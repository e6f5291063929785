"""The progress and compare reports are in one language: a zh report has no English words and an
en report no Chinese, outside what they quote (the plan's and the standard's names and printed
cells, values, units, file names, ids, the options and fields a hint names)."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from typing import Any

import pytest

from conftest import ROOT, run_cli, submission
from ecocheck.base.messages import CATALOGUE, Joined, Message
from ecocheck.library.loader import load_library
from ecocheck.output import compare as compare_out
from ecocheck.output import progress as progress_out
from ecocheck.series.api import check_progress_plans, compare_series, group_series
from ecocheck.series.plans import PlanValue, load_plan_file, load_plans
from ecocheck.series.progress import progress
from ecocheck.submission.reader import parse_submission_text

LIB = load_library()
PLANS = list(load_plans().values())
DEMO = load_plan_file(ROOT / "tests" / "fixtures" / "plans" / "demo-2025.yaml", LIB)
SERIES = ROOT / "tests" / "fixtures" / "series"
FILES = sorted((ROOT / "data").glob("*.yaml")) + sorted(SERIES.glob("*.yaml"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
LATIN = re.compile("[A-Za-z]")
WIDTHS = (60, 80, 120, 200)


def own_words(said: Any, lang: str) -> str:
    """A reason as written in `lang` with every quoted value, name, file and option left out."""
    if isinstance(said, Joined):
        return getattr(CATALOGUE[said.separator], lang).join(own_words(p, lang) for p in said.parts)
    if isinstance(said, Message):
        params = {name: own_words(value, lang) for name, value in said.params.items()}
        return getattr(CATALOGUE[said.key], lang).format_map(params)
    if isinstance(said, (str, int, Decimal)):  # a parameter: quoted, not the report's own words
        return ""
    raise TypeError(f"not a catalogue message: {said!r}")


def assert_one_language(words: str, lang: str, where: Any) -> None:
    if lang == "zh":
        assert not LATIN.search(words), (where, words)
    else:
        assert not CJK.search(words), (where, words)


def _demo_rows() -> list:
    """The demo plan's rows for submissions that reach every status and reason."""
    cases = [({"城镇污水处理率": 86}, 2022, {}, None), ({"城镇污水处理率": 83}, 2022, {}, None),
             ({"城镇污水处理率": 89}, 2025, {}, None), ({"城镇污水处理率": 91}, 2022, {}, None),
             ({"城镇污水处理率": 80}, 2020, {}, None), ({"城镇新建绿色建筑比例": 40}, 2022, {}, None),
             ({"环境空气质量": {"优良天数比例": 85}}, 2022, {}, {"good_air": Decimal(90), "nothing@2025": Decimal(1)}),
             ({"环境空气质量": {"优良天数比例": {"value": 85, "target": 86}}}, 2022, {}, None),
             ({"环境空气质量": {"优良天数比例": {"value": 87, "target": 86}}}, 2022, {}, None),
             ({"单位地区生产总值能耗": {"value": 0.50, "previous": 0.52}}, 2022, {}, None),
             ({"单位地区生产总值能耗": {"value": 0.52, "previous": 0.52}}, 2022, {}, None),
             ({"单位地区生产总值能耗": {"value": 0.53, "previous": 0.52}}, 2022, {}, None),
             ({"单位地区生产总值能耗": 0.53}, 2022, {}, None),
             ({"城镇污水处理率": {"met": True, "note": "达标"}}, 2022, {}, None),
             ({"城镇污水处理率": {"met": False}}, 2022, {}, None),
             ({"环境空气质量": {"优良天数比例": {"applicable": False, "note": "无监测站"}}}, 2022, {}, None),
             ({"河长制": "全面实施"}, 2022, {"incidents": PlanValue(value=Decimal(2))}, None),
             ({"河长制": "部分实施"}, 2022, {"incidents": PlanValue(value=Decimal(4))}, None),
             ({"河长制": "部分实施"}, 2025, {"incidents": PlanValue(value=Decimal(3))}, None),
             ({}, 2022, {"incidents": PlanValue(value="许多")}, None)]
    out = []
    for indicators, year, values, assigned in cases:
        sub = parse_submission_text(submission(indicators, year=year, region="别县", level="city"), LIB)
        out.append(progress(DEMO, sub, values, assigned))
    return out


@pytest.fixture(scope="module")
def progresses() -> list:
    """Every shipped plan against every shipped and fixture submission (with its folder as history),
    and the demo plan's every status."""
    out = []
    here = os.getcwd()
    os.chdir(ROOT)  # file names as a user types them (a long absolute path is cut where a table wraps it)
    try:
        for file in FILES:
            file = file.relative_to(ROOT)
            for checked in check_progress_plans(file, LIB, PLANS, history=file.parent):
                if checked.progress is not None:
                    out.append(checked.progress)
    finally:
        os.chdir(here)
    return out + _demo_rows()


def test_every_progress_reason_and_warning_is_a_catalogue_message_in_one_language(progresses):
    said = set()
    for result in progresses:
        docs = {lang: result.as_dict(lang) for lang in ("zh", "en")}
        for lang, doc in docs.items():
            for row, shown in zip(result.rows, doc["rows"]):
                assert shown["reason"] == row.reason_in(lang)  # the JSON reason is the one checked here
                assert_one_language(own_words(row.message, lang), lang, (result.plan_id, row.target_id))
                if row.target_from is not None:
                    assert_one_language(own_words(row.target_from, lang), lang, row.target_source)
                said.add((row.status, row.message.key))
            for warning, shown in zip(result.warnings, doc["warnings"]):
                assert shown == warning.render(lang)
                assert_one_language(own_words(warning, lang), lang, result.plan_id)
    keys = {key for _, key in said}
    assert {status for status, _ in said} >= {"met", "on_track", "behind", "not_yet_due", "superior_target_missing",
                                              "missing", "no_target", "not_applicable"}
    assert len(keys) >= 25, keys  # the check saw most of the reasons


# ── the rendered reports ────────────────────────────────────────────────────────────────

ASCII_RUN = re.compile(r"[!-~]+")  # a run of printable ASCII: an id, a file name, a number with its unit
CJK_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def without(output: str, texts: set[str], wrapped: bool = False) -> str:
    """`output` without what it quotes, longest first; `wrapped`: also without the pieces a
    table may wrap a quote into (its words and its runs of Latin or Chinese)."""
    pieces = set(filter(None, map(str, texts)))
    if wrapped:
        for text in list(pieces):
            pieces.update(text.split(), ASCII_RUN.findall(text), CJK_RUN.findall(text))
    for piece in sorted(pieces, key=len, reverse=True):
        output = output.replace(piece, " ")
    return output


# what the reports quote beside the data: the options and fields a hint names, the plan's own
# attribute words (kept as printed in a zh report)
HINT_IDS = {"--assign", "--history", "previous", "plan_values"}


def params(said: Any) -> set[str]:
    """What a message quotes (its text parameters, in any message it holds)."""
    if isinstance(said, Joined):
        return set().union(*map(params, said.parts))
    if isinstance(said, Message):
        return set().union(*map(params, said.params.values()))
    return {said} if isinstance(said, str) else set()


def progress_quotes(doc: dict, result) -> set[str]:
    plan = next((p for p in [*PLANS, DEMO] if p.id == doc["plan"]["id"]))
    texts = {*HINT_IDS, *doc["plan"].values(), doc["file"], doc["region"],
             *(w for said in [*(row.message for row in result.rows), *result.warnings] for w in params(said)),
             *(w for t in plan.targets for g in t.goals for w in g.accept),
             *(t.base.printed for t in plan.targets), *(g.printed for t in plan.targets for g in t.goals)}
    for row in doc["rows"]:
        texts |= {row["name"], row["name_en"], row["printed"], row["base_printed"], row["unit"], row["target_id"],
                  row["source"], progress_out._source(row["source"]), row["value"], row["target_source"],
                  row["citation"], row["table"], row["item"]}  # the document's 表 and 序号 as printed
    texts |= {progress_out._short(t) for t in texts if isinstance(t, str)}
    texts |= {progress_out._short(t, 14) for t in texts if isinstance(t, str)}
    return texts


def compare_quotes(doc: dict) -> set[str]:
    texts = {*doc["files"], doc["region"], *(f["file"] for f in doc["previous_files"] if f), "ecocheck compare"}
    for row in doc["rows"]:
        texts |= {row["name"], row["name_en"], row["unit"], *(v["value"] for v in row["values"]),
                  *(v["previous_source"] for v in row["values"])}
    return texts


def html_text(page: str) -> str:
    """What a browser shows of a page: its text, without tags and style."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.style = False

        def handle_starttag(self, tag, attrs):
            self.style = tag == "style"

        def handle_endtag(self, tag):
            self.style = False

        def handle_data(self, data):
            if not self.style:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return "\n".join(parser.parts)


@pytest.fixture(scope="module")
def progress_docs(progresses) -> dict[str, list[tuple[dict, Any]]]:
    return {lang: [(p.as_dict(lang), p) for p in progresses] for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def compare_docs() -> list[dict]:
    docs = []
    for folder in ("tests/fixtures/series", "data/*.yaml"):
        series, problems = group_series([str(ROOT / folder)], LIB)
        assert series and not problems
        docs += [compare_series(s, LIB) for s in series]
    return docs


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_progress_report_is_in_one_language(progress_docs, lang):
    for doc, result in progress_docs[lang]:
        quotes = progress_quotes(doc, result)
        # unwrapped (every cell whole) and in markdown; a zh report at every width too (a Latin
        # word the table wraps stays whole; a Chinese quote it wraps may not, so en is checked whole)
        for output in (progress_out.render_plain(doc, lang, 2000), progress_out.render_markdown(doc, lang)):
            assert_one_language(without(output, quotes), lang, doc["plan"]["id"])
        for width in WIDTHS if lang == "zh" else ():
            output = progress_out.render_plain(doc, lang, width)
            assert_one_language(without(output, quotes, wrapped=True), lang, (doc["plan"]["id"], width))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_comparison_is_in_one_language(compare_docs, lang):
    for doc in compare_docs:
        quotes = compare_quotes(doc)
        for output in (compare_out.render_plain([doc], lang, 2000), compare_out.render_markdown([doc], lang),
                       html_text(compare_out.render_html([doc], lang))):
            assert_one_language(without(output, quotes), lang, doc["region"])
        for width in WIDTHS if lang == "zh" else ():
            output = compare_out.render_plain([doc], lang, width)
            assert_one_language(without(output, quotes, wrapped=True), lang, (doc["region"], width))


def test_the_cli_writes_progress_reasons_in_the_language_asked():
    file = SERIES / "tongyu-2025.yaml"
    docs = {}
    for lang in ("zh", "en"):
        result = run_cli("progress", str(file), "--plan", "tongyu-2035", "--history", str(SERIES), "-f", "json",
                         "--lang", lang)
        docs[lang] = json.loads(result.stdout)
    zh, en = ({(r["target_id"], r["goal_year"], r["kind"]): r for r in docs[lang]["rows"]} for lang in ("zh", "en"))
    share = ("performance_assessment_share", 2025, "value")
    assert (zh[share]["reason"], en[share]["reason"]) == ("63 达到 ≥63", "63 meets ≥63")
    air = ("good_air_days_ratio", 2025, "superior")
    assert zh[air]["reason"] == ("规划目标为“完成上级规定的考核任务；保持稳定或持续改善。”，未给出上级下达目标值"
                                 "（--assign good_air_days_ratio=数值）")
    assert "(" not in zh[air]["reason"] and "缺上级" not in en[air]["reason"]
    energy = ("energy_intensity", 2025, "trend")
    assert "tongyu-2022.yaml（2022 年，早 3 年）" in zh[energy]["reason"]
    assert "tongyu-2022.yaml (2022, 3 years earlier)" in en[energy]["reason"]
    assert zh[energy]["target_source"] == en[energy]["target_source"]  # a contract value, in neither language
    # every other field is the same document in either language
    for key in zh:
        assert {k: v for k, v in zh[key].items() if k not in ("reason", "target_from", "citation")} == \
               {k: v for k, v in en[key].items() if k not in ("reason", "target_from", "citation")}
    table = run_cli("progress", str(file), "--plan", "tongyu-2035", "--history", str(SERIES)).stdout
    assert "未填写状态" in table and "no state given" not in table and "(未填写)" not in table
    english = run_cli("progress", str(file), "--plan", "tongyu-2035", "--history", str(SERIES), "--lang", "en").stdout
    assert "no state given" in english and "未填写" not in english


def test_evaluate_with_a_plan_writes_its_progress_in_the_language_asked():
    for lang, word in (("zh", "达到"), ("en", "meets")):
        result = run_cli("evaluate", str(SERIES / "kazuo-2022.yaml"), "--plan", "kazuo-2030", "-f", "json",
                         "--lang", lang)
        (doc,) = json.loads(result.stdout)["plan_progress"]
        sewage = next(r for r in doc["rows"] if r["target_id"] == "urban_sewage_treatment" and r["goal_year"] == 2022)
        assert sewage["status"] == "met" and word in sewage["reason"]


def test_plans_say_where_a_target_does_not_apply_in_either_language():
    plan = next(p for p in PLANS if p.id == "liaoning-2027")
    city_only = next(t for t in plan.targets if t.id == "water_saving_city")
    applies, why = city_only.applies_to("county", coastal=False)
    assert not applies and (why.render("zh"), why.render("en")) == ("仅适用于市级", "applies to city only")
