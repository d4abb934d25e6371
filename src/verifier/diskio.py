"""Writing an index folder so that a crash never leaves a half-written one under its name.

A new index or update is built in a hidden sibling folder (:func:`make_work_dir`) and then
swapped in whole (:func:`replace_index_dir`: one atomic ``renameat2`` exchange where Linux
offers it, else two renames that a later update undoes if interrupted); single files are
replaced with :func:`write_atomic_text`. It is separate from :mod:`verifier.index` because none
of it depends on what an index contains: the same steps serve building, updating
(:mod:`verifier.update`) and the scripts' and drafts' output files. What counts as an index
folder (its manifest) stays in :mod:`verifier.index`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from verifier.errors import VerifierError


def write_atomic_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_work_dir(directory: Path, purpose: str) -> Path:
    """A new hidden folder beside ``directory`` to build in; an unwritable place is the user's to fix."""
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.{purpose}-"))
    except OSError as exc:
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            problem = f"{exc.filename or directory.parent} is a file, not a folder"
        else:
            problem = f"cannot create a folder in {directory.parent} ({exc.strerror or exc})"
        raise VerifierError(
            f"cannot write the index {directory}: {problem}; choose another --index folder"
        ) from None


def umask_permissions(folder: Path) -> None:
    """Give the folder and its files the modes a plain mkdir/open would (mkdtemp makes 0700)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)
    for path in folder.rglob("*"):
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace_index_dir(tmp: Path, directory: Path) -> None:
    """Put the finished index ``tmp`` where ``directory`` is, never leaving no index there:
    one atomic exchange where Linux offers it, else two renames that recover_index_dir undoes."""
    if exchange(tmp, directory):
        fsync_dir(directory.parent)
        shutil.rmtree(tmp, ignore_errors=True)  # ``tmp`` now holds the old index
        return
    old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
    os.replace(directory, old)
    os.replace(tmp, directory)
    fsync_dir(directory.parent)
    shutil.rmtree(old, ignore_errors=True)


def moved_aside(directory: Path) -> list[Path]:
    """Folders :func:`replace_index_dir` moved ``directory`` to and did not get to remove, newest first."""
    return sorted(
        directory.parent.glob(f".{directory.name}.old-*"), key=lambda p: p.stat().st_mtime, reverse=True
    )


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
