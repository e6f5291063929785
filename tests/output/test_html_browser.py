"""The HTML export in a real browser: headless Chromium at phone size.

Chromium is not on a fresh machine and `make test` installs nothing: without it this test skips
with one line saying so; `make browser` installs it (CI runs that first).
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from ecocheck.output import html

from conftest import submission
from test_exports import FAILING_2021, build_errors, build_reports, build_summary, evaluate_text

CHROMIUM = Path("/usr/bin/chromium")
PHONE = (390, 2000)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium: run `make browser` to install it for this test")


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    reports, errors = build_reports(), build_errors()
    path = folder / "report.html"
    path.write_bytes(html.render(reports, errors, build_summary(reports, errors)))
    return path


@pytest.fixture(scope="module", params=["zh", "en"])
def county_page(request, tmp_path_factory) -> Path:
    """One county (`evaluate -f html`): its verdict, then its table laid out like the standard."""
    report = evaluate_text(submission(FAILING_2021, region="乙县"), "province/b-2022.yaml", request.param)
    path = tmp_path_factory.mktemp("html") / f"county-{request.param}.html"
    path.write_bytes(html.render([report], [], build_summary([report], []), request.param))
    return path


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_phone_screenshot(page, tmp_path):
    shot = tmp_path / "shot.png"
    result = chromium(tmp_path / "profile", f"--screenshot={shot}", f"--window-size={PHONE[0]},{PHONE[1]}",
                      page.as_uri())
    assert shot.exists(), f"no screenshot; chromium said:\n{result.stderr[-2000:]}"
    data = shot.read_bytes()
    assert len(data) > 20_000, "the screenshot is nearly blank"
    assert png_size(data) == PHONE


def test_rendered_dom_has_counties_verdicts_and_chart(page, tmp_path):
    result = chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, f"no DOM dumped; chromium said:\n{result.stderr[-2000:]}"
    for region in ("甲县", "乙县", "喀左县"):
        assert region in dom
    assert "达标" in dom and "未达标" in dom and "缺数据" in dom
    assert "<svg" in dom and "bar-fail" in dom
    assert 'data-status="fail"' in dom


# Run inside a copy of the page (its Content-Security-Policy forbids scripts): record what would
# be cut off — the page wider than the window, an element outside a scrolling box reaching past
# the window's right edge, or a table wider than its box in a box that does not scroll.
MEASURE = """<script>
const w = window.innerWidth, cut = [];
if (document.documentElement.scrollWidth > w) cut.push('page ' + document.documentElement.scrollWidth);
for (const el of document.body.querySelectorAll('*')) {
  if (el.tagName === 'SCRIPT' || el.closest('.scroll')) continue;
  const r = el.getBoundingClientRect();
  if (r.width && r.right > w + 1) cut.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
}
for (const box of document.querySelectorAll('.scroll')) {
  const wide = box.scrollWidth > box.clientWidth + 1;
  if (wide && getComputedStyle(box).overflowX !== 'auto') cut.push('box ' + box.scrollWidth);
}
document.body.setAttribute('data-cut', JSON.stringify(cut));
document.body.setAttribute('data-measured', String(w));
</script>"""


def cut_off(page: Path, tmp_path: Path, width: int) -> list[str]:
    """What Chromium shows cut off on `page` in a window `width` pixels wide (MEASURE)."""
    import json
    import re

    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    probe = tmp_path / "probe.html"
    probe.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = chromium(tmp_path / "profile", f"--window-size={width},900", "--virtual-time-budget=3000",
                      "--dump-dom", probe.as_uri())
    measured = re.search(r'data-cut="([^"]*)" data-measured="(\d+)"', result.stdout)
    assert measured, f"the page was not measured; chromium said:\n{result.stderr[-2000:]}"
    assert int(measured.group(2)) == width
    return json.loads(measured.group(1).replace("&quot;", '"'))


@pytest.mark.parametrize("width", [1000, 1600])
def test_nothing_is_cut_off_at_desktop_widths(page, tmp_path, width):
    assert cut_off(page, tmp_path, width) == []


@pytest.mark.parametrize("width", [1000, 1600])
def test_one_county_is_not_cut_off_and_its_table_scrolls_in_its_box(county_page, tmp_path, width):
    assert cut_off(county_page, tmp_path, width) == []
