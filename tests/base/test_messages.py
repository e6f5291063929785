"""The message catalogue: every reason template once, in zh and en, with the same parameters."""

from __future__ import annotations

import string
from decimal import Decimal

import pytest

from conftest import CODE, chinese_outside_code, latin_outside_code
from ecocheck.base.messages import CATALOGUE, LANGS, Joined, Message, Quoted


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_entry_renders_in_both_languages_with_its_parameters(key):
    template = CATALOGUE[key]
    assert fields(template.zh) == fields(template.en), "zh and en must take the same parameters"
    params = {name: "+" if name == "sign" else Decimal("-1.50") for name in fields(template.zh)}
    zh, en = (Message(key, **params).render(lang) for lang in LANGS)
    numbers = sum(name != "sign" for name in params)
    assert "{" not in CODE.sub("", zh + en) and all(text.count("-1.5") == numbers for text in (zh, en))
    # (a zh text may name submission fields, code and formats like YAML; an en text quotes code only)
    assert not latin_outside_code(zh), zh
    assert not chinese_outside_code(en), en


def test_numbers_are_written_as_reports_write_them():
    assert Message("threshold.misses", value=Decimal("38.60"), op="≥", bound=Decimal("40")).render("zh") == "38.6 未达到 ≥40"
    assert Message("threshold.misses", value=Decimal("38.60"), op="≥", bound=Decimal("40")).render("en") == "38.6 does not meet ≥40"
    assert Message("trend.improved", sign="+", change=Decimal("0.50")).render("en") == "change +0.5 (improved)"
    assert Message("trend.worsened", sign="", change=Decimal("-2")).render("zh") == "变化 -2（变差）"


def test_messages_nest_and_join_in_the_same_language():
    inner = Joined([Message("value.not_given"), Message("previous.not_given")])
    named = Message("item.reason", name="优良天数比例", reason=inner)
    assert named.render("zh") == "优良天数比例：未提供数值；缺上年数值"
    assert named.render("en") == "优良天数比例: no value given; last year's value not given (previous)"
    words = Joined([Message("state.not_given"), Message("value.not_given")], "sep.words")
    assert (words.render("zh"), words.render("en")) == ("未填写状态、未提供数值", "no state given, no value given")


def test_a_message_is_only_written_when_read():
    message = Message("threshold.meets", value=Decimal(1), op="≥", bound=Decimal(1))
    assert message == Message("threshold.meets", value=Decimal(1), op="≥", bound=Decimal(1))
    assert message.params["value"] == Decimal(1)  # kept as given: formatting waits for render()


def test_a_quoted_word_of_the_file_is_quoted_as_each_language_quotes():
    assert Message("input.field.unknown", key=Quoted("yaer")).render("en") == "unknown field 'yaer'"
    assert Message("input.field.unknown", key=Quoted("yaer")).render("zh") == "未知字段“yaer”"
    assert Quoted(2035).render("en") == "2035" and Quoted(True).render("zh") == "“True”"


def test_literal_braces_in_a_template_are_text():
    hint = Message("input.number.bool_hint")
    assert hint.render("en") == 'give the number, or write `{met: true, note: "…"}` to declare that it is met'
    assert "{met: true" in hint.render("zh")
