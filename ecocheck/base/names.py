"""Suggesting the closest official name when a key is not recognised."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ecocheck.base.messages import Message

MAX_WORD = 100  # longer than any official name: not a misspelling of one


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates nearest to `word`: by edit similarity, then by shared characters.

    difflib alone does poorly on short Chinese names with one character changed, so the
    character-overlap score (what fraction of the word's characters a candidate has) helps.
    """
    pool = list(dict.fromkeys(candidates))
    if not pool or len(word) > MAX_WORD:  # difflib's cost grows with the product of the lengths
        return []
    scored = []
    chars = set(word)
    for cand in pool:
        ratio = difflib.SequenceMatcher(None, word, cand).ratio()
        overlap = len(chars & set(cand)) / max(len(chars | set(cand)), 1)
        scored.append((max(ratio, overlap), cand))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [cand for score, cand in scored[:limit] if score >= 0.3]


def suggestion(word: str, candidates: Iterable[str]) -> str:
    """did_you_mean() in English (for rule authors: the rule-library messages are English), "" when nothing is near."""
    near = did_you_mean(word, candidates)
    return near.render("en") if near is not None else ""


def did_you_mean(word: str, candidates: Iterable[str]) -> Message | None:
    """A suggestion as a catalogue message (written in the report's language), None when nothing is near."""
    near = closest(word, candidates)
    if not near:
        return None
    return Message("input.did_you_mean", names=" / ".join(f"“{n}”" for n in near))
