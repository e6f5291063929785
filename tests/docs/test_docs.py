"""Docs and users' tools: the rule reference in sync, `explain`, `validate`, the pre-commit hook,
rule tests (`rules test`) on the shipped cases and on a wrong case, the editor schema line,
shell completion, and the installed package carrying its rule library."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli, submission

DOCS_RULES = ROOT / "docs" / "rules"
GUIDES = sorted((ROOT / "docs").glob("zh/*.md")) + sorted((ROOT / "docs").glob("en/*.md"))
HOOKS = ROOT / ".pre-commit-hooks.yaml"
GOOD = {"河长制": "全面实施", "城镇污水处理率": 95.33}


def _copy_project(dest: Path) -> Path:
    """The project as a clone would have it (no virtualenv, no git state, no caches)."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".venv", ".git", ".hypothesis", ".pytest_cache", "__pycache__", "*.egg-info", "build", "dist"))
    return dest


# ─────────────────────────── the rule reference (docs/rules/) ───────────────────────────


def test_rule_reference_is_up_to_date(tmp_path):
    result = run_cli("rules", "docs", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    generated = {p.name: p.read_bytes() for p in tmp_path.glob("*.md")}
    shipped = {p.name: p.read_bytes() for p in DOCS_RULES.glob("*.md")}
    stale = sorted(name for name in generated.keys() | shipped.keys() if generated.get(name) != shipped.get(name))
    assert not stale, (f"docs/rules/ is out of date ({', '.join(stale)}): "
                       "run `ecocheck rules docs --output docs/rules/` and commit the pages")
    assert set(generated) == {"2019.md", "2021.md", "compare-2019-2021.md", "index.md"}


def test_rule_reference_is_deterministic(tmp_path):
    run_cli("rules", "docs", "--output", str(tmp_path / "a"))
    run_cli("rules", "docs", "--output", str(tmp_path / "b"))
    for page in (tmp_path / "a").glob("*.md"):
        assert page.read_bytes() == (tmp_path / "b" / page.name).read_bytes()
        assert str(tmp_path) not in page.read_text(encoding="utf-8")  # no absolute paths


def test_rules_docs_check_reports_a_stale_page(tmp_path):
    assert run_cli("rules", "docs", "--output", str(DOCS_RULES), "--check").returncode == 0
    for page in DOCS_RULES.glob("*.md"):
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "2019.md").write_text("edited by hand\n", encoding="utf-8")
    result = run_cli("rules", "docs", "--output", str(tmp_path), "--check")
    assert result.returncode == 1 and "2019.md" in result.stderr and "ecocheck rules docs" in result.stderr
    assert (tmp_path / "2019.md").read_text(encoding="utf-8") == "edited by hand\n"  # --check writes nothing


def test_edition_pages_list_every_indicator_with_its_requirement():
    from ecocheck.library.loader import load_library

    library = load_library()
    for edition in library.editions.values():
        page = (DOCS_RULES / f"{edition.id}.md").read_text(encoding="utf-8")
        for ind in edition.indicators:
            assert f'<a id="{ind.id}"></a>' in page, ind.id
            assert f"#### {ind.number}. {ind.name}" in page
            assert ind.requirement.replace("|", "\\|") in page
            for item in ind.items:
                assert f"`{item.id}`" in page
        assert page.count("示例（达标）") >= len(edition.indicators)  # an example for every indicator
        assert page.count("示例（未达标）") >= len(edition.indicators)


def test_comparison_page_lists_added_removed_and_changed_thresholds():
    page = (DOCS_RULES / "compare-2019-2021.md").read_text(encoding="utf-8")
    added = page.split("## 新增 Added in 2021")[1].split("## 删除")[0]
    removed = page.split("## 删除 Removed in 2021")[1].split("## 判定变化")[0]
    changed = page.split("## 判定变化")[1].split("## 仅文字变化")[0]
    assert "化肥农药减量化" in added and "农村生活污水治理率" in added
    assert "生活废弃物综合利用" in removed and "一般工业固体废物综合利用率" in removed
    assert "### 10. 生态环境状况指数" in changed and "△EQI" in changed  # EI ≥55/45/35 → △EQI≥-1
    assert "### 20. 单位地区生产总值能耗" in changed
    assert "林草覆盖率" not in changed  # same thresholds; only the verification differs
    assert "| `agricultural_waste_utilisation` |" in page and "序号 25 → 26" in page


# ─────────────────────────── rule tests (`ecocheck rules test`) ───────────────────────────


def test_shipped_cases_all_agree():
    result = run_cli("rules", "test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^\d+ passed, 0 failed$", result.stdout, re.M)
    assert "2019.yaml (edition 2019)" in result.stdout and "2021.yaml (edition 2021)" in result.stdout
    assert "lack a pass or fail case" not in result.stdout


def test_shipped_cases_have_a_pass_and_a_fail_case_for_every_indicator():
    from ecocheck.engine.casetest import cases_file_for, load_cases, uncovered
    from ecocheck.library.loader import load_library

    for edition in load_library().editions.values():
        cases = load_cases(cases_file_for(edition.file), edition)
        gaps = [(ind.id, lacking) for ind, lacking in uncovered(edition, cases)]
        assert gaps == [], f"edition {edition.id}: indicators without a pass or fail case: {gaps}"


def _rule_copy(tmp_path: Path) -> Path:
    rule = tmp_path / "2021.yaml"
    shutil.copy(ROOT / "rules" / "2021.yaml", rule)
    return rule


def test_a_wrong_case_is_reported_with_file_and_line(tmp_path):
    rule = _rule_copy(tmp_path)
    cases = tmp_path / "2021.cases.yaml"
    cases.write_text(
        "- name: 县·污水处理率85达标\n"
        "  profile: {level: county}\n"
        "  indicators: {城镇污水处理率: 85}\n"
        "  expect: {urban_sewage_treatment: pass}\n"
        "- name: 县·污水处理率84.9（预期写错）\n"
        "  profile: {level: county}\n"
        "  indicators: {城镇污水处理率: 84.9}\n"
        "  expect:\n"
        "    urban_sewage_treatment: 达标\n", encoding="utf-8")
    result = run_cli("rules", "test", str(rule))
    assert result.returncode == 1, result.stdout + result.stderr
    line = (f"{cases}:9:5: case “县·污水处理率84.9（预期写错）”: 城镇污水处理率 (urban_sewage_treatment): "
            "expected 达标 (pass), got 未达标 (fail) — 84.9 does not meet ≥85")
    assert line in result.stdout
    assert "县·污水处理率85达标" not in result.stdout  # agreeing cases are not listed
    assert "1 passed, 1 failed" in result.stdout
    assert "2 cases, 2 expectations — 1 disagree" in result.stdout


def test_rules_test_accepts_the_case_file_and_a_folder(tmp_path):
    _rule_copy(tmp_path)
    (tmp_path / "2021.cases.yaml").write_text(
        "- name: 县·河长制\n  profile: {level: 县}\n  indicators: {河长制: 全面实施}\n"
        "  expect: {河长制: 达标, river_chief_system: pass}\n", encoding="utf-8")
    for target in (tmp_path / "2021.cases.yaml", tmp_path):
        result = run_cli("rules", "test", str(target), "-v")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "case “县·河长制”: ok (2 expectations)" in result.stdout and "1 passed, 0 failed" in result.stdout


def test_sub_item_expectations_and_not_applicable(tmp_path):
    _rule_copy(tmp_path)
    (tmp_path / "2021.cases.yaml").write_text(
        "- name: 分项\n  profile: {level: county}\n  indicators:\n    农业废弃物综合利用率:\n"
        "      秸秆综合利用率: 95\n      畜禽粪污综合利用率: 70\n      农膜回收利用率: 85\n"
        "  expect:\n    agricultural_waste_utilisation: fail\n    agricultural_waste_utilisation.秸秆综合利用率: pass\n"
        "    agricultural_waste_utilisation.livestock_manure_utilisation: fail\n    碳排放强度: 不适用\n",
        encoding="utf-8")
    result = run_cli("rules", "test", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("text, where, message", [
    ("- name: a\n  profile: {level: county}\n  indicators: {河长制: 全面实施}\n  expcet: {河长制: pass}\n",
     ":4:3:", "unknown field 'expcet'"),
    ("- name: a\n  profile: {level: county}\n  indicators: {河长制: 全面实施}\n  expect: {河长: pass}\n",
     ":4:12:", "unknown indicator '河长'"),
    ("- name: a\n  profile: {level: county}\n  indicators: {河长制: 全面实施}\n  expect: {河长制: ok}\n",
     ":4:", "is not one of"),
    ("- name: a\n  profile: {level: county}\n  indicators: {城镇污水处里率: 85}\n  expect: {河长制: missing}\n",
     ":3:16:", "unknown indicator '城镇污水处里率'"),
    ("name: not a list\n", ":1:1:", "a case file is a list of cases"),
])
def test_case_file_errors_exit_2_with_file_line(tmp_path, text, where, message):
    _rule_copy(tmp_path)
    cases = tmp_path / "2021.cases.yaml"
    cases.write_text(text, encoding="utf-8")
    result = run_cli("rules", "test", str(tmp_path), "--lang", "en")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{cases}{where}" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_rules_test_without_cases_says_how_to_add_them(tmp_path):
    rule = _rule_copy(tmp_path)
    result = run_cli("rules", "test", str(rule))
    assert result.returncode == 2
    assert "no cases — write 2021.cases.yaml beside it" in result.stdout and "no rule-test cases found" in result.stderr


def test_the_rule_loader_ignores_case_files():
    from ecocheck.library.loader import load_library

    library = load_library(ROOT / "rules")
    assert sorted(library.editions) == ["2019", "2021"]


# ─────────────────────────── explain ───────────────────────────


def test_explain_by_name_gives_requirement_decision_fields_and_examples():
    result = run_cli("explain", "林草覆盖率")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("11. 林草覆盖率  (Forest and grass coverage)")
    assert "≥60% 山区；≥40% 丘陵地区；≥18% 平原地区" in out  # as printed
    assert "    平原地区: ≥18" in out  # per class
    assert "达标条件：value 达到本地区的阈值（按地区类型 terrain：" in out and "缺 profile.terrain 为缺数据" in out
    assert "提交时需填写\n  value（现状值）" in out
    assert "示例（达标），取自 2021.cases.yaml" in out and "→ ecocheck：达标 — 18 达到 ≥18" in out
    assert "示例（未达标）" in out
    # the citable source, then where ecocheck read it
    assert ("来源: 《国家生态文明建设示范区建设指标（修订版）》（环办生态函〔2021〕353号，文号未核实）；"
            "《通榆县国家级生态建设示范区建设规划》附表2 第10项\n原文位置: 001_5bf55d846e1f2bc3.txt:693") in out


def test_explain_by_id_in_english_and_another_edition():
    result = run_cli("explain", "eco_environment_index", "--edition", "2019", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "edition 2019" in result.stdout and "How ecocheck decides it" in result.stdout
    assert "湿润地区: ≥55  † unverified" in result.stdout and "干旱半干旱地区: ≥35\n" in result.stdout
    assert "What a submission must give" in result.stdout and "Example (pass)" in result.stdout
    assert "→ ecocheck: fail — 34.9 does not meet ≥35" in result.stdout  # the example's reason in English too


def test_explain_a_sub_item_explains_its_indicator():
    result = run_cli("explain", "秸秆综合利用率")
    assert result.returncode == 0
    assert result.stdout.startswith("秸秆综合利用率 是 农业废弃物综合利用率 的分项。")
    assert "秸秆综合利用率: 达标条件：value ≥ 90%；" in result.stdout


def test_explain_unknown_name_suggests_and_exits_2():
    typo = run_cli("explain", "林草覆盖")
    assert typo.returncode == 2 and typo.stdout == ""
    assert "unknown indicator '林草覆盖' in edition 2021" in typo.stderr and "“林草覆盖率”" in typo.stderr
    other = run_cli("explain", "化肥农药减量化", "--edition", "2019")
    assert other.returncode == 2 and "it is in edition 2021: add --edition 2021" in other.stderr


def test_explain_and_the_rule_reference_say_the_same():
    from ecocheck.engine.casetest import cases_for
    from ecocheck.library.loader import load_library
    from ecocheck.output.ruledocs import facts

    edition = load_library().get("2021")
    page = (DOCS_RULES / "2021.md").read_text(encoding="utf-8")
    for name in ("林草覆盖率", "环境空气质量", "一般工业固体废物综合利用率提高幅度"):
        explained = run_cli("explain", name).stdout
        f = facts(edition, edition.find(name), cases_for(edition))
        for part in f.parts:
            assert part.decided("zh") in explained and part.decided("zh") in page
        for example in f.examples:
            assert example.text in page
            assert "\n".join("  " + line for line in example.text.rstrip("\n").split("\n")) in explained


def test_every_example_gets_the_verdict_it_claims():
    """The examples in docs/rules/ and `explain`, pasted into a submission, give what they say."""
    from ecocheck.engine.casetest import cases_for
    from ecocheck.engine.evaluate import evaluate
    from ecocheck.library.loader import load_library
    from ecocheck.submission.reader import parse_submission_text
    from ecocheck.output.ruledocs import examples

    library = load_library()
    for edition in library.editions.values():
        for cases in (cases_for(edition), []):  # from the cases, and generated from the rule alone
            for ind in edition.indicators:
                found = examples(edition, ind, cases)
                assert [e.status for e in found] == ["pass", "fail"], (edition.id, ind.id)
                for example in found:
                    text = f'region: 例\nyear: 2022\nedition: "{edition.id}"\n' + example.text
                    sub = parse_submission_text(text, library)
                    result = next(r for r in evaluate(sub, edition).results if r.id == ind.id)
                    assert result.status == example.status, (edition.id, ind.id, example.text)


def _console_script() -> str:
    """The installed `ecocheck` command (completion is keyed to the program's name)."""
    script = Path(sys.executable).parent / "ecocheck"
    if not script.exists():
        pytest.skip("the ecocheck console script is not installed next to this Python")
    return str(script)


def _complete(words: str, cword: int) -> list[str]:
    env = dict(os.environ, _ECOCHECK_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    result = subprocess.run([_console_script()], env=env, capture_output=True, text=True, cwd=ROOT, timeout=60)
    return result.stdout.split()


def test_explain_completes_indicator_names():
    assert _complete("ecocheck explain 林", 2) == ["林草覆盖率"]
    assert "urban_sewage_treatment" in _complete("ecocheck explain urban_", 2)


# ─────────────────────────── validate and the pre-commit hook ───────────────────────────


def test_validate_good_and_bad_files(write):
    good = write("good.yaml", submission(GOOD))
    bad = write("bad.yaml", submission({"城镇污水处里率": 90, "单位地区生产总值能耗": {"value": 0.5, "previos": 0.52}}))
    ok = run_cli("validate", str(good))
    assert ok.returncode == 0 and ok.stdout == f"{good}: ok\n" and ok.stderr == ""
    both = run_cli("validate", str(good), str(bad), "--lang", "en")
    assert both.returncode == 2
    assert f"{good}: ok" in both.stdout and f"{bad}: ok" not in both.stdout
    lines = bad.read_text(encoding="utf-8").splitlines()
    typo = lines.index("  城镇污水处里率: 90") + 1
    assert f"{bad}:{typo}:3: error: unknown indicator '城镇污水处里率'" in both.stderr
    assert "unknown field 'previos'" in both.stderr and "“previous”" in both.stderr


def test_validate_gives_no_verdict(write):
    failing = write("failing.yaml", submission({"城镇污水处理率": 10}))  # 未达标, but a valid file
    result = run_cli("validate", str(failing))
    assert result.returncode == 0 and "未达标" not in result.stdout


def test_validate_names_a_file_that_is_not_a_submission():
    result = run_cli("validate", "rules/2021.yaml", "--lang", "en")
    assert result.returncode == 2
    assert "rules/2021.yaml:1:1: error: does not look like a submission" in result.stderr
    assert "files:" in result.stderr and result.stderr.count("error:") == 1


def test_docs_examples_are_valid_and_give_the_documented_exit_codes():
    examples = ROOT / "docs" / "examples"
    assert run_cli("validate", *map(str, sorted(examples.glob("*.yaml")))).returncode == 0
    assert run_cli("evaluate", str(examples / "shili-2022.yaml")).returncode == 0
    assert run_cli("evaluate", str(examples / "yangli-2021.yaml")).returncode == 1


def _hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_hook_definition():
    hook = _hook()
    assert hook["id"] == "ecocheck-validate" and hook["language"] == "python"
    assert hook["entry"] == "ecocheck validate" and hook["types"] == ["yaml"]
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(path: str) -> bool:  # pre-commit: `files` searched, `exclude` searched
        return bool(files.search(path)) and not exclude.search(path)

    assert selected("submissions/kazuo-2022.yaml") and selected("喀左县-2022.yml")
    for path in ("rules/2021.yaml", "rules/plans/kazuo-2030.yaml", "vendor/rules/x.yaml", ".pre-commit-config.yaml",
                 ".pre-commit-hooks.yaml", ".github/workflows/ci.yml", "my.cases.yaml", ".gitlab-ci.yml", "README.md"):
        assert not selected(path), path


def test_hook_entry_on_good_and_bad_files(write):
    entry = _hook()["entry"].split()
    assert entry[0] == "ecocheck"
    good = write("good.yaml", submission(GOOD))
    bad = write("bad.yaml", submission({"城镇污水处里率": 90}))
    ok = run_cli(*entry[1:], str(good))
    assert ok.returncode == 0 and "ok" in ok.stdout
    fail = run_cli(*entry[1:], str(good), str(bad))
    assert fail.returncode != 0 and f"{bad}:" in fail.stderr


def _pre_commit_available() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return False
    return shutil.which("git") is not None


@pytest.mark.skipif(not _pre_commit_available(), reason="pre-commit is not installed (pip install -e '.[test]')")
def test_pre_commit_runs_the_hook_for_real(tmp_path):
    """`pre-commit try-repo` installs this repository as a hook and runs it in a client repository."""
    git = ["git", "-c", "user.name=ecocheck-test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    hook_repo = _copy_project(tmp_path / "ecocheck")
    subprocess.run(git + ["init", "-q"], cwd=hook_repo, check=True)
    subprocess.run(git + ["add", "-A"], cwd=hook_repo, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "hook"], cwd=hook_repo, check=True)
    client = tmp_path / "consultancy"
    (client / "submissions").mkdir(parents=True)
    (client / "submissions" / "good.yaml").write_text(submission(GOOD), encoding="utf-8")
    (client / "submissions" / "bad.yaml").write_text(submission({"城镇污水处里率": 90}), encoding="utf-8")
    (client / ".gitlab-ci.yml").write_text("stages: [check]\n", encoding="utf-8")
    subprocess.run(git + ["init", "-q"], cwd=client, check=True)
    subprocess.run(git + ["add", "-A"], cwd=client, check=True)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), NO_COLOR="1")

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "ecocheck-validate",
                               "--color", "never", "--files", *files],
                              cwd=client, env=env, capture_output=True, text=True, timeout=600)

    passed = try_repo("submissions/good.yaml", ".gitlab-ci.yml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    failed = try_repo("submissions/good.yaml", "submissions/bad.yaml", ".gitlab-ci.yml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    # the hook runs `ecocheck validate` as it is: in the default language, Chinese
    assert "submissions/bad.yaml:8:3: 错误：标准版本 2021 中没有指标“城镇污水处里率”" in failed.stdout
    assert "submissions/good.yaml: ok" in failed.stdout and ".gitlab-ci.yml" not in failed.stdout


# ─────────────────────────── editors, completion, installation ───────────────────────────


def test_template_schema_line_points_at_the_shipped_schema(tmp_path):
    from urllib.parse import unquote, urlparse

    made = run_cli("template")
    first = made.stdout.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file://")
    path = Path(unquote(urlparse(first.split("$schema=", 1)[1]).path))
    assert path.is_file() and json.loads(path.read_text(encoding="utf-8")) == json.loads(run_cli("schema").stdout)
    shared = run_cli("template", "--schema", "./submission.schema.json")
    assert shared.stdout.startswith("# yaml-language-server: $schema=./submission.schema.json\n")


def test_schema_of_case_files():
    result = run_cli("schema", "cases")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "array" and schema["$defs"]["case"]["required"] == ["name", "profile", "indicators", "expect"]


def test_shell_completion_script_and_commands():
    # Without the variable typer detects the shell from the parent processes (none when the
    # tests run detached); with it, --show-completion takes the shell's name.
    env = dict(os.environ, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    script = subprocess.run([_console_script(), "--show-completion", "bash"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert script.returncode == 0 and "_ECOCHECK_COMPLETE=complete_bash" in script.stdout
    assert "complete -o default -F _ecocheck_completion ecocheck" in script.stdout
    assert {"explain", "evaluate"} <= set(_complete("ecocheck e", 1))
    assert {"list", "show", "docs", "test"} <= set(_complete("ecocheck rules ", 2))


def test_installed_package_carries_its_rule_library(tmp_path):
    """What `pip install .` / `pipx install .` from a clone installs: --version names the editions
    and the shipped rule tests run, from outside the source tree."""
    clone = _copy_project(tmp_path / "clone")
    target = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                            str(clone)], capture_output=True, text=True, timeout=600)
    if built.returncode != 0:
        pytest.skip(f"cannot build the package here (no build backend offline?): {built.stderr[-300:]}")
    assert (target / "ecocheck" / "rules" / "2021.cases.yaml").is_file()
    assert (target / "ecocheck" / "schemas" / "cases.schema.json").is_file()
    env = dict(os.environ, PYTHONPATH=str(target))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def ecocheck(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ecocheck", *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=120)

    where = subprocess.run([sys.executable, "-c", "import ecocheck; print(ecocheck.__file__)"], cwd=elsewhere,
                           env=env, capture_output=True, text=True)
    assert where.stdout.startswith(str(target))
    version = ecocheck("--version")
    assert version.returncode == 0 and "ecocheck 0.1.0" in version.stdout
    assert "2019 (国家生态文明建设示范市县建设指标, 40 indicators)" in version.stdout
    assert "2021 (国家生态文明建设示范区建设指标（修订版）, 43 indicators)" in version.stdout
    tested = ecocheck("rules", "test")
    assert tested.returncode == 0 and re.search(r"\d+ passed, 0 failed", tested.stdout), tested.stdout + tested.stderr
    template = ecocheck("template")
    assert f"$schema=file://{target}" in template.stdout.splitlines()[0]


# ─────────────────────────── the guides ───────────────────────────


def test_guides_exist_in_both_languages():
    for lang in ("zh", "en"):
        for page in ("guide.md", "rules.md"):
            assert (ROOT / "docs" / lang / page).is_file()


def test_yaml_in_the_docs_parses():
    for page in GUIDES + sorted(DOCS_RULES.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"```yaml\n(.*?)```", text, re.S):
            line = text[:block.start()].count("\n") + 1
            try:
                yaml.safe_load(block.group(1))
            except yaml.YAMLError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{page.relative_to(ROOT)}:{line}: YAML block does not parse: {exc}")


def _documented_commands() -> list[tuple[Path, list[str]]]:
    found = []
    for page in GUIDES + [ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"```(?:sh|text)\n(.*?)```", text, re.S):
            for line in block.group(1).splitlines():
                line = re.sub(r"^\$ |^\.venv/bin/", "", line.strip())
                if line.startswith("ecocheck "):
                    found.append((page, line.split("#")[0].split()))
    return found


def test_every_documented_command_and_option_exists():
    """Each `ecocheck …` line in the guides names a real command, and each --option is one of its."""
    from typer.testing import CliRunner

    from ecocheck.cli.app import build_app

    runner, helps = CliRunner(), {}
    commands = _documented_commands()
    assert len(commands) > 30
    for page, words in commands:
        path = [w for w in words[1:3] if not w.startswith("-") and w in _COMMANDS]
        if path[:1] == ["rules"] and len(words) > 2 and words[2] in ("list", "show", "docs", "test"):
            path = ["rules", words[2]]
        key = tuple(path[:2] if path[:1] == ["rules"] else path[:1])
        if key not in helps:
            result = runner.invoke(build_app(), [*key, "--help"], env={"COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"})
            assert result.exit_code == 0, (page.name, words)
            helps[key] = result.stdout
        for option in (w.strip("[]").split("=")[0] for w in words if w.strip("[").startswith("--")):
            assert option in helps[key], f"{page.relative_to(ROOT)}: `{' '.join(words)}`: {option} is not an option"


_COMMANDS = {"evaluate", "schema", "template", "batch", "progress", "compare", "rules", "explain", "validate"}


def test_relative_links_in_the_docs_resolve():
    pages = [ROOT / "README.md", ROOT / "docs" / "README.md", *GUIDES, *sorted(DOCS_RULES.glob("*.md"))]
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = target.split("#")[0]
            assert (page.parent / path).exists(), f"{page.relative_to(ROOT)}: broken link {target}"
