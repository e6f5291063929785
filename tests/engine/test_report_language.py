"""A report's reasons are in one language: a zh report's reasons have no English words and an
en report's no Chinese, outside what they quote (values, the county's notes, names and
requirements of the standard) and the submission fields they name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from ecocheck.base.messages import CATALOGUE, Joined, Message
from ecocheck.base.outcome import Outcome
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library

LIB = load_library()
DATA = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "data" / "pasted").glob("*.yaml"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FIELD_IDS = re.compile(r"value|previous|target|delta|profile")


def own_words(reason, lang: str) -> str:
    """A reason as written in `lang` with every quoted value, name or note left out."""
    if isinstance(reason, Outcome):
        return "" if reason.message is None else own_words(reason.message, lang)
    if isinstance(reason, Joined):
        return getattr(CATALOGUE[reason.separator], lang).join(
            own_words(p, lang) if isinstance(p, (Message, Joined, Outcome)) else "" for p in reason.parts)
    if isinstance(reason, Message):
        params = {name: own_words(value, lang) if isinstance(value, (Message, Joined, Outcome)) else ""
                  for name, value in reason.params.items()}
        return getattr(CATALOGUE[reason.key], lang).format_map(params)
    raise TypeError(reason)


def results(report):
    for result in report.results:
        yield result
        yield from result.items


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.relative_to(ROOT / "data").as_posix())
def test_a_zh_report_gives_its_reasons_in_chinese_and_an_en_report_in_english(path: Path):
    report = check_file(str(path), LIB).report
    dicts = {lang: report.as_dict(lang) for lang in ("zh", "en")}
    said = 0
    for lang, doc in dicts.items():
        rows = [row for r in doc["results"] for row in (r, *r["items"])]
        for result, row in zip(results(report), rows):
            assert row["reason"] == result.reason_in(lang)  # the JSON reason is the one checked here
            words = own_words(result.outcome, lang)
            said += bool(words)
            if lang == "zh":
                assert not re.search("[A-Za-z]", FIELD_IDS.sub("", words)), (result.id, row["reason"])
            else:
                assert not CJK.search(words), (result.id, row["reason"])
    assert said  # the check saw reasons


@pytest.mark.parametrize("command", ["evaluate", "batch"])
def test_the_cli_writes_reasons_in_the_language_asked(command):
    reasons = {}
    for lang in ("zh", "en"):
        result = run_cli(command, "data/kazuo-2019.yaml", "-f", "json", "--lang", lang)
        doc = json.loads(result.stdout)
        report = doc if "results" in doc else doc["reports"][0]
        reasons[lang] = {r["id"]: r["reason"] for r in report["results"]}
    assert reasons["zh"]["urban_sewage_treatment"] != reasons["en"]["urban_sewage_treatment"]
    fail = next(i for i, text in reasons["en"].items() if "does not meet" in text)
    assert "未达到" in reasons["zh"][fail]
