"""qualitative: a state word; accepted words pass, rejected words fail, others are an input error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.values import normalize_text
from ecocheck.base.words import FAIL, MISSING, PASS
from ecocheck.library.kinds import TEXT, Criterion

if TYPE_CHECKING:  # only annotations use it
    import random

_STATE_NOT_GIVEN = Message("state.not_given")
_PUNCTUATION = re.compile(r"[\s,，、;；。.:：]+")


@lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    return _PUNCTUATION.sub("", normalize_text(word))


@dataclass(frozen=True)
class Qualitative(Criterion):
    KIND: ClassVar[str] = "qualitative"
    VALUE_TYPE: ClassVar[str] = TEXT
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "qualitative", "accept": ["建立", "已建立"], "reject": ["未建立"]}
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    # normalised word → verdict (accepted words win a tie): made with the rule, not per word read
    vocabulary: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.vocabulary.update({_word_key(w): FAIL for w in self.reject})
        self.vocabulary.update({_word_key(w): PASS for w in self.accept})

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Qualitative":
        return cls(text=spec.get("text", ""), accept=tuple(spec["accept"]), reject=tuple(spec.get("reject", ())))

    def classify(self, word: str) -> str | None:
        """PASS / FAIL for a known state word, None for an unknown one.

        Words are compared without punctuation or spaces (Word and Excel differ in "，" vs
        "、"), and a leading 已/已经 ("already") is ignored: 已建立 means 建立.
        """
        text = _word_key(word)
        verdict = self.vocabulary.get(text)
        if verdict is not None:
            return verdict
        for prefix in ("已经", "已", "均已"):
            if text.startswith(prefix) and len(text) > len(prefix):
                verdict = self.vocabulary.get(text[len(prefix):])
                if verdict is not None:
                    return verdict
        return None

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        value = entry.value
        if value is None:
            return Outcome(MISSING, _STATE_NOT_GIVEN)
        verdict = self.classify(str(value))
        if verdict is None:  # the loader rejects unknown words; kept as a guard
            return Outcome(MISSING, Message("state.unknown", value=value))
        return Outcome(verdict, Message("state.is" if verdict == PASS else "state.is_not", value=value,
                                        requirement=self.describe()))

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        return self.text or self.accept[0]  # the standard's own words, in either language

    def how_decided(self, lang: str = "en", class_names: dict[str, str] | None = None) -> str:
        if lang != "zh":
            return self.decided_en()
        quoted = "、".join(f"“{w}”" for w in self.accept)
        rejected = "、".join(f"“{w}”" for w in self.reject) or "—"
        return (f"填写状态词：{quoted} 为达标；{rejected} 为未达标"
                "（标点、空格与前缀“已”不计；其他说法是输入错误）")

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        return "状态词为 " + "、".join(f"“{w}”" for w in self.accept), []

    def decided_en(self) -> str:
        return (f"state word: met if one of {'、'.join(self.accept)}; "
                f"not met if one of {'、'.join(self.reject) or '—'}")

    def example(self, profile: Profile, status: str, unit: str) -> Any:
        words = self.accept if status == PASS else self.reject
        return words[0] if words else None

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"value": self.accept[0] if good or not self.reject else self.reject[0]}
