#!/usr/bin/env python3
"""The catalogue of every error and warning ecocheck gives, with an example input for each.

`python scripts/error_catalogue.py > docs/errors.md` regenerates the doc by running every
example through the real CLI, in English and in Chinese (`--lang en`, `--lang zh`: the messages
come from the catalogue in ecocheck/base/messages.py); tests/docs/test_errors_doc.py runs them
again and fails when the doc and the tool disagree.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEAD = """region: 示例县
level: county
year: 2022
edition: "2021"
profile:
  terrain: 平原地区
indicators:
"""


@dataclass
class Example:
    code: str
    title: str
    text: str | bytes  # the input file
    args: tuple[str, ...] = ("evaluate", "{file}")
    name: str = "example.yaml"
    shown: str = ""  # how the doc shows a binary input
    extra: dict[str, str] = field(default_factory=dict)  # more files beside it
    warning: bool = False  # a warning: the command still succeeds
    fifo: bool = False  # the input is a named pipe (mkfifo), not a file with `text`


# A one-indicator rule file and the start of a rule-test case for it (examples of `rules test`).
DEMO_RULES = """schema_version: 1
edition: {id: demo, title: 示例标准, title_en: Demo standard, issued: "2024", indicator_count: 1}
indicators:
  - id: urban_sewage_treatment
    number: 1
    name: 城镇污水处理率
    name_en: Urban sewage treatment rate
    domain: 生态生活
    task: （八）人居环境改善
    unit: "%"
    attribute: 约束性
    applies: {levels: [county, city]}
    requirement: ≥85
    criterion: {kind: threshold, op: ">=", value: 85, unit: "%"}
    source: {doc: example}
"""
CASE_HEAD = """- name: 县·边界值达标
  profile: {level: county}
  indicators: {城镇污水处理率: 85}
"""


# A one-target plan file (examples of the plan-file errors): the header, then targets.
PLAN_HEAD = """schema_version: 1
plan: {id: demo, title: 示例规划, region: 示例县, level: county, base_year: 2020, target_year: 2025,
       attributes: [约束性], source: {doc: example}}
targets:
"""


def _forest(direction: str = "higher", attribute: str = "约束性", year: int = 2025, link: str = "") -> str:
    return (f'  - {{id: forest, name: 森林覆盖率, unit: "%", attribute: {attribute}, direction: {direction}, {link}'
            f'base: {{printed: "40", value: 40}},\n'
            f'     goals: [{{year: {year}, kind: value, value: 42, printed: "42"}}], source: {{doc: example}}}}\n')


def _plan_example(code: str, title: str, targets: str) -> "Example":
    return Example(code, title, PLAN_HEAD + targets, args=("progress", "--list", "--plan", "{file}"),
                   name="demo-plan.yaml")


EXAMPLES: list[Example] = [
    # ── reading the file ──
    Example("not-found", "The file does not exist", "", args=("evaluate", "{dir}/missing.yaml")),
    Example("encoding", "GBK / GB18030 file (saved by Windows Excel or Notepad)", (HEAD + "  河长制: 全面实施\n").encode("gbk"),
            shown="(the same text as the first example below, saved in GBK)"),
    Example("encoding", "UTF-16 file", "region: 示例县\n".encode("utf-16"), shown="(a UTF-16 file with a byte-order mark)"),
    Example("binary", "A binary file (a spreadsheet, an archive)", b"PK\x03\x04\x14\x00\x00\x00binary",
            shown="(the first bytes of an .xlsx/.zip file)"),
    Example("empty", "An empty file", ""),
    Example("too-large", "A file over 5 MB", b"# " + b"x" * (5 * 1024 * 1024) + b"\n", shown="(a 5 MB file)"),
    Example("yaml-syntax", "YAML syntax error", HEAD + "  城镇污水处理率: [95\n"),
    Example("yaml-syntax", "A tab used for indentation", HEAD + "\t河长制: 全面实施\n"),
    Example("yaml-limit", "Alias expansion bomb (“billion laughs”)",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
                f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n" for i in range(1, 9))),
    Example("yaml-limit", "Nesting deeper than 64 levels", "a: " + "[" * 70 + "]" * 70 + "\n"),
    Example("yaml-tag", "A YAML tag that would construct an object", HEAD + "  河长制: !!python/object/apply:os.system [ls]\n"),
    Example("yaml-key", "A key that is not plain text", HEAD + "  ? [城镇污水处理率]\n  : 95\n"),
    Example("yaml-merge", "Merge keys", "base: &b {region: 示例县}\n<<: *b\n"),
    Example("duplicate-key", "The same key twice (PyYAML would silently keep the last)", HEAD + "  河长制: 全面实施\n  河长制: 未实施\n"),
    Example("duplicate-key", "The same indicator by name and by id", HEAD + "  河长制: 全面实施\n  river_chief_system: 全面实施\n"),
    # ── the submission's fields ──
    Example("submission-shape", "The file is not a mapping", "- 喀左县\n- 2019\n"),
    Example("missing-field", "Required fields missing", "region: 示例县\n"),
    Example("unknown-field", "An unknown top-level field", HEAD.replace("year: 2022", "yaer: 2022")),
    Example("value-type", "Unknown level", HEAD.replace("level: county", "level: 乡")),
    Example("value-type", "A year that is not a year", HEAD.replace("year: 2022", "year: 二〇二二")),
    Example("future-year", "A measured year in the future", HEAD.replace("year: 2022", "year: 2035")),
    Example("unknown-edition", "Unknown edition", HEAD.replace('edition: "2021"', 'edition: "2025"')),
    Example("unknown-class", "Unknown terrain class", HEAD.replace("平原地区", "平源地区")),
    Example("unknown-class", "A profile class the edition does not use", HEAD.replace("  terrain: 平原地区", "  terrain: 平原地区\n  climate: 湿润地区")),
    Example("value-type", "`coastal` not true/false", HEAD.replace("  terrain: 平原地区", "  terrain: 平原地区\n  coastal: 是")),
    # ── indicators and values ──
    Example("unknown-indicator", "A misspelt indicator name", HEAD + "  城镇污水处里率: 95\n"),
    Example("unknown-indicator", "A misspelt sub-item name", HEAD + "  农业废弃物综合利用率:\n    秸杆综合利用率: 90\n"),
    Example("unknown-field", "An unknown field in a value mapping", HEAD + "  城镇污水处理率: {value: 95, valeu: 96}\n"),
    Example("value-type", "Text where a number is needed", HEAD + "  城镇污水处理率: 基本完成\n"),
    Example("threshold-echo", "A bound in the value cell that does not reach the requirement",
            HEAD + "  农村生活污水治理率: ≥40%\n"),
    Example("unit", "A number in another unit than the indicator's", HEAD + "  城镇污水处理率: 39 μg/m3\n"),
    Example("value-type", "`true` as a value", HEAD + "  城镇污水处理率: true\n"),
    Example("value-type", "A list where a number is expected", HEAD + "  城镇污水处理率: [90, 95]\n"),
    Example("value-type", "A date where a number is expected", HEAD + "  城镇污水处理率: 2022-12-31\n"),
    Example("value-range", "A percentage outside 0–100", HEAD + "  城镇污水处理率: 195.33\n"),
    Example("value-range", "A negative rate", HEAD + "  城镇污水处理率: -5\n"),
    Example("value-range", "NaN or infinity", HEAD + "  城镇污水处理率: .nan\n"),
    Example("unknown-state", "A state word ecocheck does not know", HEAD + "  河长制: 差不多\n"),
    Example("value-type", "A number for a qualitative indicator", HEAD + "  河长制: 1\n"),
    Example("value-type", "`met` that is not true/false", HEAD + "  农村无害化卫生厕所普及率: {met: 是}\n"),
    Example("missing-field", "`applicable: false` without a note", HEAD + "  生物多样性保护:\n    特有性或指示性水生物种保持率: {applicable: false}\n"),
    Example("not-applicable", "(warning) a value for an indicator that does not apply here", HEAD + "  城镇人均公园绿地面积: 16\n"),
    Example("declared", "(warning) a cell that restates the requirement", HEAD + "  农村无害化卫生厕所普及率: 完成上级规定的目标任务\n", warning=True),
    Example("declared", "(warning) the requirement echoed into the value cell", HEAD + "  农村生活污水治理率: ≥50%\n", warning=True),
    Example("fraction", "(warning) a share written as a fraction", HEAD + "  城镇污水处理率: 0.95\n", warning=True),
    # ── indicator tables (`ecocheck import`, and `evaluate`/`batch` given a table) ──
    Example("table-format", "Old binary Word (.doc)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            args=("import", "{file}"), name="plan.doc", shown="(a Word 97–2003 file)"),
    Example("table-format", "A password-protected (encrypted) workbook", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            args=("import", "{file}"), name="table.xlsx", shown="(an encrypted .xlsx: an OLE container, not a zip)"),
    Example("table-format", "A renamed file that is not really .docx", b"just text, renamed to .docx\n",
            args=("import", "{file}"), name="table.docx", shown="(a text file renamed to .docx)"),
    Example("no-table", "No indicator table in the file", "地区,金额\n示例县,1200\n",
            args=("import", "{file}"), name="table.csv"),
    Example("no-year-column", "An indicator table without a year column", "示例县指标表\n指标名称,单位\n河长制,-\n",
            args=("import", "{file}"), name="table.csv"),
    Example("no-year", "A 现状值 column that names no year", "示例县指标表\n指标名称,现状值\n河长制,全面实施\n",
            args=("import", "{file}"), name="table.csv"),
    Example("duplicate-year", "Two columns for the same year", "示例县指标表\n指标名称,2022年,现状值（2022年）\n河长制,全面实施,全面实施\n",
            args=("import", "{file}"), name="table.csv"),
    Example("no-region", "A table whose title names no region", "指标名称,现状值（2022年）\n河长制,全面实施\n",
            args=("import", "{file}"), name="table.csv"),
    Example("no-level", "A region given without 县/市", "指标名称,现状值（2022年）\n河长制,全面实施\n",
            args=("import", "{file}", "--region", "示例"), name="table.csv"),
    Example("duplicate-indicator", "The same indicator in two rows", "示例县指标表\n指标名称,现状值（2022年）\n河长制,全面实施\n河长制,未实施\n",
            args=("import", "{file}"), name="table.csv"),
    Example("unmatched-row", "(warning) a row that is no indicator of the standard",
            "示例县指标表\n指标名称,现状值（2022年）\n河长制,全面实施\n森林覆盖率,25.3%\n",
            args=("import", "{file}"), name="table.csv", warning=True),
    Example("table-disagrees", "(warning) the table's 属性 differs from the standard's",
            "示例县指标表\n指标名称,属性,现状值（2022年）\n林草覆盖率,约束性,20%\n",
            args=("import", "{file}", "--terrain", "平原地区"), name="table.csv", warning=True),
    Example("table-layout", "(warning) a cell with fewer lines than the sub-items it stands for",
            '示例县指标表\n指标名称,现状值（2022年）\n"农业废弃物综合利用率\n秸秆综合利用率\n畜禽粪污综合利用率\n农膜回收利用率","90%\n80%"\n',
            args=("import", "{file}"), name="table.csv", warning=True),
    # ── rule files ──
    Example("rule-schema", "Rule file: unknown criterion kind", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: at_least, value: 50}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-schema", "Rule file: a threshold without a unit", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: threshold, op: ">=", value: 50}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-duplicate", "Rule file: duplicate ids", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 2}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: threshold, op: ">=", value: 50, unit: "%"}}
  - {id: demo_rate, number: 2, name: 示例比例二, name_en: Demo rate 2, domain: 生态生活, task: 示例, unit: "%",
     attribute: 参考性, applies: {levels: [county]}, requirement: ≥60, source: {doc: example},
     criterion: {kind: threshold, op: ">=", value: 60, unit: "%"}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-numbering", "Rule file: an official number with no rule", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 2}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: threshold, op: ">=", value: 50, unit: "%"}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-class", "Rule file: a threshold keyed by an unknown class", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: threshold, op: ">=", by: terrian, values: {平原地区: 50}, unit: "%"}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-cells", "Rule file: a trend way for a phrase that restates no trend", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
cells:
  restates: {trend: [保持稳定, 不降低]}
  trend_ways: {up: [不降底]}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50, source: {doc: example},
     criterion: {kind: threshold, op: ">=", value: 50, unit: "%"}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-criterion", "Rule file: all_of mixing a number and a state word", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50；建立, source: {doc: example},
     criterion: {kind: all_of, parts: [{kind: threshold, op: ">=", value: 50, unit: "%"},
                                       {kind: qualitative, accept: [建立]}]}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    Example("rule-source", "Rule file: a source naming a document that `documents:` does not have", """schema_version: 1
edition: {id: demo, title: 示例, title_en: Demo, issued: "2025", indicator_count: 1}
documents:
  demo_plan: {title: 示例县生态文明建设示范区规划, file: demo-plan.txt, tables: {附表2: {title: 示例县指标一览表}}}
indicators:
  - {id: demo_rate, number: 1, name: 示例比例, name_en: Demo rate, domain: 生态生活, task: 示例, unit: "%",
     attribute: 约束性, applies: {levels: [county]}, requirement: ≥50,
     source: {document: demo_pln, table: 附表2, item: 1, line: 12},
     criterion: {kind: threshold, op: ">=", value: 50, unit: "%"}}
""", args=("rules", "list", "--rules", "{file}"), name="demo-rules.yaml"),
    # ── the command line ──
    Example("usage", "An unknown option value (typer/click usage error)", HEAD + "  河长制: 全面实施\n",
            args=("evaluate", "{file}", "--format", "pdf")),
    Example("usage", "`--edition` names no edition (checked before any file is read)", HEAD + "  河长制: 全面实施\n",
            args=("evaluate", "{file}", "--edition", "2030")),
    # ── year series and plans (ecocheck.submission.history, ecocheck.series.plans) ──
    Example("previous-file", "`previous:` names a file that does not exist",
            HEAD.replace('edition: "2021"', 'edition: "2021"\nprevious: example-2021.yaml') + "  单位地区生产总值能耗: 0.5\n"),
    Example("series-short", "`compare` with one year only", HEAD + "  城镇污水处理率: 95\n", args=("compare", "{file}")),
    Example("series-duplicate", "`compare`: two files for the same region and year (other.yaml is a second 示例县 2022)",
            HEAD + "  城镇污水处理率: 95\n", args=("compare", "{file}", "other.yaml"),
            extra={"other.yaml": HEAD + "  城镇污水处理率: 96\n"}),
    _plan_example("plan-schema", "Plan file: an unknown direction", _forest(direction="up")),
    _plan_example("plan-duplicate", "Plan file: two targets with one id", _forest() + _forest()),
    _plan_example("plan-attribute", "Plan file: an attribute word the plan does not declare", _forest(attribute="预期性")),
    _plan_example("plan-link", "Plan file: a link to an indicator the standard does not have",
                  _forest(link="indicator: forest_coverage, ")),
    _plan_example("plan-year", "Plan file: a goal after the plan's target year", _forest(year=2030)),
    Example("plan-source", "Plan file: a source naming a table its document does not print",
            PLAN_HEAD.replace("targets:\n", "documents:\n  demo_plan: {title: 示例县“十四五”生态环境保护规划, file: demo-plan.txt,\n"
                              "              tables: {专栏1: {title: 主要目标指标}}}\ntargets:\n")
            + _forest().replace("source: {doc: example}", "source: {document: demo_plan, table: 专栏2, item: 3}"),
            args=("progress", "--list", "--plan", "{file}"), name="demo-plan.yaml"),
    Example("usage", "`progress --plan` names no plan", HEAD + "  河长制: 全面实施\n",
            args=("progress", "{file}", "--plan", "kazuo-2003")),
    # Rule-test cases (`ecocheck rules test`) and `ecocheck validate` (the pre-commit hook).
    Example("case-schema", "Rule-test cases: a misspelt field", CASE_HEAD + "  expcet: {urban_sewage_treatment: pass}\n",
            args=("rules", "test", "{file}"), name="demo.cases.yaml", extra={"demo.yaml": DEMO_RULES}),
    Example("case-unknown", "Rule-test cases: an expectation for an unknown indicator",
            CASE_HEAD + "  expect: {污水处理率: pass}\n",
            args=("rules", "test", "{file}"), name="demo.cases.yaml", extra={"demo.yaml": DEMO_RULES}),
    Example("case-duplicate", "Rule-test cases: two cases with the same name",
            CASE_HEAD + "  expect: {urban_sewage_treatment: pass}\n" + CASE_HEAD + "  expect: {urban_sewage_treatment: pass}\n",
            args=("rules", "test", "{file}"), name="demo.cases.yaml", extra={"demo.yaml": DEMO_RULES}),
    Example("not-a-submission", "`validate` given a YAML file that is not a submission (pre-commit without `files:`)",
            DEMO_RULES, args=("validate", "{file}"), name="demo-rules.yaml"),
    # what is not an input file, or not a number here
    Example("not-a-file", "A named pipe, device or socket instead of a file", b"", name="pipe.yaml",
            shown="(a named pipe: `mkfifo pipe.yaml`)", fifo=True),
    Example("number-form", "A number in a form YAML readers disagree on (base 60, hexadecimal, octal, 9_5, 017)",
            HEAD + "  城镇污水处理率: 1:35\n"),
    Example("number-range", "A number beyond a float's range", HEAD + "  城镇污水处理率: 1.0e+400\n"),
]


def takes_lang(args: tuple[str, ...]) -> bool:
    """Whether the command these arguments run has a --lang option (then its messages follow it)."""
    import importlib
    import inspect

    from ecocheck.cli.app import COMMANDS, RULES_COMMANDS

    table, name = (RULES_COMMANDS, args[1]) if args[0] == "rules" else (COMMANDS, args[0])
    command = next(c for c in table if c.name == name)
    function = getattr(importlib.import_module(f"ecocheck.cli.{command.module}"), command.function)
    return "lang" in inspect.signature(function).parameters


def command_args(example: Example, lang: str | None) -> list[str]:
    """The example's command line; `--lang lang` added when the command takes it."""
    args = [a.format(file=example.name, dir=".") for a in example.args]
    return args + ["--lang", lang] if lang and takes_lang(example.args) else args


def run(example: Example, folder: Path, lang: str | None = "en") -> tuple[int, str]:
    """Run the example through the CLI in this process (as `ecocheck …` in `folder`), with
    `--lang lang` when the command takes it (None: as the user types it, the default language)."""
    from typer.testing import CliRunner

    from ecocheck.cli.app import build_app

    path = folder / example.name
    data = example.text.encode("utf-8") if isinstance(example.text, str) else example.text
    if example.fifo:
        if path.exists():  # made by the other language's run
            path.unlink()
        os.mkfifo(path)
    else:
        path.write_bytes(data)
    for name, text in example.extra.items():  # more files beside it
        (folder / name).write_text(text, encoding="utf-8")
    args = command_args(example, lang)
    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(build_app(), args, env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    finally:
        os.chdir(here)
    return result.exit_code, result.stderr.strip()


def normalise(stderr: str) -> str:
    """Drop click's box drawing so the doc shows the message, not the frame."""
    lines = [re.sub(r"^[│╭╰─╮╯]+ ?|[ ]*[│╮╯]+$", "", line).rstrip() for line in stderr.splitlines()]
    return "\n".join(line for line in lines if line.strip())


def render() -> str:
    out = [
        "# Error messages",
        "",
        "Every error and warning ecocheck can give, with an input that causes it. Each message says",
        "where (file:line:column), what is wrong and, on a `hint:` line, how to fix it. Errors exit",
        "with code **2**. A file that is a readable submission (a mapping with usable region, level,",
        "year and edition) still gets its report: an unknown key is skipped, and a cell that cannot be",
        "read leaves its indicator 缺数据, the reason naming the cell and the problem listed (JSON: `problems`);",
        "`--strict` refuses such a file instead. In `batch`, a file with no usable report is listed in",
        "the errors section and the rest are evaluated. Warnings do not change the exit code.",
        "",
        "This page is generated by `python scripts/error_catalogue.py > docs/errors.md`;",
        "`tests/docs/test_errors_doc.py` runs every example again and fails when the tool's message changes.",
        "",
        "Messages follow `--lang`: Chinese by default (`错误：`, `提示：` for a warning, `建议：` for the hint),",
        "English with `--lang en`. Each example shows both where they differ; a command without `--lang`",
        "writes Chinese. Names, cells and requirements quoted from the file or the standard stay as written.",
        "",
        "Encodings: ecocheck reads UTF-8 (with or without a BOM). It does not guess other encodings —",
        "a GBK file is detected and named so the user can re-save it, because a wrong guess would",
        "silently misread indicator names.",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for i, example in enumerate(EXAMPLES, 1):
            code, english = run(example, Path(tmp), "en")
            _, chinese = run(example, Path(tmp), "zh")
            out += [f"## {i}. `{example.code}` — {example.title}", ""]
            out += [f"Input `{example.name}`:" if isinstance(example.text, str) else f"Input `{example.name}` {example.shown}:", ""]
            if isinstance(example.text, str):
                fence = "csv" if example.name.endswith(".csv") else "yaml"
                out += [f"```{fence}", example.text.rstrip("\n") or "# (empty file)", "```", ""]
            if english == chinese:  # words of click's, or of a part not in the catalogue yet
                command = "ecocheck " + " ".join(command_args(example, None))
                out += [f"`{command}` → exit {code}", "", "```text", normalise(english), "```", ""]
                continue
            command = "ecocheck " + " ".join(command_args(example, "en"))
            out += [f"`{command}` → exit {code}", "", "```text", normalise(english), "```", "",
                    "In Chinese (`--lang zh`, the default):", "", "```text", normalise(chinese), "```", ""]
    out += ["## Not shown by example", "",
            "- `io` — the operating system refused to read the file (permissions, a broken disk):",
            "  `FILE: error: cannot read file: <the system's reason>` (`FILE: 错误：无法读取文件：…`).",
            "- `too-many` — more than 200 problems in one file: the first 200 are shown, then",
            "  `FILE: error: … and N more problems not shown` (`FILE: 错误：…… 另有 N 个问题未列出`).",
            "- `internal` — a bug in ecocheck. The command says `ecocheck: internal error: …` without a",
            "  traceback and exits 2; in `batch` the file is listed in the errors section and the rest are",
            "  evaluated. Please report it with the input file.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render())
