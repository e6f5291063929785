"""Human-readable descriptions of rules, from the rule metadata (rules show, explain, docs)."""

from __future__ import annotations

from ecocheck.library.kinds import Criterion
from ecocheck.library.model import Edition, Indicator
from ecocheck.base.words import LEVEL_WORDS

NEEDS_ZH = {"value": "value（现状值）", "previous": "previous（上年值）", "target": "target（上级下达目标）"}
NEEDS_EN = {"value": "value (this year's value)", "previous": "previous (last year's value)",
            "target": "target (the target the superior government assigned)"}


def how_decided(criterion: Criterion, lang: str = "en", class_names: dict[str, str] | None = None) -> str:
    """One sentence on how ecocheck decides a criterion (lang "en" or "zh"; `class_names` names
    an edition's own profile classes, e.g. {"basin": "流域分区"})."""
    return criterion.how_decided(lang, class_names)


def class_requirements(criterion: Criterion | None, lang: str = "zh") -> list[tuple[str, str, bool]]:
    """(class, requirement, verified) for each profile class a keyed threshold distinguishes."""
    return [] if criterion is None else criterion.per_class(lang)


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
