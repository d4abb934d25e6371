"""Add documents to an index, or remove them, without re-embedding the corpus.

Only the new documents are segmented and embedded. Their vectors are appended to the
stored FAISS index (kept vectors are never recomputed); the sentence and document
tables and the BM25 side are rewritten (cheap next to embedding), and the manifest is
rewritten with fresh counts, fingerprint and checksums.

Crash safety: the updated index is written into a new folder beside the old one and
then exchanged with it in one atomic ``renameat2(RENAME_EXCHANGE)`` where the system has
it (Linux), so the index name always points at a whole index; elsewhere the two-rename
swap of :mod:`verifier.index` is used and an interrupted swap is put back on the next
update. Updates of one index are serialised by a lock file beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from verifier.diskio import make_work_dir, replace_index_dir, umask_permissions, write_atomic_text
from verifier.embed import Embedder
from verifier.errors import IndexLoadError, VerifierError
from verifier.index import (
    DOC_FIELDS,
    DOCUMENTS_FILE,
    FAISS_FILE,
    MANIFEST,
    SENTENCES_FILE,
    corpus_fingerprint,
    evidence_texts,
    file_checksums,
    read_manifest,
    recover_index_dir,
    verify_files,
)
from verifier.lexical import build_bm25
from verifier.segment import segment_documents
from verifier.types import Document, Sentence

# What an updated manifest keeps from the old one (build settings), besides what is recomputed.
_RECOMPUTED = ("documents", "sentences", "corpus_fingerprint", "files", "updated_at")


def document_id_for(text: str, prefix: str = "doc") -> str:
    """A stable id for a document that comes without one: its text's hash."""
    digest = hashlib.sha1(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


def add_documents(
    directory: str | Path, docs: Sequence[Document], embedder: Embedder | None = None
) -> dict[str, Any]:
    """Append ``docs`` to the index in ``directory``; return the new manifest.

    Raises :class:`VerifierError` for an id already in the index (remove it first) and for
    documents without any sentence.
    """
    import pyarrow as pa

    if not docs:
        raise VerifierError("no documents to add")
    directory = _resolve(directory)
    with _locked(directory):
        parts = _read(directory)
        existing = set(parts["documents"].column("doc_id").to_pylist())
        seen: set[str] = set()
        for doc in docs:
            if doc.doc_id in existing:
                raise VerifierError(
                    f"document id '{doc.doc_id}' is already in the index; remove it first "
                    f"('verifier index remove {doc.doc_id}') or give the new one another id"
                )
            if doc.doc_id in seen:
                raise VerifierError(f"document id '{doc.doc_id}' is given twice")
            seen.add(doc.doc_id)
        sentences = segment_documents(docs)
        if not sentences:
            raise VerifierError("the new documents contain no sentences to index")
        vectors = (embedder or Embedder()).encode(evidence_texts(sentences, docs))
        index = parts["faiss"]
        index.add(vectors)
        new_sentences = pa.Table.from_pylist(
            [
                {"doc_id": s.doc_id, "sentence_index": s.sentence_index, "start": s.start, "end": s.end,
                 "text": s.text}
                for s in sentences
            ],
            schema=parts["sentences"].schema,
        )  # fmt: skip
        new_docs = pa.Table.from_pylist(
            [{f: getattr(d, f) for f in DOC_FIELDS} for d in docs], schema=parts["documents"].schema
        )
        return _write(
            directory,
            parts["manifest"],
            index,
            pa.concat_tables([parts["sentences"], new_sentences]),
            pa.concat_tables([parts["documents"], new_docs]),
        )


def remove_documents(directory: str | Path, doc_ids: Sequence[str]) -> dict[str, Any]:
    """Drop the documents ``doc_ids`` and their sentences from the index; return the new manifest."""
    import faiss
    import numpy as np
    import pyarrow.compute as pc

    if not doc_ids:
        raise VerifierError("no document ids to remove")
    directory = _resolve(directory)
    with _locked(directory):
        parts = _read(directory)
        existing = set(parts["documents"].column("doc_id").to_pylist())
        unknown = [d for d in doc_ids if d not in existing]
        if unknown:
            raise VerifierError(f"no document with id {', '.join(repr(d) for d in unknown)} in {directory}")
        if existing <= set(doc_ids):
            raise VerifierError(
                "removing every document would leave the index empty; build a new one instead"
            )
        kind = parts["manifest"]["faiss"]["type"]
        if kind != "flat":
            raise VerifierError(
                f"removing documents from a '{kind}' index is not supported; "
                "rebuild it with 'verifier index build'"
            )
        gone = pa_isin(parts["sentences"].column("doc_id"), doc_ids)
        rows = np.flatnonzero(np.asarray(gone.to_numpy(zero_copy_only=False), dtype=bool)).astype(np.int64)
        index = parts["faiss"]
        if len(rows):
            # A flat index compacts in order, so vector i stays the vector of table row i.
            index.remove_ids(faiss.IDSelectorBatch(rows))
        keep_sentences = parts["sentences"].filter(pc.invert(gone))
        keep_docs = parts["documents"].filter(
            pc.invert(pa_isin(parts["documents"].column("doc_id"), doc_ids))
        )
        return _write(directory, parts["manifest"], index, keep_sentences, keep_docs)


def pa_isin(column: Any, values: Sequence[str]) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.is_in(column, value_set=pa.array(list(values), pa.string()))


# ---------------------------------------------------------------- reading and writing


def _resolve(directory: str | Path) -> Path:
    return Path(directory).absolute().resolve()


def _read(directory: Path) -> dict[str, Any]:
    import faiss
    import pyarrow.parquet as pq

    manifest = read_manifest(directory)
    verify_files(directory, manifest)
    try:
        index = faiss.read_index(str(directory / FAISS_FILE))
        sentences = pq.read_table(directory / SENTENCES_FILE)
        documents = pq.read_table(directory / DOCUMENTS_FILE)
    except Exception as exc:  # faiss RuntimeError, pyarrow ArrowInvalid: a damaged index
        raise IndexLoadError(
            f"index {directory} could not be read ({exc.__class__.__name__}); rebuild it"
        ) from None
    if index.ntotal != sentences.num_rows:
        raise IndexLoadError(f"index {directory} is inconsistent (vectors vs sentences); rebuild it")
    return {"manifest": manifest, "faiss": index, "sentences": sentences, "documents": documents}


def _write(
    directory: Path, old: dict[str, Any], index: Any, sentences: Any, documents: Any
) -> dict[str, Any]:
    import faiss
    import pyarrow.parquet as pq

    if index.ntotal != sentences.num_rows:  # a bug, never the user's doing
        raise AssertionError("vectors and sentence rows disagree")
    tmp = make_work_dir(directory, "updating")
    try:
        faiss.write_index(index, str(tmp / FAISS_FILE))
        pq.write_table(sentences, tmp / SENTENCES_FILE)
        pq.write_table(documents, tmp / DOCUMENTS_FILE)
        docs = [Document(**row) for row in documents.select(list(DOC_FIELDS)).to_pylist()]
        if "lexical" in old:
            build_bm25(evidence_texts([Sentence(**row) for row in sentences.to_pylist()], docs), tmp)
        manifest = {k: v for k, v in old.items() if k not in _RECOMPUTED}
        manifest.update(
            documents=documents.num_rows,
            sentences=sentences.num_rows,
            corpus_fingerprint=corpus_fingerprint(docs),
            updated_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            files=file_checksums(tmp),
        )
        write_atomic_text(tmp / MANIFEST, json.dumps(manifest, indent=2) + "\n")
        umask_permissions(tmp)
        _fsync_tree(tmp)
        replace_index_dir(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _fsync_tree(folder: Path) -> None:
    for path in [*folder.rglob("*"), folder]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    import fcntl

    lock_path = directory.parent / f".{directory.name}.lock"
    if not directory.exists() and not directory.parent.is_dir():
        read_manifest(directory)  # says the index does not exist, where a lock file could not be made
    try:
        lock = open(lock_path, "a")
    except OSError as exc:
        raise VerifierError(
            f"cannot update the index {directory}: no lock file can be made in {directory.parent} "
            f"({exc.strerror or exc})"
        ) from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            recover_index_dir(directory)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
