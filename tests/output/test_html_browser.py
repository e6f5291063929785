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

from test_exports import build_errors, build_reports, build_summary

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
