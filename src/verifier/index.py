"""The on-disk evidence index: a FAISS file, Parquet tables and a manifest.

Layout of an index directory:
- ``index.faiss``: normalised sentence vectors, inner-product search;
- ``sentences.parquet``: one row per vector (doc_id, sentence_index, start, end, text);
- ``documents.parquet``: document metadata and full text (for context and re-embedding);
- ``manifest.json``: format version, model, FAISS type, counts, corpus fingerprint and
  the size and sha256 of every other file.

A build writes a sibling temporary directory and swaps it into place, so a crash
never leaves a half index under the real name; loading checks the manifest so a
missing, truncated or foreign-model index is a clear :class:`IndexLoadError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from verifier.embed import DIMENSION, MODEL_NAME, Embedder
from verifier.errors import IndexLoadError, VerifierError
from verifier.lexical import BM25_DIR, LexicalIndex, build_bm25
from verifier.segment import segment_documents
from verifier.types import Document, Sentence

# 2: sentences are embedded and BM25-indexed with their document title (evidence_text).
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
FAISS_FILE = "index.faiss"
SENTENCES_FILE = "sentences.parquet"
DOCUMENTS_FILE = "documents.parquet"
DOC_FIELDS = ("doc_id", "title", "source", "date", "url", "path", "text")
# Exact (flat) search up to this many sentences: exact, instant to build, but one query
# scans every vector: p50 ~4 ms at 50k on one core of a busy 2-core machine, 15-21 ms at
# 100k (the vectors no longer fit in cache), ~120 ms at 1M.
FLAT_MAX_SENTENCES = 50_000
# Above it: a 4-bit product-quantiser "fast scan" (128 sub-quantisers of 3 dimensions,
# 64 bytes/vector, scanned with SIMD lookup tables) shortlists k * k_factor candidates,
# re-ranked on 8-bit scalar-quantised vectors (384 bytes/vector): 448 MB for 1M
# sentences, p50 ~6-10 ms per query and recall@10 ~0.97 against flat on 1M random unit
# vectors (scripts/bench.py). HNSW-SQ8 was measured and rejected: on such vectors it
# stays below 0.8 recall@10 even at efSearch 512 (100k), and takes minutes to build.
LARGE_FAISS_TYPE = "pq4fs_sq8"
PQ_SUBQUANTIZERS = 128
PQ_K_FACTOR = 300
PQ_TRAIN_MAX = 50_000  # a seeded sample trains the quantisers: more changes recall by < 0.005
# OpenMP threads FAISS may use. On the 2-core machines this runs on, two threads made a
# single-query flat search ~4x slower and quantiser training ~70x slower (threads
# spin-waiting against the embedder and other processes), and a single query gains
# nothing from more: one thread, for building and serving.
FAISS_THREADS = 1
# Checksums of big files are verified on demand (``index info --verify``) only:
# hashing a multi-GB index would cost more than the query it serves.
VERIFY_ON_LOAD_MAX_BYTES = 256 * 1024 * 1024


def corpus_fingerprint(docs: Sequence[Document]) -> str:
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.doc_id):
        for value in (d.doc_id, d.title, d.source, d.date, d.url, d.text):
            h.update(value.encode("utf-8"))
            h.update(b"\x00")
    return h.hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_checksums(folder: Path) -> dict[str, dict[str, Any]]:
    """Size and sha256 of every file under ``folder`` (nested ones by relative path): the manifest's."""
    return {
        str(path.relative_to(folder)): {"bytes": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def choose_faiss_type(n: int) -> str:
    """Exact flat search for small corpora, PQ fast scan + SQ8 re-ranking for large ones."""
    return "flat" if n <= FLAT_MAX_SENTENCES else LARGE_FAISS_TYPE


def faiss_params(kind: str, n: int) -> dict[str, Any]:
    """What the manifest records about a FAISS index of ``kind`` over ``n`` vectors."""
    params: dict[str, Any] = {"type": kind, "metric": "inner_product"}
    if kind == "hnsw_sq8":
        params.update(m=32, ef_construction=80, ef_search=128)
    elif kind == LARGE_FAISS_TYPE:
        params.update(
            factory=f"PQ{PQ_SUBQUANTIZERS}x4fs,Refine(SQ8)",
            pq_subquantizers=PQ_SUBQUANTIZERS,
            pq_bits=4,
            refine="SQ8",
            k_factor=PQ_K_FACTOR,
            train_vectors=min(n, PQ_TRAIN_MAX),
        )
    elif kind != "flat":
        raise ValueError(f"unknown FAISS index type {kind!r}")
    return params


@contextmanager
def _faiss_threads(n: int) -> Iterator[None]:
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def make_faiss_index(kind: str, vectors: np.ndarray) -> Any:
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    params = faiss_params(kind, len(vectors))
    with _faiss_threads(FAISS_THREADS):
        if kind == "flat":
            index = faiss.IndexFlatIP(DIMENSION)
        elif kind == "hnsw_sq8":
            index = faiss.IndexHNSWSQ(
                DIMENSION, faiss.ScalarQuantizer.QT_8bit, params["m"], faiss.METRIC_INNER_PRODUCT
            )
            index.hnsw.efConstruction = params["ef_construction"]
            index.train(vectors)
            index.hnsw.efSearch = params["ef_search"]
        else:  # LARGE_FAISS_TYPE
            index = faiss.index_factory(DIMENSION, params["factory"], faiss.METRIC_INNER_PRODUCT)
            n_train = params["train_vectors"]
            sample = np.sort(np.random.default_rng(0).choice(len(vectors), n_train, replace=False))
            index.train(vectors[sample])
            index.k_factor = float(params["k_factor"])
        index.add(vectors)
    return index


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


def evidence_text(text: str, title: str) -> str:
    """What the index embeds and BM25-indexes for a sentence: its document's title, then
    the sentence. A sentence seldom names its subject ("It rose 0.8 °C since 1880"); the
    headline does. On the 959 Climate-FEVER *train* claims, evidence recall@5 of the
    fused retrieval went from 0.552 to 0.604 (dense alone 0.512 -> 0.558). Claims are
    embedded as they are; the judge reads the bare sentence."""
    title = " ".join(title.split())
    return f"{title}: {text}" if title else text


def evidence_texts(sentences: Sequence[Sentence], docs: Sequence[Document]) -> list[str]:
    """:func:`evidence_text` of each sentence, titled from its document in ``docs``."""
    titles = {d.doc_id: d.title for d in docs}
    return [evidence_text(s.text, titles.get(s.doc_id, "")) for s in sentences]


def _write_tables(directory: Path, docs: Sequence[Document], sentences: Sequence[Sentence]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sent_table = pa.table(
        {
            "doc_id": pa.array([s.doc_id for s in sentences], pa.string()),
            "sentence_index": pa.array([s.sentence_index for s in sentences], pa.int32()),
            "start": pa.array([s.start for s in sentences], pa.int64()),
            "end": pa.array([s.end for s in sentences], pa.int64()),
            "text": pa.array([s.text for s in sentences], pa.string()),
        }
    )
    pq.write_table(sent_table, directory / SENTENCES_FILE)
    doc_table = pa.table({f: pa.array([getattr(d, f) for d in docs], pa.string()) for f in DOC_FIELDS})
    pq.write_table(doc_table, directory / DOCUMENTS_FILE)


def build_index(
    docs: Sequence[Document],
    directory: str | Path,
    embedder: Embedder | None = None,
    *,
    progress: bool | None = None,
    faiss_type: str | None = None,
) -> dict[str, Any]:
    """Segment, embed and index ``docs`` into ``directory``; return the manifest."""
    if not docs:
        raise IndexLoadError("no documents to index")
    embedder = embedder or Embedder()
    sentences = segment_documents(docs)
    if not sentences:
        raise IndexLoadError("the documents contain no sentences to index")
    vectors = embedder.encode(evidence_texts(sentences, docs), progress=progress)
    return write_index_from_vectors(docs, sentences, vectors, directory, faiss_type=faiss_type)


def write_index_from_vectors(
    docs: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    directory: str | Path,
    *,
    faiss_type: str | None = None,
    lexical: bool = True,
) -> dict[str, Any]:
    """Index precomputed vectors (row i embeds ``evidence_text`` of ``sentences[i]``, L2-normalised)
    into ``directory``.

    The same files, manifest and atomic swap as :func:`build_index`, without segmenting or
    embedding: for vectors computed elsewhere, and for ``scripts/bench.py``'s synthetic
    corpora. ``lexical=False`` leaves out the BM25 side (the manifest then has none).
    """
    import faiss

    if not docs or not sentences:
        raise IndexLoadError("no documents or sentences to index")
    if vectors.shape != (len(sentences), DIMENSION):
        raise ValueError(f"vectors have shape {vectors.shape}, expected ({len(sentences)}, {DIMENSION})")
    directory = Path(directory).absolute().resolve()
    kind = faiss_type or choose_faiss_type(len(sentences))
    tmp = make_work_dir(directory, "building")
    try:
        faiss.write_index(make_faiss_index(kind, vectors), str(tmp / FAISS_FILE))
        _write_tables(tmp, docs, sentences)
        if lexical:
            build_bm25(evidence_texts(sentences, docs), tmp)
        manifest: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "model": {"name": MODEL_NAME, "dimension": DIMENSION, "normalized": True},
            "faiss": faiss_params(kind, len(sentences)),
            "documents": len(docs),
            "sentences": len(sentences),
            "corpus_fingerprint": corpus_fingerprint(docs),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        if lexical:
            manifest["lexical"] = {"type": "bm25", "folder": BM25_DIR}
        manifest["files"] = file_checksums(tmp)
        write_atomic_text(tmp / MANIFEST, json.dumps(manifest, indent=2) + "\n")
        _umask_permissions(tmp)
        _swap_into_place(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


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


def _umask_permissions(folder: Path) -> None:
    """Give the folder and its files the modes a plain mkdir/open would (mkdtemp makes 0700)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)
    for path in folder.rglob("*"):
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


def check_target(directory: Path) -> None:
    """Refuse a destination an index may not replace, before any work is done for it."""
    if directory.exists() and not directory.is_dir():
        raise IndexLoadError(f"{directory} exists and is not a directory")
    if directory.exists() and any(directory.iterdir()) and not (directory / MANIFEST).exists():
        # Refuse to replace a folder that is not one of our indexes: it may hold the user's files.
        raise IndexLoadError(f"{directory} is not empty and is not an index; choose another --index folder")


def _swap_into_place(tmp: Path, directory: Path) -> None:
    check_target(directory)  # again: the folder may have changed while the index was built
    if directory.exists():
        replace_index_dir(tmp, directory)
    else:
        os.replace(tmp, directory)
        _fsync_dir(directory.parent)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
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
    if _exchange(tmp, directory):
        _fsync_dir(directory.parent)
        shutil.rmtree(tmp, ignore_errors=True)  # ``tmp`` now holds the old index
        return
    old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
    os.replace(directory, old)
    os.replace(tmp, directory)
    _fsync_dir(directory.parent)
    shutil.rmtree(old, ignore_errors=True)


def recover_index_dir(directory: Path) -> None:
    """Put back an index whose two-rename swap was interrupted between the renames."""
    if directory.exists():
        return
    olds = sorted(
        directory.parent.glob(f".{directory.name}.old-*"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in olds:
        if (old / MANIFEST).is_file():
            os.replace(old, directory)
            return


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_manifest(directory: str | Path) -> dict[str, Any]:
    directory = Path(directory)
    if not directory.exists():
        raise IndexLoadError(
            f"index folder {directory} does not exist; build one with 'verifier index build'"
        )
    if not directory.is_dir():
        raise IndexLoadError(f"{directory} is not an index folder")
    path = directory / MANIFEST
    if not path.exists():
        raise IndexLoadError(
            f"{directory} is not an index (no {MANIFEST}); build one with 'verifier index build'"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexLoadError(
            f"{path} is unreadable or corrupt ({exc.__class__.__name__}); rebuild the index"
        ) from None
    if not _manifest_shape_ok(manifest):
        raise IndexLoadError(f"{path} is not a verifier index manifest; rebuild the index")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexLoadError(
            f"{directory} uses index format {manifest.get('format_version')!r}, this verifier reads "
            f"{FORMAT_VERSION}; rebuild the index"
        )
    model = manifest.get("model") or {}
    if model.get("name") != MODEL_NAME or model.get("dimension") != DIMENSION:
        raise IndexLoadError(
            f"{directory} was built with model {model.get('name')!r} (dimension {model.get('dimension')}), "
            f"not {MODEL_NAME}; rebuild it with 'verifier index build'"
        )
    return manifest


def _manifest_shape_ok(manifest: Any) -> bool:
    if not isinstance(manifest, dict):
        return False
    files, model, faiss_info = manifest.get("files"), manifest.get("model"), manifest.get("faiss")
    return (
        isinstance(files, dict)
        and all(isinstance(m, dict) and isinstance(m.get("bytes"), int) for m in files.values())
        and isinstance(model, dict)
        and isinstance(faiss_info, dict)
        and isinstance(faiss_info.get("type"), str)
        and all(isinstance(manifest.get(k), int) for k in ("documents", "sentences"))
    )


def verify_files(directory: Path, manifest: dict[str, Any], *, checksums: bool | None = None) -> None:
    files = manifest["files"]
    total = sum(int(meta.get("bytes", 0)) for meta in files.values())
    if checksums is None:
        checksums = total <= VERIFY_ON_LOAD_MAX_BYTES
    for name, meta in files.items():
        path = directory / name
        if not path.exists():
            raise IndexLoadError(f"index {directory} is incomplete: {name} is missing; rebuild the index")
        size = path.stat().st_size
        if size != meta.get("bytes"):
            raise IndexLoadError(
                f"index {directory} is damaged: {name} has {size} bytes, the manifest says "
                f"{meta.get('bytes')}; rebuild the index"
            )
        if checksums and _sha256(path) != meta.get("sha256"):
            raise IndexLoadError(
                f"index {directory} is damaged: {name} fails its checksum; rebuild the index"
            )


@dataclass
class EvidenceIndex:
    """A loaded index: FAISS vectors plus the sentence and document tables."""

    directory: Path
    manifest: dict[str, Any]
    faiss_index: Any
    sentences: Any  # pyarrow.Table
    documents: dict[str, dict[str, str]]
    _doc_rows: tuple[np.ndarray, np.ndarray] | None = None
    _lexical: LexicalIndex | None = None

    @classmethod
    def load(cls, directory: str | Path) -> EvidenceIndex:
        import faiss
        import pyarrow.parquet as pq

        directory = Path(directory)
        manifest = read_manifest(directory)
        verify_files(directory, manifest)
        try:
            index = faiss.read_index(str(directory / FAISS_FILE))
            sentences = pq.read_table(directory / SENTENCES_FILE)
            doc_table = pq.read_table(directory / DOCUMENTS_FILE).to_pydict()
        except Exception as exc:  # faiss raises RuntimeError, pyarrow ArrowInvalid: both mean "damaged"
            raise IndexLoadError(
                f"index {directory} could not be read ({exc.__class__.__name__}); rebuild it"
            ) from None
        if index.d != DIMENSION or index.ntotal != sentences.num_rows:
            raise IndexLoadError(f"index {directory} is inconsistent (vectors vs sentences); rebuild it")
        faiss_meta = manifest["faiss"]
        faiss.omp_set_num_threads(FAISS_THREADS)
        if "hnsw" in faiss_meta["type"]:
            index.hnsw.efSearch = int(faiss_meta.get("ef_search", 128))
        elif faiss_meta["type"] == LARGE_FAISS_TYPE:
            index.k_factor = float(faiss_meta.get("k_factor", PQ_K_FACTOR))
        documents = {
            doc_id: {f: doc_table[f][i] for f in DOC_FIELDS} for i, doc_id in enumerate(doc_table["doc_id"])
        }
        return cls(directory, manifest, index, sentences, documents)

    @property
    def lexical(self) -> LexicalIndex | None:
        """The BM25 side of the index, loaded on first use (None for an index without one)."""
        if self._lexical is None and "lexical" in self.manifest:
            try:
                self._lexical = LexicalIndex(self.directory, len(self))
            except (OSError, ValueError, KeyError) as exc:
                raise IndexLoadError(
                    f"index {self.directory} has a damaged BM25 part ({exc.__class__.__name__}); rebuild it"
                ) from None
        return self._lexical

    def vectors_of(self, rows: Sequence[int]) -> np.ndarray:
        return np.vstack([self.faiss_index.reconstruct(int(r)) for r in rows]).astype(np.float32)

    def __len__(self) -> int:
        return int(self.sentences.num_rows)

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = max(1, min(k, len(self)))
        scores, rows = self.faiss_index.search(np.ascontiguousarray(vectors, dtype=np.float32), k)
        return scores, rows

    def rows_of_documents(self, doc_ids: Sequence[str]) -> np.ndarray:
        """Table rows (= vector ids) of every sentence of the given documents."""
        if self._doc_rows is None:
            ids = self.sentences.column("doc_id").to_numpy(zero_copy_only=False).astype(str)
            order = np.argsort(ids, kind="stable")
            self._doc_rows = (ids[order], order)
        sorted_ids, order = self._doc_rows
        parts = []
        for doc_id in doc_ids:
            lo = np.searchsorted(sorted_ids, doc_id, side="left")
            hi = np.searchsorted(sorted_ids, doc_id, side="right")
            parts.append(order[lo:hi])
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)

    def search_within(self, vector: np.ndarray, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Search one query among the given rows only (judging a claim against its own documents)."""
        if len(rows) == 0:
            return np.zeros((1, 0), dtype=np.float32), np.zeros((1, 0), dtype=np.int64)
        sims = self.vectors_of(rows) @ np.asarray(vector, dtype=np.float32).reshape(-1)
        top = np.argsort(-sims, kind="stable")[:k]
        return sims[top][None, :].astype(np.float32), rows[top][None, :]

    def sentence_rows(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        if len(rows) == 0:
            return []
        return self.sentences.take(list(rows)).to_pylist()

    def all_texts(self) -> list[str]:
        return self.sentences.column("text").to_pylist()

    def size_on_disk(self) -> int:
        return sum(p.stat().st_size for p in self.directory.rglob("*") if p.is_file())
