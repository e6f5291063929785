"""Human-readable descriptions of rules, from the rule metadata (rules show, explain, docs)."""

from __future__ import annotations

from ecocheck.library.kinds import Criterion
from ecocheck.library.model import Edition, EditionCells, Indicator, RuleCells
from ecocheck.base.values import format_number
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


def cell_lines(cells: RuleCells) -> list[str]:
    """How this rule's cells are read besides numbers and state words (rule file `cells:`)."""
    lines = []
    if cells.words:
        lines.append("cells:       " + "；".join(f"“{w}” → {format_number(v)}" for w, v in cells.words))
    if cells.not_applicable:
        lines.append("not applicable (declared): " + "、".join(f"“{w}”" for w in cells.not_applicable))
    if cells.change:
        lines.append(f"a change in words (增加/下降 …) is the value, a {cells.change}"
                     f" ({'下降' if cells.change == 'decrease' else '提高'} counts +)")
    for name, why in cells.not_names:
        lines.append(f"not this indicator: {name} — {why}")
    return lines


def edition_cell_lines(cells: EditionCells) -> list[str]:
    """The words an edition's tables use for every rule (rule file `cells:` at the top)."""
    restates: dict[str, list[str]] = {}
    for word, part in cells.restates:
        restates.setdefault(part, []).append(word)
    return [
        "no data (缺数据): " + "  ".join(cells.no_data),
        "not applicable (declared; sub-items and 参考性 only): " + "、".join(cells.not_applicable),
        "declared not met: " + "、".join(cells.negative_words) + "; cells beginning "
        + "、".join(cells.negative_prefixes),
        *(f"restates {part} (declared met): " + "、".join(words) for part, words in restates.items()),
        *(f"trend words going {way} ({'not below' if way == 'up' else 'not above'} last year's): "
          + "、".join(w for w, wy in cells.trend_ways if wy == way) for way in ("up", "down")
          if any(wy == way for _, wy in cells.trend_ways)),
        "units: " + "；".join(f"{spelling} = {unit}" for spelling, unit in cells.units if spelling != unit),
        "changes: " + "、".join(f"{w}{'+' if sign > 0 else '−'}" for w, sign in cells.change_words),
        "echoed bounds: " + "  ".join(f"{w}… ({op})" for w, op in cells.bounds_before)
        + "  " + "  ".join(f"…{w} ({op})" for w, op in cells.bounds_after),
    ]


def source_lines(ind: Indicator) -> list[str]:
    """Where a rule comes from: the citation in zh and in en, then the file and line it was read at."""
    zh, en = ind.source.citation("zh"), ind.source.citation("en")
    return [f"source:      {zh}", *([f"             {en}"] if en != zh else []), f"detail:      {ind.source}"]


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
    if ind.aliases:
        lines.append(f"  also named:  {'、'.join(ind.aliases)}")
    lines += [f"  {line}" for line in cell_lines(ind.cells)]
    for item in ind.items:
        lines.append(f"  - {item.name} ({item.id}, {item.unit}): {item.requirement}")
        lines.append(f"      decided by: {how_decided(item.criterion)}")
        if item.aliases:
            lines.append(f"      also named: {'、'.join(item.aliases)}")
        lines += [f"      {line}" for line in cell_lines(item.cells)]
    lines += [f"  {line}" for line in source_lines(ind)]
    if ind.note:
        lines.append(f"  note:        {ind.note}")
    if not ind.verified:
        lines.append(f"  † unverified: {ind.verification_note}")
    elif ind.verification_note:
        lines.append(f"  verification: {ind.verification_note}")
    return "\n".join(lines)
