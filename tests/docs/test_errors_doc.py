"""docs/errors.md lists every error message with an example input; each example is run again
here and the page must match what the tool says today."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("error_catalogue", ROOT / "scripts" / "error_catalogue.py")
catalogue = importlib.util.module_from_spec(spec)
sys.modules["error_catalogue"] = catalogue  # dataclasses look their module up there
spec.loader.exec_module(catalogue)


def test_errors_doc_is_up_to_date():
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == catalogue.render(), (
        "docs/errors.md is out of date: run `python scripts/error_catalogue.py > docs/errors.md`")


@pytest.mark.parametrize("example", catalogue.EXAMPLES, ids=lambda e: f"{e.code}:{e.title[:30]}")
@pytest.mark.parametrize("lang, error, warning", [("en", "error:", "warning:"), ("zh", "错误：", "提示：")])
def test_each_example_gives_its_error(example, lang, error, warning):
    with tempfile.TemporaryDirectory() as tmp:
        code, stderr = catalogue.run(example, Path(tmp), lang)
    if example.code == "not-applicable" or example.warning:
        assert code in (0, 1) and warning in stderr
        return
    assert code == 2, stderr
    assert "Traceback" not in stderr
    if example.code != "usage":  # click's own usage messages carry no position
        assert error in stderr and example.name.split(".")[0] in stderr or "missing.yaml" in stderr
    if example.args[0] == "import":  # a table's problem names the file, and its place in the table
        assert example.name in stderr


def test_every_error_code_in_the_code_has_an_example():
    import re

    used = set()
    for path in (ROOT / "ecocheck").rglob("*.py"):
        used |= set(re.findall(r'code="([a-z-]+)"', path.read_text(encoding="utf-8")))
    documented = {e.code for e in catalogue.EXAMPLES}
    internal = {"input", "warning", "internal", "io", "too-many"}  # see the note at the end of docs/errors.md
    assert used - documented - internal == set()
