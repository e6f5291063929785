"""Comparing a region's years: per indicator the value in each year, the change, whether it
improved in the indicator's own direction, and any change of verdict. No I/O.

Input is a region's reports (canonical dicts, `Report.as_dict()`) in year order and the
editions they were evaluated against (for each indicator's direction). Output is one
JSON-shaped document (the contract of `ecocheck compare -f json`):

    {"region", "level", "years", "files", "editions",
     "previous_files": [{"file", "year"} or null],   # per year: the file last year's values came from
     "rows": [{"id", "parent", "number", "name", "name_en", "unit", "attribute", "direction",
               "values": [{"year", "value", "status", "declared", "previous_source"}],
               "steps": [{"from", "to", "change", "trend"}],
               "change", "trend",                 # first year → last year
               "verdict_changes": [{"from", "to", "before", "after"}]}],
     "summary": {"improved", "worsened", "unchanged", "changed", "not_comparable", "verdict_changes"}}

Indicators that are not applicable in every year are left out. `trend` is `improved` / `worsened` / `unchanged` for numbers in an indicator with a
direction, `changed` / `unchanged` for state words or numbers without a direction, and null
when a year has no value.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ecocheck.library.kinds import Criterion
from ecocheck.engine.evaluate import json_number
from ecocheck.library.model import Edition

IMPROVED, WORSENED, UNCHANGED, CHANGED = "improved", "worsened", "unchanged", "changed"
TRENDS = (IMPROVED, WORSENED, UNCHANGED, CHANGED)


def direction_of(criterion: Criterion | None) -> str | None:
    """Which way is better for the value a criterion reads: higher, lower, or None (words, '=')."""
    return None if criterion is None else criterion.better_direction()


def directions(editions: list[Edition]) -> dict[tuple[str, str | None], str | None]:
    """(indicator id, sub-item id or None) → direction, the later editions winning."""
    out: dict[tuple[str, str | None], str | None] = {}
    for edition in editions:
        for ind in edition.indicators:
            if ind.criterion is not None:
                out[(ind.id, None)] = direction_of(ind.criterion) or out.get((ind.id, None))
            for item in ind.items:
                out[(ind.id, item.id)] = direction_of(item.criterion) or out.get((ind.id, item.id))
            for rule, key in ((ind, (ind.id, None)), *((item, (ind.id, item.id)) for item in ind.items)):
                for unit, criterion in rule.by_unit:  # a value in this unit is another quantity
                    out[(*key, unit)] = direction_of(criterion)
    return out


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - json numbers are finite
        return None


def trend_of(before: Any, after: Any, direction: str | None) -> tuple[Any, str | None]:
    """(change, trend) between two values of one indicator."""
    if before is None or after is None:
        return None, None
    a, b = _decimal(before), _decimal(after)
    if a is not None and b is not None:
        change = b - a
        if change == 0:
            return json_number(change), UNCHANGED
        if direction is None:
            return json_number(change.normalize()), CHANGED
        better = change > 0 if direction == "higher" else change < 0
        return json_number(change.normalize()), IMPROVED if better else WORSENED
    if a is None and b is None:
        return None, UNCHANGED if str(before) == str(after) else CHANGED
    return None, CHANGED  # a number became a word or the other way round


def _rows_of(report: dict[str, Any]) -> dict[tuple[str, str | None], dict[str, Any]]:
    out = {}
    for r in report["results"]:
        out[(r["id"], None)] = r
        for item in r.get("items", []):
            out[(r["id"], item["id"])] = item
    return out


def compare(reports: list[dict[str, Any]], editions: list[Edition]) -> dict[str, Any]:
    """Compare a region's reports, given oldest first."""
    if len(reports) < 2:
        raise ValueError("a comparison needs at least two years")
    reports = sorted(reports, key=lambda r: r["year"])
    years = [r["year"] for r in reports]
    dirs = directions(editions)
    per_year = [_rows_of(r) for r in reports]
    order: list[tuple[str, str | None]] = []
    meta: dict[tuple[str, str | None], dict[str, Any]] = {}
    for rows in reversed(per_year):  # the latest edition's order and names first
        for key, r in rows.items():
            if key not in meta:
                order.append(key)
                meta[key] = r
    parent_numbers = {key[0]: meta[key]["number"] for key in order if key[1] is None}
    order.sort(key=lambda k: (parent_numbers.get(k[0], meta[k]["number"]), k[1] is not None))
    # keep sub-items in their edition order under their parent
    order = _stable_items(order, per_year)
    rows_out = []
    counts = {t: 0 for t in TRENDS} | {"not_comparable": 0, "verdict_changes": 0}
    for key in order:
        r = meta[key]
        if all(rows.get(key, {}).get("status") in (None, "not_applicable") for rows in per_year):
            continue  # not applicable in every year (city-only, coastal): nothing to compare
        units = {rows[key].get("value_unit", "") for rows in per_year if key in rows}
        direction = dirs.get((*key, units.pop())) if len(units) == 1 and "" not in units else dirs.get(key)
        values = []
        for year, rows in zip(years, per_year):
            found = rows.get(key)
            values.append({"year": year, "value": found["value"] if found else None,
                           "status": found["status"] if found else None,
                           "declared": bool((found or {}).get("declared")),
                           "previous_source": (found or {}).get("previous_source", "")})
        steps = []
        for before, after in zip(values, values[1:]):
            change, trend = trend_of(before["value"], after["value"], direction)
            steps.append({"from": before["year"], "to": after["year"], "change": change, "trend": trend})
        change, trend = trend_of(values[0]["value"], values[-1]["value"], direction)
        verdicts = [{"from": b["year"], "to": a["year"], "before": b["status"], "after": a["status"]}
                    for b, a in zip(values, values[1:])
                    if b["status"] != a["status"] and b["status"] is not None and a["status"] is not None]
        counts[trend if trend else "not_comparable"] += 1
        counts["verdict_changes"] += bool(verdicts)
        rows_out.append({"id": key[1] or key[0], "parent": key[0] if key[1] else None, "number": r["number"],
                         "name": r["name"], "name_en": r.get("name_en", ""), "unit": r["unit"], "attribute": r["attribute"], "direction": direction,
                         "values": values, "steps": steps, "change": change, "trend": trend,
                         "verdict_changes": verdicts})
    latest = reports[-1]
    return {"region": latest["region"], "level": latest["level"], "years": years,
            "files": [r.get("file", "") for r in reports], "editions": [r["edition"] for r in reports],
            "rows": rows_out, "summary": counts,
            "previous_files": [r.get("previous_file") for r in reports]}


def _stable_items(order: list[tuple[str, str | None]], per_year: list[dict]) -> list[tuple[str, str | None]]:
    """Sub-items in the order their parent lists them (latest report first)."""
    rank: dict[tuple[str, str | None], int] = {}
    for rows in reversed(per_year):
        for i, key in enumerate(rows):
            rank.setdefault(key, i)
    out: list[tuple[str, str | None]] = []
    for key in order:
        if key[1] is None:
            out.append(key)
            children = sorted((k for k in order if k[0] == key[0] and k[1] is not None), key=lambda k: rank[k])
            out += children
    out += [k for k in order if k[1] is not None and (k[0], None) not in set(order)]
    return out


__all__ = ["compare", "direction_of", "trend_of", "TRENDS"]
