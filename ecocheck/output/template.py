"""A fill-in submission: every applicable indicator with its requirement and type as comments."""

from __future__ import annotations

import json

from ecocheck.engine.evaluate import resolved_requirement
from ecocheck.library.model import Edition
from ecocheck.base.entries import Profile

HEADER = "# yaml-language-server: $schema={schema}\n"


def shipped_schema_url() -> str:
    """file:// URL of the submission schema installed with ecocheck: VS Code's YAML extension
    (yaml-language-server) reads it, so the template is validated and completed as it is typed."""
    from ecocheck.schemas import schema_file

    return schema_file("submission").as_uri()


def _q(text: str) -> str:
    """A YAML key that is safe to write unquoted or, if not, JSON-quoted (valid YAML)."""
    if any(ch in text for ch in ":#{}[],&*!|>'\"%@`") or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


def render_template(edition: Edition, *, level: str, classes: dict[str, str], coastal: bool,
                    region: str, year: int, schema_url: str | None = None) -> str:
    canonical: dict[str, str] = {}
    for key, value in classes.items():
        spec = edition.classes.get(key)
        if spec is None:
            raise ValueError(f"edition {edition.id} has no profile class {key!r}")
        name = value if value in spec.values else spec.aliases.get(value) or {
            en: zh for zh, en in spec.values.items()}.get(value)
        if name is None:
            raise ValueError(f"unknown {spec.name} {value!r}; use one of {'、'.join(spec.values)}")
        canonical[key] = name
    profile = Profile(level=level, coastal=coastal, classes=canonical)
    out = [HEADER.format(schema=schema_url or shipped_schema_url()),
           f"# {edition.title} ({edition.id}) — submission template written by `ecocheck template`.\n",
           "# Fill in each value; delete nothing: an indicator left empty is reported as 缺数据.\n",
           "# A value is a number (95.33 or \"95.33%\"), a state word, or a mapping with\n",
           "# value / previous (last year) / target (superior's target) / met / source / note.\n",
           f"region: {_q(region)}\n", f"level: {level}\n", f"year: {year}\n",
           f"edition: \"{edition.id}\"\n", "profile:\n"]
    used = _classes_used(edition, profile)
    for key, spec in edition.classes.items():
        if key not in used and key not in canonical:
            continue
        if key in canonical:
            out.append(f"  {key}: {canonical[key]}\n")
        else:
            out.append(f"  # {key}: {' | '.join(spec.values)}    # {spec.name}\n")
    out.append(f"  coastal: {'true' if coastal else 'false'}\n")
    out.append("indicators:\n")
    for ind in edition.indicators:
        applies, _ = ind.applies_to(profile)
        if not applies:
            continue
        requirement = resolved_requirement(ind.requirement, ind.criterion, profile) if ind.criterion else ind.requirement
        out.append(f"  # {ind.number}. {ind.name} — {ind.attribute}；指标值：{requirement}"
                   + (f"；单位 {ind.unit}" if ind.unit != "-" else "") + ("  † 未核实" if not ind.verified else "") + "\n")
        if ind.items:
            out.append(f"  {_q(ind.name)}:\n")
            for item in ind.items:
                out.append(f"    {_q(item.name)}:    # {item.requirement}" +
                           (f"（{item.unit}）" if item.unit != "-" else "") + "\n")
        else:
            needs = ind.criterion.needs()
            if needs == ["value"]:
                out.append(f"  {_q(ind.name)}:\n")
            else:
                fields = ", ".join(f"{n}: " for n in needs)
                out.append(f"  {_q(ind.name)}: {{{fields}}}\n".replace(": }", ": null}").replace(": ,", ": null,"))
    return "".join(out)


def _classes_used(edition: Edition, profile: Profile) -> set[str]:
    """Profile classes that some applicable indicator's threshold depends on."""
    used: set[str] = set()
    for ind in edition.indicators:
        if ind.applies_to(profile)[0]:
            for criterion in [ind.criterion, *(item.criterion for item in ind.items)]:
                if criterion is not None:
                    used |= criterion.class_keys()
    return used
