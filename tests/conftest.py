"""Shared fixtures: a small corpus, its index, the default-corpus index, an isolated cache.

The ONNX model and the indexes are built once per session and shared; tests that
damage an index work on a copy (``index_copy``) so the session index stays intact.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from verifier.cache import CACHE_ENV
from verifier.embed import Embedder
from verifier.index import build_index
from verifier.ingest import load_documents
from verifier.types import Document

TROOPS_TXT = """Coalition troops in Iraq

The U.S. has approx. 2,500 troops in Iraq, according to a U.N. report published in March 2024. \
The report was presented to the Security Council in New York.

Officials said the number has not changed since 2023.
"""

WITHDRAWAL_TXT = """The coalition will withdraw from Baghdad and the Ain al-Asad airbase \
by the end of September 2025.
The second phase of the withdrawal is scheduled for September 2026.
"""

WITHDRAWAL_META = {"title": "Coalition to leave Baghdad", "source": "Wire service", "date": "2025-01-15"}

BRIEFS = [
    {
        "doc_id": "brief-budget",
        "title": "Budget brief",
        "source": "Ministry of Finance",
        "date": "2024-06-01",
        # CRLF inside a record: ingestion normalises it, offsets must follow the stored text.
        "text": "The 2024 budget allocates 12.5 billion dollars to defence.\r\n"
        "Spending on schools rose by 3.2 percent.",
    },
    {
        "title": "Weather note",
        "text": "Baghdad recorded 49 degrees Celsius on 2 August. The heatwave lasted nine days.",
    },
]


@dataclass(frozen=True)
class BuiltIndex:
    path: Path
    manifest: dict[str, Any]
    docs: list[Document]


def write_small_corpus(folder: Path) -> Path:
    """Write the small test corpus (4 documents in 3 data files) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "troops.txt").write_bytes(TROOPS_TXT.encode("utf-8"))
    (folder / "withdrawal.txt").write_bytes(WITHDRAWAL_TXT.encode("utf-8"))
    (folder / "withdrawal.meta.json").write_text(json.dumps(WITHDRAWAL_META), encoding="utf-8")
    lines = "".join(json.dumps(record) + "\n" for record in BRIEFS)
    (folder / "briefs.jsonl").write_bytes(lines.encode("utf-8"))
    return folder


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="session")
def run_script() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run one of scripts/ in a fresh interpreter, asserting its exit status (0 unless
    ``status=`` says otherwise); its stderr tail is the failure message."""

    def run(name: str, *args: str, status: int = 0, timeout: int = 600) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, str(SCRIPTS / name), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
            timeout=timeout,
        )
        assert result.returncode == status, result.stderr[-2000:]
        return result

    return run


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Point the default-corpus cache at a session temp dir: tests never touch the user cache.

    Set in ``os.environ``, so ``python -m verifier`` subprocesses inherit it too.
    """
    cache = tmp_path_factory.mktemp("verifier-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CACHE_ENV, str(cache))
        yield cache


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """One ONNX embedder (one model load) for every fixture that builds an index."""
    return Embedder()


@pytest.fixture(scope="session")
def small_corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_corpus(tmp_path_factory.mktemp("small-corpus"))


@pytest.fixture(scope="session")
def built_index(
    tmp_path_factory: pytest.TempPathFactory, small_corpus_dir: Path, embedder: Embedder
) -> BuiltIndex:
    """The small corpus indexed once per session. Read-only: damage a copy (``index_copy``)."""
    docs = load_documents([small_corpus_dir])
    path = tmp_path_factory.mktemp("built") / "index"
    manifest = build_index(docs, path, embedder, progress=False)
    return BuiltIndex(path, manifest, docs)


@pytest.fixture(scope="session")
def seed_index(isolated_cache: Path, embedder: Embedder) -> Path:
    """The index of the package's default corpus, built into the isolated cache.

    Built through :func:`verifier.cache.default_index_dir`, so commands run without
    ``--index`` (in-process or as subprocesses) reuse it instead of building again.
    """
    from verifier.cache import default_index_dir

    path = default_index_dir(embedder=embedder, progress=False)
    assert path.is_relative_to(isolated_cache)
    return path


@pytest.fixture
def index_copy(built_index: BuiltIndex, tmp_path: Path) -> Path:
    """A private copy of the session index that a test may damage or rebuild."""
    target = tmp_path / "index"
    shutil.copytree(built_index.path, target)
    return target
