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
    "declared.no_worse": Template("申报达标：“{cell}”，上年 {previous} 已满足“{requirement}”",
                                  "declared met: “{cell}”, and last year's {previous} already meets “{requirement}”"),
    "reason.no_worse_class": Template("“{cell}”，上年 {previous}：{reason}", "“{cell}”, last year's {previous}: {reason}"),
    "reason.no_worse_open": Template("“{cell}”不能说明是否满足“{requirement}”：上年 {previous} 未满足，须填写本年数值",
                                     "“{cell}” does not say whether “{requirement}” is met: last year's {previous} "
                                     "did not meet it; give this year's value"),
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
    # input problems: what a file says that cannot be read as written (ecocheck.base.errors Problem);
    # the words the command line prints around them, then each problem and its hint. Parameters:
    # {key}, {value}, {name}, {cell}: the file's or the standard's own words (a Quoted writes 'x'
    # in English and “x” in Chinese); {field}: a submission field; lists come joined.
    "input.label.error": Template("错误：", "error: "),
    "input.label.warning": Template("提示：", "warning: "),
    "input.label.hint": Template("建议：", "hint: "),
    "input.more": Template("…… 另有 {count} 个问题未列出", "… and {count} more problems not shown"),
    "input.more.hint": Template("先改正以上问题，再检查一次", "fix the ones above and check again"),
    "input.named": Template("{name}：{message}", "{name}: {message}"),
    "input.in_case": Template("用例{case}：{message}", "case {case}: {message}"),
    "input.did_you_mean": Template("是否应为{names}？", "did you mean {names}?"),
    "input.allowed_fields": Template("可用的字段：{fields}", "allowed fields: {fields}"),
    "input.allowed": Template("可用的字段：{fields}", "allowed: {fields}"),
    "input.known": Template("可用的有：{names}", "known: {names}"),
    "input.use_one_of": Template("请填以下之一：{words}", "use one of: {words}"),
    "input.write_one_of": Template("请填以下之一：{words}", "write one of: {words}"),
    "input.sub_items": Template("分项：{names}", "sub-items: {names}"),
    "input.keep_one": Template("只保留其中一处", "keep one of the two entries"),
    "input.keep_one_of_them": Template("只保留其中一个", "keep one of them"),
    "input.give_value": Template("请填写数值", "give the value"),
    "input.give_measured": Template("请填写实测值", "give the measured value"),
    "input.give_or_leave_out": Template("请填写数值，或不填（缺数据）", "give the value, or leave it out (missing)"),
    "input.unit.none": Template("无单位", "no unit"),
    "input.unit.indicators": Template("指标的单位", "the indicator’s unit"),
    # the file and its top-level fields
    "input.not_mapping": Template("申报文件应为键值对（`region:`、`level:`、`year:`、`indicators:`）",
                                  "a submission must be a mapping (region:, level:, year:, indicators:)"),
    "input.field.unknown": Template("未知字段{key}", "unknown field {key}"),
    "input.field.missing": Template("缺少必填字段 `{field}`", "required field `{field}` is missing"),
    "input.hint.region": Template("在文件开头加上 `region: <县/市名称>`", "add `region: <县/市 name>` at the top"),
    "input.hint.level": Template("加上 `level: county`（县）或 `level: city`（市）", "add `level: county` or `level: city`"),
    "input.hint.year": Template("加上 `year: <数据年份>`，例如 `year: 2022`", "add `year: <the data year>`, e.g. year: 2022"),
    "input.hint.indicators": Template("加上 `indicators:`，逐项写出“指标名称: 数值”",
                                      "add an `indicators:` mapping of indicator name → value"),
    "input.region.not_name": Template("`region` 应为地区名称，例如 {example}", "`region` must be the region's name, e.g. {example}"),
    "input.level.unknown": Template("无法识别的级别{value}", "unknown level {value}"),
    "input.level.hint": Template("请填 `county`（县）或 `city`（市）", "use county or city"),
    "input.year.not_year": Template("`year` 应为四位数的年份，而不是{value}", "`year` must be a four-digit year, not {value}"),
    "input.year.hint": Template("例如 `year: 2022`", "e.g. year: 2022"),
    "input.basis.unknown": Template("无法识别的数据性质{value}", "unknown basis {value}"),
    "input.basis.hint": Template("请填 `measured`（实测值，默认）或 `plan`（规划目标值）",
                                 "use measured (measured values, the default) or plan (a plan's target values)"),
    "input.year.future": Template("{year} 年尚未过去，其数值不可能是实测值",
                                  "year {year} is in the future, so its values cannot be measured yet"),
    "input.year.future_hint": Template("若为规划目标值，请加上 `basis: plan`；否则请改正年份",
                                       "for a plan's target values add `basis: plan`; otherwise correct the year"),
    "input.edition.unknown": Template("无法识别的标准版本{value}", "unknown edition {value}"),
    "input.edition.known": Template("已有的版本：{editions}", "known editions: {editions}"),
    "input.previous.not_name": Template("`previous` 应为上一年申报文件的文件名",
                                        "`previous` must be the file name of last year's submission"),
    "input.not_submission": Template("看起来不是申报文件（没有 `region:`、`level:` 或 `year:`）",
                                     "does not look like a submission (it has no region:, level: or year:)"),
    "input.not_submission_hint": Template("若是 `pre-commit` 对此文件运行 `ecocheck-validate`，请在 `.pre-commit-config.yaml` 中用 "
                                          "`files:` 把该钩子限定于申报文件（`docs/en/guide.md` 的 `pre-commit` 一节）",
                                          "if pre-commit runs ecocheck-validate on this file, limit the hook to your "
                                          "submissions with `files:` in .pre-commit-config.yaml (docs/en/guide.md, "
                                          "“pre-commit”)"),
    # the profile
    "input.profile.not_mapping": Template("`profile` 应为键值对，例如 {example}", "`profile` must be a mapping, e.g. {example}"),
    "input.not_bool": Template("`{field}` 应为 `true` 或 `false`，而不是{value}", "`{field}` must be true or false, not {value}"),
    "input.class.unknown": Template("标准版本 {edition} 没有地区分类{key}", "unknown profile class {key} for edition {edition}"),
    "input.class.value_unknown": Template("无法识别的{cls}{value}", "unknown {cls} {value}"),
    # indicators and sub-items
    "input.indicators.not_mapping": Template("`indicators` 应为“指标名称: 数值”的键值对",
                                             "`indicators` must be a mapping of indicator name → value"),
    "input.indicator.unknown": Template("标准版本 {edition} 中没有指标{key}", "unknown indicator {key} in edition {edition}"),
    "input.indicator.list_hint": Template("`ecocheck rules list` 可列出全部指标", "`ecocheck rules list` shows every indicator"),
    "input.indicator.not_this": Template("{key}不是{name}：{why}", "{key} is not {name}: {why}"),
    "input.indicator.not_this_hint": Template("请填写{name}本身的数值，或不填（缺数据）",
                                              "give {name} itself, or leave it out (missing)"),
    "input.indicator.twice": Template("指标{name}填写了两次（{first}与{second}）",
                                      "indicator {name} is given twice (as {first} and {second})"),
    "input.indicator.not_here": Template("{name}不适用于本地区：{why}；所填数值不予采用",
                                         "{name} does not apply to this region: {why}; its value is ignored"),
    "input.item.unknown": Template("{indicator}没有分项{key}", "unknown sub-item {key} of {indicator}"),
    "input.item.twice": Template("分项{name}填写了两次", "sub-item {name} is given twice"),
    "input.item.twice_of": Template("{indicator}的分项{name}填写了两次", "sub-item {name} of {indicator} is given twice"),
    "input.row_unit": Template("{key}的单位是 {unit}，而{name}的计量单位是 {expected}",
                               "{key} is in {unit}, but {name} is measured in {expected}"),
    "input.convert_values": Template("请把数值换算为 {unit}", "convert the values to {unit}"),
    "input.applicable.indicator": Template(
        "`applicable` 只用于分项：{name}是否适用由标准决定（级别、`profile.coastal`），不由申报文件决定",
        "`applicable` is for sub-items only: whether {name} applies is decided by the standard "
        "(level, profile.coastal), not by the submission"),
    "input.applicable.indicator_hint": Template(
        "删去它；请填写数值、不填该指标（缺数据），或申报 `{{met: false, note: \"…\"}}`；"
        "本地区不存在的分项写 `{{applicable: false, note: \"…\"}}`",
        "remove it; give the value, leave the indicator out (missing), or declare "
        "`{{met: false, note: \"…\"}}`; a sub-item that does not exist in the region takes "
        "`{{applicable: false, note: \"…\"}}`"),
    "input.applicable.needs_note": Template("`applicable: false` 须附 `note`，说明该项为何不适用",
                                            "`applicable: false` needs a `note` saying why the item does not apply"),
    "input.example": Template("例如 {example}", "e.g. {example}"),
    "input.field.not_text": Template("`{field}` 应为文字", "`{field}` must be text"),
    "input.field.unknown_in": Template("{name}的取值中有未知字段{key}", "unknown field {key} in the value of {name}"),
    # values and cells
    "input.value.list": Template("{name}的取值应为单个数字或词语，而不是列表",
                                 "the value of {name} must be a single number or word, not a list"),
    "input.value.mapping": Template("{name}的取值应为单个数字或词语，而不是键值对",
                                    "the value of {name} must be a single number or word, not a mapping"),
    "input.value.date": Template("{value}被读作日期，不是{name}的数值", "{value} reads as a date, not a value of {name}"),
    "input.value.date_hint": Template("若是文字请加引号（\"…\"），否则请填写数字",
                                      "quote it if it is text (\"…\"), or give the number"),
    "input.state.not_word": Template("{name}是定性指标；{value}不是状态词", "{name} is qualitative; {value} is not a state word"),
    "input.state.unknown": Template("“{value}”不是{name}可识别的状态", "“{value}” is not a recognised state for {name}"),
    "input.state.hint": Template("达标：{met}；未达标：{not_met}", "met: {met}; not met: {not_met}"),
    "input.applies_by_standard": Template("“{value}”：{name}是否适用由标准决定（级别、`profile.coastal`），不由申报文件决定",
                                          "“{value}”: whether {name} applies is decided by the standard "
                                          "(level, profile.coastal), not by the submission"),
    "input.change_unit": Template("{name}：“{value}”是以 {unit} 计的变化，而不是以 {expected} 计",
                                  "{name}: “{value}” is a change in {unit}, not in {expected}"),
    "input.text_not_number": Template("{name}应填数字；“{value}”是文字", "{name} expects a number; “{value}” is text"),
    "input.text_not_number_hint": Template(
        "请填写实测数字（如 95.33 或 \"95.33%\"）；表格常用的词语见 `docs/en/pasting.md`",
        "give the measured number (e.g. 95.33 or \"95.33%\"); words the tables use are listed in docs/en/pasting.md"),
    "input.restates_other": Template("{name}：“{cell}”未说明是否满足要求“{requirement}”，仍为缺数据",
                                     "{name}: “{cell}” does not state the requirement “{requirement}”; it stays missing"),
    "input.restates_no_worse": Template(
        "{name}：“{cell}”只说明不差于上年，未直接说明是否满足要求“{requirement}”；上年值满足该要求时按申报达标，否则仍为缺数据",
        "{name}: “{cell}” says only that the value is no worse than last year's, not whether “{requirement}” is met; "
        "declared met when last year's value meets it, else missing"),
    "input.restates_part": Template("{name}：“{cell}”只复述了要求“{requirement}”的一部分；该部分按申报处理，其余仍为缺数据",
                                    "{name}: “{cell}” restates only part of the requirement “{requirement}”; "
                                    "that part is read as declared, the rest stays missing"),
    "input.give_all_values": Template("请填写实测值（连同上年值和上级下达目标值）",
                                      "give the measured value (with last year's, and the assigned target)"),
    "input.restates": Template("{name}：“{cell}”复述了指标要求，按申报处理（达标（申报））",
                               "{name}: “{cell}” restates the requirement; it is read as a declaration (declared met)"),
    "input.restates_hint": Template("填写实测值（连同上年值和上级下达目标值）即可据实判定",
                                    "a measured value (with last year's, and the assigned target) lets ecocheck decide"),
    "input.bound.undecided": Template("{name}：界限“{bound}”不能说明是否达标",
                                      "{name}: the bound “{bound}” does not say whether the requirement is met"),
    "input.bound.short": Template("{name}：“{bound}”复述的界限达不到要求（{reason}）",
                                  "{name}: “{bound}” repeats a bound that does not reach the requirement ({reason})"),
    "input.bound.declared": Template("{name}：单元格“{cell}”复述了指标要求，按申报处理（达标（申报））",
                                     "{name}: the cell “{cell}” repeats the requirement; it is read as a declaration (declared met)"),
    "input.bound.declared_hint": Template("请填写实测值；若是规划目标值，请加上 `basis: plan`",
                                          "give the measured value, or for a plan's targets add `basis: plan`"),
    "input.unit.other": Template("{name}：“{cell}”的单位是 {unit}，而该指标的计量单位是 {expected}",
                                 "{name}: “{cell}” is in {unit}, but the indicator is measured in {expected}"),
    "input.unit.convert": Template("请换算为 {unit}", "convert it to {unit}"),
    "input.unit.drop": Template("请只填数字，不带单位", "give the number without a unit"),
    "input.fraction_hint": Template("百分数写作 95，而不是 0.95", "percent values are written as 95, not 0.95"),
    "input.decline.not_decrease": Template("{name}不是以下降量计量的指标；`decline` 不适用",
                                           "{name} is not measured as a decrease; `decline` does not apply"),
    "input.decline.not_decrease_hint": Template("请填写数值（上年值写在 `previous`），或把变化量写在 `delta`",
                                                "give the value (with last year's as `previous`), or the change as `delta`"),
    "input.decline.disagrees": Template("{name}：`decline` {decline} 与 `{field}` {said} 不一致",
                                        "{name}: `decline` {decline} and `{field}` {said} disagree"),
    "input.delta.implausible": Template("{name}：变化 {change} 不合常理（超出 ±{limit}），看起来是指数本身",
                                        "{name}: a change of {change} is implausible (beyond ±{limit}); it looks like the index itself"),
    "input.delta.implausible_hint": Template("请把指数写作 `{{value: …, previous: …}}`（连同上年值），或把变化量 △ 写成一个数字",
                                             "give the index as `{{value: …, previous: …}}` (last year's), or the change △ as a plain number"),
    "input.number.list": Template("{name}应填数字，而不是列表", "{name} expects a number, not a list"),
    "input.number.mapping": Template("{name}应填数字，而不是键值对", "{name} expects a number, not a mapping"),
    "input.number.date": Template("{value}被读作日期，不是{name}的数字", "{value} reads as a date, not a number for {name}"),
    "input.number.text": Template("{name}应填数字；{value}是文字", "{name} expects a number; {value} is text"),
    "input.number.text_hint": Template("请填写数字（如 95.33 或 \"95.33%\"）", "give the number (e.g. 95.33 or \"95.33%\")"),
    "input.number.range": Template("{name}：{value} 超出 {low}–{high}%", "{name}: {value} is outside {low}–{high}%"),
    "input.number.range_hint": Template("以百分数计的比率在 0 到 100 之间", "a rate in percent lies between 0 and 100"),
    # numbers as typed (ecocheck.base.values)
    "input.number.bool": Template("`{value}` 不是数字", "`{value}` is not a number"),
    "input.number.bool_hint": Template("请填写数字，或写 `{{met: true, note: \"…\"}}` 申报达标",
                                       "give the number, or write `{{met: true, note: \"…\"}}` to declare that it is met"),
    "input.number.not_finite": Template("{value}不是有限的数", "{value} is not a finite number"),
    "input.number.real_hint": Template("请填写真实的实测值", "give a real measured value"),
    "input.number.threshold": Template("{value}是指标要求的界限，不是数值", "{value} is a threshold, not a value"),
    "input.number.threshold_hint": Template(
        "标准的要求被抄进了数值栏；请填写本地的实测值，或不填（缺数据），或申报 `{{met: true, note: \"…\"}}`",
        "the standard's requirement was copied into the value cell; give the county's measured value, "
        "or leave it out (missing), or declare `{{met: true, note: \"…\"}}`"),
    # the file itself (ecocheck.base.yamlsafe)
    "input.file.not_found": Template("找不到文件", "file not found"),
    "input.file.no_match": Template("没有与此模式相符的文件", "pattern matches no file"),
    "input.folder.cannot_read": Template("无法读取文件夹：{reason}", "cannot read folder: {reason}"),
    "input.file.cannot_read": Template("无法读取文件：{reason}", "cannot read file: {reason}"),
    "input.file.would_block": Template("无法读取文件：读取会阻塞", "cannot read file: it would block"),
    "input.file.too_large": Template("文件过大（超过 {limit} 字节）", "file is too large (more than {limit} bytes)"),
    "input.file.too_large_hint": Template("一个县一年的申报文件只有几千字节", "a county-year submission is a few kilobytes"),
    "input.file.directory": Template("这是文件夹，不是文件", "is a directory, not a file"),
    "input.file.directory_hint": Template("检查整个文件夹请用 `ecocheck batch DIR`", "use `ecocheck batch DIR` to check a folder"),
    "input.file.special": Template("不是普通文件（{kind}）：只读取普通文件", "not a regular file ({kind}): only files are read"),
    "input.file.special_hint": Template("请给出存在磁盘上的 `.yaml` 文件的路径", "give the path of a .yaml file saved on disk"),
    "input.file.fifo": Template("命名管道", "a named pipe"),
    "input.file.device": Template("设备", "a device"),
    "input.file.socket": Template("套接字", "a socket"),
    "input.file.other": Template("特殊文件", "a special file"),
    "input.file.utf16": Template("文件是 UTF-16 编码，不是 UTF-8", "file is UTF-16, not UTF-8"),
    "input.file.utf16_hint": Template("请另存为 UTF-8（Excel/记事本：另存为 → 编码 UTF-8）",
                                      "save it as UTF-8 (in Excel or Notepad: Save As → Encoding UTF-8)"),
    "input.file.binary": Template("文件是二进制文件（含 NUL 字节），不是 YAML 文本文件",
                                  "file is binary (it contains NUL bytes), not a YAML text file"),
    "input.file.binary_hint": Template("请给出 `.yaml` 申报文件，而不是电子表格或压缩包",
                                       "give the .yaml submission, not a spreadsheet or archive"),
    "input.file.not_utf8": Template("文件不是有效的 UTF-8 编码", "file is not valid UTF-8"),
    "input.file.not_utf8_hint": Template("请另存为 UTF-8", "save the file as UTF-8"),
    "input.file.gbk_hint": Template("文件看起来是 GBK/GB18030 编码（Windows 的 Excel 或记事本常这样保存）；"
                                    "请另存为 UTF-8，例如 `iconv -f GBK -t UTF-8`",
                                    "the file looks GBK/GB18030-encoded (common for files saved by Windows Excel or "
                                    "Notepad); save it as UTF-8, e.g. `iconv -f GBK -t UTF-8`"),
    "input.file.empty": Template("文件是空的", "file is empty"),
    "input.file.empty_hint": Template("申报文件至少要有 `region`、`level`、`year` 和 `indicators`",
                                      "a submission needs at least region, level, year and indicators"),
    "input.yaml.syntax": Template("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "input.yaml.syntax_context": Template("YAML 语法错误：{problem}（{context}）", "YAML syntax error: {problem} ({context})"),
    "input.yaml.syntax_hint": Template("检查缩进，以及每个“键: 值”的冒号后都有空格",
                                       "check indentation and that every `key: value` has a space after the colon"),
    "input.yaml.tab_hint": Template("YAML 不允许用制表符缩进：请用空格缩进",
                                    "YAML does not allow tab characters for indentation: indent with spaces"),
    "input.yaml.tag": Template("不支持的 YAML 标签{tag}", "unsupported YAML tag {tag}"),
    "input.yaml.tag_hint": Template("删去该标签：只读取普通的数字、文字、列表和键值对",
                                    "remove the tag: ecocheck reads plain numbers, text, lists and mappings only"),
    "input.yaml.key": Template("键必须是普通文字", "a mapping key must be plain text"),
    "input.yaml.merge": Template("不支持合并键（<<）", "merge keys (<<) are not supported"),
    "input.yaml.merge_hint": Template("请把各个键完整写出", "write the keys out in full"),
    "input.yaml.duplicate": Template("重复的键{key}（第一次出现在第 {line} 行）", "duplicate key {key} (first given at line {line})"),
    "input.yaml.duplicate_hint": Template("每个键只能出现一次：保留一处，删去另一处",
                                          "each key may appear once: keep one entry and delete the other"),
    "input.yaml.too_many_nodes": Template("文档过大：超过 {limit} 个节点（含别名展开）",
                                          "document too large: more than {limit} nodes (aliases included)"),
    "input.yaml.too_many_nodes_hint": Template("一份申报文件只有几百个数值；请删去重复的别名（&/*）",
                                               "a submission has a few hundred values; remove repeated aliases (&/*)"),
    "input.yaml.too_deep": Template("文档嵌套超过 {limit} 层", "document nested deeper than {limit} levels"),
    "input.yaml.too_deep_hint": Template("申报文件最多三层：指标、分项、字段",
                                         "a submission needs at most three levels: indicators, sub-items, fields"),
    "input.yaml.number_form": Template("{value} 在这里不是数字（{kind}）：只读取普通的十进制数",
                                       "{value} is not a number here ({kind}): ecocheck reads plain decimal numbers only"),
    "input.yaml.number_form_hint": Template("请用十进制数字填写（如 95 或 95.5）；若是文字请加引号（\"{value}\"）",
                                            "write the value in decimal digits (e.g. 95 or 95.5), or quote it (\"{value}\") if it is text"),
    "input.yaml.form.hexadecimal": Template("十六进制", "hexadecimal"),
    "input.yaml.form.octal": Template("八进制", "octal"),
    "input.yaml.form.binary": Template("二进制", "binary"),
    "input.yaml.form.base60": Template("六十进制，像时间一样", "base 60, as in a time"),
    "input.yaml.form.grouped": Template("数字用 _ 分组", "digits grouped with _"),
    "input.yaml.form.leading_zero": Template("以 0 开头：YAML 1.1 读作八进制，YAML 1.2 读作十进制",
                                             "a leading zero: octal in YAML 1.1, decimal in YAML 1.2"),
    "input.yaml.number_range": Template("数字过大：{value}", "number too large: {value}"),
    "input.yaml.number_range_hint": Template("超过 10 的 300 次方的数不可能是指标的数值",
                                             "a value beyond 1e300 cannot be an indicator's value"),
    "input.yaml.long_number": Template("{start}…（{count} 个字符）", "{start}… ({count} characters)"),
    # indicator tables (ecocheck.tables: `ecocheck import`, and evaluate/batch given a table)
    "input.table.old_format": Template("无法读取 {format} 文件", "{format} files cannot be read"),
    "input.table.old_format_hint": Template("请用 Word、Excel 或 WPS 打开，另存为 {suffix}",
                                            "open it in Word, Excel or WPS and save it as {suffix}"),
    "input.table.not_table": Template("不是表格文件：{suffix}", "not a table file: {suffix}"),
    "input.table.no_suffix": Template("无扩展名", "no suffix"),
    "input.table.not_table_hint": Template("请给出 `.docx`、`.xlsx` 或 `.csv` 文件", "give a .docx, .xlsx or .csv file"),
    "input.table.workbook": Template("工作簿", "workbook"),
    "input.table.document": Template("Word 文档", "Word document"),
    "input.table.encrypted": Template("无法读取的 {suffix} {kind}：设有密码（已加密），或是改了扩展名的旧版二进制 Office 文件",
                                      "not a readable {suffix} {kind}: it is password-protected (encrypted) or an old "
                                      "binary Office file renamed"),
    "input.table.encrypted_hint": Template("请删除密码（文件 → 信息 → 保护 → 删除密码），或另存为 {suffix}",
                                           "remove the password (File → Info → Protect → remove the password), "
                                           "or save it as {suffix}"),
    "input.table.not_real": Template("不是真正的 {suffix} {kind}（改了扩展名的文件，或已损坏）",
                                     "not a real {suffix} {kind} (a renamed file, or damaged)"),
    "input.table.save_as": Template("请用其程序打开，另存为 {suffix}", "open it in its program and save it as {suffix}"),
    "input.table.unreadable": Template("无法读取的 {suffix} {kind}：{reason}", "not a readable {suffix} {kind}: {reason}"),
    "input.table.save_again": Template("请用其程序打开，重新另存为 {suffix}", "open it in its program and save it again as {suffix}"),
    "input.table.csv_encoding": Template("CSV 文件既不是 UTF-8 也不是 GBK 编码的文本", "the CSV file is neither UTF-8 nor GBK text"),
    "input.table.csv_encoding_hint": Template("请在 Excel 中另存为“CSV UTF-8”", "save it from Excel as “CSV UTF-8”"),
    "input.table.none": Template("文件中没有表格", "the file holds no table"),
    "input.table.none_hint": Template("请给出含指标表的 Word 或 Excel 文件", "give the Word or Excel file that holds the indicator table"),
    "input.table.sheet_not_found": Template("找不到工作表 {name}", "sheet {name} not found"),
    "input.table.table_not_found": Template("找不到第 {number} 个表格", "table {number} not found"),
    "input.table.has": Template("文件中有：{names}", "the file has: {names}"),
    "input.table.no_indicator_table": Template("找不到指标表：没有哪个表格的表头含“指标名称”和年份列（已查看 {looked}）",
                                               "no indicator table found: no table has a header naming `指标名称` and a "
                                               "year column (looked at {looked})"),
    "input.table.no_indicator_table_hint": Template(
        "表头须有“指标名称”（或“指标”“名称”“项目”）列和“现状值”“2022年”“目标值”之类的列；"
        "用 `--table N` 选择表格，或用 `--sheet NAME` 选择工作表",
        "the header needs a `指标名称` (or `指标`, `名称`, `项目`) column and a `现状值`, `2022年` or `目标值` column; "
        "choose a table with `--table N` or a sheet with `--sheet NAME`"),
    "input.table.no_year_column": Template("{where}：表头没有年份列（现状值、2022年、目标值 2025年 ……）",
                                           "{where}: the header has no year column (`现状值`, `2022年`, `目标值 2025年` …)"),
    "input.table.no_year_column_hint": Template("请在表头写明每个年份列，例如“现状值（2022年）”或“2025年目标值”",
                                                "name each year column in the header, e.g. `现状值（2022年）` or `2025年目标值`"),
    "input.table.no_header": Template("前 20 行中没有含“指标名称”的表头", "no header naming `指标名称` in the first 20 rows"),
    "input.table.no_header_hint": Template("指标表须有一行表头，含“指标名称”（或“指标”“名称”“项目”）",
                                           "the indicator table needs a header row with `指标名称` (or `指标`, `名称`, `项目`)"),
    "input.table.title_no_region": Template("表格标题未写明地区（{title}）", "the table's title does not name the region ({title})"),
    "input.table.no_title": Template("表格没有写明地区的标题", "the table has no title naming the region"),
    "input.table.region_hint": Template("请用 `--region` 给出，例如 `--region 通榆县`", "give it with --region, e.g. `--region 通榆县`"),
    "input.table.no_level": Template("无法判断{region}是县还是市", "cannot tell whether {region} is a county or a city"),
    "input.table.level_hint": Template("请给出 `--level county` 或 `--level city`", "give --level county or --level city"),
    "input.table.column_no_year": Template("列 {label} 没有写明年份", "column {label} names no year"),
    "input.table.base_year_hint": Template("请用 `--base-year` 给出现状列的年份，例如 `--base-year 2019`",
                                           "give the year of the `现状` column with --base-year, e.g. --base-year 2019"),
    "input.table.plan_year_hint": Template("请在表头写明年份，例如“近期（2025年）”", "write the year in the header, e.g. `近期（2025年）`"),
    "input.table.two_columns": Template("{year} 年有两列：{first} 与 {second}", "two columns for {year}: {first} and {second}"),
    "input.table.two_columns_hint": Template("每个年份只留一列，或选择只有一列的那份表格",
                                             "keep one column per year, or choose the table's copy that has one"),
    "input.table.twice": Template("{name}出现了两次：{first} 与 {second}", "{name} appears twice: {first} and {second}"),
    "input.table.twice_hint": Template("每个指标只留一行（删去或改名另一行）", "keep one row per indicator (delete or rename the other)"),
    "input.table.no_year": Template("表格中没有 {year} 年的列", "the table has no column for {year}"),
    "input.table.years": Template("表格的年份列：{years}", "its year columns: {years}"),
    # how `ecocheck import` read the table (its notes)
    "input.table.note.other": Template("{name}看起来也是指标表（用 {option} 选择它）",
                                       "{name} also looks like an indicator table (choose it with {option})"),
    "input.table.note.edition": Template("标准版本 {edition}（`--edition`）", "edition {edition} (--edition)"),
    "input.table.note.edition_chosen": Template("标准版本 {edition}：它的指标名称与最多的行相符（{tally}，共 {rows} 行）；"
                                                "`--edition` 可选择其他版本",
                                                "edition {edition}: its names match the most rows ({tally} of {rows}); "
                                                "--edition chooses another"),
    "input.table.note.column": Template("列 {label}（{where}）：{year} 年，{basis}——{why}", "column {label} ({where}): {year}, {basis} — {why}"),
    "input.table.note.measured": Template("实测值（现状）", "measured"),
    "input.table.note.plan": Template("规划目标值", "plan"),
    "input.table.note.plan_words": Template("表头写有“目标”“规划”或“预测”", "the header says `目标`, `规划` or `预测`"),
    "input.table.note.measured_words": Template("表头写有“现状”或“基准”", "the header says `现状` or `基准`"),
    "input.table.note.future": Template("{year} 年尚未到来", "{year} is still to come"),
    "input.table.note.past": Template("已过去的年份，表头没有“目标”“规划”", "a past year without `目标` or `规划` in the header"),
    # what `ecocheck import` wrote
    "input.table.wrote": Template("已写出 {file}：{count} 个数值", "wrote {file}: {count} values"),
    "input.table.wrote_unreadable": Template("已写出 {file}：{count} 个数值，其中 {unreadable} 个还无法读取：",
                                             "wrote {file}: {count} values, {unreadable} of them not readable yet:"),
    # what the table says that is not imported, or differs from the standard (warnings)
    "input.table.span": Template("{name}：名称单元格跨 {span} 行，却只列出 {items} 个分项；没有分项的行未导入",
                                 "{name}: the name cell spans {span} rows but lists {items} sub-items; rows without "
                                 "a sub-item are not imported"),
    "input.table.not_item": Template("{name}：{part} 不是它的分项（{items}）", "{name}: {part} is not one of its sub-items ({items})"),
    "input.table.lines": Template("{name}：{lines} 行数值对应 {count} 个分项（{items}）；未导入——每个分项写一行",
                                  "{name}: {lines} lines for {count} sub-items ({items}); not imported — give one line per sub-item"),
    "input.table.attribute": Template("{name}：表格写的是{table}，标准（{edition}）规定为{standard}",
                                      "{name}: the table says {table}, the standard ({edition}) says {standard}"),
    "input.table.requirement": Template("{name}：表格的指标值 {table} 与标准（{edition}）的 {standard} 不同",
                                        "{name}: the table's `指标值` {table} differs from the standard's ({edition}) {standard}"),
    "input.table.unmatched": Template("{what}不是标准版本 {edition} 的指标{near}；未导入",
                                      "{what} is no indicator of edition {edition}{near}; not imported"),
    "input.table.row": Template("行{text}", "row {text}"),
    "input.table.row_without_name": Template("没有指标名称的一行", "a row without an indicator name"),
    "input.table.closest": Template("；最接近的是：{names}", "; closest: {names}"),
    # last year's values (ecocheck.submission.history)
    "input.history.not_found": Template("找不到历年数据文件夹", "history folder not found"),
    "input.history.not_folder": Template("`--history` 应为文件夹，而不是文件", "--history needs a folder, not a file"),
    "input.history.hint": Template("请给出存放本地区往年申报文件的文件夹", "give the folder that holds the region's earlier years"),
    "input.history.unreadable": Template("无法读取 {year} 年的历年文件 {file}，未从中取上年值：{reason}",
                                         "history file {file} for {year} could not be read, so no last-year values "
                                         "were taken from it: {reason}"),
    "input.history.unreadable_reason": Template("无法读取", "unreadable"),
    "input.history.several": Template("{folder} 中有{region} {year} 年的多个文件；上年值取自 {chosen}，而不是 {others}",
                                      "several files for {region} {year} in {folder}; last year's values taken from "
                                      "{chosen}, not {others}"),
    "input.previous.itself": Template("`previous: {file}` 指向了本文件自身", "`previous: {file}` names this file itself"),
    "input.previous.itself_hint": Template("请写上一年的申报文件", "name last year's submission"),
    "input.previous.not_found": Template("找不到上年文件{file}（查找的是 {path}）", "previous file {file} not found (looked for {path})"),
    "input.previous.not_found_hint": Template("`previous:` 是相对于本文件所在文件夹的路径，例如 `previous: kazuo-2021.yaml`",
                                              "`previous:` is a path relative to this file's folder, e.g. previous: kazuo-2021.yaml"),
    "input.previous.unreadable": Template("无法读取上年文件{file}：{reason}", "previous file {file} cannot be read: {reason}"),
    "input.previous.unreadable_hint": Template("请改正上年文件（其问题列在下方），或删去 `previous:`",
                                               "fix the previous file (its problems are listed below) or remove `previous:`"),
    "input.previous.other_region": Template("上年文件{file}属于{earlier}，不是{region}",
                                            "previous file {file} is for {earlier}, not {region}"),
    "input.previous.other_region_hint": Template("请写同一地区的申报文件", "name a submission of the same region"),
    "input.previous.cells_unread": Template("{file}：{count} 个单元格无法识别，以下指标未取上年值：{names}",
                                            "{file}: {count} cell(s) could not be read, so no last-year value was taken for {names}"),
    "input.previous.cells_unread_hint": Template("运行 `ecocheck validate {file}` 查看", "run `ecocheck validate {file}` to see them"),
    "input.previous.not_earlier": Template("上年文件{file}是 {earlier} 年的，不在 {year} 年之前",
                                           "previous file {file} is for {earlier}, not a year before {year}"),
    "input.previous.not_earlier_hint": Template("请写更早年份的申报文件", "name an earlier year's submission"),
}


def _pieces(template: str) -> tuple[tuple[str, str | None], ...]:
    """A template as (text, parameter name or None) pieces: parsed once, not per reason written."""
    pieces = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        if spec or conversion:
            raise ValueError(f"{template!r}: parameters take no format spec or conversion")
        if pieces and pieces[-1][1] is None:  # literal braces ({{ }}) split the text: one piece again
            pieces[-1] = (pieces[-1][0] + text, name)
        else:
            pieces.append((text, name))
    return tuple(pieces) or (("", None),)


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


class Quoted:
    """A word or value of the input file quoted in a problem: 'x' in English (as Python writes
    it, so a space or a quote inside shows, and a number or truth value stays bare), “x” in Chinese."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def render(self, lang: str = DEFAULT_LANG) -> str:
        if lang == "zh":
            return f"“{self.value}”"
        return repr(self.value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quoted):
            return NotImplemented
        return self.value == other.value

    def __repr__(self) -> str:
        return f"Quoted({self.value!r})"


def text_in(text: Any, lang: str = DEFAULT_LANG) -> str:
    """A text that may be a Message (or Joined, or anything with render) written in `lang`; a plain
    str (from code not using the catalogue) as it is."""
    return text if isinstance(text, str) else _shown(text, lang)


__all__ = ["CATALOGUE", "DEFAULT_LANG", "Joined", "LANGS", "Message", "Quoted", "Template", "text_in"]
