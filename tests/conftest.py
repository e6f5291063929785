"""Shared helpers: run the CLI as a user would, and build small submissions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console entry point in a subprocess: exit codes and streams as users see them."""
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "ecocheck", *args], capture_output=True, text=True,
                          input=input, cwd=cwd or ROOT, env=env, timeout=120)


TABLES = ROOT / "tests" / "fixtures" / "tables"  # indicator tables as Word/Excel/CSV (make_fixtures.py)


def run_refused(*args: str) -> str:
    """Run the CLI on input it must refuse: exit 2, no traceback; its stderr."""
    done = run_cli(*args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


def submission(indicators: dict, *, region="测试县", level="county", year=2022, edition="2021",
               profile=None, **extra) -> str:
    doc = {"region": region, "level": level, "year": year, "edition": edition,
           "profile": profile if profile is not None else {"terrain": "平原地区"}, **extra,
           "indicators": indicators}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return _write


# A 2021-edition county that meets every binding indicator (shared by the CLI, batch and export tests).
PASSING_2021 = {
    "生态文明建设规划": "制定实施",
    "党委政府对生态文明建设重大目标任务部署情况": "有效开展",
    "生态文明建设工作占党政实绩考核的比例": 62,
    "河长制": "全面实施",
    "生态环境信息公开率": "100%",
    "环境空气质量": {"优良天数比例": {"value": 94.2, "previous": 93.0, "target": 90},
                   "PM2.5浓度下降幅度": {"value": "25 μg/m3", "previous": 26, "target": 30}},
    "水环境质量": {"水质达到或优于Ⅲ类比例提高幅度": {"value": 80, "previous": 80},
                 "劣V类水体比例下降幅度": {"value": 0, "previous": 0},
                 "黑臭水体消除比例": {"value": 100, "previous": 100}},
    "生态环境状况指数": {"delta": -0.45},
    "危险废物利用处置率": 100,
    "突发生态环境事件应急管理机制": "建立",
    "自然生态空间": {"生态保护红线": "面积不减少，性质不改变，功能不降低",
                   "自然保护地": "面积不减少、性质不改变、功能不降低"},
    "单位地区生产总值能耗": {"value": 0.5, "previous": 0.52},
    "单位地区生产总值用水量": {"value": 50, "previous": 55, "target": 60},
    "集中式饮用水水源地水质优良比例": 100,
    "村镇饮用水卫生合格率": 100,
    "城镇污水处理率": 95.33,
    "城镇生活垃圾无害化处理率": 100,
    "农村无害化卫生厕所普及率": {"met": True, "note": "完成市下达目标"},
    "政府绿色采购比例": 100,
}


# Language purity (issue 17): the words a zh text may keep in Latin letters, an en text in Chinese.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CODE = re.compile(r"`[^`]*`")  # what the user types, quoted as code: fields, YAML, commands, file names
FIELD_IDS = re.compile(r"value|previous|target|delta|profile")  # submission fields a zh reason names bare
NAMES = re.compile(r"YAML|UTF-(?:8|16)|GBK|GB18030|NUL|Windows|Excel|Word|Office|WPS|CSV")  # formats, encodings, programs


def latin_outside_code(text: str) -> str:
    """The Latin letters of a Chinese text outside code, field names and proper names ("" when none)."""
    return "".join(re.findall("[A-Za-z]", NAMES.sub("", FIELD_IDS.sub("", CODE.sub("", text)))))


def chinese_outside_code(text: str) -> str:
    """The Chinese characters of an English text outside code ("" when none)."""
    return "".join(CJK.findall(CODE.sub("", text)))
