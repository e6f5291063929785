"""The shipped rule library, validated once and then kept between runs.

Checking the rule files (YAML parsing, JSON Schema validation, the meaning checks) costs a few
hundred milliseconds and pulls in jsonschema: more than evaluating a submission. The library
that ships with ecocheck only changes when ecocheck or its rule files change, so the validated
Library is pickled into the user's cache folder and read back on the next start.

The cache key is a hash of everything the result depends on: the rule files' paths and bytes,
the source of the modules that read and build them, the rule-file schema, the ecocheck and Python
versions. A changed byte anywhere means a miss, and a miss just validates the files again. A
rule library given with `--rules` is never cached (it is being written; always check it).

Location: $ECOCHECK_CACHE_DIR, else $XDG_CACHE_HOME/ecocheck, else ~/.cache/ecocheck.
ECOCHECK_CACHE_DIR="" turns the cache off. A cache file that is not owned by the user or that
others can write is ignored (a pickle is only as trustworthy as whoever can write it). Any
failure to read or write the cache is silent: the cache only ever saves time.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # hashlib would load OpenSSL first (milliseconds at every start); blake2 is built in
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

# The stages that read and build a library: any change to their code is a miss.
_CODE_PACKAGES = ("base", "library")


def cache_dir() -> Path | None:
    configured = os.environ.get("ECOCHECK_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ecocheck"


def _key(files: tuple[str, ...]) -> str:
    from ecocheck import __version__

    digest = blake2b(digest_size=20)
    digest.update(f"{__version__}\0{sys.version}\0{pickle.DEFAULT_PROTOCOL}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for stage in _CODE_PACKAGES:
        for module in sorted((package / stage).rglob("*.py")):
            digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes())
    digest.update((package / "schemas" / "rules.schema.json").read_bytes())
    for file in files:
        digest.update(file.encode() + b"\0" + Path(file).read_bytes() + b"\0")
    return digest.hexdigest()


def _path(folder: Path, files: tuple[str, ...]) -> Path:
    where = blake2b("\0".join(files).encode(), digest_size=8).hexdigest()
    return folder / f"library-{where}.pickle"


def _trusted(path: Path) -> bool:
    info = path.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def cached(files: tuple[str, ...], build: Callable[[tuple[str, ...]], Any]) -> Any:
    """build(files), or the result of an earlier build of the very same files and code."""
    folder = cache_dir()
    if folder is None:
        return build(files)
    try:
        key = _key(files)
    except OSError:
        return build(files)
    path = _path(folder, files)
    try:
        if _trusted(path):
            with open(path, "rb") as handle:
                stored_key, library = pickle.load(handle)
            if stored_key == key:
                return library
    except Exception:  # missing, unreadable, truncated, from another version: build afresh
        pass
    library = build(files)
    _store(path, key, library)
    return library


def _store(path: Path, key: str, library: Any) -> None:
    import tempfile  # only when the cache is written (about 5 ms of imports every run otherwise)

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, library), handle, protocol=pickle.DEFAULT_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # a read-only home, a full disk: run without the cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
