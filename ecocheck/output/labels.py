"""Words shown to people, in Chinese (default) and English."""

from __future__ import annotations

import re
from typing import Any

from ecocheck.base.words import ATTRIBUTE_WORDS, NOT_APPLICABLE, STATUS_WORDS, STATUSES

COLUMNS = {
    "zh": ["领域", "任务", "序号", "指标名称", "单位", "现状值", "指标值", "属性", "结果", "说明"],
    "en": ["Domain", "Task", "No.", "Indicator", "Unit", "Value", "Requirement", "Type", "Result", "Reason"],
}
WORDS = {
    "zh": {
        "declared": "申报", "unverified": "未核实", "previous": "上年", "target": "目标", "delta": "变化",
        "binding": "约束性指标", "reference": "参考性指标", "ratio": "参考性指标达标率",
        "verdict_pass": "结论：约束性指标全部达标",
        "verdict_fail": "结论：约束性指标未全部达标",
        "failed": "未达标", "missing_list": "缺数据", "edition": "标准版本", "region": "地区",
        "year": "年份", "unverified_note": "† 未核实：该指标的阈值或适用范围未能在来源文件中核实",
        "declared_note": "（申报）表示结论仅依据地区的申报，而非实测数值",
        "warnings": "提示", "basis_plan": "依据：规划目标值（非实测）",
    },
    "en": {
        "declared": "declared", "unverified": "unverified", "previous": "prev", "target": "target",
        "delta": "Δ", "binding": "Binding indicators", "reference": "Reference indicators",
        "ratio": "Reference pass ratio", "verdict_pass": "Verdict: every binding indicator is met",
        "verdict_fail": "Verdict: binding indicators NOT all met", "failed": "failed",
        "missing_list": "missing data", "edition": "Edition", "region": "Region", "year": "Year",
        "unverified_note": "† unverified: threshold or applicability not confirmed by a source document",
        "declared_note": "(declared) means the verdict rests only on the county's declared `met`, not on measured values",
        "warnings": "Warnings", "basis_plan": "Basis: a plan's target values (not measured)",
    },
}


def status_text(result: dict[str, Any], lang: str) -> str:
    text = STATUS_WORDS[lang][result["status"]]
    if result.get("declared"):
        text += f"（{WORDS[lang]['declared']}）" if lang == "zh" else f" ({WORDS[lang]['declared']})"
    if not result.get("verified", True) and result["status"] != NOT_APPLICABLE:
        text += " †"
    return text


def value_text(result: dict[str, Any], lang: str) -> str:
    """现状值 cell: the value, and last year's value / the target when given."""
    parts = []
    value = result.get("value")
    if value is not None:
        parts.append(str(value))
    words = WORDS[lang]
    if result.get("delta") is not None:
        parts.append(f"{words['delta']} {result['delta']}")
    if result.get("previous") is not None:
        mark = "*" if result.get("previous_source") else ""  # taken from another year's file
        parts.append(f"{words['previous']}{mark} {result['previous']}")
    if result.get("target") is not None:
        parts.append(f"{words['target']} {result['target']}")
    if not parts and result.get("declared"):
        parts.append(words["declared"])
    if len(parts) > 1:
        return f"{parts[0]} ({', '.join(parts[1:])})"
    return parts[0] if parts else ""


def name_text(result: dict[str, Any], lang: str) -> str:
    return result["name"] if lang == "zh" else f"{result['name_en']} ({result['name']})"


def unit_of(result: dict[str, Any]) -> str:
    """The unit the value is in: the one it was given in when that picks another reading (PM2.5 in μg/m³)."""
    return result.get("value_unit") or result["unit"]


def rows(report: dict[str, Any], lang: str) -> list[list[str]]:
    """The standard's table layout: one row per indicator, then one per sub-item."""
    out = []
    for r in report["results"]:
        attribute = ATTRIBUTE_WORDS[lang][r["attribute"]]
        out.append([r["domain"], r["task"], str(r["number"]), name_text(r, lang), unit_of(r),
                    value_text(r, lang), r["requirement"], attribute, status_text(r, lang),
                    r["reason"] if r["status"] != "pass" or r.get("declared") else ""])
        for item in r.get("items", []):
            out.append(["", "", "", "  └ " + name_text(item, lang), unit_of(item), value_text(item, lang),
                        item["requirement"], "", status_text(item, lang),
                        item["reason"] if item["status"] != "pass" or item.get("declared") else ""])
    return out


def summary_lines(report: dict[str, Any], lang: str) -> list[str]:
    s = report["summary"]
    words = WORDS[lang]
    st = STATUS_WORDS[lang]

    def counts(bucket: dict[str, int]) -> str:
        text = ("，" if lang == "zh" else ", ").join(f"{st[k]} {bucket[k]}" for k in STATUSES)
        if bucket.get("declared"):
            text += f"（其中申报 {bucket['declared']}）" if lang == "zh" else f" (declared: {bucket['declared']})"
        return text

    ratio = s["reference_pass_ratio"]
    lines = [
        f"{words['binding']}：{counts(s['binding'])}" if lang == "zh" else f"{words['binding']}: {counts(s['binding'])}",
        f"{words['reference']}：{counts(s['reference'])}" if lang == "zh" else f"{words['reference']}: {counts(s['reference'])}",
        (f"{words['ratio']}：" if lang == "zh" else f"{words['ratio']}: ")
        + ("—" if ratio is None else f"{ratio * 100:.1f}%"),
    ]
    verdict = words["verdict_pass"] if s["binding_met"] else words["verdict_fail"]
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    if s["binding_failed"]:
        verdict += f"{sep}{words['failed']}{colon}" + names_text(s["binding_failed"], report, lang)
    if s["binding_missing"]:
        verdict += f"{sep}{words['missing_list']}{colon}" + names_text(s["binding_missing"], report, lang)
    lines.append(verdict)
    return lines


def names_text(names: list[str], report: dict[str, Any], lang: str) -> str:
    """Indicators named by their official Chinese names, as a list in `lang` (English: each English
    name with the Chinese beside)."""
    if lang == "zh":
        return "、".join(names)
    results = {r["name"]: r for r in report["results"]}
    return ", ".join(name_text(results[n], lang) if n in results else n for n in names)


def heading(report: dict[str, Any], lang: str) -> str:
    w = WORDS[lang]
    sep = "：" if lang == "zh" else ": "
    text = (f"{w['region']}{sep}{report['region']}  {w['year']}{sep}{report['year']}  "
            f"{w['edition']}{sep}{report['edition_title']} ({report['edition']})")
    if report.get("basis") == "plan":  # a plan's 达标 is a target that would meet the standard
        text += f"  {w['basis_plan']}"
    return text


def source_note(report: dict[str, Any], lang: str) -> str:
    """The standard (title and 文号) and the documents that print its rows, as a reviewer cites them
    ("" for a report without them); each row's own citation is in the JSON (`rule_citation`)."""
    standard = (report.get("standard") or {}).get("citation", "")
    documents = "、".join(d["citation"] for d in report.get("documents") or ())
    if not standard and not documents:
        return ""
    if lang == "zh":
        return "来源：" + "；".join(filter(None, [standard, documents and f"指标行据{documents}"]))
    return "Source: " + "; ".join(filter(None, [standard, documents and f"rows as printed in {documents}"]))


def footnotes(report: dict[str, Any], lang: str) -> list[str]:
    notes = [note] if (note := source_note(report, lang)) else []
    results = report["results"]
    if any(r.get("declared") for r in results) or any(i.get("declared") for r in results for i in r["items"]):
        notes.append(WORDS[lang]["declared_note"])
    if any(not r["verified"] and r["status"] != "not_applicable" for r in results):
        notes.append(WORDS[lang]["unverified_note"])
    sources = sorted({x["previous_source"] for r in results for x in (r, *r["items"]) if x.get("previous_source")})
    if sources:  # year series (ecocheck.submission.history): say where last year's values came from
        if lang == "zh":
            notes.append("* 上年值取自：" + "；".join(_source_zh(source) for source in sources))
        else:
            notes.append("* last year's value taken from: " + "; ".join(sources))
    return notes


# `previous_source` is a JSON field (a contract) worded "FILE (YEAR, N years earlier)"; a zh
# report words it in Chinese.
_SOURCE = re.compile(r"^(?P<file>.*) \((?P<year>\d+)(?:, (?P<gap>\d+) years earlier)?\)$")


def _source_zh(source: str) -> str:
    found = _SOURCE.match(source)
    if found is None:
        return source
    gap = f"，早 {found['gap']} 年" if found["gap"] else ""
    return f"{found['file']}（{found['year']} 年{gap}）"

