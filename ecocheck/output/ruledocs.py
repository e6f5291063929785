"""The rule reference: Markdown pages per edition, a comparison of editions, and `explain`.

Everything here is computed from Edition objects (the rule files) and the rule-test cases
beside them (their passing and failing fragments are the examples), so the pages in
docs/rules/, `ecocheck explain` and the rule files cannot disagree. Pure functions; the
output is deterministic (no dates, no absolute paths) so a test can compare it byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.library.kinds import Criterion
from ecocheck.base.words import ATTRIBUTE_EN, FAIL, LEVEL_ALIASES, PASS, STATUS_PROSE_EN, STATUS_ZH
from ecocheck.library.model import Edition, Indicator
from ecocheck.base.entries import Profile
from ecocheck.base.values import normalize_text
from ecocheck.output.ruledoc import NEEDS_EN, NEEDS_ZH, class_requirements, how_decided, scope_text

_DECLARED = Message("declared.mark")
REGENERATE = "ecocheck rules docs --output docs/rules/"


# ─────────────────────────── the metadata both docs and explain show ───────────────────────────


@dataclass
class Part:
    """One decidable requirement: a simple indicator, or one sub-item of a composite."""

    id: str
    name: str
    name_en: str
    unit: str
    requirement: str  # as printed in the standard
    criterion: Criterion
    per_class: list[tuple[str, str, bool]]  # (class, requirement, verified)
    class_names: dict[str, str] = field(default_factory=dict)  # the edition's profile classes

    def decided(self, lang: str) -> str:
        return how_decided(self.criterion, lang, self.class_names)

    def needs(self, lang: str) -> list[str]:
        names = NEEDS_ZH if lang == "zh" else NEEDS_EN
        fields = [names.get(n, n) for n in self.criterion.needs()]
        if self.criterion.takes_delta():
            fields.append("delta（变化量，可代替 value 与 previous）" if lang == "zh"
                          else "delta (the change itself, instead of value and previous)")
        return fields


@dataclass
class Example:
    status: str  # pass | fail
    text: str  # a YAML excerpt of a submission
    outcome: Outcome  # what ecocheck decides about it
    origin: str  # "2021.cases.yaml · <case name>" or "" when generated from the rule

    def reason(self, lang: str) -> str:
        """What ecocheck says about it, in `lang`, a declaration marked."""
        return self.outcome.render(lang) + (_DECLARED.render(lang) if self.outcome.declared else "")


@dataclass
class Facts:
    edition: Edition
    indicator: Indicator
    parts: list[Part]
    examples: list[Example] = field(default_factory=list)

    @property
    def composite(self) -> bool:
        return bool(self.indicator.items)


def facts(edition: Edition, ind: Indicator, cases: list | None = None) -> Facts:
    """What the docs and `explain` say about one indicator; `cases` give the examples."""
    names = {key: spec.name for key, spec in edition.classes.items()}
    if ind.items:
        parts = [Part(i.id, i.name, i.name_en, i.unit, i.requirement, i.criterion, class_requirements(i.criterion),
                      names) for i in ind.items]
    else:
        parts = [Part(ind.id, ind.name, ind.name_en, ind.unit, ind.requirement, ind.criterion,
                      class_requirements(ind.criterion), names)]
    return Facts(edition, ind, parts, examples(edition, ind, cases or []))


# ─────────────────────────── examples ───────────────────────────


def examples(edition: Edition, ind: Indicator, cases: list) -> list[Example]:
    """A passing and a failing example: from the rule-test cases, else built from the rule."""
    out = []
    for status in (PASS, FAIL):
        example = _from_cases(edition, ind, cases, status) or _generated(edition, ind, status)
        if example is not None:
            out.append(example)
    return out


def _from_cases(edition: Edition, ind: Indicator, cases: list, status: str) -> Example | None:
    from ecocheck.engine.casetest import Case

    for case in cases:
        if not any(e.indicator == ind.id and e.item is None and e.status == status for e in case.expect):
            continue
        fragment = case.indicators or {}
        key = next((k for k in fragment if (edition.find(str(k)) or edition.find(normalize_text(str(k)))) is ind), None)
        if key is None:
            continue
        profile = _relevant_profile(edition, ind, case.profile)
        trial = Case(name=case.name, index=0, file=case.file, line=case.line, profile=profile,
                     indicators={key: fragment[key]}, expect=[], year=case.year)
        got = _evaluate(edition, ind, trial)
        if got is None or got.status != status:
            continue  # the excerpt alone does not show it (it relies on the rest of the case)
        origin = f"{Path(case.file).name} · {case.name}"
        return Example(status, _excerpt(profile, {key: fragment[key]}), got, origin)
    return None


def _relevant_profile(edition: Edition, ind: Indicator, profile: dict) -> dict:
    """The level, the classes this indicator's thresholds depend on, and `coastal` if it matters."""
    keys = _class_keys(ind)
    out = {"level": _level_word(profile.get("level", "county"))}
    for key, value in profile.items():
        if key in keys:
            out[key] = value
    if ind.coastal_only:
        out["coastal"] = bool(profile.get("coastal", False))
    return out


def _level_word(level: Any) -> str:
    return LEVEL_ALIASES.get(str(level), str(level))


def _class_keys(ind: Indicator) -> set[str]:
    """The profile classes an indicator's thresholds depend on."""
    criteria = [ind.criterion, *(item.criterion for item in ind.items)]
    return set().union(*(c.class_keys() for c in criteria if c is not None))


def _evaluate(edition: Edition, ind: Indicator, case) -> Outcome | None:
    """The outcome the excerpt gets on its own, or None when it does not load."""
    from ecocheck.engine.casetest import case_document
    from ecocheck.base.errors import InputError
    from ecocheck.engine.evaluate import evaluate_indicator
    from ecocheck.library.loader import Library
    from ecocheck.submission.reader import parse_submission

    library = Library({edition.id: edition}, edition.id, {edition.id: edition.id})
    try:
        submission = parse_submission(case_document(case), library, edition=edition.id)
    except InputError:
        return None
    return evaluate_indicator(ind, submission.entries.get(ind.id), submission.profile).outcome


def _excerpt(profile: dict, indicators: dict) -> str:
    level = profile.get("level", "county")
    rest = {k: v for k, v in profile.items() if k != "level"}
    lines = [f"level: {level}"]
    if rest:
        lines.append("profile: " + _dump(rest).strip())
    lines.append("indicators:")
    for key, value in indicators.items():
        lines += _entry_lines(key, value, "  ")
    return "\n".join(lines) + "\n"


_ENTRY_FIELDS = {"value", "previous", "target", "delta", "met", "applicable", "source", "note"}


def _entry_lines(key: Any, value: Any, indent: str) -> list[str]:
    """An indicator's value: a composite's sub-items one per line, an entry as a flow mapping."""
    if isinstance(value, dict) and not set(value) <= _ENTRY_FIELDS:
        head = _dump({key: None}, flow=False).rstrip("\n")
        lines = [indent + head[: -len(" null")] if head.endswith(" null") else indent + head]
        for sub_key, sub_value in value.items():
            lines += _entry_lines(sub_key, sub_value, indent + "  ")
        return lines
    body = _dump({key: value}) if isinstance(value, dict) else _dump({key: value}, flow=False)
    return [indent + line for line in body.rstrip("\n").split("\n")]


def _dump(data: Any, flow: bool | None = None) -> str:
    """Block mappings with flow-style leaves ({value: …, previous: …}), as people write them."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=1000)


def _generated(edition: Edition, ind: Indicator, status: str) -> Example | None:
    """An example for a rule without cases: values the rule itself gives (Criterion.example),
    checked once more through the submission loader."""
    from ecocheck.engine.casetest import Case

    profile = _example_profile(edition, ind)
    prof = Profile(level=profile["level"], coastal=bool(profile.get("coastal", False)),
                   classes={k: v for k, v in profile.items() if k not in ("level", "coastal")})
    if ind.items:
        values: dict[str, Any] = {}
        for n, item in enumerate(ind.items):
            want = FAIL if status == FAIL and n == 0 else PASS
            value = item.criterion.example(prof, want, item.unit)
            if value is None:
                return None
            values[item.name] = value
        fragment: Any = values
    else:
        fragment = ind.criterion.example(prof, status, ind.unit)
        if fragment is None:
            return None
    case = Case(name="example", index=0, file="<example>", line=0, profile=profile,
                indicators={ind.name: fragment}, expect=[])
    got = _evaluate(edition, ind, case)
    if got is None or got.status != status:
        return None
    return Example(status, _excerpt(profile, {ind.name: fragment}), got, "")


def _example_profile(edition: Edition, ind: Indicator) -> dict:
    out: dict[str, Any] = {"level": "county" if "county" in ind.levels else ind.levels[0]}
    for key in sorted(_class_keys(ind)):
        spec = edition.classes.get(key)
        if spec is not None and spec.values:
            out[key] = next(iter(spec.values))
    if ind.coastal_only:
        out["coastal"] = True
    return out


# ─────────────────────────── explain (terminal text) ───────────────────────────


def explain_text(f: Facts, lang: str = "zh") -> str:
    """What `ecocheck explain` prints: requirement, how it is decided, what to give, examples."""
    ind, ed = f.indicator, f.edition
    zh = lang == "zh"
    out: list[str] = []
    title = f"{ind.number}. {ind.name}  ({ind.name_en})"
    out.append(title)
    out.append(("版本 " if zh else "edition ") + f"{ed.id} {ed.title}" + ("" if zh else f" — {ed.title_en}"))
    out.append(f"id: {ind.id}" + (f"    别名: {'、'.join(ind.aliases)}" if zh and ind.aliases else
                                  f"    aliases: {', '.join(ind.aliases)}" if ind.aliases else ""))
    if zh:
        out.append(f"领域/任务: {ind.domain} / {ind.task}    单位: {ind.unit}    属性: {ind.attribute}    "
                   f"适用: {scope_text(ind, 'zh')}")
    else:
        out.append(f"domain/task: {ind.domain} / {ind.task}    unit: {ind.unit}    type: {ind.attribute} "
                   f"({ATTRIBUTE_EN[ind.attribute]})    applies to: {scope_text(ind, 'en')}")
    out.append("")
    out.append("指标要求（标准原文）" if zh else "Requirement (as printed in the standard)")
    out.append(f"  {ind.requirement}")
    for part in f.parts:
        if f.composite:
            out.append(f"  - {part.name if zh else part.name_en + ' (' + part.name + ')'}: {part.requirement}")
        for cls, req, verified in (part.per_class if zh else class_requirements(part.criterion, "en")):
            out.append(f"    {cls}: {req}" + ("" if verified else ("  † 未核实" if zh else "  † unverified")))
    out.append("")
    out.append("ecocheck 如何判定" if zh else "How ecocheck decides it")
    for part in f.parts:
        prefix = f"{part.name}: " if f.composite else ""
        out.append(f"  {prefix}{part.decided(lang)}")
    if f.composite:
        out.append("  " + (COMPOSITE_ZH if zh else COMPOSITE_EN))
    out.append("  " + (DECLARE_ZH if zh else DECLARE_EN))
    out.append("")
    out.append("提交时需填写" if zh else "What a submission must give")
    for part in f.parts:
        prefix = f"{part.name}: " if f.composite else ""
        out.append(f"  {prefix}{', '.join(part.needs(lang))}")
    for ex in f.examples:
        out.append("")
        out.append(_example_heading(ex, lang))
        out += ["  " + line for line in ex.text.rstrip("\n").split("\n")]
        out.append(("  → ecocheck: " if not zh else "  → ecocheck：") + _status_word(ex.status, lang)
                   + f" — {ex.reason(lang)}")
    out.append("")
    out.append(("来源: " if zh else "source: ") + ind.source.citation(lang))
    out.append(("原文位置: " if zh else "detail: ") + str(ind.source))
    if ind.note:
        out.append(("说明: " if zh else "note: ") + ind.note)
    if not ind.verified:
        out.append(("† 未核实: " if zh else "† unverified: ") + ind.verification_note)
    elif ind.verification_note:
        out.append(("核实: " if zh else "verification: ") + ind.verification_note)
    return "\n".join(out) + "\n"


COMPOSITE_ZH = "各分项均达标为达标；任一分项未达标为未达标；否则任一分项缺数据为缺数据（不存在的分项写 {applicable: false, note: …}）。"
COMPOSITE_EN = ("every sub-item met → pass; any sub-item not met → fail; otherwise any missing → missing "
                "(a sub-item that does not exist in the region: {applicable: false, note: …}).")
DECLARE_ZH = "无法给出数值时可申报 {met: true|false, note: …}：仅在数值不足以判定时采用，报告标注“申报”；实测未达标不会被 met: true 改变。"
DECLARE_EN = ("where no number can be given, declare {met: true|false, note: …}: it decides only what the "
              "numbers leave open, is marked “declared”, and never overturns a measured failure.")


def _status_word(status: str, lang: str) -> str:
    return f"{STATUS_ZH[status]}" if lang == "zh" else STATUS_PROSE_EN[status]


def _example_heading(ex: Example, lang: str) -> str:
    if lang == "zh":
        head = f"示例（{STATUS_ZH[ex.status]}）"
        return head + (f"，取自 {ex.origin}" if ex.origin else "，按规则生成")
    head = f"Example ({STATUS_PROSE_EN[ex.status]})"
    return head + (f", from {ex.origin}" if ex.origin else ", generated from the rule")


# ─────────────────────────── Markdown pages ───────────────────────────


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _header(edition_files: list[str], command: str = REGENERATE) -> str:
    return (f"<!-- 本页由 `{command}` 根据 {'、'.join(edition_files)} 生成，请勿手工修改。"
            f" Generated by `{command}`; do not edit by hand. -->\n\n")


def _anchor(ind_id: str) -> str:
    return ind_id


def _rule_file_name(edition: Edition) -> str:
    return Path(edition.file).name


def edition_page(edition: Edition, cases: list | None = None, command: str = REGENERATE) -> str:
    """One page with every indicator of an edition."""
    cases = cases or []
    inds = edition.indicators
    binding = sum(i.binding for i in inds)
    inland_county = [i for i in inds if "county" in i.levels and not i.coastal_only]
    cases_name = Path(edition.file).stem + ".cases.yaml"
    out = [_header([_rule_file_name(edition)] + ([cases_name] if cases else []), command)]
    out.append(f"# {edition.title}（{edition.id}）\n\n*{edition.title_en}*\n\n")
    out.append("| 项目 Item | 内容 Value |\n| --- | --- |\n")
    aliases = "、".join(edition.aliases)
    out.append(f"| 版本 id Edition id | `{edition.id}`" + (f"（别名 aliases: {aliases}）" if aliases else "") + " |\n")
    if edition.standard is not None:
        out.append(f"| 引用 Cite as | {_cell(edition.standard.citation('zh'))} |\n")
        if edition.standard.note:
            out.append(f"| 文号说明 Document number | {_cell(edition.standard.note)} |\n")
    elif edition.document:
        out.append(f"| 文号 Document | {edition.document} |\n")
    for document in edition.documents.values():
        tables = "、".join(name for name, _, _ in document.tables)
        out.append(f"| 指标行出处 Rows printed in | {_cell(document.citation(tables))}（`{document.file}`）"
                   + (f"：{_cell(document.note)}" if document.note else "") + " |\n")
    out.append(f"| 发布 Issued | {edition.issued} |\n")
    out.append(f"| 指标数 Indicators | {len(inds)}：约束性 {binding}，参考性 {len(inds) - binding}；"
               f"内陆县适用 {len(inland_county)} 项 |\n")
    out.append(f"| 规则文件 Rule file | `rules/{_rule_file_name(edition)}` |\n")
    if cases:
        n_exp = sum(len(c.expect) for c in cases)
        out.append(f"| 规则测试 Rule tests | `rules/{cases_name}`：{len(cases)} 个用例，{n_exp} 项预期"
                   "（`ecocheck rules test`） |\n")
    out.append("\n")
    if edition.notes:
        out.append(f"> {edition.notes}\n\n")
    out.append("每项指标给出标准原文的指标值、ecocheck 的判定方法、提交时需填写的字段，以及取自规则测试用例的"
               "达标/未达标示例。**† 未核实**：该阈值或适用范围未能在来源文件中核实。"
               "终端中查看单项：`ecocheck explain 指标名称" + f" --edition {edition.id}`。\n\n")
    if edition.classes:
        out.append("## 地区分类 Profile classes\n\n部分阈值随地区分类而定，在提交文件的 `profile:` 中注明：\n\n")
        out.append("| 键 Key | 名称 Name | 取值 Values | 别名 Aliases |\n| --- | --- | --- | --- |\n")
        for key, spec in edition.classes.items():
            values = "、".join(f"{zh} ({en})" for zh, en in spec.values.items())
            aliases = "、".join(f"{a}→{c}" for a, c in spec.aliases.items()) or "—"
            out.append(f"| `{key}` | {_cell(spec.name)} | {_cell(values)} | {_cell(aliases)} |\n")
        out.append("| `coastal` | 沿海地区 | true / false（默认 false） | — |\n\n")
    out.append("## 指标一览 Overview\n\n")
    out.append("| 序号 No. | 指标 Indicator | 领域 Domain | 属性 Type | 适用 Applies to | 指标值 Requirement |\n"
               "| ---: | --- | --- | --- | --- | --- |\n")
    for ind in inds:
        mark = " †" if not ind.verified else ""
        out.append(f"| {ind.number} | [{_cell(ind.name)}](#{_anchor(ind.id)}){mark} | {ind.domain} | "
                   f"{ind.attribute} | {scope_text(ind)} | {_cell(ind.requirement)} |\n")
    out.append("\n")
    domain = task = None
    for ind in inds:
        if ind.domain != domain:
            domain, task = ind.domain, None
            out.append(f"## {domain}\n\n")
        if ind.task != task:
            task = ind.task
            out.append(f"### {task}\n\n")
        out.append(indicator_section(facts(edition, ind, cases)))
    return "".join(out).rstrip("\n") + "\n"


def indicator_section(f: Facts) -> str:
    ind = f.indicator
    out = [f'<a id="{_anchor(ind.id)}"></a>\n\n#### {ind.number}. {ind.name}' + (" †" if not ind.verified else "")
           + "\n\n", f"*{ind.name_en}* · id `{ind.id}`"
           + (f" · 别名 aliases: {'、'.join(ind.aliases)}" if ind.aliases else "") + "\n\n"]
    rows = [
        ("领域 / 任务 Domain / task", f"{ind.domain} / {ind.task}"),
        ("单位 Unit", ind.unit),
        ("属性 Type", f"{ind.attribute}（{ATTRIBUTE_EN[ind.attribute]}）"),
        ("适用范围 Applies to", f"{scope_text(ind, 'zh')}（{scope_text(ind, 'en')}）"),
        ("指标值 Requirement（原文）", ind.requirement),
    ]
    if not f.composite:
        part = f.parts[0]
        if part.per_class:
            rows.append(("分类要求 Per class", "；".join(f"{c} {r}" + ("" if v else " †") for c, r, v in part.per_class)))
        rows.append(("判定 How decided", part.decided("zh")))
        rows.append(("Decided (en)", part.decided("en")))
        rows.append(("需填写 Give", "、".join(part.needs("zh"))))
    rows.append(("来源 Source", ind.source.citation("zh")))
    rows.append(("原文位置 Detail", str(ind.source)))
    if ind.note:
        rows.append(("说明 Note", ind.note))
    if not ind.verified:
        rows.append(("† 未核实 Unverified", ind.verification_note))
    elif ind.verification_note:
        rows.append(("核实 Verification", ind.verification_note))
    out.append("| | |\n| --- | --- |\n")
    out += [f"| {label} | {_cell(value)} |\n" for label, value in rows]
    out.append("\n")
    if f.composite:
        out.append("| 分项 Sub-item | id | 单位 Unit | 指标值 Requirement | 判定 How decided | 需填写 Give |\n"
                   "| --- | --- | --- | --- | --- | --- |\n")
        for part in f.parts:
            per_class = "".join(f"；{c} {r}" + ("" if v else " †") for c, r, v in part.per_class)
            out.append(f"| {_cell(part.name)}<br>*{_cell(part.name_en)}* | `{part.id}` | {_cell(part.unit)} | "
                       f"{_cell(part.requirement + per_class)} | {_cell(part.decided('zh'))} | "
                       f"{_cell('、'.join(part.needs('zh')))} |\n")
        out.append(f"\n{COMPOSITE_ZH}\n\n")
    for ex in f.examples:
        out.append(f"{_example_heading(ex, 'zh')}：\n\n```yaml\n{ex.text}```\n\n"
                   f"→ ecocheck：{STATUS_ZH[ex.status]} — {_inline(ex.reason('zh'))}\n\n")
    return "".join(out)


def _inline(text: str) -> str:
    return text.replace("\n", " ")


# ─────────────────────────── comparing editions ───────────────────────────


@dataclass
class Diff:
    id: str
    old: Indicator | None
    new: Indicator | None
    criterion: list[str] = field(default_factory=list)  # changed thresholds / decision rules
    wording: list[str] = field(default_factory=list)  # printed requirement text only
    other: list[str] = field(default_factory=list)  # number, name, type, scope, unit …

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if (self.criterion or self.wording or self.other) else "same"


def diff_editions(old: Edition, new: Edition) -> list[Diff]:
    """Indicator by indicator, matched by stable id: in the new edition's order, removed ones last."""
    old_by = {i.id: i for i in old.indicators}
    new_by = {i.id: i for i in new.indicators}
    out = [_diff(old_by.get(i.id), i) for i in new.indicators]
    out += [Diff(i.id, i, None) for i in old.indicators if i.id not in new_by]
    return out


def _diff(a: Indicator | None, b: Indicator) -> Diff:
    d = Diff(b.id, a, b)
    if a is None:
        return d
    if a.number != b.number:
        d.other.append(f"序号 {a.number} → {b.number}")
    if a.name != b.name:
        d.other.append(f"名称 {a.name} → {b.name}")
    if a.attribute != b.attribute:
        d.other.append(f"属性 {a.attribute} → {b.attribute}")
    if (a.levels, a.coastal_only) != (b.levels, b.coastal_only):
        d.other.append(f"适用 {scope_text(a)} → {scope_text(b)}")
    if a.unit != b.unit:
        d.other.append(f"单位 {a.unit} → {b.unit}")
    if (a.domain, a.task) != (b.domain, b.task):
        d.other.append(f"领域/任务 {a.domain}/{a.task} → {b.domain}/{b.task}")
    if a.verified != b.verified:
        d.other.append("核实状态 " + ("已核实" if a.verified else "未核实") + " → " + ("已核实" if b.verified else "未核实"))
    if a.criterion is not None and b.criterion is not None:
        if not _same_decision(a.criterion, b.criterion):
            d.criterion.append(f"判定：{how_decided(a.criterion, 'zh')} → {how_decided(b.criterion, 'zh')}")
        _verification_change(d, "", a.criterion, b.criterion)
    elif (a.criterion is None) != (b.criterion is None):
        d.criterion.append("由" + ("分项指标" if a.criterion is None else "单一指标") + "改为"
                           + ("分项指标" if b.criterion is None else "单一指标"))
    a_items = {i.id: i for i in a.items}
    b_items = {i.id: i for i in b.items}
    for item in b.items:
        old_item = a_items.get(item.id)
        if old_item is None:
            if a.items:
                d.criterion.append(f"新增分项 {item.name}（{item.requirement}）")
            continue
        _verification_change(d, f"分项 {item.name} ", old_item.criterion, item.criterion)
        if not _same_decision(old_item.criterion, item.criterion):
            d.criterion.append(f"分项 {item.name}：{how_decided(old_item.criterion, 'zh')} → "
                               f"{how_decided(item.criterion, 'zh')}")
        elif old_item.requirement != item.requirement:
            d.wording.append(f"分项 {item.name} 指标值文字 “{old_item.requirement}” → “{item.requirement}”")
    for item in a.items:
        if item.id not in b_items and b.items:
            d.criterion.append(f"删除分项 {item.name}（{item.requirement}）")
    if a.requirement != b.requirement:
        target = d.criterion if d.criterion else d.wording
        target.insert(0, f"指标值 “{a.requirement}” → “{b.requirement}”")
    return d


def _same_decision(a: Criterion, b: Criterion) -> bool:
    """Whether two criteria decide alike: what they check, not how they are labelled or verified."""
    return all(how_decided(a, lang) == how_decided(b, lang) for lang in ("zh", "en"))


def _verification_change(d: Diff, prefix: str, a: Criterion, b: Criterion) -> None:
    before, after = a.unverified_classes(), b.unverified_classes()
    confirmed = sorted(before - after)
    doubted = sorted(after - before)
    if confirmed:
        d.other.append(f"{prefix}阈值已核实：{'、'.join(confirmed)}")
    if doubted:
        d.other.append(f"{prefix}阈值未核实：{'、'.join(doubted)}")


def _related(diff: Diff, others: list[Indicator]) -> list[Indicator]:
    """Indicators of the other edition that probably correspond (shared name, alias or sub-item id)."""
    me = diff.new or diff.old
    names = {me.name, *me.aliases} | {i.id for i in me.items}
    found = []
    for other in others:
        theirs = {other.name, *other.aliases} | {i.id for i in other.items}
        if other.id in names or me.id in theirs or names & theirs:
            found.append(other)
    return found


def _one_side_table(diffs: list[Diff], others: list[Indicator], number_head: str, page: str, other_page: str,
                    side) -> list[str]:
    """Rows for the indicators only one edition has (`side` picks that edition's indicator)."""
    if not diffs:
        return ["（无 none）\n"]
    out = [f"| {number_head} | 指标 Indicator | 属性 Type | 适用 Applies to | 指标值 Requirement | 可能对应 Related in {other_page} |\n"
           "| ---: | --- | --- | --- | --- | --- |\n"]
    for d in diffs:
        ind = side(d)
        rel = "、".join(f"{r.number}. {r.name}" for r in _related(d, others)) or "—"
        out.append(f"| {ind.number} | [{_cell(ind.name)}]({page}.md#{_anchor(d.id)}) `{d.id}` | "
                   f"{ind.attribute} | {scope_text(ind)} | {_cell(ind.requirement)} | {_cell(rel)} |\n")
    return out


def compare_page(old: Edition, new: Edition, command: str = REGENERATE) -> str:
    diffs = diff_editions(old, new)
    added = [d for d in diffs if d.kind == "added"]
    removed = [d for d in diffs if d.kind == "removed"]
    both = [d for d in diffs if d.old is not None and d.new is not None]
    renumbered = [d for d in both if d.old.number != d.new.number]
    criterion = [d for d in both if d.criterion]
    wording = [d for d in both if d.wording and not d.criterion]
    other = [d for d in both if any(not x.startswith("序号") for x in d.other)]
    o, n = old.id, new.id
    out = [_header([_rule_file_name(old), _rule_file_name(new)], command)]
    out.append(f"# 版本对照 Editions compared: {o} → {n}\n\n")
    out.append(f"- **{o}**：[{old.title}]({o}.md)" + (f"（{old.document}）" if old.document else "")
               + f"，{len(old.indicators)} 项\n")
    out.append(f"- **{n}**：[{new.title}]({n}.md)" + (f"（{new.document}）" if new.document else "")
               + f"，{len(new.indicators)} 项\n\n")
    out.append("指标按规则文件中的稳定 id 对应（不按序号）。“判定变化”指阈值或判定方法改变，"
               "会改变同一数据的结论；“仅文字变化”指标准原文的写法不同而判定不变。"
               "Indicators are matched by their stable id, not by number.\n\n")
    out.append("## 摘要 Summary\n\n| 类别 Kind | 数量 Count |\n| --- | ---: |\n")
    for label, group in (("两版均有 In both", both), (f"新增 Added in {n}", added), (f"删除 Removed in {n}", removed),
                         ("序号变化 Renumbered", renumbered), ("判定变化 Decision changed", criterion),
                         ("仅文字变化 Wording only", wording),
                         ("名称/属性/适用/单位等变化 Other changes", other)):
        out.append(f"| {label} | {len(group)} |\n")
    out.append("\n")
    out.append(f"## 新增 Added in {n}\n\n")
    out += _one_side_table(added, [x.old for x in removed], "序号 No.", n, o, lambda d: d.new)
    out.append(f"\n## 删除 Removed in {n}\n\n")
    out += _one_side_table(removed, [x.new for x in added], f"{o} 序号 No.", o, n, lambda d: d.old)
    out.append("\n## 判定变化 Decision changed (thresholds, criteria)\n\n")
    if criterion:
        for d in criterion:
            out.append(f"### {d.new.number}. {d.new.name}（{o}: {d.old.number}）\n\n")
            out += [f"- {_inline(x)}\n" for x in d.criterion]
            out.append("\n")
    else:
        out.append("（无 none）\n\n")
    out.append("## 仅文字变化 Wording only\n\n")
    if wording:
        out.append("| 指标 Indicator | 变化 Change |\n| --- | --- |\n")
        for d in wording:
            out.append(f"| {d.new.number}. {_cell(d.new.name)} | {_cell('；'.join(d.wording))} |\n")
    else:
        out.append("（无 none）\n")
    out.append("\n## 逐项对照 Indicator by indicator\n\n")
    out.append(f"| id | {o} | {n} | 变化 Changes |\n| --- | --- | --- | --- |\n")
    for d in diffs:
        left = f"[{d.old.number}. {_cell(d.old.name)}]({o}.md#{_anchor(d.id)})" if d.old else "—"
        right = f"[{d.new.number}. {_cell(d.new.name)}]({n}.md#{_anchor(d.id)})" if d.new else "—"
        if d.kind == "added":
            change = "新增 added"
        elif d.kind == "removed":
            change = "删除 removed"
        elif d.kind == "same":
            change = "相同 same"
        else:
            change = "；".join(([("判定变化 decision changed")] if d.criterion else [])
                              + ([("文字变化 wording")] if d.wording and not d.criterion else [])
                              + d.other)
        out.append(f"| `{d.id}` | {left} | {right} | {_cell(change)} |\n")
    return "".join(out).rstrip("\n") + "\n"


def index_page(editions: list[Edition], default_id: str, pairs: list[tuple[Edition, Edition]],
               command: str = REGENERATE) -> str:
    out = [_header([_rule_file_name(e) for e in editions], command)]
    out.append("# 规则参考 Rule reference\n\n")
    out.append("各版标准逐项列出指标值、判定方法、提交时需填写的字段与示例。"
               "这些页面由规则文件生成；规则文件改动后运行\n\n"
               f"```sh\n{command}\n```\n\n"
               + ("测试 `tests/docs/test_docs.py` 会在页面过期时失败。" if command == REGENERATE else "")
               + "Every page here is generated from the rule files; regenerate after changing them.\n\n")
    out.append("| 版本 Edition | 标准 Standard | 文号 Document | 指标数 Indicators | 页面 Page |\n"
               "| --- | --- | --- | ---: | --- |\n")
    for e in editions:
        default = "（默认 default）" if e.id == default_id else ""
        number = e.document or "—"
        if e.standard is not None and e.standard.number and not e.standard.number_verified:
            number += "（未核实 not verified）"
        out.append(f"| `{e.id}`{default} | {e.title} | {number} | {len(e.indicators)} | [{e.id}.md]({e.id}.md) |\n")
    out.append("\n")
    if pairs:
        out.append("版本对照 Comparisons:\n\n")
        for a, b in pairs:
            out.append(f"- [{a.id} → {b.id}](compare-{a.id}-{b.id}.md)\n")
        out.append("\n")
    out.append("终端中查看单项 In a terminal: `ecocheck explain 林草覆盖率`、`ecocheck explain forest_grass_coverage "
               "--edition 2019 --lang en`。\n")
    return "".join(out)


def render_all(editions: list[Edition], default_id: str, cases: dict[str, list] | None = None,
               command: str = REGENERATE) -> dict[str, str]:
    """File name → Markdown for every page: one per edition, a comparison of each consecutive
    pair (by issue date), and index.md. `command` is how the pages say they are regenerated."""
    cases = cases or {}
    ordered = sorted(editions, key=lambda e: (e.issued, e.id))
    pages = {f"{e.id}.md": edition_page(e, cases.get(e.id), command) for e in ordered}
    pairs = list(zip(ordered, ordered[1:]))
    for a, b in pairs:
        pages[f"compare-{a.id}-{b.id}.md"] = compare_page(a, b, command)
    pages["index.md"] = index_page(ordered, default_id, pairs, command)
    return pages


__all__ = ["Example", "Facts", "Part", "compare_page", "diff_editions", "edition_page", "examples",
           "explain_text", "facts", "index_page", "render_all"]
