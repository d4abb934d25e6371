"""Incremental index updates: ``index add`` / ``index remove`` without re-embedding the corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import verifier.diskio
from verifier import update
from verifier.api import Verifier
from verifier.cli import cli
from verifier.embed import Embedder
from verifier.errors import VerifierError
from verifier.index import EvidenceIndex, build_index, read_manifest, verify_files
from verifier.types import Document

NEW_DOC = Document(
    "ballots",
    "Officials counted 7,300 ballots in Kirkuk on Sunday.\n\n"
    "Turnout reached 41 percent, election staff said.",
    title="Kirkuk count",
    source="Election board",
    date="2025-03-02",
    url="https://example.org/kirkuk",
)


class CountingEmbedder(Embedder):
    def __init__(self, inner: Embedder) -> None:
        super().__init__()
        self._impl = inner._load()
        self.encoded: list[str] = []

    def encode(self, texts, *, progress=False):  # type: ignore[override]
        self.encoded += list(texts)
        return super().encode(texts, progress=progress)


def leftovers(index_dir: Path) -> list[str]:
    return sorted(
        p.name for p in index_dir.parent.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")
    )


def test_add_embeds_only_the_new_document(index_copy: Path, embedder: Embedder) -> None:
    before = EvidenceIndex.load(index_copy)
    old_vectors = before.vectors_of(range(len(before)))
    counting = CountingEmbedder(embedder)
    manifest = update.add_documents(index_copy, [NEW_DOC], counting)
    # Only the new sentences, each read with its document's title, as a fresh build reads them.
    assert counting.encoded == [
        "Kirkuk count: Officials counted 7,300 ballots in Kirkuk on Sunday.",
        "Kirkuk count: Turnout reached 41 percent, election staff said.",
    ]
    after = EvidenceIndex.load(index_copy)
    verify_files(index_copy, read_manifest(index_copy), checksums=True)
    assert manifest["documents"] == before.manifest["documents"] + 1
    assert manifest["sentences"] == len(before) + 2 == len(after)
    assert "updated_at" in manifest and manifest["built_at"] == before.manifest["built_at"]
    np.testing.assert_array_equal(after.vectors_of(range(len(before))), old_vectors)  # old vectors kept
    assert after.documents["ballots"]["url"] == "https://example.org/kirkuk"
    assert leftovers(index_copy) == []
    verdict = Verifier.from_index(after, embedder, judge="facts").check(
        "Officials counted 7,300 ballots in Kirkuk"
    )
    assert verdict.label == "supported"
    assert verdict.evidence[0].doc_id == "ballots" and verdict.evidence[0].title == "Kirkuk count"
    # BM25 side follows: a rare word finds the new sentence.
    scores, rows = after.lexical.search(["Kirkuk ballots"], 1)
    assert after.sentence_rows([int(rows[0][0])])[0]["doc_id"] == "ballots"
    # ... and so does a word only the title has: the rebuilt BM25 side reads titles too.
    scores, rows = after.lexical.search(["Kirkuk turnout"], 1)
    assert after.sentence_rows([int(rows[0][0])])[0]["text"].startswith("Turnout reached")


def test_remove_gives_the_index_a_fresh_build_would(
    index_copy: Path, built_index, embedder: Embedder
) -> None:
    update.add_documents(index_copy, [NEW_DOC], embedder)
    victim = built_index.docs[0].doc_id
    manifest = update.remove_documents(index_copy, [victim, "ballots"])
    kept = [d for d in built_index.docs if d.doc_id != victim]
    fresh_dir = index_copy.parent / "fresh"
    fresh = build_index(kept, fresh_dir, embedder, progress=False)
    assert manifest["corpus_fingerprint"] == fresh["corpus_fingerprint"]
    assert manifest["sentences"] == fresh["sentences"] and manifest["documents"] == fresh["documents"]
    a, b = EvidenceIndex.load(index_copy), EvidenceIndex.load(fresh_dir)
    assert a.sentences.to_pylist() == b.sentences.to_pylist()
    np.testing.assert_allclose(a.vectors_of(range(len(a))), b.vectors_of(range(len(b))), atol=1e-5)
    assert victim not in a.documents


def test_refusals(index_copy: Path, built_index, embedder: Embedder) -> None:
    existing = built_index.docs[0]
    with pytest.raises(VerifierError, match="already in the index"):
        update.add_documents(index_copy, [Document(existing.doc_id, "Some new text here.")], embedder)
    with pytest.raises(VerifierError, match="given twice"):
        update.add_documents(index_copy, [NEW_DOC, NEW_DOC], embedder)
    with pytest.raises(VerifierError, match="no document with id 'nope'"):
        update.remove_documents(index_copy, ["nope"])
    with pytest.raises(VerifierError, match="empty"):
        update.remove_documents(index_copy, [d.doc_id for d in built_index.docs])
    assert read_manifest(index_copy) == built_index.manifest  # nothing changed


def test_a_crash_mid_update_leaves_the_old_index(index_copy: Path, embedder: Embedder, monkeypatch) -> None:
    before = (index_copy / "manifest.json").read_text(encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(update, "build_bm25", boom)
    with pytest.raises(KeyboardInterrupt):
        update.add_documents(index_copy, [NEW_DOC], embedder)
    assert (index_copy / "manifest.json").read_text(encoding="utf-8") == before
    EvidenceIndex.load(index_copy)
    assert leftovers(index_copy) == []


def test_swap_is_atomic_or_recovered(index_copy: Path, embedder: Embedder, monkeypatch) -> None:
    # Where renameat2 is missing, the two-rename swap is used ...
    monkeypatch.setattr(verifier.diskio, "exchange", lambda a, b: False)
    update.add_documents(index_copy, [NEW_DOC], embedder)
    assert "ballots" in EvidenceIndex.load(index_copy).documents
    # ... and a crash between its renames (index moved aside, new one not yet in) is put back.
    aside = index_copy.with_name(f".{index_copy.name}.old-{os.getpid()}")
    os.replace(index_copy, aside)
    update.remove_documents(index_copy, ["ballots"])
    assert not aside.exists()
    assert "ballots" not in EvidenceIndex.load(index_copy).documents


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x").write_text("a"), (b / "y").write_text("b")
    if not verifier.diskio.exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available on this file system")
    assert sorted(os.listdir(a)) == ["y"] and sorted(os.listdir(b)) == ["x"]


def test_cli_add_and_remove(index_copy: Path, tmp_path: Path) -> None:
    doc = tmp_path / "kirkuk.txt"
    doc.write_text(NEW_DOC.text, encoding="utf-8")
    (tmp_path / "kirkuk.meta.json").write_text(json.dumps({"title": "Kirkuk count"}), encoding="utf-8")
    runner = CliRunner()
    added = runner.invoke(cli, ["index", "add", str(doc), "--index", str(index_copy)])
    assert added.exit_code == 0, added.output
    assert "added 1 document;" in added.output
    info = json.loads(
        runner.invoke(cli, ["index", "info", "--index", str(index_copy), "--json", "--verify"]).output
    )
    assert info["documents"] == 5
    again = runner.invoke(cli, ["index", "add", str(doc), "--index", str(index_copy)])
    assert again.exit_code == 2 and "already in the index" in again.output
    removed = runner.invoke(cli, ["index", "remove", "kirkuk", "--index", str(index_copy)])
    assert removed.exit_code == 0 and "removed 1 document;" in removed.output
    assert "now holds 4 documents" in removed.output
    quiet = runner.invoke(cli, ["index", "add", str(doc), "--index", str(index_copy), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    quiet = runner.invoke(cli, ["index", "remove", "kirkuk", "--index", str(index_copy), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    missing = runner.invoke(cli, ["index", "remove", "kirkuk", "--index", str(index_copy)])
    assert missing.exit_code == 2 and "no document with id" in missing.output
    nowhere = runner.invoke(cli, ["index", "remove", "x", "--index", str(tmp_path / "none")])
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output


def test_unwritable_places_are_one_line_errors(
    index_copy: Path, tmp_path: Path, embedder: Embedder, monkeypatch
) -> None:
    with pytest.raises(VerifierError, match="does not exist"):  # no parent folder for a lock file
        update.add_documents(tmp_path / "no" / "such" / "index", [NEW_DOC], embedder)

    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    # Root may write anywhere, so a read-only folder is simulated where the new index folder is made.
    monkeypatch.setattr(verifier.diskio.tempfile, "mkdtemp", refuse)
    with pytest.raises(VerifierError) as info:
        update.add_documents(index_copy, [NEW_DOC], embedder)
    assert str(info.value) == (
        f"cannot write the index {index_copy}: cannot create a folder in {index_copy.parent} "
        "(Permission denied); choose another --index folder"
    )
    assert "ballots" not in EvidenceIndex.load(index_copy).documents
