"""JSON output: the canonical documents, as tools consume them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def render_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_evaluate(view: Any) -> str:
    if view.single and view.reports:  # one file named: its report alone
        return render_json(view.reports[0])
    return render_json({"reports": view.reports, "errors": view.errors})


def render_batch(view: Any) -> Iterator[bytes]:
    """{"reports": [...], "errors": [...], "summary": {...}} written report by report.

    The same bytes as json.dumps of the whole document (the tail with indent=1), but the
    reports come serialised from the workers, and the county rows are written one at a time.
    The summary is complete once the reports are consumed.
    """
    yield b'{"reports": ['
    first = True
    for report_json in view.reports:
        yield (b"" if first else b",") + b"\n" + report_json
        first = False
    summary = view.summary
    marker = "\x00counties\x00"
    tail = {"errors": summary.error_rows(), "summary": {**summary.totals(), "counties": marker,
                                                        "indicators": summary.indicator_rows()}}
    head, rest = json.dumps(tail, ensure_ascii=False, indent=1)[1:].split(json.dumps(marker), 1)
    yield b"\n], " + head.encode("utf-8")
    if summary.counties:  # as indent=1 lays out a list three levels down: "[", rows, "  ]"
        yield b"["
        sep = b"\n"
        for row in summary.iter_county_rows():
            text = json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n   ")
            yield sep + b"   " + text.encode("utf-8")
            sep = b",\n"
        yield b"\n  ]"
    else:
        yield b"[]"
    yield rest.encode("utf-8") + b"\n"


def render_compare(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    return render_json({"series": docs, "errors": errors})


def render_progress(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    if len(docs) == 1 and not errors:  # one plan for one file: its document alone
        return render_json(docs[0])
    return render_json({"progress": docs, "errors": errors})
