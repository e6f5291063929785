"""Rule tests: cases beside a rule file say what status each indicator must get.

A rule file `rules/X.yaml` may have `rules/X.cases.yaml` beside it: a list of cases, each a
profile, an `indicators:` fragment in the submission format and `expect:` (indicator id or
name, or `id.sub_item_id` → pass / fail / missing / not_applicable). Running the cases
evaluates each fragment exactly as `ecocheck evaluate` would and lists every expectation the
rules do not meet, with the file:line of the expectation. Pure: no printing, no exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecocheck.base.errors import InputError, Problem, location
from ecocheck.engine.evaluate import evaluate
from ecocheck.base.words import STATUS_ZH, STATUSES
from ecocheck.library.model import Edition, Indicator, SubItem
from ecocheck.engine.results import Result
from ecocheck.base.names import suggestion
from ecocheck.library.loader import CASE_SUFFIX, Library, load_rule_file, rule_files
from ecocheck.base.values import normalize_text
from ecocheck.base.yamlsafe import Located, load_file
from ecocheck.base.messages import Message, Quoted

_DECLARED = Message("declared.mark")
DEFAULT_YEAR = 2022
STATUS_WORDS = {s: s for s in STATUSES} | {zh: en for en, zh in STATUS_ZH.items()}


@dataclass(frozen=True)
class Expectation:
    key: str  # as written in the case file
    indicator: str  # indicator id
    item: str | None  # sub-item id, or None for the whole indicator
    status: str  # pass | fail | missing | not_applicable
    line: int
    column: int

    @property
    def target(self) -> str:
        return self.indicator + (f".{self.item}" if self.item else "")


@dataclass
class Case:
    name: str
    index: int  # 0-based position in the file
    file: str
    line: int
    profile: dict[str, Any]
    indicators: Any
    expect: list[Expectation]
    year: int = DEFAULT_YEAR
    note: str = ""
    basis: str = "measured"
    doc: Located | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Disagreement:
    case: Case
    expectation: Expectation
    got: str
    reason: str
    name: str  # the indicator's (or sub-item's) official name

    def location(self) -> str:
        return location(self.case.file, self.expectation.line, self.expectation.column)


@dataclass
class CaseResult:
    case: Case
    disagreements: list[Disagreement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the fragment could not be loaded
    warnings: list[Problem] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.disagreements and not self.problems


@dataclass
class FileRun:
    """The cases of one rule file: run, or the problems that stopped them."""

    rule_file: str
    cases_file: str | None
    edition: Edition | None = None
    results: list[CaseResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def expectations(self) -> int:
        return sum(len(r.case.expect) for r in self.results)


@dataclass
class Run:
    files: list[FileRun]

    @property
    def results(self) -> list[CaseResult]:
        return [r for f in self.files for r in f.results]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems] + [p for r in self.results for p in r.problems]

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        return sum(not r.passed for r in self.results)

    def exit_code(self) -> int:
        """0 every case agrees; 1 some case disagrees; 2 a file or fragment could not be read."""
        if self.problems:
            return 2
        return 1 if self.failed else 0


# ─────────────────────────── finding and loading case files ───────────────────────────


def cases_file_for(rule_file: str | Path) -> Path:
    """`rules/2021.yaml` → `rules/2021.cases.yaml`."""
    path = Path(rule_file)
    return path.with_name(path.stem + CASE_SUFFIX)


def rule_file_for(cases_file: str | Path) -> Path:
    """`rules/2021.cases.yaml` → `rules/2021.yaml` (or .yml when that is what exists)."""
    path = Path(cases_file)
    stem = path.name[: -len(CASE_SUFFIX)]
    candidate = path.with_name(stem + ".yaml")
    alt = path.with_name(stem + ".yml")
    return alt if not candidate.exists() and alt.exists() else candidate


def discover(location: str | Path) -> list[tuple[Path, Path | None]]:
    """(rule file, its case file or None) for a rule file, a case file or a folder."""
    path = Path(location)
    if path.is_file() and path.name.endswith(CASE_SUFFIX):
        return [(rule_file_for(path), path)]
    pairs = []
    for rule in rule_files(path):
        cases = cases_file_for(rule)
        pairs.append((rule, cases if cases.exists() else None))
    return pairs


def load_cases(path: str | Path, edition: Edition, display: str | None = None) -> list[Case]:
    """The cases of one file, checked against the case schema and the edition's names."""
    doc = load_file(path, display)
    problems = _schema_problems(doc)
    if problems:
        raise InputError(problems)
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data):
        name = raw["name"]
        if name in seen:
            problems.append(doc.problem((index, "name"), f"case name {name!r} is also used by case #{seen[name] + 1}",
                                        "give each case its own name", code="case-duplicate"))
        seen.setdefault(name, index)
        expect = []
        for key, status in raw["expect"].items():
            found = resolve_target(edition, str(key))
            if found is None:
                names = [n for i in edition.indicators for n in (i.id, i.name)]
                problems.append(doc.problem((index, "expect", key), f"case {name!r}: unknown indicator {key!r} "
                                            f"in edition {edition.id}",
                                            suggestion(normalize_text(str(key).split(".")[0]), names)
                                            or "use an indicator id or name, or id.sub_item_id",
                                            key=True, code="case-unknown"))
                continue
            ind, item = found
            line, column = doc.key_mark((index, "expect", key))
            expect.append(Expectation(str(key), ind.id, item.id if item else None, STATUS_WORDS[status],
                                      line, column))
        line, _ = doc.mark((index,))
        cases.append(Case(name=name, index=index, file=doc.file, line=line, profile=dict(raw["profile"]),
                          indicators=raw["indicators"], expect=expect, year=raw.get("year", DEFAULT_YEAR),
                          note=raw.get("note", ""), basis=raw.get("basis", "measured"), doc=doc))
    if problems:
        raise InputError(problems)
    return cases


def _schema_problems(doc: Located) -> list[Problem]:
    from ecocheck.schemas import validator

    if not isinstance(doc.data, list):
        return [doc.problem((), "a case file is a list of cases (- name: …, profile: …, indicators: …, expect: …)",
                            code="case-schema")]
    problems = []
    for error in sorted(validator("cases").iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        where = ""
        if path and isinstance(path[0], int) and isinstance(doc.data[path[0]], dict):
            where = f"case {doc.data[path[0]].get('name', '#' + str(path[0] + 1))!r}: "
        message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        hint, key = "", False
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            extra = [k for k in error.instance if k not in allowed]
            if extra:  # point at the unknown key itself
                path, key = path + (extra[0],), True
                message = f"unknown field {extra[0]!r}"
                hint = suggestion(str(extra[0]), allowed) or f"allowed fields: {', '.join(allowed)}"
        problems.append(doc.problem(path, where + message, hint, code="case-schema", key=key))
    return problems


def resolve_target(edition: Edition, key: str) -> tuple[Indicator, SubItem | None] | None:
    """An indicator (id, name or alias), or `indicator.sub_item` (either part by id or name)."""
    ind = edition.find(key) or edition.find(normalize_text(key))
    if ind is not None:
        return ind, None
    for pos in [i for i, ch in enumerate(key) if ch == "."]:
        ind = edition.find(key[:pos]) or edition.find(normalize_text(key[:pos]))
        if ind is None:
            continue
        item = find_item(ind, key[pos + 1:])
        if item is not None:
            return ind, item
    return None


def find_item(ind: Indicator, key: str) -> SubItem | None:
    text = normalize_text(key)
    for item in ind.items:
        if text in (item.id, item.name, *item.aliases):
            return item
    return None


# ─────────────────────────── running ───────────────────────────


def case_document(case: Case) -> Located:
    """The case as a submission document whose every position points into the case file."""
    profile = dict(case.profile)
    level = profile.pop("level", "county")
    data = {"region": case.name, "level": level, "year": case.year, "profile": profile,
            "indicators": case.indicators, "basis": case.basis}
    return Located(data, case.file, None, _case_marks(case))


def _case_marks(case: Case) -> dict[tuple, tuple[int, int]]:
    """Submission paths → positions in the case file (`level` sits under the case's profile)."""
    out: dict[tuple, tuple[int, int]] = {}
    if case.doc is None:
        return out
    for path, mark in case.doc.marks.items():
        is_key = bool(path) and path[0] == "<key>"
        inner = path[1:] if is_key else path
        if not inner or inner[0] != case.index:
            continue
        rest = inner[1:]
        if rest[:2] == ("profile", "level"):
            new = ("level",) + rest[2:]
        elif not rest or rest[0] in ("indicators", "profile", "year"):
            new = rest
        else:
            continue
        out.setdefault(("<key>",) + new if is_key else new, mark)
    return out


def run_case(case: Case, edition: Edition) -> CaseResult:
    from ecocheck.submission.reader import parse_submission

    library = Library({edition.id: edition}, edition.id, {edition.id: edition.id})
    try:
        submission = parse_submission(case_document(case), library, edition=edition.id)
    except InputError as err:
        return CaseResult(case, problems=[_in_case(case, p) for p in err.problems])
    report = evaluate(submission, edition)
    by_id = {r.id: r for r in report.results}
    result = CaseResult(case, warnings=list(submission.warnings))
    for exp in case.expect:
        got = by_id[exp.indicator]
        if exp.item is not None:
            got = next(i for i in got.items if i.id == exp.item)
        if got.status != exp.status:
            result.disagreements.append(Disagreement(case, exp, got.status, _reason(got), got.name))
    return result


def _in_case(case: Case, problem: Problem) -> Problem:
    return Problem(Message("input.in_case", case=Quoted(case.name), message=problem.message), problem.file or case.file,
                   problem.line or case.line, problem.column, problem.hint, problem.code)


def _reason(result: Result) -> str:
    """Why, in English like the rest of `rules test`'s output, a declaration marked."""
    return result.reason_in("en") + (_DECLARED.render("en") if result.declared else "")


def run_file(rule_file: str | Path, cases_file: str | Path | None) -> FileRun:
    """Load one rule file and run the cases beside it."""
    run = FileRun(str(rule_file), str(cases_file) if cases_file else None)
    try:
        run.edition, _ = load_rule_file(rule_file)
    except InputError as err:
        run.problems += err.problems
        return run
    if cases_file is None:
        return run
    try:
        cases = load_cases(cases_file, run.edition)
    except InputError as err:
        run.problems += err.problems
        return run
    run.results = [run_case(case, run.edition) for case in cases]
    return run


def run_location(location: str | Path) -> Run:
    """Every rule file at `location` (a rule file, a case file or a folder) with its cases."""
    pairs = discover(location)
    if not pairs:
        raise InputError.single("no rule files (*.yaml) found", file=str(location), code="not-found")
    return Run([run_file(rule, cases) for rule, cases in pairs])


# ─────────────────────────── coverage ───────────────────────────


def coverage(edition: Edition, cases: list[Case]) -> dict[str, set[str]]:
    """Indicator id → the statuses some case expects for the whole indicator."""
    out: dict[str, set[str]] = {ind.id: set() for ind in edition.indicators}
    for case in cases:
        for exp in case.expect:
            if exp.item is None:
                out[exp.indicator].add(exp.status)
    return out


def uncovered(edition: Edition, cases: list[Case], needed: tuple[str, ...] = ("pass", "fail")) -> list[tuple[Indicator, list[str]]]:
    """Indicators lacking a case for some of the `needed` statuses, in official order."""
    cov = coverage(edition, cases)
    gaps = []
    for ind in edition.indicators:
        lacking = [s for s in needed if s not in cov[ind.id]]
        if lacking:
            gaps.append((ind, lacking))
    return gaps


def cases_for(edition: Edition) -> list[Case]:
    """The cases shipped beside an edition's rule file ([] when there are none or they do not load)."""
    path = cases_file_for(edition.file)
    if not path.exists():
        return []
    try:
        return load_cases(path, edition)
    except InputError:
        return []


__all__ = ["Case", "CaseResult", "Disagreement", "Expectation", "FileRun", "Run", "cases_file_for",
           "cases_for", "coverage", "discover", "load_cases", "resolve_target", "run_case", "run_file",
           "run_location", "uncovered"]
