"""Command-line values converted without pydantic, so that a command starts fast.

Typer (0.2x) converts every parameter value through a pydantic TypeAdapter that it builds on
first use. Importing pydantic and building those adapters costs more than a whole
`ecocheck evaluate` of one file (about 0.2 s of a 0.3 s run). ecocheck's parameters are all of
simple kinds — a flag, str, int (with a lower bound), an Enum of choices, a Path, or a list of one of
these — so we convert well-formed values the way typer's own helpers do (typer's choice and path
functions are called for those kinds) and hand anything else to typer unchanged: an ill-formed
value, and every other kind of parameter, takes typer's own path, so its error messages are
typer's.

This reaches into typer's private `typer.core.build_runtime_param`; when that is not there (an
older or newer typer), `install()` does nothing and typer behaves as it always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin


class _Slow(Exception):
    """This value is not one the fast path is sure about: let typer convert it."""


def install() -> None:
    try:
        from typer import _coercion, core
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:  # pragma: no cover - another typer
        return
    original = getattr(core, "build_runtime_param", None)
    runtime_param = getattr(_coercion, "RuntimeParam", None)
    if original is None or runtime_param is None or getattr(original, "_ecocheck_fast", False):
        return

    def leaf_converter(annotation: Any, info: Any):
        """A function value -> converted value for a simple annotation, or None."""
        if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
            return None
        if annotation is bool or annotation is str:  # flags arrive as bools already; text as str
            def as_given(value: Any, param: Any, ctx: Any) -> Any:
                if type(value) is not annotation:
                    raise _Slow
                return value
            return as_given
        if annotation is int:
            low, high, clamp = info.min, info.max, getattr(info, "clamp", False)
            if clamp:
                return None

            def to_int(value: Any, param: Any, ctx: Any) -> Any:
                if type(value) is int:
                    number = value
                elif type(value) is str and value.isascii() and value.isdigit():
                    number = int(value)
                else:
                    raise _Slow
                if (low is not None and number < low) or (high is not None and number > high):
                    raise _Slow  # typer says what the bound is
                return number
            return to_int
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            choices = tuple(annotation)
            case_sensitive = info.case_sensitive

            def to_choice(value: Any, param: Any, ctx: Any) -> Any:
                try:
                    return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
                except ValueError:
                    raise _Slow from None
            return to_choice
        if annotation is Path and info.path_type is None and not getattr(info, "allow_dash", False):
            def to_path(value: Any, param: Any, ctx: Any) -> Any:
                if isinstance(value, Path):
                    path = value
                elif type(value) is str and value:
                    path = Path(value)
                else:
                    raise _Slow
                return coerce_cli_path(path, info, path_type=Path, param=param, ctx=ctx)
            return to_path
        return None

    @dataclass(frozen=True)
    class FastRuntimeParam(runtime_param):  # type: ignore[misc, valid-type]
        convert: Any = None
        many: bool = False
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                if self.many:
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [self.convert(item, param, ctx) for item in items]
                return self.convert(value, param, ctx)
            except _Slow:
                return original(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build_runtime_param(descriptor: Any) -> Any:
        try:
            annotation, info = descriptor.annotation, descriptor.parameter_info
            if descriptor.file_annotation is None:
                many = get_origin(annotation) is list
                leaf = get_args(annotation)[0] if many else annotation
                convert = leaf_converter(leaf, info)
                if convert is not None:
                    return FastRuntimeParam(parameter_info=info, annotation=annotation, convert=convert,
                                            many=many, descriptor=descriptor)
        except Exception:  # pragma: no cover - an unexpected typer internals change
            pass
        return original(descriptor)

    build_runtime_param._ecocheck_fast = True  # type: ignore[attr-defined]
    core.build_runtime_param = build_runtime_param
