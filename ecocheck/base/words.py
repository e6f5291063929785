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

# The standard's own words for its 领域 (domains), 任务 (tasks, keyed without their （一） numeral),
# units and region classes, in English. An English report shows them with the Chinese beside,
# so that a reviewer can find the row in the standard; a word not listed stays as printed.
DOMAIN_EN = {
    "生态制度": "Ecological institutions", "生态安全": "Ecological security", "生态空间": "Ecological space",
    "生态经济": "Ecological economy", "生态生活": "Ecological living", "生态文化": "Ecological culture",
}
TASK_EN = {
    "目标责任体系与制度建设": "Target responsibility and institutions",
    "生态环境质量改善": "Better eco-environmental quality",
    "生态系统保护": "Ecosystem protection",
    "生态环境风险防范": "Eco-environmental risk prevention",
    "空间格局优化": "A better spatial pattern",
    "资源节约与利用": "Saving and using resources",
    "产业循环发展": "Circular industries",
    "人居环境改善": "A better living environment",
    "生活方式绿色化": "Greener ways of life",
    "观念意识普及": "Ecological awareness",
}
UNIT_EN = {
    "吨标准煤/万元": "t standard coal / 10⁴ yuan", "立方米/万元": "m³ / 10⁴ yuan", "吨/万元": "t / 10⁴ yuan",
    "公里": "km", "公顷": "ha", "千克/亩": "kg / mu", "平方米/人": "m² / person",
}
CLASS_EN = {
    "山区": "mountainous", "丘陵地区": "hilly", "平原地区": "plain", "干旱半干旱地区": "arid or semi-arid",
    "青藏高原地区": "Qinghai-Tibet Plateau", "湿润地区": "humid", "半湿润地区": "semi-humid",
    "超大特大城市": "megacity", "大城市": "large city", "中小城市": "small or medium city",
}
