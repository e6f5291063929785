"""Human-readable descriptions of rules, from the rule metadata (rules show, explain, docs)."""

from __future__ import annotations

from ecocheck.core.criteria import AllOf, Band, Change, Criterion, Qualitative, SuperiorTarget, Threshold, Trend
from ecocheck.core.model import Edition, Indicator

NEEDS_ZH = {"value": "value（现状值）", "previous": "previous（上年值）", "target": "target（上级下达目标）"}


def how_decided(criterion: Criterion) -> str:
    """One sentence on how ecocheck decides a criterion."""
    if isinstance(criterion, Threshold):
        if criterion.by:
            bounds = "；".join(f"{k} {v}" for k, v in criterion.bounds)
            return f"value {criterion.op} the bound for the region's {criterion.by} ({bounds})"
        return f"value {criterion.op} {criterion.bound} {criterion.unit}"
    if isinstance(criterion, Qualitative):
        return (f"state word: met if one of {'、'.join(criterion.accept)}; "
                f"not met if one of {'、'.join(criterion.reject) or '—'}")
    if isinstance(criterion, SuperiorTarget):
        rel = "≥" if criterion.direction == "higher" else "≤"
        return f"value {rel} target (the superior government's assigned target)"
    if isinstance(criterion, Trend):
        better = "higher" if criterion.direction == "higher" else "lower"
        rel = ("<" if criterion.direction == "lower" else ">") if criterion.strict else ("≤" if criterion.direction == "lower" else "≥")
        return f"value {rel} previous (last year's value; {better} is better)"
    if isinstance(criterion, Change):
        return f"value − previous (or delta) {criterion.op} {criterion.bound}"
    if isinstance(criterion, Band):
        return "by the region's own current value: " + "; ".join(
            f"{label} → {how_decided(c)}" for _, _, label, c in criterion.bands)
    if isinstance(criterion, AllOf):
        return "all of: " + "; and ".join(how_decided(p) for p in criterion.parts)
    return criterion.KIND


def describe_indicator(edition: Edition, ind: Indicator) -> str:
    scope = "、".join({"county": "县", "city": "市"}[lvl] for lvl in ind.levels)
    lines = [
        f"{ind.number}. {ind.name}  ({ind.name_en})",
        f"  id:          {ind.id}",
        f"  edition:     {edition.id} {edition.title}",
        f"  领域/任务:   {ind.domain} / {ind.task}",
        f"  单位:        {ind.unit}",
        f"  属性:        {ind.attribute}",
        f"  适用范围:    {scope}" + ("（仅沿海地区）" if ind.coastal_only else ""),
        f"  指标值:      {ind.requirement}",
    ]
    if ind.criterion is not None:
        lines.append(f"  decided by:  {how_decided(ind.criterion)}")
        lines.append(f"  give:        {', '.join(NEEDS_ZH.get(n, n) for n in ind.criterion.needs())}"
                     " — or {met: true|false, note} when no number exists")
    for item in ind.items:
        lines.append(f"  - {item.name} ({item.id}, {item.unit}): {item.requirement}")
        lines.append(f"      decided by: {how_decided(item.criterion)}")
    lines.append(f"  source:      {ind.source}")
    if ind.note:
        lines.append(f"  note:        {ind.note}")
    if not ind.verified:
        lines.append(f"  † unverified: {ind.verification_note}")
    elif ind.verification_note:
        lines.append(f"  verification: {ind.verification_note}")
    return "\n".join(lines)
