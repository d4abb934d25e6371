"""The default corpus (shipped in the package) and its cached index.

With no ``--index``, commands use an index of ``verifier.corpus``, built on first
use into the user cache directory under a key made of the corpus bytes, the
model and the index format, so it is never rebuilt while nothing changed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from verifier.embed import MODEL_NAME, Embedder
from verifier.errors import IndexLoadError, VerifierError
from verifier.index import FORMAT_VERSION, MANIFEST, build_index, read_manifest, verify_files

CACHE_ENV = "VERIFIER_CACHE_DIR"


def corpus_dir() -> Path:
    return Path(str(resources.files("verifier.corpus")))


def cache_root() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claim-verifier"))


def _corpus_files() -> list[Path]:
    # Everything under the folder that is not Python: whatever load_documents might read
    # (and every sidecar) is part of the key.
    root = corpus_dir()
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    )


def corpus_key() -> str:
    """Hash of the raw corpus files (cheap: no parsing), the model and the index format."""
    h = hashlib.sha256(f"{MODEL_NAME}\x00{FORMAT_VERSION}\x00".encode())
    for path in _corpus_files():
        h.update(str(path.relative_to(corpus_dir())).encode() + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()[:20]


def _usable(directory: Path) -> bool:
    """A cached index that is missing or damaged is rebuilt, never a dead end for the user."""
    try:
        if not (directory / MANIFEST).exists():
            return False
        verify_files(directory, read_manifest(directory))
    except (IndexLoadError, OSError):
        return False
    return True


def _cache_error(root: Path, problem: str) -> VerifierError:
    if os.environ.get(CACHE_ENV):
        return VerifierError(
            f"cache folder {root} (from {CACHE_ENV}) {problem}; point {CACHE_ENV} at a writable folder"
        )
    return VerifierError(f"cache folder {root} {problem}; set {CACHE_ENV} to a writable folder")


def _check_writable(root: Path) -> None:
    """Fail with one line naming the folder, before an index build fails deep inside with a traceback."""
    if root.exists() and not root.is_dir():
        raise _cache_error(root, "is not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
        # Permission bits alone do not say whether we may write (root, ACLs, read-only mounts): try it.
        os.rmdir(tempfile.mkdtemp(dir=root, prefix=".write-test-"))
    except OSError as exc:
        if exc.errno in (errno.EEXIST, errno.ENOTDIR):
            raise _cache_error(root, "is not a folder (a file is in the way)") from None
        raise _cache_error(root, f"cannot be written to ({exc.strerror or exc})") from None


def default_index_dir(
    *, build: bool = True, embedder: Embedder | None = None, progress: bool | None = None
) -> Path:
    root = cache_root()
    directory = root / f"default-{corpus_key()}"
    if build and not _usable(directory):
        _check_writable(root)
        # Our own cache folder: a damaged one is cleared, not refused as "not an index".
        shutil.rmtree(directory, ignore_errors=True)
        from verifier.ingest import load_documents

        docs = load_documents([corpus_dir()])
        try:
            build_index(docs, directory, embedder, progress=progress)
        except OSError as exc:  # a full disk, or a folder made read-only since the check
            raise _cache_error(root, f"cannot be written to ({exc.strerror or exc})") from None
    return directory
