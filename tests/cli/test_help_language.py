"""`--help` speaks the user's language: Chinese when ECOCHECK_LANG, else the locale (LC_ALL, then
LC_MESSAGES, then LANG) starts with zh; English otherwise. Every help text comes from one
catalogue per language (ecocheck.cli.helptext); the command, option and argument names do not
change; completion works as before. Typer's own words ("Usage", "Options", the help of --help and of
the completion options, "[default: …]") are not ours to translate and stay English."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from ecocheck.cli import helptext
from ecocheck.cli.app import COMMANDS, RULES_COMMANDS, build_app

LOCALE_VARIABLES = ("ECOCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
ZH_ENV = {"LANG": "zh_CN.UTF-8"}
EN_ENV = {"LANG": "en_US.UTF-8"}
COMMAND_LINES = ([[]] + [[c.name] for c in COMMANDS] + [["rules"]]
                 + [["rules", c.name] for c in RULES_COMMANDS])
TYPERS_OWN = {"--help", "--install-completion", "--show-completion"}


def help_output(args: list[str], env: dict[str, str], columns: int = 80) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    done = subprocess.run([sys.executable, "-m", "ecocheck", *args, "--help"], capture_output=True, text=True,
                          cwd=ROOT, env=dict(clean, COLUMNS=str(columns), NO_COLOR="1", **env), timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


# Every command's --help in one process per language (as ecocheck.cli.main builds the app for a
# command line), instead of a process per page: thirty start-ups are most of a minute.
PAGES = """
import contextlib, io, json, sys
from ecocheck.cli.app import build_app
pages = {}
for args in json.loads(sys.argv[1]):
    page = io.StringIO()
    with contextlib.redirect_stdout(page):
        try:
            build_app(args + ["--help"])(args + ["--help"], prog_name="ecocheck")
        except SystemExit:
            pass
    pages[" ".join(args)] = page.getvalue()
print(json.dumps(pages))
"""


# The terminal widths the help is read at: the Chinese option help comes in lines that fit from
# 70 columns on (helptext._line_cells); 80 is the one the texts are checked at.
WIDTHS = {"zh": (70, 80, 120), "en": (80, 120)}


@pytest.fixture(scope="module")
def pages() -> dict[tuple, str]:
    """Every command's --help in Chinese and in English, at each width: (args, lang, columns) → page."""
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    found = {}
    for lang, env in (("zh", ZH_ENV), ("en", EN_ENV)):
        for columns in WIDTHS[lang]:
            done = subprocess.run([sys.executable, "-c", PAGES, json.dumps(COMMAND_LINES)], capture_output=True,
                                  text=True, cwd=ROOT, env=dict(clean, COLUMNS=str(columns), NO_COLOR="1", **env),
                                  timeout=120)
            assert done.returncode == 0, done.stderr
            found.update({(tuple(key.split()), lang, columns): page for key, page in json.loads(done.stdout).items()})
    return found


@pytest.fixture(scope="module")
def helps(pages) -> dict[tuple, str]:
    """Every command's --help in Chinese and in English, on an 80-column terminal."""
    return {(args, lang): page for (args, lang, columns), page in pages.items() if columns == 80}


def flat(text: str) -> str:
    """The words of a help page without its frames and line breaks (rich wraps English at spaces)."""
    return " ".join(text.replace("│", " ").split())


def solid(text: str) -> str:
    """A help page's text without frames and white space (Chinese is wrapped between characters)."""
    return re.sub(r"[\s│]", "", text)


# ── choosing the language ───────────────────────────────────────────────────────────────

@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW"}, "zh"),
    ({"LANG": "zh"}, "zh"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL over LANG
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_MESSAGES over LANG
    ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),  # LC_ALL over LC_MESSAGES
    ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # empty is unset
    ({"ECOCHECK_LANG": "en", "LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # ECOCHECK_LANG wins
    ({"ECOCHECK_LANG": "zh", "LC_ALL": "C"}, "zh"),
    ({"ECOCHECK_LANG": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"ECOCHECK_LANG": "ZH"}, "zh"),
    ({"ECOCHECK_LANG": "fr", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_the_language_comes_from_ecocheck_lang_then_the_locale(environ, expected):
    assert helptext.language(environ) == expected


def test_ecocheck_lang_overrides_the_locale_on_the_command_line():
    english = help_output(["evaluate"], {"ECOCHECK_LANG": "en", "LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"})
    chinese = help_output(["evaluate"], {"ECOCHECK_LANG": "zh_CN.UTF-8", "LC_ALL": "C", "LANG": "en_US.UTF-8"})
    assert helptext.EN["opt.lang"] in english and "报告语言。" not in english
    assert "报告语言。" in chinese and helptext.EN["opt.lang"] not in chinese


# ── the catalogue ───────────────────────────────────────────────────────────────────────

def test_both_languages_have_every_text():
    assert helptext.EN.keys() == helptext.ZH.keys()
    for key, text in helptext.ZH.items():
        assert re.search("[\u4e00-\u9fff]", text), f"{key}: no Chinese in the Chinese help"
        assert text != helptext.EN[key] or key.startswith("panel."), key


def test_no_text_is_read_as_rich_markup():
    for catalogue in (helptext.EN, helptext.ZH):
        for key, text in catalogue.items():
            assert "[" not in text and "]" not in text, f"{key}: typer reads [ … ] as Rich markup"


@functools.cache
def _app_texts() -> tuple[dict[tuple, list[str]], set[str]]:
    """What the app is given: per command line, the catalogue keys of its help and its params'."""
    import typer.main

    reverse = {text: key for key, text in helptext.HELP.items()}
    root = typer.main.get_command(build_app())
    keys: dict[tuple, list[str]] = {}
    strays: set[str] = set()

    def walk(command, path: tuple) -> None:
        found = [reverse.get(command.help or "")]
        for param in command.params:
            if TYPERS_OWN & set(param.opts):
                continue
            found.append(reverse.get(param.help or ""))
            if param.help not in reverse:
                strays.add(f"{' '.join(path)} {param.opts}: {param.help!r}")
        if command.help not in reverse:
            strays.add(f"{' '.join(path)}: {command.help!r}")
        keys[path] = [k for k in found if k]
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, path + (name,))

    walk(root, ())
    return keys, strays


def test_every_help_text_is_the_catalogues_and_every_entry_is_used():
    keys, strays = _app_texts()
    assert strays == set(), "help texts written outside ecocheck.cli.helptext"
    used = {k for found in keys.values() for k in found} | {"panel.arguments", "panel.commands"}
    assert used == set(helptext.EN), f"catalogue entries no command uses: {set(helptext.EN) - used}"
    assert set(keys) == {tuple(args) for args in COMMAND_LINES}


# ── the help as printed ─────────────────────────────────────────────────────────────────

def _listed(args: list[str]) -> list[str]:
    """The catalogue keys of the commands a group's help lists."""
    if args == []:
        return [f"cmd.{c.name}" for c in COMMANDS] + ["cmd.rules"]
    return [f"cmd.rules.{c.name}" for c in RULES_COMMANDS] if args == ["rules"] else []


def _sentences(text: str, chinese: bool) -> list[str]:
    """The sentences and clauses of a text long enough to be a language's own."""
    if chinese:
        parts = re.split(r"[。；：，（）\n]", text)
        return [p.strip() for p in parts if len(re.findall("[\u4e00-\u9fff]", p)) >= 5]
    parts = re.split(r"(?<=[.;:])\s+|\n", text)
    return [p.strip() for p in parts if len(re.findall(r"\b[A-Za-z]{3,}\b", p)) >= 2]


def _foreign(lang: str) -> list[str]:
    """Sentences of the other language's catalogue that this one does not share (names such as
    国家生态文明建设示范市县建设指标 stay in the English help, beside the English)."""
    own = " ".join(helptext.EN.values() if lang == "en" else helptext.ZH.values())
    other = helptext.ZH if lang == "en" else helptext.EN
    return sorted({s for text in other.values() for s in _sentences(text, lang == "en") if s not in own})


@pytest.mark.parametrize("args", COMMAND_LINES, ids=lambda a: " ".join(a) or "ecocheck")
def test_help_is_chinese_in_a_chinese_locale(helps, args):
    keys = _app_texts()[0][tuple(args)]
    out = helps[(tuple(args), "zh")]
    for key in keys:
        if key.startswith("cmd."):  # a command's prose, folded to the terminal
            for paragraph in helptext.ZH[key].split("\n\n"):
                assert solid(paragraph) in solid(out), f"{key}: {paragraph!r}"
        else:  # an option's help, in the lines it was given as
            for line in helptext.chinese_lines(helptext.ZH[key]):
                assert line in out, f"{key}: {line!r}"
    for key in _listed(args):  # the command list
        assert solid(helptext.ZH[key].split("\n\n")[0]) in solid(out), key
    leaked = [s for s in _foreign("zh") if s in flat(out)]
    assert leaked == []


@pytest.mark.parametrize("args", COMMAND_LINES, ids=lambda a: " ".join(a) or "ecocheck")
def test_help_is_english_otherwise(helps, args):
    keys = _app_texts()[0][tuple(args)]
    out = flat(helps[(tuple(args), "en")])
    for key in keys:
        for paragraph in helptext.EN[key].split("\n\n"):
            assert flat(paragraph) in out, f"{key}: {paragraph!r}"
    for key in _listed(args):
        assert flat(helptext.EN[key].split("\n\n")[0]) in out, key
    leaked = [s for s in _foreign("en") if solid(s) in solid(out)]
    assert leaked == []


@pytest.mark.parametrize("args", COMMAND_LINES, ids=lambda a: " ".join(a) or "ecocheck")
def test_no_help_is_cut_off(pages, args):
    """Rich, which draws typer's help, cuts a line it cannot break at a space with "…"; the
    Chinese option help comes in lines of its own that fit (helptext.chinese_lines)."""
    for lang, widths in WIDTHS.items():
        for columns in widths:
            out = pages[(tuple(args), lang, columns)]
            assert max(map(len, out.splitlines())) <= columns
            assert [line for line in out.splitlines() if "…" in line] == [], (lang, columns)


def test_the_chinese_lines_follow_the_terminal_width(monkeypatch):
    for columns, width in (("200", 24), ("80", 24), ("72", 22), ("70", 20), ("40", 10)):
        monkeypatch.setenv("COLUMNS", columns)
        assert helptext._line_cells() == width


def test_the_names_are_the_same_in_both_languages(helps):
    for args in COMMAND_LINES:
        names = [set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", helps[(tuple(args), lang)])) for lang in ("zh", "en")]
        assert names[0] == names[1], args
    top = [helps[((), lang)] for lang in ("zh", "en")]
    for command in [c.name for c in COMMANDS] + ["rules"]:
        assert all(f" {command} " in out for out in top)


def test_chinese_lines_break_between_characters_not_inside_words():
    lines = helptext.chinese_lines("表格输入：county（县）或 city（市）（默认：按地区名称中的“县”“市”判断）。")
    assert all(helptext._cells(line) <= helptext.LINE_CELLS for line in lines)
    assert "".join(lines).replace(" ", "") == "表格输入：county（县）或city（市）（默认：按地区名称中的“县”“市”判断）。"
    for before, after in zip(lines, lines[1:]):
        assert after[0] not in "，。；：、）》」』”’" and before[-1] not in "（《「『“‘"
    assert helptext.chinese_lines("用于 TARGET@YEAR=NUMBER 的值", width=10) == ["用于", "TARGET@YEAR=NUMBER", "的值"]
    for key, text in helptext.ZH.items():  # nothing lost, nothing too wide (but a long ASCII word), at every width
        if key.startswith(("cmd.", "panel.")):
            continue
        for width in range(10, helptext.LINE_CELLS + 1):
            lines = helptext.chinese_lines(text, width)
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), key
            assert all(helptext._cells(line) <= width or re.fullmatch("[!-~]+[，。；：、）]*", line)
                       for line in lines), (key, width)


# ── completion ──────────────────────────────────────────────────────────────────────────

def test_completion_works_as_before_in_a_chinese_locale(helps):
    for lang in ("zh", "en"):
        top = helps[((), lang)]
        assert "--install-completion" in top and "--show-completion" in top
    script = Path(sys.executable).parent / "ecocheck"
    if not script.exists():
        pytest.skip("the ecocheck console script is not installed next to this Python")
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env = dict(clean, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1", **ZH_ENV)
    shown = subprocess.run([str(script), "--show-completion", "bash"], capture_output=True, text=True, env=env,
                           timeout=60)
    assert shown.returncode == 0 and "_ECOCHECK_COMPLETE=complete_bash" in shown.stdout
    completed = subprocess.run([str(script)], capture_output=True, text=True, cwd=ROOT, timeout=60,
                               env=dict(env, _ECOCHECK_COMPLETE="complete_bash", COMP_WORDS="ecocheck rules ",
                                        COMP_CWORD="2"))
    assert {"list", "show", "docs", "test"} <= set(completed.stdout.split())
