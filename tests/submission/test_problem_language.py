"""Input problems and warnings are in one language (issue 17): with --lang zh their messages and
hints have no English words and with --lang en no Chinese, outside what they quote — the file's
cells, keys and names, the standard's names and requirements, code the user types (`basis: plan`),
file names and the names of formats (YAML, UTF-8)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, chinese_outside_code, latin_outside_code, run_cli, submission
from ecocheck.base.messages import CATALOGUE, Joined, Message, Quoted
from ecocheck.base.outcome import Outcome
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library

LIB = load_library()

# The bad submissions of docs/errors.md (scripts/error_catalogue.py) that `evaluate` reads …
_spec = importlib.util.spec_from_file_location("error_catalogue", ROOT / "scripts" / "error_catalogue.py")
catalogue = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("error_catalogue", catalogue)  # dataclasses look their module up there
_spec.loader.exec_module(catalogue)
DOCUMENTED = {f"{e.code}: {e.title}": e.text for e in catalogue.EXAMPLES
              if e.args == ("evaluate", "{file}") and not e.fifo and not e.extra}

# … and the cells of tests/submission and tests/cli that the reader reads with a problem or a warning
CELLS = {
    "unit": {"城镇污水处理率": "39 μg/m3"},
    "not applicable for a binding indicator": {"城镇污水处理率": "不涉及"},
    "restated": {"农村无害化卫生厕所普及率": "完成上级规定的目标任务"},
    "restated part": {"单位地区生产总值用水量": "完成"},
    "restated other": {"生态环境状况指数": "不降低"},
    "echoed bound": {"生物多样性保护": {"国家重点保护野生动植物保护率": "≥95%"}},
    "echoed bound short": {"生物多样性保护": {"国家重点保护野生动植物保护率": "≥90%"}},
    "forest is not forest and grass": {"森林覆盖率": 41.35},
    "fraction": {"城镇污水处理率": 0.95},
    "text for a number": {"城镇污水处理率": "基本完成", "不存在的指标": 1},
    "change of eqi beyond ten": {"生态环境状况指数": 60},
    "eqi level outside 0-100": {"生态环境状况指数": {"value": 120, "previous": 61}},
    "decline disagrees": {"水环境质量": {"劣V类水体比例": {"value": 2, "previous": 3, "delta": -1, "decline": 2}}},
    "decline not a decrease": {"环境空气质量": {"优良天数比例": {"decline": 3}}},
    "duplicate by id and name": {"河长制": "全面实施", "river_chief_system": "全面实施"},
    "unknown sub-item": {"农业废弃物综合利用率": {"秸杆综合利用率": 90}},
    "threshold echoed": {"城镇污水处理率": "≥ 80"},
    "change in another unit": {"一般工业固体废物综合利用率提高幅度": "增加3吨"},
    "applicable on an indicator": {"城镇污水处理率": {"applicable": False, "note": "无"}},
    "row name in another unit": {"城镇污水处理率（μg/m3）": 39},
    "a list": {"城镇污水处理率": [90, 95]},
    "previous a list": {"城镇污水处理率": {"value": 90, "previous": [1]}},
    "note not text": {"城镇污水处理率": {"value": 90, "note": [1]}},
    "unknown basis": {},
}
TEXTS = DOCUMENTED | {name: submission(cells, basis="guess") if name == "unknown basis" else submission(cells)
                      for name, cells in CELLS.items()}


def own_words(text, lang: str) -> str:
    """A message as written in `lang` with every quoted word, name, number or nested text of the
    file left out (a nested catalogue message keeps its own words)."""
    if isinstance(text, Outcome):
        return "" if text.message is None else own_words(text.message, lang)
    if isinstance(text, Joined):
        return getattr(CATALOGUE[text.separator], lang).join(own_words(p, lang) for p in text.parts)
    if isinstance(text, Message):
        params = {name: own_words(value, lang) for name, value in text.params.items()}
        return getattr(CATALOGUE[text.key], lang).replace("{{", "").replace("}}", "").format_map(params)
    return ""  # a parameter: the file's or the standard's words, a number, a file name (Quoted too)


def found(name: str, tmp_path: Path) -> list:
    text = TEXTS[name]
    path = tmp_path / "bad.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    checked = check_file(path, LIB)
    return checked.problems if checked.report is None else checked.report.problems + checked.report.warnings


def assert_in_one_language(problems: list, notes: tuple = ()) -> None:
    for p in problems:
        for text in filter(None, (p.message, p.hint)):
            assert isinstance(text, (Message, Joined)), f"not from the catalogue: {text!r}"
            zh, en = own_words(text, "zh"), own_words(text, "en")
            assert not latin_outside_code(zh), (p.code, p.format("zh"))
            assert not chinese_outside_code(en), (p.code, p.format("en"))
    for note in notes:
        assert not latin_outside_code(own_words(note, "zh")), note.render("zh")
        assert not chinese_outside_code(own_words(note, "en")), note.render("en")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_problem_and_hint_is_in_the_language_asked(name, tmp_path):
    problems = found(name, tmp_path)
    assert problems, "the example gives a problem or a warning"
    assert_in_one_language(problems)


# The indicator tables of docs/errors.md (`ecocheck import`), and a consultant's table as shipped
TABLES = {f"{e.code}: {e.title}": e for e in catalogue.EXAMPLES if e.args[0] == "import"}


@pytest.mark.parametrize("name", sorted(TABLES) + ["consultant-tongyu.xlsx"])
def test_a_tables_problems_warnings_and_notes_are_in_the_language_asked(name, tmp_path):
    from conftest import TABLES as FIXTURES
    from ecocheck.base.errors import InputError
    from ecocheck.tables import Options
    from ecocheck.tables.importer import import_table

    if name in TABLES:
        example = TABLES[name]
        path = tmp_path / example.name
        path.write_bytes(example.text if isinstance(example.text, bytes) else example.text.encode("utf-8"))
        args = example.args
        options = Options(region=args[args.index("--region") + 1] if "--region" in args else None,
                          terrain=args[args.index("--terrain") + 1] if "--terrain" in args else None)
    else:
        path, options = FIXTURES / name, Options(terrain="平原地区")
    try:
        imported = import_table(path, LIB, options)
    except InputError as err:
        problems, notes = err.problems, ()
    else:
        problems, notes = imported.findings, imported.notes
    assert problems or notes
    assert_in_one_language(problems, notes)


def test_the_words_around_the_problems_and_the_json_follow_lang(write):
    path = write("bad.yaml", submission({"城镇污水处里率": 90, "城镇生活垃圾无害化处理率": 0.95,
                                         "农村无害化卫生厕所普及率": "完成上级规定的目标任务"}))
    said = {lang: run_cli("evaluate", str(path), "-f", "json", "--lang", lang) for lang in ("zh", "en")}
    zh, en = said["zh"], said["en"]
    assert ": 错误：标准版本 2021 中没有指标“城镇污水处里率”\n  建议：是否应为“城镇污水处理率”" in zh.stderr
    assert ": 提示：" in zh.stderr and "error:" not in zh.stderr and "hint:" not in zh.stderr
    assert ": error: unknown indicator '城镇污水处里率' in edition 2021\n  hint: did you mean “城镇污水处理率”" in en.stderr
    assert ": warning: " in en.stderr and "错误" not in en.stderr and "建议" not in en.stderr
    reports = {lang: json.loads(said[lang].stdout) for lang in said}
    for lang, report in reports.items():  # the JSON's texts are the ones printed, in the same language
        for p in report["problems"] + report["warnings"]:
            assert {"file", "line", "column", "code", "message", "hint"} <= p.keys()  # the contract, unchanged
            assert p["message"] in said[lang].stderr and p["hint"] in said[lang].stderr
    codes = {lang: [p["code"] for p in report["problems"] + report["warnings"]] for lang, report in reports.items()}
    assert codes["zh"] == codes["en"] == ["unknown-indicator", "fraction", "declared"]


@pytest.mark.parametrize("command", ["validate", "batch"])
def test_validate_and_batch_print_problems_in_the_language_asked(write, command):
    path = write("bad.yaml", submission({"城镇污水处里率": 90}))
    zh = run_cli(command, str(path), "--lang", "zh")
    en = run_cli(command, str(path), "--lang", "en")
    assert "错误：标准版本 2021 中没有指标“城镇污水处里率”" in zh.stderr and "error" not in zh.stderr
    assert "error: unknown indicator '城镇污水处里率' in edition 2021" in en.stderr and "错误" not in en.stderr
    assert run_cli(command, str(path)).stderr == zh.stderr  # Chinese is the default
