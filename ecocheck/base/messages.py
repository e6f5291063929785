"""Every reason ecocheck gives for a verdict, once, in Chinese and in English.

A reason is a Message: a catalogue key and its parameters (numbers, the county's words, names
and requirements quoted from the standard, other reasons). The words around the parameters
come only from CATALOGUE, so a report is in one language: `render("zh")` or `render("en")`.
A Message is cheap to make and is only written out when someone reads it (a batch summary
never does).
"""

from __future__ import annotations

import string
from decimal import Decimal
from typing import Any, NamedTuple


LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


class Template(NamedTuple):
    zh: str
    en: str


# Parameters: {value}, {bound}, {target}, {change}, {computed}: numbers; {sign}: "+" or "";
# {op}: ≥ ≤ > < =; {note}, {label}, {requirement}, {name}: the county's or the standard's own
# words; {reason}, {measured}, {declared}, {readings}: other messages.
CATALOGUE: dict[str, Template] = {
    # nothing to decide on
    "entry.not_given": Template("未提供", "not given"),
    "value.not_given": Template("未提供数值", "no value given"),
    "value.not_number": Template("数值“{value}”不是数字", "the value “{value}” is not a number"),
    "state.not_given": Template("未填写状态", "no state given"),
    "state.unknown": Template("无法识别的状态“{value}”", "unrecognised state “{value}”"),
    "previous.not_given": Template("缺上年数值", "last year's value not given (previous)"),
    "value.this_year_not_given": Template("缺本年数值", "this year's value not given (value)"),
    "target.not_given": Template("缺上级下达目标值", "the superior's assigned target not given (target)"),
    "class.not_given": Template("未注明{cls}，无法确定阈值", "{cls} not given, so the threshold is unknown"),
    "class.every_meets": Template("未注明{cls}，但 {value} 无论属于哪一类均达标（最严为 {op}{bound}）",
                                  "{cls} not given, but {value} passes whatever it is (the strictest bound is {op}{bound})"),
    "class.every_misses": Template("未注明{cls}，但 {value} 无论属于哪一类均未达标（最宽为 {op}{bound}）",
                                   "{cls} not given, but {value} fails whatever it is (the most lenient bound is {op}{bound})"),
    "class.decides": Template("未注明{cls}，结论取决于它：{value} 在{passing}达标，在{failing}未达标",
                              "{cls} not given and it decides: {value} passes as {passing}, fails as {failing}"),
    "class.implied": Template("{reason}（未注明{cls}，按{source}“{value}”取同一类）",
                              "{reason} ({cls} not given: taken from the {source}, “{value}”)"),
    "classname.terrain": Template("地区类型", "terrain class"),
    "classname.climate": Template("气候区", "climate class"),
    "classname.city_size": Template("城市规模", "city size"),
    "delta.disagrees": Template("申报的变化值 {delta} 与 本年值−上年值 = {computed} 不一致",
                                "delta {delta} disagrees with value − previous = {computed}"),
    # measured verdicts
    "threshold.meets": Template("{value} 达到 {op}{bound}", "{value} meets {op}{bound}"),
    "threshold.misses": Template("{value} 未达到 {op}{bound}", "{value} does not meet {op}{bound}"),
    "target.meets": Template("{value} 完成目标 {op}{target}", "{value} meets target {op}{target}"),
    "target.misses": Template("{value} 未完成目标 {op}{target}", "{value} misses target {op}{target}"),
    "state.is": Template("“{value}”符合“{requirement}”", "“{value}” is “{requirement}”"),
    "state.is_not": Template("“{value}”不符合“{requirement}”", "“{value}” is not “{requirement}”"),
    "trend.improved": Template("变化 {sign}{change}（改善）", "change {sign}{change} (improved)"),
    "trend.stable": Template("变化 {sign}{change}（持平）", "change {sign}{change} (stable)"),
    "trend.worsened": Template("变化 {sign}{change}（变差）", "change {sign}{change} (worsened)"),
    "trend.not_improved": Template("变化 {sign}{change}（未改善）", "change {sign}{change} (not improved)"),
    "change.meets": Template("{symbol}={change} 达到 {op}{bound}", "{symbol}={change} meets {op}{bound}"),
    "change.misses": Template("{symbol}={change} 未达到 {op}{bound}", "{symbol}={change} does not meet {op}{bound}"),
    "band.value_not_given": Template("未提供现状值，无法确定适用档次", "current value not given, so its band is unknown"),
    "band.part_declared": Template("“{note}”只满足{declared}的要求；另有{other}，未提供现状值，无法确定适用档次",
                                   "“{note}” restates only the requirement of {declared}; otherwise {other}, and without the current value its band is unknown"),
    "band.none": Template("{value} 不在任何档次内", "{value} falls in no band"),
    "band.reading": Template("{label}：{reason}", "{label}: {reason}"),
    "band.both": Template("上年与本年数值分属不同档次，两档要求均须满足：{readings}",
                          "last year's and this year's rates fall in different bands, both must hold: {readings}"),
    # cells as pasted from a table
    "entry.unreadable": Template("所填数值无法识别（见输入问题）", "what is given could not be read (see the input problems)"),
    "cell.other_requirement": Template("“{cell}”不能说明是否满足“{requirement}”", "“{cell}” does not say whether “{requirement}” is met"),
    "cell.unreadable": Template("单元格“{cell}”无法识别", "the cell “{cell}” could not be read"),
    "cell.fraction": Template("{value}——是否应为 {percent}%？（疑为小数形式的百分比）",
                              "{value} — did you mean {percent}%?"),
    "reason.warned": Template("{reason}（{warning}）", "{reason} ({warning})"),
    "value.best": Template("{value} 已是最优值，满足任何趋势及下达目标要求",
                           "{value} is the best possible value, it meets any trend and any assigned target"),
    "part.reason": Template("{requirement}：{reason}", "{requirement}: {reason}"),
    # the county's declarations
    "declared.not_applicable": Template("申报不适用：{note}", "declared not applicable: {note}"),
    "declared.met": Template("申报达标", "declared met"),
    "declared.met_note": Template("申报达标：{note}", "declared met: {note}"),
    "declared.not_met": Template("申报未达标", "declared not met"),
    "declared.whole": Template("{declared}（按整项指标申报）", "{declared} (declared for the whole indicator)"),
    "declared.not_met_note": Template("申报未达标：{note}", "declared not met: {note}"),
    "declared.overruled": Template("{declared}；所填数值本身可达标（{measured}）",
                                   "{declared}; the given values alone would pass ({measured})"),
    "declared.contradicted": Template("{measured}；申报“达标”与所填数值不符",
                                      "{measured}; the declaration “met” is contradicted by the values"),
    "declared.mark": Template("（申报）", " (declared)"),
    # indicators made of sub-items
    "items.all_met": Template("各分项均达标", "all sub-items met"),
    "item.reason": Template("{name}：{reason}", "{name}: {reason}"),
    # where an indicator applies
    "scope.county": Template("仅适用于县级", "applies to county only"),
    "scope.city": Template("仅适用于市级", "applies to city only"),
    "scope.coastal": Template("仅适用于沿海地区", "coastal regions only"),
    "scope.coastal_county": Template("仅适用于沿海的县", "coastal counties only"),
    "scope.coastal_city": Template("仅适用于沿海的市", "coastal cities only"),
    # between the parts of a list
    "sep.clauses": Template("；", "; "),
    "sep.words": Template("、", ", "),
    # plan progress (ecocheck.series.progress; output.progress)
    # {op}: ≥ ≤; {year}: the submission's year; {goal_year}, {start}: the goal's and the path's
    # first year; {printed}, {requirement}: the plan's own words; {option}, {key}: a command-line
    # option and its argument, as typed
    "progress.ceiling_exceeded": Template("{value} 已超过上限 {op}{target}",
                                          "{value} already exceeds the ceiling {op}{target}"),
    "progress.ceiling_kept": Template("{value} 未超过上限 {op}{target}", "{value} stayed within {op}{target}"),
    "progress.ceiling_so_far": Template("{value} 累计至今未超过上限 {op}{target}",
                                        "{value} within the ceiling {op}{target} so far"),
    "progress.annual_meets": Template("{value} 达到 {year} 年下达目标 {op}{target}；{goal_year} 年目标未给出",
                                      "{value} meets {year}'s assigned target {op}{target}; "
                                      "the {goal_year} target is not given"),
    "progress.annual_misses": Template("{value} 未达到 {year} 年下达目标 {op}{target}；{goal_year} 年目标未给出",
                                       "{value} misses {year}'s assigned target {op}{target}; "
                                       "the {goal_year} target is not given"),
    "progress.due_missed": Template("目标年 {goal_year} 已到，{value} 未达到 {op}{target}",
                                    "{goal_year} has come; {value} misses {op}{target}"),
    "progress.no_path": Template("{value} 尚未达到 {op}{target}，{goal_year} 年到期；无基准值，无法判断进度",
                                 "{value} not yet {op}{target}; due {goal_year}; no base value to draw a path from"),
    "progress.base_year": Template("{year} 年为基准年（{start}）或更早，{goal_year} 年到期",
                                   "{year} is the base year ({start}) or earlier; due {goal_year}"),
    "progress.on_path": Template("{value} 达到或快于直线进度（{year} 年应为 {expected}，"
                                 "由 {start} 年 {base} 至 {goal_year} 年 {target}）",
                                 "{value} is at or ahead of the straight path ({expected} in {year}) "
                                 "from {base} ({start}) to {target} ({goal_year})"),
    "progress.off_path": Template("{value} 慢于直线进度（{year} 年应为 {expected}，"
                                  "由 {start} 年 {base} 至 {goal_year} 年 {target}）",
                                  "{value} is short of the straight path ({expected} in {year}) "
                                  "from {base} ({start}) to {target} ({goal_year})"),
    "progress.no_reference": Template("规划未给出基准值，也未提供上年数值（请填写 {field}，或使用 {option} 文件夹）",
                                      "no base value printed and last year's value not given "
                                      "(give `{field}`, or {option} DIR)"),
    "progress.reference_base": Template("基准值 {value}（{start}）", "the base value {value} ({start})"),
    "progress.reference_previous": Template("上年数值 {value}", "last year's value {value}"),
    "progress.reference_history": Template("上年数值 {value}（取自 {source}）", "last year's value {value} from {source}"),
    "progress.compared": Template("{value} 对比{reference}：{trend}", "{value} vs {reference}: {trend}"),
    "progress.trend_base_year": Template("{reason}；{year} 年为基准年，{goal_year} 年到期",
                                         "{reason}; {year} is the base year, due {goal_year}"),
    "progress.state_due_missed": Template("目标年 {goal_year} 已到，“{value}”不符合“{requirement}”",
                                          "{goal_year} has come; “{value}” is not “{requirement}”"),
    "progress.state_not_yet": Template("“{value}”尚未达到“{requirement}”，{goal_year} 年到期",
                                       "“{value}” is not yet “{requirement}”; due {goal_year}"),
    "progress.declared_not_applicable": Template("申报不适用", "declared not applicable"),
    "progress.nothing_measurable": Template("规划原文为“{printed}”，无可度量目标",
                                            "the plan prints “{printed}”, nothing measurable"),
    "progress.blank": Template("规划目标值空白", "the plan's target cell is blank"),
    "progress.superior_missing": Template("规划目标为“{printed}”，未给出上级下达目标值（{option} {key}=数值）",
                                          "the plan's target is “{printed}”: the superior's assigned value "
                                          "is not given ({option} {key}=…)"),
    "progress.only_declared": Template("{reason}；仅{declared}", "{reason}; only {declared}"),
    # where a goal's target came from (the 目标值 cell)
    "progress.from_option": Template("{option}", "{option}"),
    "progress.from_base": Template("{year} 年基准值", "base value, {year}"),
    "progress.from_previous": Template("上年数值", "last year's value"),
    "progress.from_plan_values": Template("{field} 所填", "given in {field}"),
    "progress.from_submission": Template("本年度下达", "assigned for this year"),
    # where last year's value came from (another year's file)
    "series.earlier_file": Template("{file}（{year} 年）", "{file} ({year})"),
    "series.earlier_file_gap": Template("{file}（{year} 年，早 {gap} 年）", "{file} ({year}, {gap} years earlier)"),
    # the progress report's summary, legend and warnings
    "progress.count": Template("{status} {count}", "{status} {count}"),
    "progress.none_behind": Template("结论：没有滞后的目标", "Verdict: no target is behind"),
    "progress.behind": Template("结论：滞后 {count} 项：{goals}", "Verdict: {count} behind: {goals}"),
    "progress.behind_list": Template("结论：滞后 {count} 项：", "Verdict: {count} behind:"),
    "progress.goal": Template("{name}（{goal_year}）", "{name} ({goal_year})"),
    "progress.legend": Template("完成进度 = (现状值 − 基准值) ÷ (目标值 − 基准值)；差距 > 0 表示尚差多少；"
                                "进度正常 = 不低于基准年到目标年的直线路径",
                                "share = (value − base) ÷ (target − base); to go > 0 is what is still missing; "
                                "on track = at or ahead of the straight path from the base year to the target year"),
    "progress.other_region": Template("规划地区为{plan_region}，数据地区为{region}：以后者的数值对照前者的目标",
                                      "the plan is {plan_region}'s; {region}'s values are compared with its targets"),
    "progress.other_level": Template("规划目标适用于{levels}，本数据为{level}",
                                     "the plan's targets are for {levels}; this submission is for {level}"),
    "progress.unknown_target": Template("{option} {key}：规划 {plan} 中没有目标“{target}”",
                                        "{option} {key}: the plan {plan} has no target “{target}”"),
    "level.county": Template("县级", "county level"),
    "level.city": Template("市级", "city level"),
    "sep.counts": Template("，", ", "),
    # year comparison (ecocheck.series.compare; output.compare)
    "compare.summary": Template("改善 {improved}，变差 {worsened}，持平 {unchanged}，有变化 {changed}，"
                                "无法比较 {not_comparable}；结论变化 {verdict_changes} 项",
                                "improved {improved}, worsened {worsened}, unchanged {unchanged}, "
                                "changed {changed}, not comparable {not_comparable}; "
                                "verdict changed for {verdict_changes}"),
    "compare.files": Template("文件：{files}", "Files: {files}"),
    "compare.earlier_files": Template("* 上年值取自另一年度文件：{sources}",
                                      "* last year's value taken from another year's file: {sources}"),
    "compare.earlier_file": Template("{year} 年：{source}", "{year}: {source}"),
    "compare.verdict_change": Template("{before}→{after}（{start}→{end}）", "{before}→{after} ({start}→{end})"),
}


def _pieces(template: str) -> tuple[tuple[str, str | None], ...]:
    """A template as (text, parameter name or None) pieces: parsed once, not per reason written."""
    pieces = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        if spec or conversion:
            raise ValueError(f"{template!r}: parameters take no format spec or conversion")
        pieces.append((text, name))
    return tuple(pieces)


# key → pieces, per language (what render() reads for every reason it writes)
_PIECES = {lang: {key: _pieces(getattr(template, lang)) for key, template in CATALOGUE.items()} for lang in LANGS}


def _shown(param: Any, lang: str) -> str:
    """A parameter as written: numbers as reports write them, other messages in `lang`."""
    kind = param.__class__
    if kind is str:
        return param
    if kind is Decimal:
        return format(param.normalize(), "f")  # as values.format_number
    render = getattr(param, "render", None)
    return str(param) if render is None else render(lang)


class Message:
    """A catalogue entry and its parameters: text in either language, written when read."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str = DEFAULT_LANG) -> str:
        pieces = _PIECES[lang][self.key]
        params = self.params
        if not params:  # a template without parameters is one piece of text
            return pieces[0][0]
        out = []
        for text, name in pieces:
            if text:
                out.append(text)
            if name is not None:
                out.append(_shown(params[name], lang))
        return "".join(out)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, self.params) == (other.key, other.params)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"


class Joined:
    """Messages (or anything with render(lang)) one after another, with the language's separator."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts: list[Any], separator: str = "sep.clauses") -> None:
        self.parts = parts
        self.separator = separator

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return _PIECES[lang][self.separator][0][0].join([_shown(part, lang) for part in self.parts])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Joined):
            return NotImplemented
        return (self.parts, self.separator) == (other.parts, other.separator)

    def __repr__(self) -> str:
        return f"Joined({self.parts!r}, {self.separator!r})"


__all__ = ["CATALOGUE", "DEFAULT_LANG", "Joined", "LANGS", "Message", "Template"]
