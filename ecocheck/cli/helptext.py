"""Every `--help` text of the command line, in English and in Chinese: one catalogue per language.

The language is chosen once, at start-up, from the environment (`language()`): ECOCHECK_LANG if set,
else the POSIX locale variables in their order of precedence, LC_ALL over LC_MESSAGES over LANG; a
value that starts with `zh` (zh, zh_CN.UTF-8 …) gives Chinese, anything else English. The command
modules read `HELP[key]` in their typer declarations, so no help text is written twice.

A plain dict module: it is imported on every start-up and must stay cheap. Keys: "cmd.<command>"
for a command's help (paragraphs split by a blank line, the first is what the command list
shows), "panel.…" for the titles of typer's help panels, any other for an option's or argument's
help. Each paragraph is one line: the terminal wraps it (a Chinese option help is broken into
lines here, see chinese_lines). No square brackets: typer reads them as Rich markup.

What typer itself prints ("Usage", the "Options" panel title, the help of --help and of the
completion options, "[default: …]", "[required]") is not set through typer's public API and
stays English.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping

# The environment variables that choose the help language, first set wins (POSIX: LC_ALL
# overrides LC_MESSAGES, which overrides LANG); ECOCHECK_LANG overrides them all.
LANGUAGE_VARIABLES = ("ECOCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def language(environ: Mapping[str, str] = os.environ) -> str:
    """"zh" or "en": the help language this environment asks for."""
    for name in LANGUAGE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:  # an empty variable counts as unset, as it does for the locale
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


EN: dict[str, str] = {
    # the app, its groups and the panels typer lets us name
    "cmd.app": "Check county/city submissions against the national ecological-civilization demonstration "
               "indicators (国家生态文明建设示范市县建设指标).",
    "cmd.rules": "Browse the rule library (editions and their indicators).",
    "version": "Show the version and the editions it carries.",
    "panel.arguments": "Arguments",  # typer's own titles: the same panels as without a name
    "panel.commands": "Commands",

    # options several commands share (ecocheck.cli.options)
    "opt.rules": "A rule file or folder to use instead of the shipped library.",
    "opt.edition": "Edition id or alias (default: the newest, 2021).",
    "opt.lang": "Report language.",
    "opt.format": "Output format.",
    "opt.output": "Write to FILE (a file is replaced atomically; `-`, a FIFO or a device is written through).",
    "opt.force": "Replace the --output file even if it is read-only, another user's, or hard-linked.",
    "opt.sheet": "Table input: the worksheet that holds the indicator table (default: the first that has one).",
    "opt.table": "Table input: the Word document's Nth table (default: the first indicator table).",
    "opt.region": "Table input: the region, when the table's title does not name it.",
    "opt.level": "Table input: county or city (default: from the region's name, 县/市).",
    "opt.terrain": "Table input: the region's terrain class (profile.terrain), e.g. 平原地区.",
    "opt.base_year": "Table input: the year of a current-value column whose header names none.",
    "arg.submissions": "Submission YAML file(s).",

    "cmd.import": "Import an indicator table (Word, Excel, CSV): one REGION-YEAR.yaml per year column.\n\n"
                  "basis: measured for the 现状 column, plan for target columns; every value is its cell's text as "
                  "printed, with the cell as source. Rows that match no indicator and disagreements with the standard "
                  "(属性, 指标值) are listed on stderr and as comments.\n\n"
                  "Exit code: 0 written and readable; 2 the table cannot be imported, or a written file has cells the "
                  "submission reader does not accept (listed by cell).",
    "import.table": "The indicator table: .docx, .xlsx or .csv.",
    "import.edition": "Edition id or alias (default: the edition whose names match the most rows).",
    "import.output_dir": "Folder for the REGION-YEAR.yaml files.",

    "cmd.evaluate": "Evaluate county-year submissions: every indicator, its type (约束性/参考性) and verdict.\n\n"
                    "A cell that cannot be read is reported on stderr (file:line:column) and its indicator is 缺数据; "
                    "the rest of the report is printed all the same.\n\n"
                    "Exit code: 0 every applicable 约束性 indicator is met; 1 one is not met or lacks data (or, with "
                    "--plan, a plan goal is behind); 2 input error (also when a report was printed).",
    "evaluate.files": "Submission YAML file(s), e.g. data/kazuo-2022.yaml, or indicator tables (.docx, .xlsx, "
                      ".csv: read as `ecocheck import` reads them).",
    "evaluate.history": "Folder of earlier years' submissions: trends take last year's value from the same "
                        "region's nearest earlier year.",
    "evaluate.plan": "Also show progress towards a plan's targets (plan id or file; repeatable).",
    "evaluate.year": "Table input: evaluate this year's column only (default: every year column).",
    "evaluate.strict": "Refuse a file with any problem and print no report for it (without it a cell that "
                       "cannot be read is missing data, listed on stderr, exit 2).",

    "cmd.schema": "Print the JSON Schema for submissions (editors validate while you type) or rule files.",
    "schema.which": "submission (default), rules, plan or cases.",

    "cmd.template": "Write a fill-in submission with every applicable indicator, its requirement and type.",
    "template.level": "county (县) or city (市).",
    "template.terrain": "Terrain class: 山区, 丘陵地区, 平原地区, 干旱半干旱地区 or 青藏高原地区.",
    "template.climate": "Climate zone (2019 生态环境状况指数): 湿润地区, 半湿润地区 or 干旱半干旱地区.",
    "template.city_size": "City size: 超大特大城市, 大城市 or 中小城市 (cities only).",
    "template.coastal": "Coastal region (adds coastal indicators).",
    "template.region": "Region name to put in the file.",
    "template.year": "Data year.",
    "template.schema": "URL or path for the `# yaml-language-server: $schema=` line (default: the schema shipped "
                       "with this installation; a relative path is relative to the YAML file).",

    "cmd.batch": "Check every county-year submission found, then summarise across counties.\n\n"
                 "Exit code: 2 if any file could not be read, or had cells that could not be read (its report is in "
                 "the summary all the same, those cells 缺数据); else 1 if any county fails (or lacks data for) a "
                 "binding indicator; else 0. One broken file never stops the batch: it is listed in the errors "
                 "section and the rest are evaluated.",
    "batch.paths": "Folders (searched recursively), files or globs.",
    "batch.jobs": "Worker processes (default: the number of cores).",
    "batch.quiet": "No progress bar, no warnings.",
    "batch.history": "Folder of earlier years (may be the batch folder itself): trends take last year's value "
                     "from the same region's nearest earlier year.",
    "batch.tables": "Also read the Word/Excel/CSV indicator tables found in folders (every year column; a table "
                    "named as a file is always read).",
    "batch.strict": "Refuse a file with any problem (it goes to the errors); without it, a file's unreadable "
                    "cells are missing data in its report.",

    "cmd.progress": "Progress towards a plan's targets: value now, target, distance, share of the way, status.\n\n"
                    "Statuses: met / on_track / behind / not_yet_due / superior_target_missing / missing / no_target / "
                    "not_applicable (docs/plans.md).\n\n"
                    "Exit code: 0 no goal is behind; 1 some goal is behind; 2 input error.",
    "progress.plan": "Plan id (see --list) or a plan file; repeat for several plans.",
    "progress.plans": "A folder of plan files to use instead of the shipped rules/plans/.",
    "progress.history": "A folder of earlier years' submissions: last year's values for trends come from the same "
                        "region's nearest earlier year when the file gives none.",
    "progress.assign": "A superior-assigned target value: TARGET=NUMBER or TARGET@YEAR=NUMBER (repeatable).",
    "progress.year": "Only the goals of this target year (repeatable).",
    "progress.list": "List the plans, or with --plan the plan's targets.",

    "cmd.compare": "Compare a region's years: each indicator's values, change, trend and verdict changes.\n\n"
                   "Give two or more files of one region (kazuo-2019.yaml kazuo-2022.yaml), or folders: the files are "
                   "grouped by region and ordered by year. Each year without its own `previous:` takes last year's "
                   "values from the year before it.\n\n"
                   "Exit code: 0 compared; 2 input error.",
    "compare.paths": "Submission files, or folders holding a region's years.",
    "compare.region": "Only this region's series.",

    "cmd.explain": "Explain one indicator: the requirement, how ecocheck decides it, what to give, examples.\n\n"
                   "The same text as the rule reference in docs/rules/. Exit code 2 for an unknown name (the message "
                   "suggests the closest ones).",
    "explain.indicator": "Indicator id or official Chinese name (a sub-item's name works too).",
    "explain.lang": "Language of the explanation.",

    "cmd.validate": "Check submissions without evaluating them: YAML, fields, indicator and class names, values.\n\n"
                    "Prints `FILE: ok` or every error with file:line:column. Exit code 0 all files are valid, 2 some "
                    "file is not. This is what the pre-commit hook `ecocheck-validate` runs.",

    "cmd.rules.list": "List the indicators of an edition: number, id, name, type and where they apply.",
    "cmd.rules.show": "Show one indicator: requirement, classes, criterion, sub-items, how its cells are read, source.",
    "rules.show.indicator": "Indicator id or official Chinese name; `cells` for the words every indicator's cells "
                            "may use.",
    "cmd.rules.docs": "Write the rule reference: a page per edition, a comparison of editions, an index.\n\n"
                      "Generated from the rule files and the rule-test cases beside them (their fragments are the "
                      "examples). The output is deterministic, so the pages can be kept in git and checked.",
    "rules.docs.output": "Folder for the pages, e.g. docs/rules/.",
    "rules.docs.check": "Write nothing; exit 1 if the pages in --output are out of date.",
    "cmd.rules.test": "Run the rule-test cases beside rule files (<edition>.cases.yaml) and report disagreements.\n\n"
                      "Each case gives a submission fragment and the status expected per indicator. Exit code 0 every "
                      "case agrees, 1 some case disagrees, 2 a rule or case file cannot be read.",
    "rules.test.path": "A rule file, its .cases.yaml, or a folder of rule files (default: the shipped library).",
    "rules.test.verbose": "List every case, not only those that disagree.",
}

ZH: dict[str, str] = {
    "cmd.app": "对照《国家生态文明建设示范市县建设指标》，检查市县的申报材料。",
    "cmd.rules": "浏览规则库（各版标准及其指标）。",
    "version": "显示版本号及所含的标准版本。",
    "panel.arguments": "参数",
    "panel.commands": "命令",

    "opt.rules": "改用此规则文件或文件夹，而不用自带的规则库。",
    "opt.edition": "标准版本的 id 或别名（默认：最新的 2021 版）。",
    "opt.lang": "报告语言。",
    "opt.format": "输出格式。",
    "opt.output": "写入文件 FILE（普通文件整体原子替换；`-`、FIFO 或设备则直接写入）。",
    "opt.force": "即使 --output 文件只读、属于其他用户或有硬链接，也予以替换。",
    "opt.sheet": "表格输入：指标表所在的工作表（默认：第一个含指标表的工作表）。",
    "opt.table": "表格输入：Word 文档中的第 N 个表格（默认：第一个指标表）。",
    "opt.region": "表格输入：表格标题未写明地区时，在此指定地区。",
    "opt.level": "表格输入：county（县）或 city（市）（默认：按地区名称中的“县”“市”判断）。",
    "opt.terrain": "表格输入：地区的地形分区（profile.terrain），如平原地区。",
    "opt.base_year": "表格输入：表头未写年份的现状值列所属的年份。",
    "arg.submissions": "申报 YAML 文件，可多个。",

    "cmd.import": "导入指标表（Word、Excel、CSV）：每个年份列写出一个 REGION-YEAR.yaml。\n\n"
                  "现状列记为 basis: measured，目标列记为 basis: plan；每个值都是单元格中印出的原文，并以该单元格为来源。"
                  "与任何指标都对不上的行，以及与标准不一致之处（属性、指标值），列在标准错误输出上，并作为注释写入文件。\n\n"
                  "退出码：0 已写出且可读；2 表格无法导入，或写出的文件中有申报读取器不接受的单元格（逐格列出）。",
    "import.table": "指标表：.docx、.xlsx 或 .csv 文件。",
    "import.edition": "标准版本的 id 或别名（默认：指标名称与表格行匹配最多的版本）。",
    "import.output_dir": "REGION-YEAR.yaml 文件的输出文件夹。",

    "cmd.evaluate": "逐项核查年度申报：指标属性（约束性/参考性）与结论。\n\n"
                    "无法读取的单元格会在标准错误输出上指明位置（文件:行:列），其指标记为缺数据；报告的其余部分照常输出。\n\n"
                    "退出码：0 所有适用的约束性指标均达标；1 有约束性指标未达标或缺数据（使用 --plan 时，也包括规划目标进度滞后）；"
                    "2 输入错误（即使已输出报告）。",
    "evaluate.files": "申报 YAML 文件，可多个，如 data/kazuo-2022.yaml；或指标表：.docx、.xlsx、.csv，"
                      "按 `ecocheck import` 的方式读取。",
    "evaluate.history": "往年申报材料所在的文件夹：趋势类指标的上年值取自同一地区最近的往年文件。",
    "evaluate.plan": "同时显示规划目标的完成进度（规划 id 或规划文件；可重复）。",
    "evaluate.year": "表格输入：只核查该年份的列（默认：所有年份列）。",
    "evaluate.strict": "文件有任何问题即拒收，不输出其报告（不加此选项时，无法读取的单元格记为缺数据，"
                       "列在标准错误输出上，退出码为 2）。",

    "cmd.schema": "输出申报文件（编辑器可边写边校验）或规则文件的 JSON Schema。",
    "schema.which": "submission（默认）、rules、plan 或 cases。",

    "cmd.template": "生成待填写的申报文件：列出适用指标、指标值和属性。",
    "template.level": "county（县）或 city（市）。",
    "template.terrain": "地形分区：山区、丘陵地区、平原地区、干旱半干旱地区或青藏高原地区。",
    "template.climate": "气候分区：湿润地区、半湿润地区或干旱半干旱地区，用于 2019 版的生态环境状况指数。",
    "template.city_size": "城市规模：超大特大城市、大城市或中小城市，仅限市。",
    "template.coastal": "沿海地区（加入沿海地区的指标）。",
    "template.region": "写入文件的地区名称。",
    "template.year": "数据年份。",
    "template.schema": "`# yaml-language-server: $schema=` 一行所用的网址或路径（默认：本次安装自带的 schema；"
                       "相对路径相对于该 YAML 文件）。",

    "cmd.batch": "核查找到的每一份市县年度申报材料，再汇总各地区的情况。\n\n"
                 "退出码：有文件无法读取，或有单元格无法读取时为 2（该文件的报告照样计入汇总，这些单元格记为缺数据）；"
                 "否则，有地区的约束性指标未达标（或缺数据）时为 1；否则为 0。一个坏文件不会中断整批核查："
                 "它列在错误部分，其余文件照常核查。",
    "batch.paths": "文件夹（递归查找）、文件或通配符模式。",
    "batch.jobs": "工作进程数（默认：CPU 核数）。",
    "batch.quiet": "不显示进度条，也不显示提示。",
    "batch.history": "往年申报材料所在的文件夹（可以就是本批的文件夹）：趋势类指标的上年值取自同一地区最近的往年文件。",
    "batch.tables": "同时读取文件夹中找到的 Word/Excel/CSV 指标表（读每个年份列；直接指名的表格总会读取）。",
    "batch.strict": "文件有任何问题即拒收（列入错误部分）；不加此选项时，无法读取的单元格在报告中记为缺数据。",

    "cmd.progress": "规划目标进度：现状值、目标值、差距、完成比例和状态。\n\n"
                    "状态：met / on_track / behind / not_yet_due / superior_target_missing / missing / no_target / "
                    "not_applicable（见 docs/plans.md）。\n\n"
                    "退出码：0 没有目标进度滞后；1 有目标进度滞后；2 输入错误。",
    "progress.plan": "规划 id（见 --list）或规划文件；可重复，以指定多个规划。",
    "progress.plans": "改用此文件夹中的规划文件，而不用自带的 rules/plans/。",
    "progress.history": "往年申报材料所在的文件夹：文件未给出上年值时，趋势类指标的上年值取自同一地区最近的往年文件。",
    "progress.assign": "上级下达的目标值：TARGET=NUMBER 或 TARGET@YEAR=NUMBER（可重复）。",
    "progress.year": "只看该目标年份的目标（可重复）。",
    "progress.list": "列出所有规划；与 --plan 同用时，列出该规划的目标。",

    "cmd.compare": "比较一个地区的各年：数值、变化、趋势和结论的变化。\n\n"
                   "给出同一地区的两个或更多文件（如 kazuo-2019.yaml kazuo-2022.yaml），或给出文件夹：文件按地区分组、"
                   "按年份排序。某一年的文件没有自己的 `previous:` 时，上年值取自前一年的文件。\n\n"
                   "退出码：0 已比较；2 输入错误。",
    "compare.paths": "申报文件，或存放某地区各年份文件的文件夹。",
    "compare.region": "只比较该地区的年份序列。",

    "cmd.explain": "解释一项指标：指标值要求、ecocheck 如何判定、需要填报什么，并附示例。\n\n"
                   "内容与 docs/rules/ 中的规则说明相同。名称无法识别时退出码为 2（提示中给出最接近的名称）。",
    "explain.indicator": "指标 id 或官方中文名称（分项名称也可以）。",
    "explain.lang": "解释所用的语言。",

    "cmd.validate": "只校验申报文件、不作核查：YAML 格式、字段、指标名称和分区名称、数值。\n\n"
                    "输出 `FILE: ok`，或逐条列出错误及其位置（文件:行:列）。退出码：0 所有文件有效；2 有文件无效。"
                    "pre-commit 钩子 `ecocheck-validate` 运行的就是此命令。",

    "cmd.rules.list": "列出某版标准的指标：序号、id、名称、指标属性和适用范围。",
    "cmd.rules.show": "显示一项指标的指标值、分区、判定规则、分项、读法和来源。",
    "rules.show.indicator": "指标 id 或官方中文名称；`cells` 则显示所有指标的单元格都可使用的词语。",
    "cmd.rules.docs": "生成规则说明：每版标准一页、各版对比一页，外加索引。\n\n"
                      "由规则文件及其旁的规则测试用例生成（用例片段即示例）。输出是确定的，因此这些页面可以放进 git 并加以检查。",
    "rules.docs.output": "页面的输出文件夹，如 docs/rules/。",
    "rules.docs.check": "不写任何文件；--output 中的页面已过时则退出码为 1。",
    "cmd.rules.test": "运行规则测试用例（<edition>.cases.yaml）并报告分歧。\n\n"
                      "每个用例给出一段申报片段和各指标的预期状态。退出码：0 所有用例一致；1 有用例不一致；"
                      "2 规则文件或用例文件无法读取。",
    "rules.test.path": "规则文件、其 .cases.yaml，或规则文件所在的文件夹（默认：自带的规则库）。",
    "rules.test.verbose": "列出所有用例，而不仅是不一致的。",
}

# Rich, which draws typer's help, breaks lines at spaces only: a Chinese sentence, which has
# none, would be cut off with "…" in the narrow column of option help. So each option's Chinese
# help is given as lines of its own (a "\b" paragraph keeps them), broken between characters as
# Chinese is, as wide as that column will be: typer leaves it about 50 cells less than the
# terminal (typer 0.29, measured), and 24 cells read well on any wider one. The prose of a
# command (keys "cmd.…") is printed outside any column and folds by itself.
LINE_CELLS = 24


def _line_cells() -> int:
    """The width of the Chinese option-help lines for this terminal, found as rich finds it:
    COLUMNS, else the first of stdin, stdout, stderr that is a terminal, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if not columns.isdigit():
        columns = "80"
        for fd in (0, 1, 2):
            try:
                columns = str(os.get_terminal_size(fd).columns)
                break
            except OSError:
                continue
    return max(10, min(LINE_CELLS, int(columns) - 50))
_PIECE = re.compile(r"[!-~]+| |.")  # an ASCII word, a space, or one other character
_NO_LINE_START = frozenset("，。；：、）》」』”’！？%")
_NO_LINE_END = frozenset("（《「『“‘")
_PAUSES = frozenset("，。；：、")  # where a clause ends: the best place for a line to end


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def chinese_lines(text: str, width: int = LINE_CELLS) -> list[str]:
    """`text` in lines of at most `width` terminal cells: after a clause when that fills two thirds of
    a line, else between characters (never inside an ASCII word); no line starts with a closing
    mark or ends with an opening one."""
    lines: list[list[str]] = [[]]
    for piece in _PIECE.findall(text):
        if piece == " ":
            if lines[-1]:  # no line starts with a space
                lines[-1].append(piece)
            continue
        while lines[-1] and _cells("".join(lines[-1]) + piece) > width:
            moved = _carried(lines[-1], piece, width)
            while moved and moved[0] == " ":
                moved.pop(0)
            lines.append(moved)
        lines[-1].append(piece)
    return ["".join(line).strip() for line in lines if line]


def _carried(line: list[str], piece: str, width: int) -> list[str]:
    """The pieces that leave a full `line` (taken off it) to start the next one before `piece`."""
    pause = max((i for i, p in enumerate(line) if p[-1] in _PAUSES), default=len(line))
    if pause < len(line) - 1 and _cells("".join(line[:pause + 1])) >= width * 2 // 3:  # end it with a clause
        moved = line[pause + 1:]
        del line[pause + 1:]
        return moved
    moved: list[str] = []
    if piece[0] in _NO_LINE_START:  # the character before a closing mark goes down with it
        while len(line) > 1 and (not moved or moved[0][0] in _NO_LINE_START):
            moved.insert(0, line.pop())
    while len(line) > 1 and (line[-1] == " " or line[-1][-1] in _NO_LINE_END):
        moved.insert(0, line.pop())
    return moved


def catalogue(lang: str) -> dict[str, str]:
    """The help texts of a language, as typer is given them."""
    if lang != "zh":
        return EN
    width = _line_cells()
    return {key: text if key.startswith(("cmd.", "panel.")) else "\b\n" + "\n".join(chinese_lines(text, width))
            for key, text in ZH.items()}


HELP: dict[str, str] = catalogue(language())
