"""CSV export: one row per county × indicator and one per sub-item, for Excel and for tools.

- Encoding UTF-8 **with BOM**, so Excel opens the Chinese text correctly by double-click;
  CRLF line endings (what the csv module writes by default).
- A sub-item row names its indicator in `parent_id` (empty on indicator rows) and carries the
  indicator's 序号, 领域, 任务 and 属性, so a filter on any of them keeps the sub-items.
- `status` is the JSON word (pass / fail / missing / not_applicable), `结果` the Chinese one
  (达标 / 未达标 / 缺数据 / 不适用); `declared` and `verified` are true / false.
- The columns are the same whatever `lang` is (tools read them by name); `lang` only exists so
  every exporter has the same signature.
- Files that could not be read (`errors`) add **no rows**: a CSV has no place for them. The
  caller reports them on stderr (and the exit code is 2), as for every other format.
- A text cell that starts with = + - @ tab or CR gets a leading apostrophe (OWASP's rule
  against formula injection: Excel would run "=HYPERLINK(…)" from a region name); numbers,
  negative ones included, are written as numbers. The xlsx export stores every text as text.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from ecocheck.base.words import STATUS_ZH
from ecocheck.output.common import Completed, export_renderers, flat_results
from ecocheck.output.neutral import csv_cell

COLUMNS = ["file", "region", "level", "year", "edition", "序号", "id", "parent_id", "指标名称", "name_en",
           "领域", "任务", "单位", "属性", "value", "previous", "target", "delta", "requirement", "status",
           "结果", "declared", "verified", "reason", "value_source", "note"]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def rows(report: dict[str, Any]) -> list[list[Any]]:
    out = []
    for result, parent in flat_results(report):
        out.append([_cell(v) for v in (
            report.get("file", ""), report["region"], report["level"], report["year"], report["edition"],
            result["number"], result["id"], parent["id"] if parent else "", result["name"], result["name_en"],
            result["domain"], result["task"], result["unit"], result["attribute"], result.get("value"),
            result.get("previous"), result.get("target"), result.get("delta"), result["requirement"],
            result["status"], STATUS_ZH[result["status"]], bool(result.get("declared")),
            bool(result.get("verified", True)), result["reason"], result.get("value_source", ""),
            result.get("note", ""))])
    return out


def stream(reports: Iterable[dict[str, Any]], completed: Completed, lang: str = "zh") -> Iterator[bytes]:
    """The header, then each report's rows as it is read. Neither the files that could not be
    read nor the summary go in a CSV: `completed` is not needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # excel dialect: CRLF, minimal quoting

    def written() -> bytes:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text.encode("utf-8")

    writer.writerow(COLUMNS)
    yield codecs.BOM_UTF8 + written()
    for report in reports:
        writer.writerows([csv_cell(v) for v in row] for row in rows(report))
        yield written()


render, render_evaluate, render_batch = export_renderers(stream)
