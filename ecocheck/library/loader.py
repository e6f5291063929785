"""Loading the rule library: YAML rule files, validated by schema and by meaning, into Editions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck.library import kinds
from ecocheck.base.errors import InputError, Problem
from ecocheck.library.model import (NO_CELLS, STANDARD_KEY, CitedDocument, Edition, EditionCells, Indicator, ProfileClass,
                                    RuleCells, SourceRef, Standard, SubItem)
from ecocheck.base.yamlsafe import Located, load_file, read_input

LEVEL_KEY = "level"


def default_rules_dir() -> Path:
    """The rule library shipped with the package (top-level rules/ in a source checkout)."""
    # An installed wheel has ecocheck/rules/ (a folder without __init__.py, so importlib sees a
    # namespace package whose resources.files() is a MultiplexedPath, not a path): look first.
    installed = Path(__file__).resolve().parents[1] / "rules"
    if installed.is_dir() and any(installed.glob("*.yaml")):
        return installed
    # Else where the import system finds the package ecocheck.rules (an editable install maps it
    # to the top-level rules/); find_spec, not importlib.resources, which is slow to import.
    try:
        from importlib.util import find_spec

        spec = find_spec("ecocheck.rules")
        for location in (spec.submodule_search_locations or ()) if spec else ():
            path = Path(location)
            if path.is_dir() and any(path.glob("*.yaml")):
                return path
    except (ImportError, ValueError):  # pragma: no cover - broken install
        pass
    return Path(__file__).resolve().parents[2] / "rules"  # pragma: no cover


@dataclass
class Library:
    editions: dict[str, Edition]
    default_id: str
    aliases: dict[str, str]

    def get(self, key: str | None) -> Edition:
        if key is None:
            return self.editions[self.default_id]
        edition_id = self.aliases.get(str(key))
        if edition_id is None:
            raise KeyError(key)
        return self.editions[edition_id]

    def names(self) -> list[str]:
        return sorted(self.aliases)


def _schema_problems(doc: Located) -> list[Problem]:
    from ecocheck.schemas import validator

    problems = []
    for error in sorted(validator("rules").iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        where = _rule_name(doc.data, path)
        message = error.message
        if error.validator in ("oneOf", "if", "allOf") and error.context:
            best = min(error.context, key=lambda e: len(list(e.relative_path)))
            message = best.message
        problems.append(doc.problem(path, f"{where}{_short(error, message)}", code="rule-schema"))
    return problems


def _short(error: Any, message: str) -> str:
    """jsonschema quotes the whole offending value; for a rule file say what is expected instead."""
    if len(message) <= 160:
        return message
    field = ".".join(map(str, error.absolute_path)) or "the file"
    if error.validator == "type":
        return f"{field} must be of type {error.validator_value}"
    if error.validator == "enum":
        return f"{field} must be one of {error.validator_value}"
    return message[:157] + "..."


def _rule_name(data: Any, path: tuple) -> str:
    """'rule <id>: ' for a path inside an indicator, so the author sees which rule is wrong."""
    if len(path) >= 2 and path[0] == "indicators" and isinstance(path[1], int):
        try:
            return f"rule {data['indicators'][path[1]].get('id', '#' + str(path[1] + 1))}: "
        except (KeyError, IndexError, TypeError, AttributeError):
            return ""
    return ""


def _check_meaning(doc: Located) -> list[Problem]:
    """What the schema cannot say: unique ids, complete numbering, known profile classes."""
    data = doc.data
    problems: list[Problem] = []
    classes = data.get("classes", {})
    seen_ids: dict[str, int] = {}
    seen_numbers: dict[int, str] = {}
    names: dict[str, str] = {}
    for index, ind in enumerate(data["indicators"]):
        path = ("indicators", index)
        rid = ind["id"]
        if rid in seen_ids:
            problems.append(doc.problem(path + ("id",), f"rule {rid}: duplicate id (also indicator #{seen_ids[rid] + 1})",
                                        "give each indicator its own id", code="rule-duplicate"))
        seen_ids.setdefault(rid, index)
        number = ind["number"]
        if number in seen_numbers:
            problems.append(doc.problem(path + ("number",), f"rule {rid}: official number {number} is also used by {seen_numbers[number]}",
                                        code="rule-duplicate"))
        seen_numbers.setdefault(number, rid)
        for name in (ind["name"], *ind.get("aliases", ())):
            if name in names and names[name] != rid:
                problems.append(doc.problem(path + ("name",), f"rule {rid}: name {name!r} is also used by {names[name]}",
                                            code="rule-duplicate"))
            names[name] = rid
        item_ids: set[str] = set()
        for j, item in enumerate(ind.get("items", ())):
            if item["id"] in item_ids:
                problems.append(doc.problem(path + ("items", j, "id"), f"rule {rid}: duplicate sub-item id {item['id']!r}",
                                            code="rule-duplicate"))
            item_ids.add(item["id"])
            problems += _check_criterion(doc, item["criterion"], path + ("items", j, "criterion"), rid, classes)
        if "criterion" in ind:
            problems += _check_criterion(doc, ind["criterion"], path + ("criterion",), rid, classes)
    problems += _check_implied(doc, classes)
    problems += _check_trend_ways(doc, data.get("cells") or {})
    problems += source_problems(doc, "rule", data.get("documents", {}), "standard" in data, code="rule-source")
    number, document = (data.get("standard") or {}).get("number"), data["edition"].get("document")
    if number and document and number != document:
        problems.append(doc.problem(("edition", "document"), f"edition document {document!r} is not the standard's "
                                    f"number {number!r}", "give the 文号 once, under `standard:`", code="rule-source"))
    count = data["edition"]["indicator_count"]
    missing = sorted(set(range(1, count + 1)) - set(seen_numbers))
    if missing:
        problems.append(doc.problem(("edition", "indicator_count"),
                                    f"edition declares {count} indicators but official number(s) "
                                    f"{', '.join(map(str, missing))} have no rule", code="rule-numbering"))
    extra = sorted(n for n in seen_numbers if n > count)
    if extra:
        problems.append(doc.problem(("edition", "indicator_count"),
                                    f"official number(s) {', '.join(map(str, extra))} exceed the declared count {count}",
                                    code="rule-numbering"))
    return problems


def _check_trend_ways(doc: Located, cells: dict) -> list[Problem]:
    """A trend phrase's way (`cells.trend_ways`) is said of a phrase that restates a trend, once."""
    trend = set(cells.get("restates", {}).get("trend", ()))
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for way, words in cells.get("trend_ways", {}).items():
        for index, word in enumerate(words):
            path = ("cells", "trend_ways", way, index)
            if word not in trend:
                problems.append(doc.problem(path, f"trend way {way}: {word!r} is not a phrase of cells.restates.trend",
                                            "add it to cells.restates.trend, or remove it here", code="rule-cells"))
            if word in seen and seen[word] != way:
                problems.append(doc.problem(path, f"trend way {way}: {word!r} is also under {seen[word]}",
                                            code="rule-cells"))
            seen.setdefault(word, way)
    return problems


def _check_implied(doc: Located, classes: dict) -> list[Problem]:
    """`implied_by` reads another known class, from its values, into this class's values."""
    problems: list[Problem] = []
    for key, spec in classes.items():
        for other, mapping in spec.get("implied_by", {}).items():
            path = ("classes", key, "implied_by", other)
            if other not in classes or other == key:
                problems.append(doc.problem(path, f"class {key}: implied by unknown class {other!r}",
                                            f"known classes: {', '.join(k for k in classes if k != key)}",
                                            key=True, code="rule-class"))
                continue
            for theirs, ours in mapping.items():
                if theirs not in classes[other]["values"]:
                    problems.append(doc.problem(path + (theirs,), f"{theirs!r} is not a value of class {other!r}",
                                                key=True, code="rule-class"))
                if ours not in spec["values"]:
                    problems.append(doc.problem(path + (theirs,), f"{ours!r} is not a value of class {key!r}",
                                                code="rule-class"))
    return problems


def _sources(data: dict, kind: str):
    """(path, the rule's or target's id, its source spec) for every `source:` of a rule or plan file."""
    head = "edition" if kind == "rule" else "plan"
    if isinstance(data.get(head, {}).get("source"), dict):
        yield (head, "source"), "", data[head]["source"]
    group = "indicators" if kind == "rule" else "targets"
    for index, spec in enumerate(data.get(group, ())):
        if isinstance(spec.get("source"), dict):
            yield (group, index, "source"), spec.get("id", f"#{index + 1}"), spec["source"]


def source_problems(doc: Located, kind: str, documents: dict, has_standard: bool, code: str) -> list[Problem]:
    """Each `source: {document: …}` names a document of the file's `documents:` (or `standard`,
    when the file has a `standard:`), and its `table:` one that document prints.
    `kind` is "rule" (a rule file) or "target" (a plan file)."""
    problems: list[Problem] = []
    for path, owner, spec in _sources(doc.data, kind):
        key = spec.get("document")
        if key is None:
            continue
        who = f"{kind} {owner}: " if owner else ""
        if key == STANDARD_KEY and has_standard:
            if "table" in spec or "item" in spec:
                problems.append(doc.problem(path + ("document",), f"{who}source document `standard` takes no table or "
                                            f"item: no document at hand prints the row", code=code))
            continue
        if key == STANDARD_KEY and kind == "rule":
            problems.append(doc.problem(path + ("document",), f"{who}source document `standard` needs a `standard:` "
                                        "block", "give the standard's title and 文号 under `standard:`", code=code))
            continue
        if key not in documents:
            from ecocheck.base.names import suggestion  # difflib: only when there is a problem to explain

            known = list(documents) + ([STANDARD_KEY] if has_standard else [])
            problems.append(doc.problem(path + ("document",), f"{who}source document {key!r} is not in `documents:`",
                                        suggestion(key, known) or (f"known: {', '.join(known)}" if known else
                                                                   "name the document once under `documents:`"),
                                        code=code))
            continue
        tables = documents[key].get("tables", {})
        table = spec.get("table")
        if table is not None and table not in tables:
            problems.append(doc.problem(path + ("table",), f"{who}document {key!r} prints no table {table!r}",
                                        f"its tables: {', '.join(tables)}" if tables else
                                        f"add it under documents.{key}.tables", code=code))
    return problems


def standard_of(spec: dict | None) -> Standard | None:
    if not spec:
        return None
    return Standard(spec["title"], spec.get("number"), spec.get("number_verified", True), spec.get("note", ""))


def documents_of(spec: dict | None) -> dict[str, CitedDocument]:
    return {key: CitedDocument(key, d["title"], d["file"], d.get("qualifier", ""), d.get("title_line"),
                               tuple((name, t["title"], t.get("line")) for name, t in d.get("tables", {}).items()),
                               d.get("note", ""))
            for key, d in (spec or {}).items()}


def source_of(spec: dict, documents: dict[str, CitedDocument], standard: Standard | None = None) -> SourceRef:
    """A SourceRef from a checked `source:` spec (the file's documents and standard resolved)."""
    key = spec.get("document", "")
    document = documents.get(key)
    if document is not None:
        doc = document.file
    elif key == STANDARD_KEY and standard is not None:
        doc = standard.number or standard.title
    else:
        doc = spec.get("doc", key)
    item = spec.get("item")
    return SourceRef(doc, spec.get("line"), spec.get("note", ""), standard, document, spec.get("table", ""),
                     "" if item is None else str(item), key)


def _check_criterion(doc: Located, spec: dict, path: tuple, rid: str, classes: dict) -> list[Problem]:
    """What the schema cannot see in a criterion: each kind checks its own spec, then its parts."""
    kind = kinds.registry()[spec["kind"]]
    class_values = {LEVEL_KEY: {"county", "city"}} | {key: set(c["values"]) for key, c in classes.items()}
    problems = [doc.problem(path + p.path, f"rule {rid}: {p.message}", p.hint, key=p.key, code=p.code)
                for p in kind.spec_problems(spec, class_values)]
    for sub_path, sub_spec in kind.sub_specs(spec):
        problems += _check_criterion(doc, sub_spec, path + sub_path, rid, classes)
    return problems


def _rule_cells(spec: dict | None) -> RuleCells:
    if not spec:
        return NO_CELLS
    within = spec.get("delta_within")
    return RuleCells(words=tuple((str(w), kinds.decimal(v)) for w, v in spec.get("words", {}).items()),
                     not_applicable=tuple(spec.get("not_applicable", ())), change=spec.get("change", ""),
                     not_names=tuple(spec.get("not_names", {}).items()), number_is=spec.get("number_is", ""),
                     decline_names=tuple(spec.get("decline_names", ())),
                     delta_within=None if within is None else kinds.decimal(within),
                     value_range=tuple(kinds.decimal(v) for v in spec.get("value_range", ())),
                     best=None if spec.get("best") is None else kinds.decimal(spec["best"]))


def _by_unit(spec: dict | None) -> tuple:
    return tuple((unit, kinds.build(c)) for unit, c in (spec or {}).items())


def _edition_cells(spec: dict | None) -> EditionCells:
    if not spec:
        return EditionCells()
    negative, changes, bounds = spec.get("negative", {}), spec.get("changes", {}), spec.get("bounds", {})
    return EditionCells(
        no_data=tuple(spec.get("no_data", ())), not_applicable=tuple(spec.get("not_applicable", ())),
        negative_prefixes=tuple(negative.get("prefixes", ())), negative_words=tuple(negative.get("words", ())),
        restates=tuple((w, part) for part, words in spec.get("restates", {}).items() for w in words),
        joiners=tuple(spec.get("joiners", ())),
        trend_ways=tuple((w, way) for way, words in spec.get("trend_ways", {}).items() for w in words),
        units=tuple((w, unit) for unit, words in spec.get("units", {}).items() for w in (unit, *words)),
        minus=tuple(spec.get("minus", ())),
        change_words=tuple([(w, 1) for w in changes.get("up", ())] + [(w, -1) for w in changes.get("down", ())]),
        change_prefixes=tuple(changes.get("prefixes", ())), change_fillers=tuple(changes.get("fillers", ())),
        points=tuple(changes.get("points", ())),
        bounds_before=tuple((w, op) for op, words in bounds.get("before", {}).items() for w in words),
        bounds_after=tuple((w, op) for op, words in bounds.get("after", {}).items() for w in words),
    )


def _build_edition(doc: Located) -> Edition:
    return _build_edition_data(doc.data, doc.file)


def _build_edition_data(data: dict, file: str) -> Edition:
    """An Edition from a rule file's (checked) data."""
    meta = data["edition"]
    classes = {
        key: ProfileClass(key, spec["name"], dict(spec["values"]), dict(spec.get("aliases", {})),
                          {other: dict(mapping) for other, mapping in spec.get("implied_by", {}).items()})
        for key, spec in data.get("classes", {}).items()
    }
    standard = standard_of(data.get("standard"))
    documents = documents_of(data.get("documents"))
    indicators = []
    for ind in data["indicators"]:
        items = tuple(
            SubItem(item["id"], item["name"], item["name_en"], item["unit"], item["requirement"],
                    kinds.build(item["criterion"]), tuple(item.get("aliases", ())),
                    _rule_cells(item.get("cells")), _by_unit(item.get("by_unit")))
            for item in ind.get("items", ())
        )
        indicators.append(Indicator(
            id=ind["id"], number=ind["number"], name=ind["name"], name_en=ind["name_en"],
            domain=ind["domain"], task=ind["task"], unit=ind["unit"], attribute=ind["attribute"],
            levels=tuple(ind["applies"]["levels"]), coastal_only=ind["applies"].get("coastal_only", False),
            requirement=ind["requirement"],
            criterion=kinds.build(ind["criterion"]) if "criterion" in ind else None,
            items=items, source=source_of(ind["source"], documents, standard),
            verified=ind.get("verified", True), verification_note=ind.get("verification", ""),
            aliases=tuple(ind.get("aliases", ())), note=ind.get("note", ""), cells=_rule_cells(ind.get("cells")),
            by_unit=_by_unit(ind.get("by_unit")),
        ))
    indicators.sort(key=lambda i: i.number)
    return Edition(
        id=str(meta["id"]), title=meta["title"], title_en=meta["title_en"], issued=str(meta["issued"]),
        aliases=tuple(meta.get("aliases", ())), indicator_count=meta["indicator_count"], classes=classes,
        indicators=tuple(indicators), file=file,
        document=meta.get("document") or (standard.number or "" if standard else ""),
        notes=meta.get("notes", ""), cells=_edition_cells(data.get("cells")), standard=standard, documents=documents,
    )


def load_rule_file(path: str | Path, schema: bool = True) -> tuple[Edition, bool]:
    """One edition from one file; raises InputError listing every problem found.

    schema=False skips the JSON Schema check: only for files known to have passed it."""
    doc = load_file(path)
    if not isinstance(doc.data, dict):
        raise InputError.single("a rule file must be a mapping with `edition:` and `indicators:`",
                                file=doc.file, line=1, column=1, code="rule-schema")
    problems = _schema_problems(doc) if schema else []
    if not problems:
        problems = _check_meaning(doc)
    if problems:
        raise InputError(problems)
    return _build_edition(doc), bool(doc.data["edition"].get("default", False))


CASE_SUFFIX = ".cases.yaml"  # rule-test case files sit beside rule files; they are not editions


def rule_files(location: str | Path) -> list[Path]:
    """Edition files in a folder (not its subfolders, e.g. plans/), or the one file given."""
    path = Path(location)
    if path.is_dir():
        found = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
        return [f for f in found if not f.name.endswith(CASE_SUFFIX)]
    return [path]


def load_library(location: str | Path | None = None) -> Library:
    """Every edition in a rule file or folder (the shipped library by default)."""
    files = rule_files(location or default_rules_dir())
    if not files:
        raise InputError.single("no rule files (*.yaml) found", file=str(location), code="rule-schema")
    return _load(tuple(str(f) for f in files))


# The shipped rule files as the test suite last validated them in full (schema and meaning),
# stored as JSON with the digest of the YAML they came from: loading them is a json.loads
# instead of a YAML parse (most of a one-file `evaluate` otherwise). Written by
# `python scripts/compile_rules.py`; tests/library/test_loader.py fails while it is stale.
COMPILED = Path(__file__).with_name("shipped.json")


@cache
def _load(files: tuple[str, ...]) -> Library:
    """Validated once per process. The shipped rule files are read from their compiled form
    (no YAML parse, no jsonschema) while their bytes are the very ones the test suite validated;
    any other file, or a shipped file edited since, gets the full check."""
    shipped = default_rules_dir()
    if all(Path(f).parent == shipped for f in files):
        compiled = _compiled(files)
        if compiled is not None:
            return _library([(_build_edition_data(data, file), bool(data["edition"].get("default", False)))
                             for file, data in zip(files, compiled)])
    return _load_files(files)


def _compiled(files: tuple[str, ...]) -> list[dict] | None:
    """The compiled data of these shipped files, or None when it is not theirs (edited since)."""
    import json

    try:
        stored = json.loads(COMPILED.read_bytes())
    except (OSError, ValueError):
        return None
    names = [Path(f).name for f in files]
    if stored.get("digest") != shipped_digest(files) or list(stored.get("files", {})) != names:
        return None
    return [stored["files"][name] for name in names]


def shipped_digest(files: tuple[str, ...]) -> str:
    """A digest of the rule files' names and bytes and of the rule-file schema."""
    try:  # hashlib would load OpenSSL first (milliseconds at every start); blake2 is built in
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b

    from ecocheck.schemas import schema_file

    digest = blake2b(schema_file("rules").read_bytes(), digest_size=20)
    for file in files:
        try:
            data = read_input(file)
        except InputError:  # unreadable, not a file: the full load says why
            return ""
        digest.update(b"\0" + Path(file).name.encode() + b"\0" + data)
    return digest.hexdigest()


def compile_shipped() -> bytes:
    """The compiled form of the shipped rule files, after the full check (raises InputError)."""
    import json

    files = tuple(str(f) for f in rule_files(default_rules_dir()))
    data = {}
    for file in files:
        load_rule_file(file)  # the schema and the meaning checks
        data[Path(file).name] = load_file(file).data
    return (json.dumps({"digest": shipped_digest(files), "files": data}, ensure_ascii=False,
                       separators=(",", ":"), sort_keys=False) + "\n").encode("utf-8")


def _load_files(files: tuple[str, ...], schema: bool = True) -> Library:
    built: list[tuple[Edition, bool]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            built.append(load_rule_file(file, schema))
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return _library(built)


def _library(built: list[tuple[Edition, bool]]) -> Library:
    """A Library of built editions (with whether each file claims to be the default)."""
    editions: dict[str, Edition] = {}
    aliases: dict[str, str] = {}
    default_id = None
    problems: list[Problem] = []
    for edition, is_default in built:
        if edition.id in editions:
            problems.append(Problem(f"edition {edition.id!r} is defined twice (also in {editions[edition.id].file})",
                                    edition.file, code="rule-duplicate"))
            continue
        editions[edition.id] = edition
        for alias in (edition.id, *edition.aliases):
            aliases[alias] = edition.id
        if is_default:
            default_id = edition.id
    if problems:
        raise InputError(problems)
    if default_id is None:  # no file claims default: the most recently issued edition
        default_id = max(editions.values(), key=lambda e: e.issued).id
    return Library(editions, default_id, aliases)
