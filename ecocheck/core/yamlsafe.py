"""Safe YAML loading that keeps file:line:column for every node.

PyYAML composes the node tree (in C when libyaml is available); we build plain Python data
from it ourselves so that we can (1) remember where every key and value came from,
(2) reject duplicate keys, which PyYAML would silently overwrite, and (3) bound the work an
alias bomb or a very deep document can cause. Tags are never used to construct objects.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ecocheck.core.errors import InputError, Problem

try:  # libyaml's composer is several times faster; both are safe (no object construction).
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024  # a county-year submission is a few KB; rule files are < 200 KB
MAX_NODES = 200_000  # counts every node visited, so alias expansion is bounded too
MAX_DEPTH = 64

Path_ = tuple  # a path into the document: keys and list indexes


@dataclass
class Located:
    """Plain data from a YAML document plus the position of every node in it."""

    data: Any
    file: str
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def mark(self, path: tuple) -> tuple[int, int]:
        """Line and column (1-based) of the node at `path`, or of its nearest ancestor."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (0, 0))

    def key_mark(self, path: tuple) -> tuple[int, int]:
        """Position of the key that introduces `path` (falls back to the value's)."""
        return self.marks.get(("<key>",) + path) or self.mark(path)

    def problem(self, path: tuple, message: str, hint: str = "", *, key: bool = False,
                code: str = "input") -> Problem:
        line, column = self.key_mark(path) if key else self.mark(path)
        return Problem(message, self.file, line, column, hint, code)


_constructor = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.ScalarNode, file: str) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp":
        # A date such as 2022-12-31 is not a value ecocheck understands; keep the text so
        # that the caller can say so precisely instead of failing on a datetime object.
        return _DateText(node.value)
    if tag.startswith("tag:yaml.org,2002:") and tag.rsplit(":", 1)[1] in {
        "str", "int", "float", "bool", "null"
    }:
        return _constructor.construct_object(node, deep=True)
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    raise InputError.single(
        f"unsupported YAML tag {tag!r}",
        file=file, line=line, column=column,
        hint="remove the tag: ecocheck reads plain numbers, text, lists and mappings only",
        code="yaml-tag",
    )


class _DateText(str):
    """A scalar YAML would read as a date; kept as its text."""


def is_date_text(value: Any) -> bool:
    return isinstance(value, _DateText)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        self.count += 1
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.count > MAX_NODES:
            raise InputError.single(
                f"document too large: more than {MAX_NODES} nodes (aliases included)",
                file=self.file, line=mark[0], column=mark[1],
                hint="a submission has a few hundred values; remove repeated aliases (&/*)",
                code="yaml-limit",
            )
        if depth > MAX_DEPTH:
            raise InputError.single(
                f"document nested deeper than {MAX_DEPTH} levels",
                file=self.file, line=mark[0], column=mark[1],
                hint="a submission needs at most three levels: indicators, sub-items, fields",
                code="yaml-limit",
            )
        self.marks.setdefault(path, mark)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node, self.file)
        if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
            raise InputError.single(
                f"unsupported YAML tag {node.tag!r}", file=self.file, line=mark[0], column=mark[1],
                hint="remove the tag: ecocheck reads plain numbers, text, lists and mappings only",
                code="yaml-tag",
            )
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError.single(
                        "merge keys (<<) are not supported",
                        file=self.file, line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        hint="write the keys out in full", code="yaml-merge",
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise InputError.single(
                        "a mapping key must be plain text",
                        file=self.file, line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1, code="yaml-key",
                    )
                key = _scalar(key_node, self.file)
                if not isinstance(key, str):
                    key = str(key_node.value)
                key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in result:
                    first = self.marks.get(("<key>",) + path + (key,), (0, 0))
                    raise InputError.single(
                        f"duplicate key {key!r} (first given at line {first[0]})",
                        file=self.file, line=key_mark[0], column=key_mark[1],
                        hint="each key may appear once: keep one entry and delete the other",
                        code="duplicate-key",
                    )
                self.marks[("<key>",) + path + (key,)] = key_mark
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise InputError.single(f"unexpected YAML node {node!r}", file=self.file)  # pragma: no cover


def decode(raw: bytes, file: str) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is allowed), saying clearly what else it is."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError.single(
            "file is UTF-16, not UTF-8", file=file, code="encoding",
            hint="save it as UTF-8 (in Excel/Notepad: 另存为 → 编码 UTF-8)",
        )
    if b"\x00" in raw[:8192]:
        raise InputError.single(
            "file is binary (it contains NUL bytes), not a YAML text file", file=file,
            code="binary", hint="give the .yaml submission, not a spreadsheet or archive",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "save the file as UTF-8"
        try:
            raw.decode("gb18030")
            hint = ("the file looks GBK/GB18030-encoded (common for files saved by Windows "
                    "Excel or Notepad); save it as UTF-8, e.g. `iconv -f GBK -t UTF-8`")
        except UnicodeDecodeError:
            pass
        raise InputError.single(
            "file is not valid UTF-8", file=file, line=line, column=column, hint=hint,
            code="encoding",
        ) from None


def _yaml_problem(exc: yaml.YAMLError, file: str, text: str) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc)
    hint = "check indentation and that every `key: value` has a space after the colon"
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "tab" in str(problem) or "\t" in bad_line[: max(column, 1) + 1]:
        hint = "YAML does not allow tab characters for indentation: indent with spaces"
    message = f"YAML syntax error: {problem}"
    context = getattr(exc, "context", None)
    if context:
        message += f" ({context})"
    return InputError.single(message, file=file, line=line, column=column, hint=hint,
                             code="yaml-syntax")


def load_text(text: str, file: str) -> Located:
    """Parse one YAML document from text."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, file, text) from None
    if node is None:
        raise InputError.single("file is empty", file=file, code="empty",
                                hint="a submission needs at least region, level, year and indicators")
    builder = _Builder(file)
    data = builder.build(node, (), 0)
    return Located(data, file, builder.marks)


def load_file(path: str | Path, display: str | None = None) -> Located:
    """Read and parse a YAML file, turning every failure into an InputError."""
    path = Path(path)
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError.single(
                f"file is too large ({size} bytes; the limit is {MAX_BYTES})", file=name,
                code="too-large", hint="a county-year submission is a few kilobytes",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single("file not found", file=name, code="not-found") from None
    except IsADirectoryError:
        raise InputError.single("is a directory, not a file", file=name, code="not-found",
                                hint="use `ecocheck batch DIR` to check a folder") from None
    except OSError as exc:
        raise InputError.single(f"cannot read file: {exc.strerror}", file=name,
                                code="io") from None
    return load_text(decode(raw, name), name)


__all__ = ["Located", "Problem", "load_file", "load_text", "decode", "is_date_text"]
