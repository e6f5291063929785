"""Human-readable descriptions of rules, from the rule metadata (rules show, explain, docs)."""

from __future__ import annotations

from ecocheck.library.criteria import (
    OPS, AllOf, Band, Change, Criterion, Qualitative, SuperiorTarget, Threshold, Trend,
)
from ecocheck.library.model import Edition, Indicator
from ecocheck.base.values import format_number
from ecocheck.base.words import LEVEL_WORDS

NEEDS_ZH = {"value": "value（现状值）", "previous": "previous（上年值）", "target": "target（上级下达目标）"}
NEEDS_EN = {"value": "value (this year's value)", "previous": "previous (last year's value)",
            "target": "target (the target the superior government assigned)"}
CLASS_ZH = {"level": "级别（县/市）", "terrain": "地区类型 terrain", "climate": "气候区 climate",
            "city_size": "城市规模 city_size"}


def how_decided(criterion: Criterion, lang: str = "en", class_names: dict[str, str] | None = None) -> str:
    """One sentence on how ecocheck decides a criterion (lang "en" or "zh"; `class_names` names
    an edition's own profile classes, e.g. {"basin": "流域分区"})."""
    if lang == "zh":
        return _how_decided_zh(criterion, class_names or {})
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


def _unit_suffix(unit: str) -> str:
    return "" if unit in ("", "-") else ("%" if unit == "%" else f" {unit}")


def _symbol(op: str) -> str:
    return OPS[op][1]


def _how_decided_zh(criterion: Criterion, names: dict[str, str]) -> str:
    if isinstance(criterion, Qualitative):
        quoted = "、".join(f"“{w}”" for w in criterion.accept)
        rejected = "、".join(f"“{w}”" for w in criterion.reject) or "—"
        return (f"填写状态词：{quoted} 为达标；{rejected} 为未达标"
                "（标点、空格与前缀“已”不计；其他说法是输入错误）")
    condition, missing = _condition_zh(criterion, names)
    absent = "未填 value" + (f" 或缺 {'、'.join(missing)}" if missing else "")
    if isinstance(criterion, Change):  # the change alone (delta) is enough
        absent = "既无 value 与 previous、又未填 delta"
    return f"达标条件：{condition}；不满足为未达标；{absent} 为缺数据"


def _condition_zh(criterion: Criterion, names: dict[str, str]) -> tuple[str, list[str]]:
    """The condition a criterion checks, and the submission fields whose absence makes it 缺数据."""
    if isinstance(criterion, Threshold):
        symbol = _symbol(criterion.op)
        if criterion.by:
            bounds = "；".join(f"{LEVEL_WORDS['zh'].get(k, k)} {symbol}{format_number(v)}" for k, v in criterion.bounds)
            missing = [] if criterion.by == "level" else [f"profile.{criterion.by}"]
            label = CLASS_ZH.get(criterion.by) or f"{names.get(criterion.by, '分类')} {criterion.by}"
            return f"value 达到本地区的阈值（按{label}：{bounds}）", missing
        return f"value {symbol} {format_number(criterion.bound)}{_unit_suffix(criterion.unit)}", []
    if isinstance(criterion, SuperiorTarget):
        rel = "≥" if criterion.direction == "higher" else "≤"
        return f"value {rel} target（上级下达的目标值）", ["target"]
    if isinstance(criterion, Trend):
        if criterion.strict:
            rel, words = ("<", "须比上年减少") if criterion.direction == "lower" else (">", "须比上年提高")
        else:
            rel, words = (("≤", "越低越好，持平亦可") if criterion.direction == "lower"
                          else ("≥", "越高越好，持平亦可"))
        return f"value {rel} previous（上年值；{words}）", ["previous"]
    if isinstance(criterion, Change):
        return (f"{criterion.symbol} = value − previous（或直接填 delta）{_symbol(criterion.op)} "
                f"{format_number(criterion.bound)}"), ["previous"]
    if isinstance(criterion, Band):
        parts, missing = [], []
        for _, _, label, inner in criterion.bands:
            condition, needs = _condition_zh(inner, names)
            parts.append(f"{label} {condition}")
            missing += [n for n in needs if n not in missing]
        return "按本年 value 所在档次——" + "；".join(parts), missing
    if isinstance(criterion, AllOf):
        conditions, missing = [], []
        for part in criterion.parts:
            condition, needs = _condition_zh(part, names)
            conditions.append(condition)
            missing += [n for n in needs if n not in missing]
        return " 且 ".join(conditions), missing
    return criterion.KIND, []


def class_requirements(criterion: Criterion | None, lang: str = "zh") -> list[tuple[str, str, bool]]:
    """(class, requirement, verified) for each profile class a keyed threshold distinguishes."""
    rows: list[tuple[str, str, bool]] = []
    if isinstance(criterion, Threshold) and criterion.by:
        symbol = _symbol(criterion.op)
        for name, bound in criterion.bounds:
            rows.append((LEVEL_WORDS[lang].get(name, name) if criterion.by == "level" else name,
                         f"{symbol}{format_number(bound)}", name not in criterion.unverified))
    for part in getattr(criterion, "parts", ()):
        rows += class_requirements(part, lang)
    for band in getattr(criterion, "bands", ()):
        rows += class_requirements(band[3], lang)
    return rows


def scope_text(ind: Indicator, lang: str = "zh") -> str:
    """Where an indicator applies: 县、市 / 仅市 / … （仅沿海地区）."""
    if lang == "zh":
        text = "、".join(LEVEL_WORDS["zh"][lvl] for lvl in ind.levels)
        text = text if len(ind.levels) > 1 else f"仅{text}"
        return text + ("（仅沿海地区）" if ind.coastal_only else "")
    text = " and ".join(LEVEL_WORDS["en"][lvl] for lvl in ind.levels) + ("" if len(ind.levels) > 1 else " only")
    return text + (", coastal regions only" if ind.coastal_only else "")


def describe_indicator(edition: Edition, ind: Indicator) -> str:
    scope = "、".join(LEVEL_WORDS["zh"][lvl] for lvl in ind.levels)
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
