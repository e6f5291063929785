"""The one vocabulary: verdict statuses, indicator attributes and levels, with their words.

The JSON contract uses the English keys; reports show the words of their language.
"""

from __future__ import annotations

# Verdict statuses: the JSON contract uses the English words, reports show the Chinese.
PASS = "pass"
FAIL = "fail"
MISSING = "missing"
NOT_APPLICABLE = "not_applicable"
STATUSES = (PASS, FAIL, MISSING, NOT_APPLICABLE)
STATUS_ZH = {PASS: "达标", FAIL: "未达标", MISSING: "缺数据", NOT_APPLICABLE: "不适用"}

BINDING = "约束性"
REFERENCE = "参考性"
ATTRIBUTE_EN = {BINDING: "binding", REFERENCE: "reference"}

LEVELS = ("county", "city")
LEVEL_ZH = {"county": "县", "city": "市"}
