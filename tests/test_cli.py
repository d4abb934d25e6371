"""Tests for the ``verifier`` command line: help texts, index build/info, check, user errors.

In-process runs use click's CliRunner on ``verifier.cli.cli``; error handling that
lives in ``verifier.cli.main`` (one ``Error:`` line, exit status 2, no traceback)
is checked through real ``python -m verifier`` subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from verifier.cli import cli
from verifier.embed import MODEL_NAME
from verifier.index import FAISS_FILE, MANIFEST, EvidenceIndex, read_manifest
from verifier.types import LABELS

EXPECTED_COMMANDS = {"check", "batch", "index", "index build", "index info"}
EVIDENCE_KEYS = {
    "text",
    "doc_id",
    "title",
    "source",
    "date",
    "sentence_index",
    "start",
    "end",
    "similarity",
    "stance",
}
STANCES = {"supports", "contradicts", "neutral"}
TROOPS_CLAIM = "The US has 2,500 troops in Iraq"


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


def run_verifier(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m verifier ARGS`` in ``cwd``; inherits the isolated VERIFIER_CACHE_DIR."""
    return subprocess.run(
        [sys.executable, "-m", "verifier", *map(str, args)],
        cwd=cwd,
        env={**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- help ---------------------------------------------------------------------------------


def walk_commands(
    group: click.Group, ctx: click.Context, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"{' '.join((*prefix, name))} is listed but cannot be loaded"
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from walk_commands(
                command, click.Context(command, info_name=name, parent=ctx), (*prefix, name)
            )


def all_commands() -> dict[tuple[str, ...], click.Command]:
    """Every command and group, the root included, keyed by its path: new commands are picked up."""
    return {(): cli, **dict(walk_commands(cli, click.Context(cli, info_name="verifier")))}


def test_every_expected_command_exists() -> None:
    assert EXPECTED_COMMANDS <= {" ".join(path) for path in all_commands()}


def help_problems(path: tuple[str, ...], command: click.Command) -> list[str]:
    name = " ".join(("verifier", *path))
    text = (command.help or "").strip()
    if not text:
        return [f"'{name}' has no help text (give it a docstring)"]
    problems = []
    result = invoke(*path, "--help")
    if result.exit_code != 0 or not result.output.startswith("Usage: "):
        problems.append(f"'{name} --help' failed: {result.output!r}")
    elif text.splitlines()[0] not in " ".join(result.output.split()):
        problems.append(f"'{name} --help' does not show its help text")
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and not (param.help or "").strip():
            problems.append(f"option {'/'.join(param.opts)} of '{name}' has no help")
    if isinstance(command, click.Group):
        for sub in command.list_commands(click.Context(command)):
            if sub not in result.output:
                problems.append(f"'{name} --help' does not list '{sub}'")
    return problems


def test_every_command_and_option_has_help() -> None:
    commands = all_commands()
    assert len(commands) >= len(EXPECTED_COMMANDS) + 1
    problems = [p for path, command in commands.items() for p in help_problems(path, command)]
    assert problems == []


def test_help_check_catches_a_command_without_help(monkeypatch) -> None:
    @click.command("undocumented")
    @click.option("--flag", is_flag=True)
    def undocumented(flag: bool) -> None:
        pass

    monkeypatch.setitem(cli.commands, "undocumented", undocumented)
    paths = {" ".join(path) for path in all_commands()}
    assert "undocumented" in paths
    assert help_problems(("undocumented",), undocumented) == [
        "'verifier undocumented' has no help text (give it a docstring)"
    ]
    undocumented.help = "Documented now."
    assert help_problems(("undocumented",), undocumented) == [
        "option --flag of 'verifier undocumented' has no help"
    ]


def test_python_m_verifier_help(tmp_path: Path) -> None:
    proc = run_verifier("--help", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: verifier")
    for name in ("check", "batch", "index"):
        assert re.search(rf"^\s+{name}\s", proc.stdout, re.M), proc.stdout
    assert "Traceback" not in proc.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert "0.1.0" in result.output


# --- index build / info ---------------------------------------------------------------------


def info_json(index_dir: Path | None = None) -> dict:
    args = ["index", "info", "--json"] + (["--index", str(index_dir)] if index_dir else [])
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_index_build_from_files_then_info(small_corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "idx"
    result = invoke(
        "index",
        "build",
        small_corpus_dir / "troops.txt",
        small_corpus_dir / "briefs.jsonl",
        "--index",
        out,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the summary goes to stderr
    assert "indexed 3 documents" in result.stderr and str(out) in result.stderr
    info = info_json(out)
    assert info["documents"] == 3
    assert info["sentences"] == len(EvidenceIndex.load(out)) > 3
    assert info["model"] == MODEL_NAME
    assert info["dimension"] == 384
    assert info["faiss_type"] == "flat"
    assert info["index"] == str(out)
    assert info["size_bytes"] == sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert info["corpus_fingerprint"] == read_manifest(out)["corpus_fingerprint"]


def test_index_build_from_folder_and_file_then_info(
    small_corpus_dir: Path, tmp_path: Path, built_index
) -> None:
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra note\n\nThe airbase hosts 300 advisers.\n", encoding="utf-8")
    out = tmp_path / "idx"
    result = invoke("index", "build", small_corpus_dir, extra, "--index", out, "-q")
    assert result.exit_code == 0, result.output
    info = info_json(out)
    assert info["documents"] == built_index.manifest["documents"] + 1
    assert info["sentences"] > built_index.manifest["sentences"]
    assert info["model"] == MODEL_NAME
    assert "extra" in EvidenceIndex.load(out).documents


def test_index_info_human_output(built_index) -> None:
    result = invoke("index", "info", "--index", built_index.path, "--verify")
    assert result.exit_code == 0, result.output
    fields = dict(line.strip().split(": ", 1) for line in result.stdout.splitlines())
    assert fields["documents"] == str(built_index.manifest["documents"])
    assert fields["sentences"] == str(built_index.manifest["sentences"])
    assert fields["model"] == MODEL_NAME
    assert fields["index"] == str(built_index.path)
    assert fields["built_at"] == built_index.manifest["built_at"]
    assert {"dimension", "faiss_type", "size_bytes", "corpus_fingerprint"} <= set(fields)
    files = len(built_index.manifest["files"])
    assert (
        result.stdout.splitlines()[-1].strip() == f"verified: all {files} files match their sha256 checksums"
    )


def test_index_info_says_whether_it_verified(built_index) -> None:
    assert info_json(built_index.path)["verified"] is False
    result = invoke("index", "info", "--index", built_index.path, "--json", "--verify")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verified"] is True
    plain = invoke("index", "info", "--index", built_index.path)
    assert "verified" not in plain.stdout  # sizes were checked, checksums were not: claim nothing


def test_index_build_quiet_prints_nothing_but_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The airbase hosts 300 advisers.", encoding="utf-8")
    result = invoke("index", "build", tmp_path / "a.txt", "--index", tmp_path / "idx", "-q")
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert read_manifest(tmp_path / "idx")["documents"] == 1
    row = json.dumps({"text": "The airbase hosts 300 advisers."})
    (tmp_path / "d.jsonl").write_text(f"{row}\n{row}\n", encoding="utf-8")
    result = invoke("index", "build", tmp_path / "d.jsonl", "--index", tmp_path / "idx", "-q")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path / 'd.jsonl'} line 2 repeats {tmp_path / 'd.jsonl'} line 1 "
        "(same text and metadata); indexed once"
    ]
    assert read_manifest(tmp_path / "idx")["documents"] == 1


def test_index_build_of_txt_and_md_with_one_name(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "t.txt").write_text("The airbase hosts 300 advisers.", encoding="utf-8")
    (tmp_path / "c" / "t.md").write_text("# Note\n\nThe **airbase** hosts 400 advisers.", encoding="utf-8")
    result = invoke("index", "build", tmp_path / "c", "--index", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert "indexed 2 documents" in result.stderr
    assert sorted(EvidenceIndex.load(tmp_path / "idx").documents) == ["t.md", "t.txt"]


def test_backend_help_says_what_the_code_loads() -> None:
    # embed.py runs models/embedder's graph on the packaged fp32 weights; int8 was measured and rejected.
    commands = all_commands()
    for path in [("check",), ("index", "build"), ("index", "add")]:
        (option,) = [p for p in commands[path].params if p.name == "backend"]
        assert "int8" not in option.help and "fp32 ONNX" in option.help, path
        assert "fp32 ONNX" in " ".join(invoke(*path, "--help").output.split()), path


def test_unusable_cache_dir_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "cf"
    blocker.write_text("x\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "verifier", "check", "x"],
        cwd=tmp_path,
        env={**os.environ, "VERIFIER_CACHE_DIR": str(blocker), "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        f"Error: cache folder {blocker} (from VERIFIER_CACHE_DIR) is not a folder; "
        "point VERIFIER_CACHE_DIR at a writable folder"
    ]
    assert proc.stdout == "" and blocker.read_text(encoding="utf-8") == "x\n"


def test_index_info_defaults_to_the_cached_corpus_index(seed_index: Path) -> None:
    mtime = (seed_index / MANIFEST).stat().st_mtime_ns
    info = info_json()
    assert info["index"] == str(seed_index)
    assert info["documents"] >= 1 and info["model"] == MODEL_NAME
    assert (seed_index / MANIFEST).stat().st_mtime_ns == mtime  # reused, not rebuilt


# --- check ----------------------------------------------------------------------------------


def check_json(*args: str | Path) -> dict:
    result = invoke("check", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_documented_verdict(verdict: dict, index_dir: Path) -> None:
    assert set(verdict) == {"claim", "label", "confidence", "explanation", "disputed", "evidence"}
    assert isinstance(verdict["disputed"], bool)
    assert verdict["label"] in LABELS
    assert isinstance(verdict["confidence"], float) and 0.0 <= verdict["confidence"] <= 1.0
    assert isinstance(verdict["explanation"], str) and verdict["explanation"].strip()
    assert isinstance(verdict["evidence"], list) and verdict["evidence"]
    documents = EvidenceIndex.load(index_dir).documents
    for e in verdict["evidence"]:
        assert EVIDENCE_KEYS <= set(e), EVIDENCE_KEYS - set(e)
        for key in ("text", "doc_id", "title", "source", "date"):
            assert isinstance(e[key], str)
        for key in ("sentence_index", "start", "end"):
            assert isinstance(e[key], int) and e[key] >= 0
        assert isinstance(e["similarity"], float) and -1.0 <= e["similarity"] <= 1.0
        assert e["stance"] in STANCES
        doc = documents[e["doc_id"]]
        assert doc["text"][e["start"] : e["end"]] == e["text"]
        assert (e["title"], e["source"], e["date"]) == (doc["title"], doc["source"], doc["date"])
    # cited (non-neutral) evidence first, then by similarity, highest first
    keys = [(e["stance"] == "neutral", -e["similarity"]) for e in verdict["evidence"]]
    assert keys == sorted(keys)


def test_check_json_supported(built_index) -> None:
    verdict = check_json(TROOPS_CLAIM, "--index", built_index.path)
    assert_documented_verdict(verdict, built_index.path)
    assert verdict["claim"] == TROOPS_CLAIM
    assert verdict["label"] == "supported"
    top = verdict["evidence"][0]
    assert top["stance"] == "supports"
    assert top["doc_id"] == "troops" and "approx. 2,500 troops" in top["text"]
    assert top["title"] == "Coalition troops in Iraq"
    assert len(verdict["evidence"]) <= 5


def test_check_json_contradicted_and_top_k(built_index) -> None:
    verdict = check_json("The US has 5,000 troops in Iraq", "--index", built_index.path, "--top-k", "2")
    assert_documented_verdict(verdict, built_index.path)
    assert verdict["label"] == "contradicted"
    assert verdict["evidence"][0]["stance"] == "contradicts"
    assert len(verdict["evidence"]) == 2


def test_check_rerank_flag_reaches_the_retriever(built_index, monkeypatch) -> None:
    from verifier import api
    from verifier.nli import model_available

    if not model_available():
        pytest.skip("the package carries no verification model")
    seen: list[bool] = []
    real = api.Verifier.from_index.__func__  # type: ignore[attr-defined]

    def spy(cls, *args, **kwargs):
        verifier = real(cls, *args, **kwargs)
        seen.append(verifier.retriever.reranker is not None)
        return verifier

    monkeypatch.setattr(api.Verifier, "from_index", classmethod(spy))
    for flag, reranked in (("--rerank", True), ("--no-rerank", False)):
        verdict = check_json(TROOPS_CLAIM, "--index", built_index.path, flag)
        assert verdict["label"] == "supported"
        assert seen[-1] is reranked


def test_check_json_metadata_from_sidecar(built_index) -> None:
    verdict = check_json(
        "The coalition will withdraw from Baghdad by the end of September 2025", "--index", built_index.path
    )
    assert_documented_verdict(verdict, built_index.path)
    cited = [e for e in verdict["evidence"] if e["doc_id"] == "withdrawal"]
    assert cited and cited[0]["source"] == "Wire service" and cited[0]["date"] == "2025-01-15"


def test_check_human_output(built_index) -> None:
    verdict = check_json(TROOPS_CLAIM, "--index", built_index.path)
    result = invoke("check", TROOPS_CLAIM, "--index", built_index.path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    first = out.splitlines()[0]
    assert verdict["label"].upper() in first
    assert f"{verdict['confidence']:.2f}" in first
    assert verdict["explanation"] in " ".join(out.split())
    top = verdict["evidence"][0]
    assert f"sentence {top['sentence_index'] + 1}" in out
    assert "approx. 2,500 troops" in out


def test_check_without_index_uses_cached_default_corpus(seed_index: Path) -> None:
    mtime = (seed_index / MANIFEST).stat().st_mtime_ns
    verdict = check_json("The coalition will withdraw from Baghdad by the end of September")
    assert_documented_verdict(verdict, seed_index)
    assert (seed_index / MANIFEST).stat().st_mtime_ns == mtime


# --- user errors through main(): one line on stderr, exit 2 ----------------------------------


def _truncate_faiss(d: Path) -> None:
    path = d / FAISS_FILE
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.truncate(size // 2)


def _foreign_model(d: Path) -> None:
    manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    manifest["model"] = {"name": "other/model", "dimension": 768, "normalized": True}
    (d / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _index_case(damage: Callable[[Path], None] | None) -> Callable[[Path, Path], list[str]]:
    def setup(tmp: Path, index: Path) -> list[str]:
        target = tmp / "idx"
        if damage is None:
            target.mkdir()
        else:
            shutil.copytree(index, target)
            damage(target)
        return ["check", "Some claim about Iraq", "--index", str(target)]

    return setup


def _info_case(damage: Callable[[Path], None] | None) -> Callable[[Path, Path], list[str]]:
    def setup(tmp: Path, index: Path) -> list[str]:
        return ["index", "info", *_index_case(damage)(tmp, index)[2:]]

    return setup


def _write(name: str, content: bytes, *extra: str) -> Callable[[Path, Path], list[str]]:
    def setup(tmp: Path, index: Path) -> list[str]:
        (tmp / name).write_bytes(content)
        return ["index", "build", name, "--index", "out", *extra]

    return setup


def _bad_sidecar(tmp: Path, index: Path) -> list[str]:
    (tmp / "doc.txt").write_text("A fine sentence.", encoding="utf-8")
    (tmp / "doc.meta.json").write_text('{"title": 5, "date": ["x"]}', encoding="utf-8")
    return ["index", "build", ".", "--index", "out"]


def _index_under_a_file(tmp: Path, index: Path) -> list[str]:
    (tmp / "doc.txt").write_text("A fine sentence.", encoding="utf-8")
    return ["index", "build", "doc.txt", "--index", "doc.txt/idx"]


def _non_index_folder(tmp: Path, index: Path) -> list[str]:
    (tmp / "doc.txt").write_text("A fine sentence.", encoding="utf-8")
    (tmp / "mine").mkdir()
    (tmp / "mine" / "keep.txt").write_text("user data", encoding="utf-8")
    return ["index", "build", "doc.txt", "--index", "mine"]


def _index_is_a_file(tmp: Path, index: Path) -> list[str]:
    (tmp / "out.txt").write_text("not an index", encoding="utf-8")
    return ["index", "build", "nope.txt", "--index", "out.txt"]  # refused before nope.txt is read


ERROR_CASES: dict[str, tuple[Callable[[Path, Path], list[str]], str]] = {
    "build: missing file": (lambda t, i: ["index", "build", "nope.txt", "--index", "out"], "does not exist"),
    "build: unsupported extension": (_write("report.pdf", b"%PDF-1.4"), "unsupported file type '.pdf'"),
    "build: binary garbage .txt": (
        _write("garbage.txt", bytes(range(256)) * 4),
        "not a UTF-8 text file",
    ),
    "build: invalid utf-8 .txt": (_write("latin1.txt", "café crème".encode("latin-1")), "not a UTF-8"),
    "build: empty .txt": (_write("empty.txt", b"  \n\n"), "contains no text"),
    "build: into a non-index folder": (_non_index_folder, "not empty and is not an index"),
    # The destination is refused before any document is read or embedded.
    "build: index path is a file": (_index_is_a_file, "exists and is not a directory"),
    "build: sidecar field not a string": (_bad_sidecar, "doc.meta.json: field 'title' must be a string"),
    "build: index under a file": (_index_under_a_file, "doc.txt is a file, not a folder"),
    "check: empty claim": (lambda t, i: ["check", "", "--index", str(i)], "empty claim"),
    "check: whitespace claim": (lambda t, i: ["check", " \t\n ", "--index", str(i)], "empty claim"),
    "check: claim too long": (lambda t, i: ["check", "x" * 2001, "--index", str(i)], "limit is 2000"),
    "check: index folder missing": (
        lambda t, i: ["check", "A claim", "--index", str(t / "missing")],
        "does not exist",
    ),
    "check: index folder empty": (_index_case(None), "is not an index"),
    "check: truncated faiss": (_index_case(_truncate_faiss), "damaged"),
    "check: foreign model": (_index_case(_foreign_model), "other/model"),
    "info: foreign model": (_info_case(_foreign_model), "other/model"),
    "info: truncated faiss": (_info_case(_truncate_faiss), "damaged"),
    "info: empty folder": (_info_case(None), "is not an index"),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_user_errors_are_one_line_exit_2(case: str, tmp_path: Path, built_index) -> None:
    setup, fragment = ERROR_CASES[case]
    args = setup(tmp_path, built_index.path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    proc = run_verifier(*args, cwd=tmp_path)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: "), lines[0]
    assert fragment in lines[0], lines[0]
    assert proc.stdout == ""
    # a failed command changes nothing: no half-built index, no temp dirs, user files untouched
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.rglob(".*") if ".building-" in p.name or ".old-" in p.name]


@pytest.mark.parametrize(
    "args",
    [["index", "build", "doc.txt"], ["check"], ["check", "a", "--top-k", "0"], ["no-such-command"]],
    ids=["build without --index", "check without claim", "check bad top-k", "unknown command"],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("A fine sentence.", encoding="utf-8")
    proc = run_verifier(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_successful_build_via_python_m(tmp_path: Path, small_corpus_dir: Path) -> None:
    proc = run_verifier("index", "build", small_corpus_dir, "--index", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.strip() == "indexed 4 documents, {} sentences into out".format(
        read_manifest(tmp_path / "out")["sentences"]
    )
