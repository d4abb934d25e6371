"""Tests for verifier.index and verifier.cache: manifest, offsets, load errors, atomic builds, cache."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import verifier.cache
import verifier.index
from verifier.embed import DIMENSION, MODEL_NAME, Embedder
from verifier.errors import IndexLoadError, VerifierError
from verifier.index import (
    DOCUMENTS_FILE,
    FAISS_FILE,
    FORMAT_VERSION,
    MANIFEST,
    SENTENCES_FILE,
    EvidenceIndex,
    build_index,
    corpus_fingerprint,
    read_manifest,
    verify_files,
)
from verifier.ingest import load_documents
from verifier.types import Document

INDEX_FILES = (FAISS_FILE, SENTENCES_FILE, DOCUMENTS_FILE)
BM25_FILES = {
    f"bm25/{name}"
    for name in (
        "data.csc.index.npy",
        "indices.csc.index.npy",
        "indptr.csc.index.npy",
        "params.index.json",
        "vocab.index.json",
    )
}
TOP_LEVEL = sorted([*INDEX_FILES, MANIFEST, "bm25"])


def temp_leftovers(parent: Path) -> list[str]:
    """Names of build/swap temp dirs (``.X.building-*``, ``.X.old-*``) left in ``parent``."""
    return sorted(p.name for p in parent.iterdir() if ".building-" in p.name or ".old-" in p.name)


def edit_manifest(directory: Path, change: Callable[[dict], None]) -> None:
    path = directory / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def sentence_rows(directory: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(directory / SENTENCES_FILE).to_pylist()


def stored_doc_ids(directory: Path) -> list[str]:
    import pyarrow.parquet as pq

    return pq.read_table(directory / DOCUMENTS_FILE).column("doc_id").to_pylist()


# --- manifest ---------------------------------------------------------------------------


def test_manifest_describes_the_index(built_index) -> None:
    path, manifest, docs = built_index.path, built_index.manifest, built_index.docs
    on_disk = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    assert on_disk == manifest
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"]["name"] == MODEL_NAME
    assert manifest["model"]["dimension"] == DIMENSION == 384
    assert manifest["model"]["normalized"] is True
    assert manifest["documents"] == len(docs) == 4
    assert manifest["sentences"] == len(sentence_rows(path))
    assert manifest["sentences"] >= 8
    assert manifest["corpus_fingerprint"] == corpus_fingerprint(docs)
    assert len(manifest["corpus_fingerprint"]) == 64
    assert manifest["faiss"] == {"type": "flat", "metric": "inner_product"}
    assert manifest["built_at"].endswith("Z")
    assert set(manifest["files"]) == set(INDEX_FILES) | BM25_FILES
    for name, meta in manifest["files"].items():
        data = (path / name).read_bytes()
        assert meta["bytes"] == len(data) > 0
        assert meta["sha256"] == hashlib.sha256(data).hexdigest()
    assert sorted(p.name for p in path.iterdir()) == TOP_LEVEL
    assert read_manifest(path) == manifest
    verify_files(path, manifest, checksums=True)


def test_fingerprint_ignores_document_order_but_not_content(built_index) -> None:
    docs = built_index.docs
    assert corpus_fingerprint(list(reversed(docs))) == corpus_fingerprint(docs)
    changed = [Document(d.doc_id, d.text + " More.", d.title, d.source, d.date, d.url) for d in docs]
    assert corpus_fingerprint(changed) != corpus_fingerprint(docs)


# --- sentence table ---------------------------------------------------------------------


def check_offsets(directory: Path, docs: list[Document]) -> list[dict]:
    by_id = {d.doc_id: d for d in docs}
    rows = sentence_rows(directory)
    assert rows
    for row in rows:
        doc = by_id[row["doc_id"]]
        assert 0 <= row["start"] < row["end"] <= len(doc.text)
        assert doc.text[row["start"] : row["end"]] == row["text"], row
        assert row["text"] == row["text"].strip()
    # sentence_index counts 0.. within each document, in text order
    for doc_id in by_id:
        mine = [r for r in rows if r["doc_id"] == doc_id]
        assert [r["sentence_index"] for r in mine] == list(range(len(mine)))
        assert [r["start"] for r in mine] == sorted(r["start"] for r in mine)
    return rows


def test_sentence_offsets_index_into_document_text(built_index) -> None:
    rows = check_offsets(built_index.path, built_index.docs)
    texts = [r["text"] for r in rows]
    # abbreviations and thousands separators do not split a sentence
    un = [t for t in texts if "approx. 2,500" in t]
    assert un == [
        "The U.S. has approx. 2,500 troops in Iraq, according to a U.N. report published in March 2024."
    ]
    assert "Coalition troops in Iraq" in texts  # the heading is its own sentence
    assert "The 2024 budget allocates 12.5 billion dollars to defence." in texts
    assert not any("\r" in t for t in texts)


def test_seed_index_offsets_index_into_document_text(seed_index: Path) -> None:
    docs = load_documents([verifier.cache.corpus_dir()])
    manifest = read_manifest(seed_index)
    assert manifest["documents"] == len(docs)
    assert manifest["corpus_fingerprint"] == corpus_fingerprint(docs)
    check_offsets(seed_index, docs)


def test_documents_table_keeps_metadata(built_index) -> None:
    index = EvidenceIndex.load(built_index.path)
    for doc in built_index.docs:
        stored = index.documents[doc.doc_id]
        assert stored["text"] == doc.text
        assert (stored["title"], stored["source"], stored["date"]) == (doc.title, doc.source, doc.date)
    assert index.documents["withdrawal"]["source"] == "Wire service"
    assert index.documents["withdrawal"]["date"] == "2025-01-15"
    assert index.documents["brief-budget"]["title"] == "Budget brief"


# --- load -------------------------------------------------------------------------------


def test_load_and_search(built_index, embedder: Embedder) -> None:
    index = EvidenceIndex.load(built_index.path)
    assert index.manifest == built_index.manifest
    assert len(index) == built_index.manifest["sentences"] == index.faiss_index.ntotal
    assert index.faiss_index.d == DIMENSION
    assert set(index.documents) == {d.doc_id for d in built_index.docs}
    assert index.size_on_disk() == sum(
        (built_index.path / n).stat().st_size for n in [*INDEX_FILES, *BM25_FILES, MANIFEST]
    )
    scores, rows = index.search(embedder.encode(["How many US troops are in Iraq?"]), 3)
    assert rows.shape == (1, 3)
    best = index.sentence_rows([int(rows[0][0])])[0]
    assert "2,500 troops" in best["text"]
    assert scores[0][0] >= scores[0][1] >= scores[0][2]
    # k larger than the index is clamped
    _, rows = index.search(embedder.encode(["anything"]), 1000)
    assert rows.shape == (1, len(index))


def truncate_half(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.truncate(size // 2)


def _missing_folder(d: Path) -> Path:
    shutil.rmtree(d)
    return d


def _empty_folder(d: Path) -> Path:
    shutil.rmtree(d)
    d.mkdir()
    return d


def _missing_manifest(d: Path) -> Path:
    (d / MANIFEST).unlink()
    return d


def _corrupt_manifest(d: Path) -> Path:
    (d / MANIFEST).write_text('{"format_version": 1, "model": {', encoding="utf-8")
    return d


def _not_a_manifest(d: Path) -> Path:
    (d / MANIFEST).write_text("[1, 2, 3]", encoding="utf-8")
    return d


def _binary_manifest(d: Path) -> Path:
    (d / MANIFEST).write_bytes(b"\xff\xfe\x00garbage")
    return d


def _truncated_faiss(d: Path) -> Path:
    truncate_half(d / FAISS_FILE)
    return d


def _missing_sentences(d: Path) -> Path:
    (d / SENTENCES_FILE).unlink()
    return d


def _foreign_model(d: Path) -> Path:
    def change(m: dict) -> None:
        m["model"]["name"] = "other/model"
        m["model"]["dimension"] = 768

    edit_manifest(d, change)
    return d


def _future_format(d: Path) -> Path:
    edit_manifest(d, lambda m: m.update(format_version=99))
    return d


def _flipped_byte_sentences(d: Path) -> Path:
    data = bytearray((d / SENTENCES_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, different content: only the checksum sees it
    (d / SENTENCES_FILE).write_bytes(bytes(data))
    return d


def _truncated_faiss_manifest_updated(d: Path) -> Path:
    """A truncated FAISS file whose manifest entry matches it: the FAISS reader itself must fail."""
    truncate_half(d / FAISS_FILE)
    data = (d / FAISS_FILE).read_bytes()

    def change(m: dict) -> None:
        m["files"][FAISS_FILE] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    edit_manifest(d, change)
    return d


def _a_file(d: Path) -> Path:
    shutil.rmtree(d)
    d.write_text("not an index", encoding="utf-8")
    return d


LOAD_ERRORS = {
    "missing folder": (_missing_folder, ["does not exist", "verifier index build"]),
    "empty folder": (_empty_folder, ["is not an index", MANIFEST]),
    "missing manifest": (_missing_manifest, ["is not an index", MANIFEST]),
    "corrupt manifest json": (_corrupt_manifest, ["corrupt", "rebuild"]),
    "manifest not an object": (_not_a_manifest, ["not a verifier index manifest"]),
    "manifest not utf-8": (_binary_manifest, ["corrupt", "rebuild"]),
    "truncated faiss": (_truncated_faiss, ["damaged", FAISS_FILE, "rebuild"]),
    "truncated faiss, manifest matching": (
        _truncated_faiss_manifest_updated,
        ["could not be read", "rebuild"],
    ),
    "missing sentences": (_missing_sentences, [SENTENCES_FILE, "missing", "rebuild"]),
    "changed sentences bytes": (_flipped_byte_sentences, [SENTENCES_FILE, "checksum", "rebuild"]),
    "foreign model": (_foreign_model, ["other/model", "768", MODEL_NAME, "rebuild"]),
    "other format version": (_future_format, ["format 99", "rebuild"]),
    "a file, not a folder": (_a_file, ["not an index folder"]),
}


@pytest.mark.parametrize("case", list(LOAD_ERRORS))
def test_load_errors_are_clear_index_load_errors(index_copy: Path, case: str) -> None:
    damage, fragments = LOAD_ERRORS[case]
    directory = damage(index_copy)
    with pytest.raises(IndexLoadError) as info:
        EvidenceIndex.load(directory)
    assert isinstance(info.value, VerifierError)
    message = str(info.value)
    assert "\n" not in message
    assert str(directory) in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_big_index_skips_checksum_on_load_but_not_on_verify(index_copy: Path, monkeypatch) -> None:
    _flipped_byte_sentences(index_copy)
    monkeypatch.setattr(verifier.index, "VERIFY_ON_LOAD_MAX_BYTES", 10)
    manifest = read_manifest(index_copy)
    verify_files(index_copy, manifest)  # size matches and hashing is skipped
    with pytest.raises(IndexLoadError, match="checksum"):
        verify_files(index_copy, manifest, checksums=True)


# --- building ---------------------------------------------------------------------------


def test_build_refuses_nothing_to_index(tmp_path: Path, embedder: Embedder) -> None:
    with pytest.raises(IndexLoadError, match="no documents"):
        build_index([], tmp_path / "idx", embedder)
    with pytest.raises(IndexLoadError, match="no sentences"):
        build_index([Document("blank", "   \n\n  ")], tmp_path / "idx", embedder)
    assert list(tmp_path.iterdir()) == []


def test_rebuild_replaces_existing_index_atomically(index_copy: Path, embedder: Embedder) -> None:
    old_manifest = read_manifest(index_copy)
    (index_copy / "stale-extra-file.bin").write_bytes(b"old")
    docs = [Document("only", "A single new document. It has two sentences.", "New")]
    manifest = build_index(docs, index_copy, embedder, progress=False)
    assert manifest["corpus_fingerprint"] != old_manifest["corpus_fingerprint"]
    assert manifest["documents"] == 1 and manifest["sentences"] == 2
    assert sorted(p.name for p in index_copy.iterdir()) == TOP_LEVEL
    index = EvidenceIndex.load(index_copy)
    assert list(index.documents) == ["only"]
    assert index.all_texts() == ["A single new document.", "It has two sentences."]
    assert temp_leftovers(index_copy.parent) == []


def test_build_into_existing_empty_folder(tmp_path: Path, embedder: Embedder) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    build_index([Document("d", "One sentence here.")], target, embedder, progress=False)
    assert EvidenceIndex.load(target).all_texts() == ["One sentence here."]
    assert temp_leftovers(tmp_path) == []


def test_build_creates_missing_parents(tmp_path: Path, embedder: Embedder) -> None:
    target = tmp_path / "a" / "b" / "idx"
    build_index([Document("d", "One sentence here.")], target, embedder, progress=False)
    assert len(EvidenceIndex.load(target)) == 1


def test_build_refuses_a_non_index_folder_and_leaves_user_files(tmp_path: Path, embedder: Embedder) -> None:
    target = tmp_path / "my-documents"
    (target / "sub").mkdir(parents=True)
    (target / "thesis.txt").write_text("My only copy.", encoding="utf-8")
    (target / "sub" / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    with pytest.raises(IndexLoadError, match="not empty and is not an index") as info:
        build_index([Document("d", "One sentence here.")], target, embedder, progress=False)
    assert "\n" not in str(info.value)
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-documents"]


def test_build_refuses_a_file_as_target(tmp_path: Path, embedder: Embedder) -> None:
    target = tmp_path / "index"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="not a directory"):
        build_index([Document("d", "One sentence here.")], target, embedder, progress=False)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


def test_doc_ids_and_fingerprint_are_stable_across_builds(
    built_index, small_corpus_dir: Path, tmp_path: Path, embedder: Embedder
) -> None:
    docs = load_documents([small_corpus_dir])
    assert [d.doc_id for d in docs] == [d.doc_id for d in built_index.docs]
    ids = [d.doc_id for d in docs]
    assert ids[:1] == ["brief-budget"] and "troops" in ids and "withdrawal" in ids
    assert any(i.startswith("briefs-") and len(i) == len("briefs-") + 12 for i in ids)
    manifest = build_index(docs, tmp_path / "again", embedder, progress=False)
    assert manifest["corpus_fingerprint"] == built_index.manifest["corpus_fingerprint"]
    assert stored_doc_ids(tmp_path / "again") == stored_doc_ids(built_index.path) == ids
    assert sentence_rows(tmp_path / "again") == sentence_rows(built_index.path)
    for name in (SENTENCES_FILE, DOCUMENTS_FILE):
        assert manifest["files"][name]["sha256"] == built_index.manifest["files"][name]["sha256"]


def test_crash_during_build_keeps_previous_index(index_copy: Path, embedder: Embedder, monkeypatch) -> None:
    before = read_manifest(index_copy)
    before_bytes = {n: (index_copy / n).read_bytes() for n in [*INDEX_FILES, MANIFEST]}

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(verifier.index, "_write_tables", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        build_index([Document("new", "A replacement document.")], index_copy, embedder, progress=False)
    assert temp_leftovers(index_copy.parent) == []
    assert {n: (index_copy / n).read_bytes() for n in before_bytes} == before_bytes
    index = EvidenceIndex.load(index_copy)
    assert index.manifest == before
    assert "new" not in index.documents


def test_interrupt_during_build_leaves_no_temp_dir(tmp_path: Path, embedder: Embedder, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(verifier.index, "_write_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_index([Document("d", "One sentence here.")], tmp_path / "idx", embedder, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_build_into_current_empty_folder(tmp_path: Path, embedder: Embedder, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    build_index([Document("d", "One sentence here.")], Path("."), embedder, progress=False)
    assert len(EvidenceIndex.load(tmp_path)) == 1


def test_rebuild_current_folder_index(index_copy: Path, embedder: Embedder, monkeypatch) -> None:
    monkeypatch.chdir(index_copy)
    build_index([Document("d", "One sentence here.")], Path("."), embedder, progress=False)
    assert len(EvidenceIndex.load(index_copy)) == 1


def test_build_through_symlink_leaves_no_temp_entries(tmp_path: Path, embedder: Embedder) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    build_index([Document("d", "One sentence here.")], tmp_path / "link", embedder, progress=False)
    assert len(EvidenceIndex.load(tmp_path / "link")) == 1
    assert temp_leftovers(tmp_path) == []


def _drop_faiss_section(m: dict) -> None:
    del m["faiss"]


def _files_as_list(m: dict) -> None:
    m["files"] = []


def _model_as_string(m: dict) -> None:
    m["model"] = MODEL_NAME


@pytest.mark.parametrize("change", [_drop_faiss_section, _files_as_list, _model_as_string])
def test_malformed_manifest_is_an_index_load_error(index_copy: Path, change) -> None:
    edit_manifest(index_copy, change)
    with pytest.raises(IndexLoadError):
        EvidenceIndex.load(index_copy)


# --- default corpus cache ---------------------------------------------------------------


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(verifier.cache.CACHE_ENV, str(cache))
    return cache


@pytest.fixture
def count_builds(monkeypatch, embedder: Embedder) -> list[Path]:
    """Record every build the cache starts (and build with the shared embedder)."""
    calls: list[Path] = []
    real = verifier.cache.build_index

    def spy(docs, directory, embedder_=None, **kwargs):
        calls.append(Path(directory))
        return real(docs, directory, embedder, **kwargs)

    monkeypatch.setattr(verifier.cache, "build_index", spy)
    return calls


def test_session_cache_is_isolated(isolated_cache: Path) -> None:
    assert os.environ[verifier.cache.CACHE_ENV] == str(isolated_cache)
    assert verifier.cache.cache_root() == isolated_cache


def test_default_index_is_built_once(fresh_cache: Path, count_builds: list[Path]) -> None:
    first = verifier.cache.default_index_dir(progress=False)
    assert first.parent == fresh_cache
    assert first.name == f"default-{verifier.cache.corpus_key()}"
    assert count_builds == [first]
    manifest = read_manifest(first)
    mtime = (first / MANIFEST).stat().st_mtime_ns
    assert manifest["corpus_fingerprint"] == corpus_fingerprint(load_documents([verifier.cache.corpus_dir()]))

    second = verifier.cache.default_index_dir(progress=False)
    assert second == first
    assert count_builds == [first]  # no second build
    assert read_manifest(second)["built_at"] == manifest["built_at"]
    assert (second / MANIFEST).stat().st_mtime_ns == mtime
    assert sorted(p.name for p in fresh_cache.iterdir()) == [first.name]
    assert len(EvidenceIndex.load(second)) == manifest["sentences"]


def test_default_index_dir_without_build_only_names_it(fresh_cache: Path, count_builds: list[Path]) -> None:
    path = verifier.cache.default_index_dir(build=False)
    assert path.parent == fresh_cache
    assert not path.exists()
    assert count_builds == []


def test_cache_key_changes_with_model(fresh_cache: Path, monkeypatch) -> None:
    key = verifier.cache.corpus_key()
    path = verifier.cache.default_index_dir(build=False)
    assert key == verifier.cache.corpus_key()  # deterministic
    monkeypatch.setattr(verifier.cache, "MODEL_NAME", "other/model")
    assert verifier.cache.corpus_key() != key
    assert verifier.cache.default_index_dir(build=False) != path


def test_cache_key_changes_with_corpus_bytes(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(verifier.cache.corpus_dir(), corpus)
    monkeypatch.setattr(verifier.cache, "corpus_dir", lambda: corpus)
    key = verifier.cache.corpus_key()
    txt = next(corpus.glob("*.txt"))
    txt.write_bytes(txt.read_bytes() + b"\nOne more sentence.\n")
    assert verifier.cache.corpus_key() != key


def test_cache_key_changes_with_any_indexed_file(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(verifier.cache.corpus_dir(), corpus)
    shipped = len(load_documents([corpus]))
    monkeypatch.setattr(verifier.cache, "corpus_dir", lambda: corpus)
    key = verifier.cache.corpus_key()
    (corpus / "extra.jsonl").write_text('{"text": "A new indexed fact."}\n', encoding="utf-8")
    assert len(load_documents([verifier.cache.corpus_dir()])) == shipped + 1  # it is indexed...
    assert verifier.cache.corpus_key() != key  # ...so a stale cached index must not be reused


def test_damaged_cached_default_index_is_rebuilt(fresh_cache: Path, count_builds: list[Path]) -> None:
    first = verifier.cache.default_index_dir(progress=False)
    faiss_file = first / "index.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])
    again = verifier.cache.default_index_dir(progress=False)
    assert again == first
    assert count_builds == [first, first]
    assert len(EvidenceIndex.load(again)) > 0


def test_index_files_are_readable_by_others_as_umask_allows(tmp_path: Path, embedder: Embedder) -> None:
    old = os.umask(0o022)
    try:
        build_index([Document("d", "One sentence here.")], tmp_path / "idx", embedder, progress=False)
    finally:
        os.umask(old)
    assert (tmp_path / "idx").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "idx" / MANIFEST).stat().st_mode & 0o777 == 0o644


# --- an unusable cache folder -------------------------------------------------------------------


def test_cache_dir_that_is_a_file_is_a_one_line_error(tmp_path: Path, monkeypatch, count_builds) -> None:
    blocker = tmp_path / "cf"
    blocker.write_text("x\n", encoding="utf-8")
    for root, problem in [
        (blocker, "is not a folder"),
        (blocker / "sub", "is not a folder (a file is in the way)"),
    ]:
        monkeypatch.setenv(verifier.cache.CACHE_ENV, str(root))
        with pytest.raises(VerifierError) as info:
            verifier.cache.default_index_dir(progress=False)
        assert str(info.value) == (
            f"cache folder {root} (from VERIFIER_CACHE_DIR) {problem}; "
            "point VERIFIER_CACHE_DIR at a writable folder"
        )
    assert count_builds == [] and blocker.read_text(encoding="utf-8") == "x\n"


def _refuse_write(**kwargs):
    raise PermissionError(13, "Permission denied")


def test_read_only_cache_dir_is_a_one_line_error(fresh_cache: Path, monkeypatch, count_builds) -> None:
    # Root ignores permission bits, so a chmod alone proves nothing when the tests run as root.
    monkeypatch.setattr(verifier.cache.tempfile, "mkdtemp", _refuse_write)
    with pytest.raises(
        VerifierError,
        match=r"cache folder .*cache \(from VERIFIER_CACHE_DIR\) cannot be "
        r"written to \(Permission denied\); point VERIFIER_CACHE_DIR at a writable folder",
    ):
        verifier.cache.default_index_dir(progress=False)
    assert count_builds == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_read_only_cache_dir_for_real(fresh_cache: Path) -> None:
    fresh_cache.mkdir()
    fresh_cache.chmod(0o555)
    try:
        with pytest.raises(VerifierError, match="cannot be written to"):
            verifier.cache.default_index_dir(progress=False)
    finally:
        fresh_cache.chmod(0o755)


def test_read_only_cache_with_a_built_index_is_still_used(
    fresh_cache: Path, monkeypatch, count_builds
) -> None:
    first = verifier.cache.default_index_dir(progress=False)
    monkeypatch.setattr(verifier.cache.tempfile, "mkdtemp", _refuse_write)
    assert verifier.cache.default_index_dir(progress=False) == first
    assert count_builds == [first]


def test_cache_write_failure_during_build_names_the_folder(fresh_cache: Path, monkeypatch) -> None:
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(verifier.cache, "build_index", full_disk)
    with pytest.raises(VerifierError, match=r"cannot be written to \(No space left on device\)"):
        verifier.cache.default_index_dir(progress=False)


def test_default_cache_folder_error_says_to_set_the_variable(tmp_path: Path, monkeypatch) -> None:
    import platformdirs

    blocker = tmp_path / "home-cache"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.delenv(verifier.cache.CACHE_ENV)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: str(blocker))
    with pytest.raises(VerifierError) as info:
        verifier.cache.default_index_dir(progress=False)
    assert (
        str(info.value)
        == f"cache folder {blocker} is not a folder; set VERIFIER_CACHE_DIR to a writable folder"
    )


def test_markdown_is_indexed_as_plain_text(tmp_path: Path, embedder: Embedder) -> None:
    (tmp_path / "trains.md").write_text(
        "# Heading about trains\n\nThe **railway** carried 12,000 passengers.\n\n"
        "See [link](http://x.y).\n\n- Bullet: trains ran late.\n",
        encoding="utf-8",
    )
    build_index(load_documents([tmp_path / "trains.md"]), tmp_path / "idx", embedder, progress=False)
    rows = sentence_rows(tmp_path / "idx")
    assert [r["text"] for r in rows] == [
        "Heading about trains",
        "The railway carried 12,000 passengers.",
        "See link.",
        "Bullet: trains ran late.",
    ]
    (doc,) = EvidenceIndex.load(tmp_path / "idx").documents.values()
    assert all(doc["text"][r["start"] : r["end"]] == r["text"] for r in rows)
    assert doc["title"] == "Heading about trains"


def test_index_under_a_file_is_a_one_line_error(tmp_path: Path, embedder: Embedder) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("mine", encoding="utf-8")
    with pytest.raises(VerifierError) as info:
        build_index([Document("d", "One sentence here.")], blocker / "idx", embedder, progress=False)
    assert str(info.value) == (
        f"cannot write the index {blocker / 'idx'}: {blocker} is a file, not a folder; "
        "choose another --index folder"
    )
    assert blocker.read_text(encoding="utf-8") == "mine"
