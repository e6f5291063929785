"""qualitative: a state word, accepted or rejected."""

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import TEXT, build

RULE = build({"kind": "qualitative", "accept": ["建立"], "reject": ["未建立"]})
COUNTY = Profile(level="county")


def test_accepted_words_pass_rejected_words_fail():
    assert RULE.evaluate(Entry(value="建立"), COUNTY).status == "pass"
    assert RULE.evaluate(Entry(value="未建立"), COUNTY).status == "fail"
    assert RULE.evaluate(Entry(), COUNTY).status == "missing"


def test_punctuation_spaces_and_a_leading_already_are_ignored():
    assert RULE.classify("已建立。") == "pass" and RULE.classify(" 建 立 ") == "pass"
    assert RULE.classify("正在建立") is None


def test_it_reads_words_and_has_no_direction():
    assert RULE.value_type() == TEXT and RULE.better_direction() is None
    assert RULE.describe() == "建立" and RULE.example(COUNTY, "fail", "-") == "未建立"


def test_the_vocabulary_is_not_part_of_equality_or_hash():
    same = build({"kind": "qualitative", "accept": ["建立"], "reject": ["未建立"]})
    assert same == RULE and hash(same) == hash(RULE)
