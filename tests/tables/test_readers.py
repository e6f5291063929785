"""Reading .docx/.xlsx/.csv files as grids: Excel's printed numbers, files that are no readable table."""

from __future__ import annotations

import pytest

from conftest import run_refused
from ecocheck.tables.readers import excel_text


@pytest.mark.parametrize("value, number_format, printed", [
    (0.857, "0.0%", "85.7%"), (1, "0%", "100%"), (0.62, "0.0%", "62.0%"), (0.8591, "0.00%", "85.91%"),
    (53.6, "0.00", "53.60"), (100.0, "General", "100"), (73.53, "General", "73.53"), (-0.45, "General", "-0.45"),
    (1234.5, "#,##0", "1235"), ("≥90%", "General", "≥90%"), (None, "General", ""),
    # a quoted or escaped % is printed as written, not a percent format (ecocheck's own export)
    (58.39, 'General"%"', "58.39%"), (5, "0\\%", "5%"), (39, '0" μg/m3"', "39 μg/m3"),
])
def test_excel_cells_are_read_as_excel_prints_them(value, number_format, printed):
    assert excel_text(value, number_format) == printed


def test_no_indicator_table_in_a_word_document(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("规划期限")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "阶段", "年份"
    document.save(tmp_path / "plan.docx")
    err = run_refused("import", str(tmp_path / "plan.docx"), "-o", str(tmp_path), "--lang", "en")
    assert "plan.docx: error: no indicator table found" in err and "表1" in err


@pytest.mark.parametrize("name, data, message", [
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "save it as .docx"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "password-protected (encrypted)"),
    ("renamed.xlsx", "region: 通榆县\n".encode(), "not a real .xlsx workbook (a renamed file, or damaged)"),
    ("broken.docx", b"PK\x03\x04" + bytes(40), "not a readable .docx Word document"),
])
def test_files_that_are_not_readable_tables(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    err = run_refused("import", str(tmp_path / name), "--lang", "en")
    assert f"{tmp_path / name}: error:" in err and message in err
    assert run_refused("evaluate", str(tmp_path / name), "--lang", "en").count(message) == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_with_or_without_bom_or_gbk(tmp_path, encoding):
    from ecocheck.tables.readers import read_grids

    text = "通榆县指标表\n指标名称,现状值（2022年）\n秸秆综合利用率,85.7%\n"
    (tmp_path / "t.csv").write_bytes(text.encode(encoding))
    grid, = read_grids(tmp_path / "t.csv")
    assert [[c.text for c in row] for row in grid.rows] == [
        ["通榆县指标表", ""], ["指标名称", "现状值（2022年）"], ["秸秆综合利用率", "85.7%"]]
    assert grid.rows[2][1].where == "第3行 第2列"
