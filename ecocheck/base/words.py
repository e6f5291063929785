"""The one vocabulary: verdict statuses, indicator attributes and levels, with their words in
Chinese and English.

The JSON contract uses the keys (pass, 约束性, county …); reports show the words of their
language. Everything that shows a status, an attribute or a level takes its words from here.
"""

from __future__ import annotations

# Verdict statuses.
PASS = "pass"
FAIL = "fail"
MISSING = "missing"
NOT_APPLICABLE = "not_applicable"
STATUSES = (PASS, FAIL, MISSING, NOT_APPLICABLE)
STATUS_WORDS = {
    "zh": {PASS: "达标", FAIL: "未达标", MISSING: "缺数据", NOT_APPLICABLE: "不适用"},
    "en": {PASS: "pass", FAIL: "FAIL", MISSING: "missing", NOT_APPLICABLE: "n/a"},  # FAIL stands out in a table
}
STATUS_ZH = STATUS_WORDS["zh"]
# In running English text (the rule reference), where the table words would shout or abbreviate.
STATUS_PROSE_EN = {PASS: "pass", FAIL: "fail", MISSING: "missing", NOT_APPLICABLE: "not applicable"}

# Indicator attributes: the standard's own words are the keys.
BINDING = "约束性"
REFERENCE = "参考性"
ATTRIBUTE_WORDS = {
    "zh": {BINDING: BINDING, REFERENCE: REFERENCE},
    "en": {BINDING: "binding", REFERENCE: "reference"},
}
ATTRIBUTE_EN = ATTRIBUTE_WORDS["en"]

# Levels of government a rule applies to.
COUNTY = "county"
CITY = "city"
LEVELS = (COUNTY, CITY)
LEVEL_WORDS = {"zh": {COUNTY: "县", CITY: "市"}, "en": {COUNTY: COUNTY, CITY: CITY}}
LEVEL_ZH = LEVEL_WORDS["zh"]
# How submissions and plans may write a level besides its key.
LEVEL_ALIASES = {"县": COUNTY, "县级": COUNTY, "区": COUNTY, "市": CITY, "市级": CITY}
