"""Safe YAML loading that keeps file:line:column for every node.

PyYAML composes the node tree (in C when libyaml is available); we build plain Python data
from it ourselves so that we can (1) remember where every key and value came from,
(2) reject duplicate keys, which PyYAML would silently overwrite, and (3) bound the work an
alias bomb or a very deep document can cause. Tags are never used to construct objects.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ecocheck.base.errors import InputError, Problem
from ecocheck.base.messages import Message, Quoted

try:  # libyaml's composer is several times faster; both are safe (no object construction).
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024  # a county-year submission is a few KB; rule files are < 200 KB
MAX_NODES = 200_000  # counts every node visited, so alias expansion is bounded too
MAX_DEPTH = 64



@dataclass
class Located:
    """Plain data from a YAML document plus the position of every node in it."""

    data: Any
    file: str
    root: yaml.Node | None = None
    _marks: dict[tuple, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def marks(self) -> dict[tuple, tuple[int, int]]:
        if self._marks is None:
            self._marks = _marks(self.root, self.file) if self.root is not None else {}
        return self._marks

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

    def problem(self, path: tuple, message: Any, hint: Any = "", *, key: bool = False,
                code: str = "input") -> Problem:
        """A Problem at `path` (its key's position with `key`); message and hint as Problem takes them."""
        line, column = self.key_mark(path) if key else self.mark(path)
        return Problem(message, self.file, line, column, hint, code)


_constructor = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_SCALARS = {
    _TAG + "int": lambda node: int(node.value) if _PLAIN_INT.match(node.value) else _constructor.construct_yaml_int(node),
    _TAG + "float": lambda node: float(node.value) if _PLAIN_FLOAT.match(node.value) else _constructor.construct_yaml_float(node),
    _TAG + "bool": _constructor.construct_yaml_bool,
    _TAG + "null": lambda node: None,
}
_INT, _FLOAT = _TAG + "int", _TAG + "float"
# Plain decimals of up to 300 digits before the point: every such number is a finite float.
# Longer ones go the slow way, which says when one is beyond a float's range.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,299})\Z")
_PLAIN_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,299})\.[0-9]+\Z")
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,299})(\.[0-9]+)?\Z")  # either of the two, in one match (the builder's hot path)
# Forms YAML 1.1 (and so PyYAML) reads as numbers but YAML 1.2 reads otherwise or ecocheck does
# not accept: 1:35 is 95 in base 60, 9_5 is 95, 017 is 15 in YAML 1.1 and 17 in YAML 1.2.
# (each with the catalogue key naming the form: input.yaml.form.<name>)
_NUMBER_FORMS = (
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+\Z"), "hexadecimal"),
    (re.compile(r"[-+]?0o[0-7_]+\Z"), "octal"),
    (re.compile(r"[-+]?0b[01_]+\Z"), "binary"),
    (re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z"), "base60"),
    (re.compile(r"[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z"), "grouped"),
    (re.compile(r"[-+]?0[0-9]+\Z"), "leading_zero"),
)
# First characters for which YAML 1.1 may resolve a plain scalar to something other than text.
_RESOLVABLE_FIRST = {k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k}


class _Loader(_BaseLoader):
    """libyaml's composer, with implicit tags resolved later, by us.

    The composer asks `self.resolve(kind, value, implicit)` for the tag of every node without
    an explicit one. The stock resolver is Python code called back from C for each of a
    submission's ~180 scalars, trying several regular expressions on each. Here `resolve` is
    the builtin `slice`, so the composer stores the question itself, slice(kind, value,
    implicit), as the node's tag at C speed; `_resolved_tag` answers it when the node is built
    (same answers as PyYAML's resolver: see there). Explicit tags (`!!str`, `!foo`) stay strings.
    """

    resolve = slice  # a type, not a function: not bound as a method, called as slice(kind, value, implicit)
    # The composer also calls these two around every node, for path resolvers, which nobody
    # registers here; builtins that accept the same arguments and do nothing save a Python call.
    descend_resolver = slice  # (parent, index)
    ascend_resolver = tuple  # ()


_RESOLVER = yaml.resolver.Resolver()


def _resolved_tag(node: yaml.Node) -> str:
    """The node's tag, resolving an implicit one as PyYAML's Resolver would."""
    tag = node.tag
    if tag.__class__ is not slice:
        return tag
    kind, value, implicit = tag.start, tag.stop, tag.step
    if kind is yaml.ScalarNode:
        # Text whose first character cannot start a number, bool, null or date is text: say so
        # at once instead of trying every implicit resolver's regular expression.
        if not implicit[0] or (value and value[0] not in _RESOLVABLE_FIRST):
            return _STR
        if _PLAIN_INT.match(value):  # 95, not 012 (octal in YAML 1.1) nor 1_000
            return _INT
        if _PLAIN_FLOAT.match(value):  # 95.33, 0.699
            return _FLOAT
    return _RESOLVER.resolve(kind, value, implicit)


class _DateText(str):
    """A scalar YAML would read as a date; kept as its text."""


def is_date_text(value: Any) -> bool:
    return isinstance(value, _DateText)


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _tag_error(node: yaml.Node, file: str) -> InputError:
    line, column = _position(node)
    return InputError.single(
        Message("input.yaml.tag", tag=Quoted(_resolved_tag(node))), file=file, line=line, column=column,
        hint=Message("input.yaml.tag_hint"), code="yaml-tag",
    )


def _scalar(node: yaml.ScalarNode, file: str) -> Any:
    tag = _resolved_tag(node)
    if tag == _STR:
        if node.tag.__class__ is slice and node.tag.step[0]:  # plain, not quoted
            _check_number_form(node, file)
        return node.value
    convert = _SCALARS.get(tag)
    if convert is not None:
        if tag in (_INT, _FLOAT):
            _check_number_form(node, file)
            return _finite(node, convert, file)
        return convert(node)
    if tag == _TAG + "timestamp":
        # A date such as 2022-12-31 is not a value ecocheck understands; keep the text so
        # that the caller can say so precisely instead of failing on a datetime object.
        return _DateText(node.value)
    raise _tag_error(node, file)


def _check_number_form(node: yaml.ScalarNode, file: str) -> None:
    """An unquoted 0x5f, 0o17, 1:35, 9_5 or 017 is an error: YAML readers disagree on its value."""
    value = node.value
    if not value or value[0] not in "+-0123456789":
        return
    for pattern, kind in _NUMBER_FORMS:
        if pattern.match(value):
            line, column = _position(node)
            raise InputError.single(
                Message("input.yaml.number_form", value=value, kind=Message(f"input.yaml.form.{kind}")),
                file=file, line=line, column=column, code="number-form",
                hint=Message("input.yaml.number_form_hint", value=value))


def _finite(node: yaml.ScalarNode, convert: Any, file: str) -> Any:
    """An int or float that fits a float; .inf and .nan stay (the reader says they are not values)."""
    digits = node.value.lstrip("+-").split(".")[0]
    number = None if len(digits) > 300 else convert(node)
    if number is None or (isinstance(number, float) and number in (_INF, -_INF) and "inf" not in node.value.lower()):
        line, column = _position(node)
        shown = (node.value if len(node.value) <= 24
                 else Message("input.yaml.long_number", start=node.value[:20], count=len(node.value)))
        raise InputError.single(
            Message("input.yaml.number_range", value=shown), file=file, line=line,
            column=column, code="number-range", hint=Message("input.yaml.number_range_hint"))
    return number


_INF = float("inf")


def _key(key_node: yaml.Node, file: str) -> str:
    tag = _resolved_tag(key_node)
    if tag == _STR and isinstance(key_node, yaml.ScalarNode):
        return key_node.value
    if not isinstance(key_node, yaml.ScalarNode):
        line, column = _position(key_node)
        raise InputError.single(Message("input.yaml.key"), file=file, line=line, column=column,
                                code="yaml-key")
    if tag == _TAG + "merge":
        line, column = _position(key_node)
        raise InputError.single(Message("input.yaml.merge"), file=file, line=line, column=column,
                                hint=Message("input.yaml.merge_hint"), code="yaml-merge")
    if tag in _SCALARS or tag == _TAG + "timestamp":  # a key is its text: 012 stays "012", 1:35 "1:35"
        return key_node.value
    raise _tag_error(key_node, file)


_ScalarNode, _MappingNode = yaml.ScalarNode, yaml.MappingNode


class _Builder:
    """Plain data from the node tree: bounded in nodes and depth, duplicate keys rejected.

    The common cases (text, plain ints and decimals, keys that are text) are decided inline;
    everything else goes through _scalar/_key, which give the same answers more slowly.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0

    def _limits(self, node: yaml.Node, depth: int) -> None:
        if self.count > MAX_NODES:
            line, column = _position(node)
            raise InputError.single(
                Message("input.yaml.too_many_nodes", limit=MAX_NODES), file=self.file, line=line, column=column,
                hint=Message("input.yaml.too_many_nodes_hint"), code="yaml-limit",
            )
        if depth > MAX_DEPTH:
            line, column = _position(node)
            raise InputError.single(
                Message("input.yaml.too_deep", limit=MAX_DEPTH), file=self.file, line=line, column=column,
                hint=Message("input.yaml.too_deep_hint"), code="yaml-limit",
            )

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            self._limits(node, depth)
        tag = node.tag
        if node.__class__ is _ScalarNode:  # a mapping's values are decided in its loop below
            return _scalar(node, self.file)
        if isinstance(node, _MappingNode):
            if tag.__class__ is not slice and tag != _MAP:
                raise _tag_error(node, self.file)
            result: dict = {}
            file = self.file
            for key_node, value_node in node.value:
                key_tag = key_node.tag
                if (key_node.__class__ is _ScalarNode and key_tag.__class__ is slice and key_tag.step[0]
                        and key_tag.stop and key_tag.stop[0] not in _RESOLVABLE_FIRST):
                    key = key_tag.stop
                else:
                    key = _key(key_node, file)
                if key in result:
                    raise self._duplicate(node, key_node, key)
                # Most values are plain scalars: decided here, as build() would, without a call.
                value_tag = value_node.tag
                if value_node.__class__ is _ScalarNode and value_tag.__class__ is slice and depth < MAX_DEPTH:
                    self.count += 1
                    if self.count > MAX_NODES:
                        self._limits(value_node, depth + 1)
                    value = value_tag.stop
                    if not value_tag.step[0]:  # quoted: always text
                        result[key] = value
                        continue
                    if value and value[0] not in _RESOLVABLE_FIRST:
                        result[key] = value
                        continue
                    number = _PLAIN_NUMBER.match(value)
                    if number is not None:
                        result[key] = int(value) if number.lastindex is None else float(value)
                        continue
                    result[key] = _scalar(value_node, file)
                    continue
                result[key] = self.build(value_node, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode) and (tag.__class__ is slice or tag == _SEQ):
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, yaml.ScalarNode):  # pragma: no cover - a ScalarNode subclass
            return _scalar(node, self.file)
        raise _tag_error(node, self.file)

    def _duplicate(self, mapping: yaml.MappingNode, key_node: yaml.Node, key: str) -> InputError:
        first = next(k for k, _ in mapping.value if _key(k, self.file) == key)
        line, column = _position(key_node)
        return InputError.single(
            Message("input.yaml.duplicate", key=Quoted(key), line=_position(first)[0]),
            file=self.file, line=line, column=column,
            hint=Message("input.yaml.duplicate_hint"), code="duplicate-key",
        )


def _marks(root: yaml.Node, file: str) -> dict[tuple, tuple[int, int]]:
    """Positions of every node by path, and of every key under ("<key>", *path).

    Only computed when a message needs a position: a valid file never pays for it.
    """
    marks: dict[tuple, tuple[int, int]] = {}
    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        marks.setdefault(path, _position(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = _key(key_node, file)
                marks.setdefault(("<key>",) + path + (key,), _position(key_node))
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, path + (i,)) for i, child in enumerate(node.value))
    return marks


def decode(raw: bytes, file: str) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is allowed), saying clearly what else it is."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError.single(Message("input.file.utf16"), file=file, code="encoding",
                                hint=Message("input.file.utf16_hint"))
    if b"\x00" in raw[:8192]:
        raise InputError.single(Message("input.file.binary"), file=file, code="binary",
                                hint=Message("input.file.binary_hint"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = Message("input.file.not_utf8_hint")
        try:
            raw.decode("gb18030")
            hint = Message("input.file.gbk_hint")
        except UnicodeDecodeError:
            pass
        raise InputError.single(
            Message("input.file.not_utf8"), file=file, line=line, column=column, hint=hint,
            code="encoding",
        ) from None


def _yaml_problem(exc: yaml.YAMLError, file: str, text: str) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc)
    hint = Message("input.yaml.syntax_hint")
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "tab" in str(problem) or "\t" in bad_line[: max(column, 1) + 1]:
        hint = Message("input.yaml.tab_hint")
    context = getattr(exc, "context", None)  # (the parser's own words, in English)
    message = (Message("input.yaml.syntax_context", problem=str(problem), context=str(context)) if context
               else Message("input.yaml.syntax", problem=str(problem)))
    return InputError.single(message, file=file, line=line, column=column, hint=hint,
                             code="yaml-syntax")


def load_text(text: str, file: str) -> Located:
    """Parse one YAML document from text."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, file, text) from None
    if node is None:
        raise InputError.single(Message("input.file.empty"), file=file, code="empty",
                                hint=Message("input.file.empty_hint"))
    data = _Builder(file).build(node, 0)
    return Located(data, file, node)


def read_input(path: str | Path, display: str | None = None) -> bytes:
    """The bytes of an input file, turning every failure into an InputError.

    Regular files only: a FIFO, device or socket is refused, not read (a FIFO would block
    forever, /dev/zero would never end). The file is opened without blocking and checked
    after opening (what was checked is what is read, even if the name is swapped meanwhile),
    and at most MAX_BYTES + 1 bytes are read whatever its size claims to be.
    """
    # No Path object per file: pathlib interns every part of every path it parses, and the
    # interpreter's table of interned strings never shrinks (about 40 bytes per file of a batch).
    name = display or str(Path(path))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError.single(Message("input.file.not_found"), file=name, code="not-found") from None
    except IsADirectoryError:
        raise _directory(name) from None
    except OSError as exc:  # a socket (ENXIO), no permission, a name too long, a loop of links
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise _special(name, mode) from None
        raise InputError.single(Message("input.file.cannot_read", reason=str(exc.strerror)), file=name,
                                code="io") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _directory(name)
        if not stat.S_ISREG(mode):
            raise _special(name, mode)
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:
            raise InputError.single(Message("input.file.too_large", limit=MAX_BYTES), file=name,
                                    code="too-large", hint=Message("input.file.too_large_hint"))
        return b"".join(chunks)
    except BlockingIOError:  # a regular file never blocks; a file system that says so is a read error
        raise InputError.single(Message("input.file.would_block"), file=name, code="io") from None
    except OSError as exc:  # (the system's reason, in its own words)
        raise InputError.single(Message("input.file.cannot_read", reason=str(exc.strerror)), file=name,
                                code="io") from None
    finally:
        os.close(fd)


def _directory(name: str) -> InputError:
    return InputError.single(Message("input.file.directory"), file=name, code="not-found",
                             hint=Message("input.file.directory_hint"))


def _special(name: str, mode: int) -> InputError:
    kind = ("fifo" if stat.S_ISFIFO(mode) else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "socket" if stat.S_ISSOCK(mode) else "other")
    return InputError.single(Message("input.file.special", kind=Message(f"input.file.{kind}")), file=name,
                             code="not-a-file", hint=Message("input.file.special_hint"))


def load_file(path: str | Path, display: str | None = None) -> Located:
    """Read and parse a YAML file, turning every failure into an InputError."""
    name = display or str(Path(path))
    return load_text(decode(read_input(path, name), name), name)


__all__ = ["Located", "Problem", "load_file", "load_text", "read_input", "decode", "is_date_text"]
