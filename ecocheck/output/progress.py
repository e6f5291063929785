"""Rendering plan progress (`ecocheck progress`, `evaluate --plan`): table and markdown (json: jsonout).

Every format renders the one JSON-shaped progress document (`Progress.as_dict(lang)`, whose
reasons and warnings are already in the report's language); the words around them (summary,
legend) come from the message catalogue, the column heads and statuses from the tables below.

The terminal table is fitted to the width (ecocheck.output.fit), widest layout first:
1. every column, the reason wrapped in its column;
2. the reason on its own line under the row;
3. the target's name (and its attribute) as a heading over its goals, the reason under each goal;
4. as 3, with only year, value, target and status in columns, the rest under the row;
5. one card per goal under its target's heading.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecocheck.base.messages import Joined, Message
from ecocheck.base.words import ATTRIBUTE_WORDS
from ecocheck.library.model import row_citation
from ecocheck.output import fit
from ecocheck.output.neutral import terminal_text
from ecocheck.series.progress import BEHIND
from ecocheck.series.progress import STATUS_WORDS as STATUS
from ecocheck.series.progress import STATUSES as ORDER

COLUMNS = {
    "zh": ["目标", "属性", "目标年", "规划原文", "基准值", "现状值", "目标值", "差距", "完成进度", "状态", "说明", "出处"],
    "en": ["Target", "Type", "Year", "As printed", "Base", "Value", "Target value", "To go", "Share", "Status",
           "Reason", "Source"],
}
NAME, ATTRIBUTE, YEAR, PRINTED, BASE, VALUE, TARGET, TO_GO, SHARE, STATE, REASON, SOURCE = range(12)
WORDS = {
    "zh": {"title": "规划目标进度", "plan_region": "规划地区", "base_year": "基准年", "target_year": "目标年",
           "data": "数据", "none": "—", "source": "来源", "warning": "提示", "sep": "：", "blank": "（空白）",
           "aside": "{text}（{aside}）"},
    "en": {"title": "Plan progress", "plan_region": "plan region", "base_year": "base year", "target_year": "target year",
           "data": "data", "none": "—", "source": "Source", "warning": "Warning", "sep": ": ", "blank": "(blank)",
           "aside": "{text} ({aside})"},
}
# A plan's attribute words: the standard's two, and those plans print besides (预期性, 非约束性).
PLAN_ATTRIBUTES = {"zh": {}, "en": {**ATTRIBUTE_WORDS["en"], "预期性": "expected", "非约束性": "non-binding"}}
PRINTED_WIDTH = 22
STYLE = {"met": "green", "on_track": "green", "behind": "bold red", "superior_target_missing": "yellow",
         "missing": "yellow", "no_target": "dim", "not_applicable": "dim"}
# Narrowest a wrapping column may become before a narrower layout is chosen.
LEAST = {"printed": 14, "base": 10, "value": 8, "target": 10, "reason": 30}


def _num(value: Any, unit: str = "") -> str:
    if value is None:
        return ""
    text = str(value)
    return text + (unit if unit == "%" else "")


def _short(text: str, width: int = PRINTED_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _source(source: str) -> str:
    """000_33215831ab566a8b.txt:171 → 000:171 (the seeds are known by their number)."""
    doc, _, line = source.partition(":")
    prefix = doc.split("_", 1)[0] if "_" in doc else doc
    return f"{prefix}:{line}" if line else prefix


def _cited(row: dict[str, Any], lang: str) -> str:
    """The row of the plan's document the target is printed in (表1 第9项), else its file and line."""
    if row.get("table") or row.get("item"):
        return row_citation(row.get("table", ""), row.get("item", ""), lang)
    return _source(row["source"])


def _aside(text: str, aside: str, lang: str) -> str:
    """`text` with a remark in brackets, as the language writes them."""
    return WORDS[lang]["aside"].format(text=text, aside=aside) if aside else text


def name_text(row: dict[str, Any], lang: str) -> str:
    """The target's name as the plan prints it; in English reports its English name first, when the plan gives one."""
    return _aside(row["name_en"], row["name"], lang) if lang == "en" and row.get("name_en") else row["name"]


def attribute_text(attribute: str | None, lang: str) -> str:
    return PLAN_ATTRIBUTES[lang].get(attribute or "", attribute or "")


# A cell that reads two requirements (不降低且达到考核要求) is two goals with the same printed text;
# the table says which part each row checks.
PART = {"zh": {"trend": "趋势", "superior": "上级目标", "value": "数值", "state": "状态", "none": ""},
        "en": {"trend": "trend", "superior": "superior target", "value": "value", "state": "state", "none": ""}}


def rows(doc: dict[str, Any], lang: str = "zh") -> list[list[str]]:
    status = STATUS[lang]
    out = []
    shared: dict[tuple, int] = {}
    for r in doc["rows"]:
        key = (r["target_id"], r["goal_year"], r["printed"])
        shared[key] = shared.get(key, 0) + 1
    for r in doc["rows"]:
        printed = _short(r["printed"]) or WORDS[lang]["blank"]
        if shared[(r["target_id"], r["goal_year"], r["printed"])] > 1 and PART[lang].get(r["kind"]):
            # first, so that a narrow column wraps the printed words, not the label
            printed = f"[{PART[lang][r['kind']]}] {printed}"
        base = _num(r["base_value"], r["unit"]) if r["base_value"] is not None else _short(r["base_printed"], 14)
        target = _num(r["target"], r["unit"])
        if target:  # where a target not printed in the plan came from
            target = _aside(target, r.get("target_from", ""), lang)
        share = "" if r["share"] is None else f"{r['share'] * 100:.1f}%"
        out.append([name_text(r, lang), attribute_text(r["attribute"], lang), str(r["goal_year"]), printed,
                    base, _num(r["value"], r["unit"]), target, _num(r["distance"]), share, status[r["status"]],
                    r["reason"], _cited(r, lang)])
    return out


def heading(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    w = WORDS[lang]
    plan = doc["plan"]
    base = plan["base_year"] if plan["base_year"] is not None else w["none"]
    title = plan["title"]
    if lang == "en" and plan.get("title_en"):
        title = _aside(plan["title_en"], title, lang)
    return [
        f"{w['title']}{w['sep']}{title} ({plan['id']})",
        f"{w['plan_region']}{w['sep']}{plan['region']}  {w['base_year']}{w['sep']}{base}  "
        f"{w['target_year']}{w['sep']}{plan['target_year']}",
        f"{w['data']}{w['sep']}{doc['region']} {doc['year']}" + (f" ({doc['file']})" if doc.get("file") else ""),
    ]


def summary_lines(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    counts = doc["summary"]["counts"]
    line = Joined([Message("progress.count", status=STATUS[lang][s], count=counts[s]) for s in ORDER
                   if counts.get(s)], "sep.counts")
    behind = [Message("progress.goal", name=name_text(r, lang), goal_year=r["goal_year"])
              for r in doc["rows"] if r["status"] == BEHIND]
    verdict = (Message("progress.behind", count=len(behind), goals=Joined(behind)) if behind
               else Message("progress.none_behind"))
    return [line.render(lang), verdict.render(lang)]


def footer(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    w = WORDS[lang]
    plan = doc["plan"]
    source = plan.get("citation") or plan["source"]  # the plan's document as cited; its file:line before
    lines = [Message("progress.legend").render(lang), f"{w['source']}{w['sep']}{source}"]
    lines += [f"{w['warning']}{w['sep']}{text}" for text in doc.get("warnings", [])]
    return lines


# ── the terminal: fitted to the width ───────────────────────────────────────────────────

def lines(doc: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    """The report's lines at this width: heading, table, summary, legend, source and warnings."""
    for text in heading(doc, lang):  # the plan's title is a name: wrapped between whole words
        yield from ([(line, "bold")] for line in fit.wrap(terminal_text(text), width, whole_words=True))
    yield []
    yield from table_lines(doc, lang, width)
    yield []
    summary = summary_lines(doc, lang)
    yield from ([(line, None)] for line in fit.wrap(terminal_text(summary[0]), width))
    behind = [r for r in doc["rows"] if r["status"] == BEHIND]
    if not behind:
        yield from ([(line, "bold green")] for line in fit.wrap(terminal_text(summary[1]), width))
    else:  # one goal a line, so that no name is broken where the line wraps
        yield [(Message("progress.behind_list", count=len(behind)).render(lang), "bold red")]
        for r in behind:
            goal = Message("progress.goal", name=name_text(r, lang), goal_year=r["goal_year"]).render(lang)
            yield from ([("  " + line, None)] for line in fit.wrap(terminal_text(goal), width - 2, whole_words=True))
    for text in footer(doc, lang):
        yield from ([(line, "dim")] for line in fit.wrap(terminal_text(text), width))


def table_lines(doc: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    cells_of = [[terminal_text(c) for c in cells] for cells in rows(doc, lang)]  # data shown, never obeyed
    statuses = [r["status"] for r in doc["rows"]]
    head = COLUMNS[lang]
    sep = WORDS[lang]["sep"]
    groups = _groups(doc, cells_of, lang, width)

    def row(cells: list[str], status: str, state: int, **extra: Any) -> fit.Row:
        styles: list[str | None] = [None] * len(cells)
        styles[state] = STYLE.get(status)
        return fit.Row(cells, styles, row_style="dim" if status == "not_applicable" else None, **extra)

    def labelled(cells: list[str], *columns: int) -> str:
        return " · ".join(f"{head[i]}{sep}{cells[i]}" for i in columns if cells[i])

    def under(cells: list[str], *lines: tuple[int, ...]) -> list[tuple[str, str | None]]:
        """Lines under a row: each the labelled cells of a group of columns (none when all are empty)."""
        return [(text, None) for text in (labelled(cells, *columns) for columns in lines) if text]

    word = {"whole_words": True}  # names and short words: never broken inside a word
    full = [fit.Column(head[NAME], **word), fit.Column(head[ATTRIBUTE], **word),
            fit.Column(head[YEAR], right=True, **word), fit.Column(head[PRINTED], least=LEAST["printed"]),
            fit.Column(head[BASE], least=LEAST["base"]), fit.Column(head[VALUE], least=LEAST["value"]),
            fit.Column(head[TARGET], least=LEAST["target"]), fit.Column(head[TO_GO], right=True, **word),
            fit.Column(head[SHARE], right=True, **word), fit.Column(head[STATE], **word),
            fit.Column(head[REASON], least=LEAST["reason"]), fit.Column(head[SOURCE], **word)]
    drawn = fit.draw(full, lambda: (row(cells, s, STATE) for cells, s in zip(cells_of, statuses)), width)
    if drawn is None:  # 2. the reason under the row (an empty first column: indented by a gap, not by the name)
        kept = [i for i in range(len(full)) if i != REASON]
        drawn = fit.draw([fit.Column(""), *(full[i] for i in kept)], lambda: (
            row(["", *(cells[i] for i in kept)], s, 1 + kept.index(STATE), below=under(cells, (REASON,)))
            for cells, s in zip(cells_of, statuses)), width)
    if drawn is None:  # 3. the name over its goals, the reason under each
        kept = [YEAR, PRINTED, BASE, VALUE, TARGET, TO_GO, SHARE, STATE, SOURCE]
        drawn = fit.draw([full[i] for i in kept], lambda: (
            row([cells[i] for i in kept], s, kept.index(STATE), heading=g, below=under(cells, (REASON,)))
            for cells, s, g in zip(cells_of, statuses, groups)), width)
    if drawn is None:  # 4. only year, value, target and status in columns
        kept = [YEAR, VALUE, TARGET, STATE]
        drawn = fit.draw([full[i] for i in kept], lambda: (
            row([cells[i] for i in kept], s, kept.index(STATE), heading=g,
                below=under(cells, (PRINTED, BASE, TO_GO, SHARE), (REASON, SOURCE)))
            for cells, s, g in zip(cells_of, statuses, groups)), width)
    if drawn is not None:
        yield from drawn
        return
    for cells, status, group in zip(cells_of, statuses, groups):  # 5. cards
        if group:
            yield from ([(line, "bold")] for line in group.split("\n"))
        details = under(cells, (PRINTED, BASE, VALUE, TARGET, TO_GO, SHARE), (REASON, SOURCE))
        yield from fit.stacked(f"{head[YEAR]} {cells[YEAR]}", cells[STATE], STYLE.get(status), details, width)


def _groups(doc: dict[str, Any], cells_of: list[list[str]], lang: str, width: int) -> list[str | None]:
    """Per row: the target's name and attribute where a new target starts, else None. The name
    is wrapped here, between whole words, so that a heading never breaks it inside one."""
    out: list[str | None] = []
    last = None
    for r, cells in zip(doc["rows"], cells_of):
        key = (r["plan"], r["target_id"])
        text = _aside(cells[NAME], cells[ATTRIBUTE], lang)
        out.append("\n".join(fit.wrap(text, width, whole_words=True)) if key != last else None)
        last = key
    return out


def render_plain(doc: dict[str, Any], lang: str = "zh", width: int | None = None) -> str:
    """The report as plain text fitted to `width` (COLUMNS or 100 when not given)."""
    width = width or fit.pipe_width()
    return "\n".join(fit.plain(line) for line in lines(doc, lang, width)) + "\n"


# ── markdown ────────────────────────────────────────────────────────────────────────────

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(doc: dict[str, Any], lang: str = "zh", level: int = 2) -> str:
    head = heading(doc, lang)
    columns = COLUMNS[lang]
    lines = [f"{'#' * level} {head[0]}", "", *[f"{h}  " for h in head[1:]], "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows(doc, lang)]
    lines += ["", *[f"- {line}" for line in summary_lines(doc, lang)], "", *[f"> {line}" for line in footer(doc, lang)]]
    return "\n".join(lines) + "\n"


def section_title(doc: dict[str, Any], lang: str = "zh") -> str:
    """The label of the plan section that `evaluate --plan` prints after the standard's report."""
    plan = doc["plan"]
    if lang == "zh":
        return f"══ 规划目标进度（{plan['title']}，{plan['id']}）══"
    return f"══ Plan progress ({plan.get('title_en') or plan['title']}, {plan['id']}) ══"


def plan_sections(docs: list[dict[str, Any]], lang: str, markdown: bool = False, width: int | None = None) -> str:
    """The labelled plan sections `evaluate --plan` prints after the standard's report (a table
    fitted to `width`, COLUMNS or 100 when not given)."""
    parts = []
    for doc in docs:
        if markdown:
            parts.append(render_markdown(doc, lang, level=3))
        else:
            width = width or fit.pipe_width()
            title = "\n".join(fit.wrap(terminal_text(section_title(doc, lang)), width))
            parts.append(title + "\n" + render_plain(doc, lang, width))
    return "\n".join(parts)


__all__ = ["render_plain", "render_markdown", "rows", "lines", "section_title", "plan_sections", "STATUS"]
