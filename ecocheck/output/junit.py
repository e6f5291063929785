"""JUnit XML export: the check as a CI gate (GitLab, Jenkins, GitHub test reporters).

- one <testsuite> per county-year, named "region year edition";
- one <testcase> per 约束性 (binding) indicator — reference indicators never fail the gate —
  classname "region.year", name "number name" (the official Chinese name, stable across --lang);
- fail → <failure type="fail" message=reason>; missing → <failure type="missing">, because a
  binding indicator without data fails the gate too; not applicable → <skipped>; a pass that
  rests on a declaration → a pass with <system-out>declared: …</system-out>;
- files that could not be read → a testsuite "input-errors" with one failing testcase per file.

tests / failures / errors / skipped are counted on every <testsuite> and on <testsuites>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import Any

from ecocheck.base.errors import problem_text
from ecocheck.base.words import BINDING
from ecocheck.output import labels
from ecocheck.output.common import Completed, clean, export_renderers, problem_location, spool, spooled

COUNTS = ("tests", "failures", "errors", "skipped")


def _detail(result: dict[str, Any], lang: str) -> str:
    """The failure body: requirement, value, reason, and each sub-item's verdict."""
    head = labels.COLUMNS[lang]
    sep = "：" if lang == "zh" else ": "
    lines = [f"{head[6]}{sep}{result['requirement']}",
             f"{head[5]}{sep}{labels.value_text(result, lang) or '—'}",
             f"{head[8]}{sep}{labels.status_text(result, lang)}",
             f"{head[9]}{sep}{result['reason']}"]
    for item in result.get("items", []):
        lines.append(f"  └ {item['name']}{sep}{labels.status_text(item, lang)} — {item['reason']}")
    return clean("\n".join(lines))


def _suite(name: str) -> ET.Element:
    return ET.Element("testsuite", name=clean(name))


def _set_counts(element: ET.Element, counts: dict[str, int]) -> None:
    for key in COUNTS:
        element.set(key, str(counts[key]))


def county_suite(report: dict[str, Any], lang: str) -> tuple[ET.Element, dict[str, int]]:
    suite = _suite(f"{report['region']} {report['year']} {report['edition']}")
    counts = dict.fromkeys(COUNTS, 0)
    properties = ET.SubElement(suite, "properties")
    for key, value in (("file", report.get("file", "")), ("region", report["region"]), ("level", report["level"]),
                       ("year", report["year"]), ("edition", report["edition"]),
                       ("edition_title", report.get("edition_title", "")),
                       ("verdict", report["summary"]["verdict"])):
        ET.SubElement(properties, "property", name=key, value=clean(value))
    classname = clean(f"{report['region']}.{report['year']}")
    for result in report["results"]:
        if result["attribute"] != BINDING:
            continue
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=classname,
                             name=clean(f"{result['number']} {result['name']}"))
        status = result["status"]
        if status in ("fail", "missing"):
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", message=clean(result["reason"]), type=status)
            failure.text = _detail(result, lang)
        elif status == "not_applicable":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=clean(result["reason"]))
        else:
            out = []
            if result.get("declared"):
                out.append(f"declared: {result['reason']}")
            if not result.get("verified", True):
                out.append(labels.WORDS[lang]["unverified_note"])
            if out:
                ET.SubElement(case, "system-out").text = clean("\n".join(out))
    _set_counts(suite, counts)
    return suite, counts


def errors_suite(errors: list[dict[str, Any]], lang: str = "zh") -> tuple[ET.Element, dict[str, int]]:
    by_file: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        by_file.setdefault(error.get("file", "") or "<input>", []).append(error)
    suite = _suite("input-errors")
    for file, problems in by_file.items():
        case = ET.SubElement(suite, "testcase", classname="input-errors", name=clean(file))
        first = problems[0]
        failure = ET.SubElement(case, "failure",
                                message=clean(f"{problem_location(first)}: {first.get('message', '')}"),
                                type=clean(first.get("code", "input")))
        failure.text = clean("\n".join(problem_text(problem_location(p), p.get("message", ""), p.get("hint", ""), lang)
                                       for p in problems))  # as the command line prints them
    counts = {"tests": len(by_file), "failures": len(by_file), "errors": 0, "skipped": 0}
    _set_counts(suite, counts)
    return suite, counts


# Laid out as ET.indent lays out the whole document: a suite two spaces in, its contents deeper.
SUITE_LEVEL = 1
BETWEEN_SUITES = b"\n  "


def _suite_xml(suite: ET.Element) -> bytes:
    ET.indent(suite, level=SUITE_LEVEL)
    return ET.tostring(suite, encoding="utf-8")


def stream(reports: Iterable[dict[str, Any]], completed: Completed, lang: str = "zh") -> Iterator[bytes]:
    """<testsuites> carries the totals, known once every report is read: the suites wait in a
    spool, each written as its report is read, and follow the totals."""
    totals = dict.fromkeys(COUNTS, 0)
    with spool() as suites:
        written = 0

        def add(suite: ET.Element, counts: dict[str, int]) -> None:
            nonlocal written
            suites.write((BETWEEN_SUITES if written else b"") + _suite_xml(suite))
            written += 1
            for key in COUNTS:
                totals[key] += counts[key]

        for report in reports:
            add(*county_suite(report, lang))
        errors, _ = completed()
        if errors:
            add(*errors_suite(errors, lang))
        root = ET.Element("testsuites", name="ecocheck")
        _set_counts(root, totals)
        if not written:  # an empty element, as ET writes it
            yield ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
            return
        root.text = "\n  "
        head = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        yield head[:head.rindex(b"</testsuites>")]  # the declaration, <testsuites …> and the indent
        yield from spooled(suites)
        yield b"\n</testsuites>\n"


render, render_evaluate, render_batch = export_renderers(stream)
