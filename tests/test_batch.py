"""`verifier batch` against a fake verifier: formats, bad input, formula safety, resume."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from verifier import batch
from verifier.batch import RESULT_COLUMNS, batch_command, run_batch
from verifier.errors import VerifierError
from verifier.tables import read_table, write_table
from verifier.types import Evidence, Verdict

INPUT_COLUMNS = ["id", "claim", "note"]
CLAIMS = [
    "The US has 2,500 troops in Iraq",
    "The moon is made of cheese",
    "Roughly 2,500 people attended",
]


def _evidence(text: str, doc_id: str, stance: str) -> Evidence:
    return Evidence(text, doc_id, "T", "S", "2020-01-01", 0, 0, len(text), 0.8, stance)


class FakeVerifier:
    """Deterministic stand-in for verifier.api.Verifier: "2,500" in a claim means supported."""

    def __init__(self, interrupt_on_call: int | None = None, explanation: str = "nothing found") -> None:
        self.calls: list[list[str]] = []
        self.interrupt_on_call = interrupt_on_call
        self.explanation = explanation

    def check_many(self, claims: list[str], top_k: int | None = None) -> list[Verdict]:
        self.calls.append(list(claims))
        if len(self.calls) == self.interrupt_on_call:
            raise KeyboardInterrupt
        out = []
        for c in claims:
            if "2,500" in c:
                # Context and a weak contradiction come first: the cited evidence must be the
                # sentence that takes the verdict's side.
                ev = [
                    _evidence("Context only.", "d0", "neutral"),
                    _evidence("Some other figure.", "d2", "contradicts"),
                    _evidence("2,500 troops.", "d1", "supports"),
                ]
                out.append(Verdict(c, "supported", 0.91234, "A source says 2,500.", ev))
            else:
                out.append(Verdict(c, "unknown", 0.5, self.explanation, []))
        return out

    @property
    def checked(self) -> list[str]:
        return [c for call in self.calls for c in call]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeVerifier:
    v = FakeVerifier()
    opened: list[tuple] = []

    def open_fake(index_dir, backend, quiet, rerank=None):
        opened.append((index_dir, backend, quiet, rerank))
        return v

    monkeypatch.setattr(batch, "_open_verifier", open_fake)
    v.opened = opened  # type: ignore[attr-defined]
    return v


def _input_df(claims: list[str] = CLAIMS) -> pd.DataFrame:
    # "007" and "" check that text cells are not turned into numbers or NaN on the way through.
    return pd.DataFrame(
        {
            "id": [f"00{i}" for i in range(len(claims))],
            "claim": claims,
            "note": ["" if i % 2 else f"n{i}" for i in range(len(claims))],
        }
    )


def _invoke(*args: str | Path):
    return CliRunner().invoke(batch_command, [str(a) for a in args])


@pytest.mark.parametrize("ext", [".csv", ".tsv", ".jsonl", ".xlsx", ".parquet"])
def test_round_trip_keeps_input_columns_and_adds_results(
    tmp_path: Path, fake: FakeVerifier, ext: str
) -> None:
    src, out = tmp_path / f"in{ext}", tmp_path / f"out{ext}"
    write_table(_input_df(), src)
    # Reranking left to the model's own choice unless asked for (or against).
    result = _invoke(
        src, "-o", out, "--top-k", "3", "--backend", "torch", *(["--rerank"] if ext == ".csv" else [])
    )
    assert result.exit_code == 0, result.output
    assert f"wrote 3 rows to {out} (0 with errors)" in result.stderr
    assert fake.opened == [(None, "torch", False, True if ext == ".csv" else None)]  # type: ignore[attr-defined]
    df = read_table(out)
    assert list(df.columns) == INPUT_COLUMNS + list(RESULT_COLUMNS)
    assert df["id"].tolist() == ["000", "001", "002"]
    assert df["claim"].tolist() == CLAIMS
    assert df["note"].tolist() == ["n0", "", "n2"]
    assert df["label"].tolist() == ["supported", "unknown", "supported"]
    assert float(df["confidence"][0]) == pytest.approx(0.9123)
    assert df["evidence"][0] == "2,500 troops." and df["evidence_doc"][0] == "d1"
    assert df["evidence"][1] == "" and df["evidence_doc"][1] == ""
    assert df["error"].tolist() == ["", "", ""]
    assert fake.checked == CLAIMS
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([src.name, out.name])


def test_missing_claim_column_fails_before_loading_the_model(tmp_path: Path, fake: FakeVerifier) -> None:
    src = tmp_path / "in.csv"
    src.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = _invoke(src, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert "has no 'claim' column (columns: a, b, c); choose one with --claim-column" in result.output
    assert "Traceback" not in result.output
    assert fake.opened == []  # type: ignore[attr-defined]
    assert not (tmp_path / "out.csv").exists()


def test_claim_column_option(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text('statement,x\n"The US has 2,500 troops",1\n', encoding="utf-8")
    result = _invoke(src, "-o", out, "--claim-column", "statement")
    assert result.exit_code == 0, result.output
    assert read_table(out)["label"].tolist() == ["supported"]


@pytest.mark.parametrize("which", ["input", "output"])
def test_unknown_extension(tmp_path: Path, fake: FakeVerifier, which: str) -> None:
    src = tmp_path / ("in.xyz" if which == "input" else "in.csv")
    src.write_text("claim\nx\n", encoding="utf-8")
    out = tmp_path / ("out.csv" if which == "input" else "out.xyz")
    result = _invoke(src, "-o", out)
    assert result.exit_code == 2
    bad = src if which == "input" else out
    assert (
        f"unsupported file type '.xyz' for {bad}: use .csv, .tsv, .jsonl, .xlsx or .parquet" in result.output
    )
    assert fake.opened == []  # type: ignore[attr-defined]


def test_missing_file(tmp_path: Path, fake: FakeVerifier) -> None:
    result = _invoke(tmp_path / "nope.csv", "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert f"input file {tmp_path / 'nope.csv'} does not exist" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("garbage.csv", bytes(range(256)) * 8, "binary"),
        ("latin1.csv", "claim\ncaf\xe9 au lait\n".encode("latin-1"), "not UTF-8"),
        ("garbage.parquet", b"not a parquet file at all", "cannot read"),
        ("garbage.xlsx", b"PK\x03\x04 broken zip", "cannot read"),
        ("bad.jsonl", b'{"claim": "a"}\n{"claim": \n', "line 2"),
        ("empty.csv", b"", "is empty"),
    ],
)
def test_unreadable_input_is_one_line_naming_the_file(
    tmp_path: Path, fake: FakeVerifier, name: str, data: bytes, reason: str
) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    result = _invoke(src, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert str(src) in result.output and reason in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    with pytest.raises(VerifierError):
        read_table(src)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        # A long first row used to make pandas take the first column as the index.
        ("claim,id\na,1,extra\nb\n", "line 2 (row 1): expected 2 fields as in the header, saw 3"),
        # A quoted newline spans two lines: the error names the line the row starts on.
        ('claim,id\n"a\nb",1\nc,2,3\n', "line 4 (row 2): expected 2 fields as in the header, saw 3"),
        ("claim;id\nx;1\ny;2;3\n", "line 3 (row 2): expected 2 fields as in the header, saw 3"),
    ],
)
def test_row_longer_than_the_header_is_an_error(
    tmp_path: Path, fake: FakeVerifier, data: str, where: str
) -> None:
    src = tmp_path / "ragged.csv"
    src.write_text(data, encoding="utf-8")
    result = _invoke(src, "-o", tmp_path / "out.csv", "-q")
    assert result.exit_code == 2
    assert f"{src} {where}" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert fake.opened == []  # type: ignore[attr-defined]


def test_short_rows_get_empty_cells(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("id,claim,note\n1,a\n2\n", encoding="utf-8")
    assert _invoke(src, "-o", out).exit_code == 0
    df = read_table(out)
    assert df["id"].tolist() == ["1", "2"] and df["claim"].tolist() == ["a", ""]
    assert df["note"].tolist() == ["", ""] and df["error"].tolist() == ["", "empty claim"]


def test_unclosed_quote_is_an_error(tmp_path: Path, fake: FakeVerifier) -> None:
    src = tmp_path / "in.csv"
    src.write_text('claim,id\n"a,1\nb,2\n', encoding="utf-8")
    result = _invoke(src, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert f"cannot read {src} as CSV: line 2:" in result.output and "never closed" in result.output


def test_duplicate_header_is_an_error(tmp_path: Path, fake: FakeVerifier) -> None:
    src = tmp_path / "in.csv"
    src.write_text("claim,id,claim\na,1,b\n", encoding="utf-8")
    result = _invoke(src, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert f"{src} has column 'claim' twice (columns 1 and 3)" in result.output
    assert fake.opened == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "data",
    [
        # Excel's BOM, ";" as in many European locales, a quoted ";" and a quoted newline.
        b'\xef\xbb\xbfclaim;id\n"x; y";1\n"two\nlines";2\n',
        b'claim\tid\n"x; y"\t1\n"two\nlines"\t2\n',
        b'claim|id\n"x; y"|1\n"two\nlines"|2\n',
    ],
    ids=["semicolon", "tab", "pipe"],
)
def test_csv_delimiter_is_detected(tmp_path: Path, fake: FakeVerifier, data: bytes) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(data)
    result = _invoke(src, "-o", out)
    assert result.exit_code == 0, result.output
    assert fake.checked == ["x; y", "two\nlines"]
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))  # the output is always comma-separated
    assert rows[0][:3] == ["claim", "id", "label"]
    assert [r[:2] for r in rows[1:]] == [["x; y", "1"], ["two\nlines", "2"]]


def test_one_column_csv_with_separators_in_claims_stays_one_column(
    tmp_path: Path, fake: FakeVerifier
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("claim\nfoo; bar\nbaz; qux | x\n", encoding="utf-8")
    assert _invoke(src, "-o", tmp_path / "out.csv").exit_code == 0
    assert fake.checked == ["foo; bar", "baz; qux | x"]


@pytest.mark.parametrize(
    ("data", "summary"),
    [
        ("claim\nThe moon is cheese\n", "wrote 1 row to {out} (0 with errors)"),
        ('claim\n" "\n', "wrote 1 row to {out} (1 with an error)"),
        ('claim\n" "\n""\n', "wrote 2 rows to {out} (2 with errors)"),
    ],
)
def test_summary_line_counts_in_the_right_number(
    tmp_path: Path, fake: FakeVerifier, data: str, summary: str
) -> None:
    # "wrote 1 rows" read as a glitch; the counts now take the singular for one.
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text(data, encoding="utf-8")
    result = _invoke(src, "-o", out)
    assert result.exit_code == 0, result.output
    assert summary.format(out=out) in result.stderr


def test_one_column_header_and_one_clashing_column_read_in_the_singular(
    tmp_path: Path, fake: FakeVerifier
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("claim\na,b\n", encoding="utf-8")
    ragged = _invoke(src, "-o", tmp_path / "out.csv", "-q")
    assert ragged.exit_code == 2 and "expected 1 field as in the header, saw 2" in ragged.output
    src.write_text("claim,label\na,b\n", encoding="utf-8")
    clash = _invoke(src, "-o", tmp_path / "out.csv", "-q")
    assert clash.exit_code == 2
    assert "already has column label that the results would overwrite; rename it first" in clash.output


def test_bad_claims_get_an_error_and_the_batch_goes_on(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    rows = [
        {"claim": "2,500 troops"},
        {"claim": "   "},
        {"claim": None},
        {"claim": "x" * 2001},
        {"claim": "end"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = run_batch(fake, src, out, progress=False)
    assert (summary.rows, summary.done, summary.errors, summary.skipped_resumed) == (5, 2, 3, 0)
    df = read_table(out)
    assert df["error"].tolist()[:3] == ["", "empty claim", "empty claim"]
    assert df["error"][3].startswith("claim too long (2001 characters")
    assert df["label"].tolist() == ["supported", "", "", "", "unknown"]
    assert df["confidence"].tolist()[1:4] == ["", "", ""]
    assert fake.checked == ["2,500 troops", "end"]


def test_a_claim_the_engine_rejects_only_fails_its_own_row(tmp_path: Path) -> None:
    class Picky(FakeVerifier):
        def check_many(self, claims: list[str], top_k: int | None = None) -> list[Verdict]:
            if "bad" in claims:
                self.calls.append(list(claims))
                raise VerifierError("claim is not a sentence")
            return super().check_many(claims, top_k)

    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(_input_df(["a", "bad", "2,500"]), src)
    summary = run_batch(Picky(), src, out, progress=False)
    assert (summary.done, summary.errors) == (2, 1)
    assert read_table(out)["error"].tolist() == ["", "claim is not a sentence", ""]


def test_formula_cells_are_neutralised_in_csv(tmp_path: Path, fake: FakeVerifier) -> None:
    fake.explanation = "- no source mentions it"
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("claim,note\n=1+1,-5\n@SUM(A1),+cmd|x\n", encoding="utf-8")
    result = _invoke(src, "-o", out)
    assert result.exit_code == 0, result.output
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["claim"] == "'=1+1" and rows[1]["claim"] == "'@SUM(A1)"
    assert rows[1]["note"] == "'+cmd|x"
    assert rows[0]["note"] == "-5"  # a plain number is not a formula
    assert rows[0]["explanation"] == "'- no source mentions it"
    assert rows[0]["confidence"] == "0.5"
    assert fake.checked == ["=1+1", "@SUM(A1)"]  # the verifier sees the real claim


def test_formula_cells_are_neutralised_in_xlsx(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.xlsx"
    src.write_text('claim\n=HYPERLINK("http://x")\n', encoding="utf-8")
    assert _invoke(src, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    cells = {ws.cell(1, c).value: ws.cell(2, c) for c in range(1, ws.max_column + 1)}
    assert cells["claim"].value == '\'=HYPERLINK("http://x")' and cells["claim"].data_type == "s"
    assert cells["confidence"].data_type == "n"  # numbers stay numbers


def test_plain_numbers_are_not_neutralised_but_formulas_are(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    cells = ["-5", "+3.5", "-1e3", ".5", "-2+3", "-5+cmd|x", "+", "-", "-inf", "- 5"]
    src.write_text("claim,delta\n" + "".join(f"c{i},{c}\n" for i, c in enumerate(cells)), encoding="utf-8")
    assert _invoke(src, "-o", out).exit_code == 0
    with open(out, newline="", encoding="utf-8") as fh:
        written = [row["delta"] for row in csv.DictReader(fh)]
    assert written == ["-5", "+3.5", "-1e3", ".5"] + [f"'{c}" for c in cells[4:]]


@pytest.mark.parametrize("ext", [".jsonl", ".parquet"])
def test_whole_number_csv_columns_are_numbers_in_typed_output(
    tmp_path: Path, fake: FakeVerifier, ext: str
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / f"out{ext}"
    # Only "n" changes: "007", "+3", "1.5", an empty cell or a numeric claim stay text.
    src.write_text("claim,n,code,sign,dec,gap\n1,1,007,+3,1.5,\n2,-20,1,4,2,9\n", encoding="utf-8")
    assert _invoke(src, "-o", out).exit_code == 0
    if ext == ".jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        records = pd.read_parquet(out).to_dict("records")
    assert [r["n"] for r in records] == [1, -20] and all(type(r["n"]) is int for r in records)
    for col, texts in [("claim", ["1", "2"]), ("code", ["007", "1"]), ("sign", ["+3", "4"]),
                       ("dec", ["1.5", "2"]), ("gap", ["", "9"])]:  # fmt: skip
        assert [r[col] for r in records] == texts


def test_jsonl_output_is_not_neutralised(tmp_path: Path, fake: FakeVerifier) -> None:
    fake.explanation = "-nothing"
    src, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    src.write_text("claim\n=1+1\n", encoding="utf-8")
    assert _invoke(src, "-o", out).exit_code == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["claim"] == "=1+1" and record["explanation"] == "-nothing"
    assert record["confidence"] == 0.5


def _seven_claims(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    claims = [f"claim {i}" + (" 2,500" if i % 3 == 0 else "") for i in range(7)]
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(_input_df(claims), src)
    return src, out, claims


def test_interrupted_batch_resumes_without_redoing_rows(tmp_path: Path) -> None:
    src, out, claims = _seven_claims(tmp_path)
    ckpt = tmp_path / "out.csv.partial.jsonl"
    first = FakeVerifier(interrupt_on_call=3)
    with pytest.raises(KeyboardInterrupt):
        run_batch(first, src, out, chunk_size=2, progress=False)
    assert not out.exists()
    saved = [json.loads(line) for line in ckpt.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in saved] == [0, 1, 2, 3]
    assert saved[0]["label"] == "supported" and saved[0]["evidence_doc"] == "d1"
    assert json.loads((tmp_path / "out.csv.partial.json").read_text())["claim_column"] == "claim"

    second = FakeVerifier()
    summary = run_batch(second, src, out, chunk_size=2, resume=True, progress=False)
    assert second.checked == claims[4:]
    assert (summary.rows, summary.done, summary.skipped_resumed) == (7, 7, 4)
    df = read_table(out)
    assert df["claim"].tolist() == claims and df["id"].tolist() == [f"00{i}" for i in range(7)]
    assert df["label"].tolist() == ["supported" if i % 3 == 0 else "unknown" for i in range(7)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_interrupt_via_cli_then_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, out, claims = _seven_claims(tmp_path)
    monkeypatch.setattr(batch, "_open_verifier", lambda *a: FakeVerifier(interrupt_on_call=1))
    result = _invoke(src, "-o", out)
    assert result.exit_code == 130
    assert "--resume" in result.stderr
    again = FakeVerifier()
    monkeypatch.setattr(batch, "_open_verifier", lambda *a: again)
    result = _invoke(src, "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    assert again.checked == claims and read_table(out)["claim"].tolist() == claims


def test_torn_last_checkpoint_line_is_ignored(tmp_path: Path) -> None:
    src, out, claims = _seven_claims(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        run_batch(FakeVerifier(interrupt_on_call=2), src, out, chunk_size=3, progress=False)
    ckpt = tmp_path / "out.csv.partial.jsonl"
    with open(ckpt, "a", encoding="utf-8") as fh:
        fh.write('{"row": 3, "label": "supp')  # a write cut off by a crash
    again = FakeVerifier()
    run_batch(again, src, out, chunk_size=3, resume=True, progress=False)
    assert again.checked == claims[3:]
    assert read_table(out)["claim"].tolist() == claims


def test_checkpoint_without_resume_is_refused(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out, _ = _seven_claims(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        run_batch(FakeVerifier(interrupt_on_call=2), src, out, chunk_size=2, progress=False)
    result = _invoke(src, "-o", out)
    assert result.exit_code == 2
    assert f"found unfinished results for {out} from an earlier run: add --resume" in result.output
    assert "out.csv.partial.jsonl" in result.output
    assert fake.opened == []  # type: ignore[attr-defined]
    assert (tmp_path / "out.csv.partial.jsonl").read_text(encoding="utf-8").count("\n") == 2


def test_checkpoint_from_other_input_or_column_is_refused(tmp_path: Path, fake: FakeVerifier) -> None:
    src, out, _ = _seven_claims(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        run_batch(FakeVerifier(interrupt_on_call=2), src, out, chunk_size=2, progress=False)
    other = tmp_path / "other.csv"
    write_table(_input_df(["a different claim"]), other)
    result = _invoke(other, "-o", out, "--resume")
    assert result.exit_code == 2
    assert "cannot resume" in result.output and "different input" in result.output
    src.with_name("renamed.csv").write_bytes(src.read_bytes())
    result = _invoke(src.with_name("renamed.csv"), "-o", out, "--resume", "--claim-column", "note")
    assert result.exit_code == 2 and "--claim-column 'claim', not 'note'" in result.output
    assert fake.opened == []  # type: ignore[attr-defined]


def _interrupt_via_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Path, Path]:
    # More claims than the CLI's chunk of 32, so the first chunk is checkpointed.
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(_input_df([f"claim {i}" for i in range(40)]), src)
    first = FakeVerifier(interrupt_on_call=2)
    monkeypatch.setattr(batch, "_open_verifier", lambda *a: first)
    assert CliRunner().invoke(batch_command, [str(src), "-o", str(out), *args]).exit_code == 130
    return src, out


@pytest.mark.parametrize(
    ("again", "message"),
    [
        (["--top-k", "3"], "were made with --top-k 5, not --top-k 3; use the same settings"),
        (["--rerank"], "made with neither --rerank nor --no-rerank, not --rerank;"),
        (
            ["--backend", "torch", "--index", "idx"],
            "made with the bundled corpus (no --index), --backend onnx, not --index ",
        ),
    ],
)
def test_resume_with_other_settings_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, again: list[str], message: str
) -> None:
    src, out = _interrupt_via_cli(tmp_path, monkeypatch)
    meta = json.loads((tmp_path / "out.csv.partial.json").read_text(encoding="utf-8"))
    assert (meta["top_k"], meta["index"], meta["backend"], meta["rerank"]) == (5, None, "onnx", None)
    opened: list[tuple] = []
    monkeypatch.setattr(batch, "_open_verifier", lambda *a: opened.append(a) or FakeVerifier())
    result = _invoke(src, "-o", out, "--resume", *again)
    assert result.exit_code == 2 and message in result.output
    assert "delete" in result.output and len(result.output.strip().splitlines()) == 1
    assert opened == []
    assert _invoke(src, "-o", out, "--resume").exit_code == 0  # the same settings carry on


def test_resume_from_checkpoint_without_recorded_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checkpoints written before index/backend/rerank were recorded still resume.
    src, out = _interrupt_via_cli(tmp_path, monkeypatch, "--top-k", "3")
    meta_path = tmp_path / "out.csv.partial.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    for key in ("index", "backend", "rerank"):
        del meta[key]
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(batch, "_open_verifier", lambda *a: FakeVerifier())
    assert _invoke(src, "-o", out, "--resume", "--top-k", "3", "--rerank").exit_code == 0
    assert len(read_table(out)) == 40


def test_failed_write_leaves_old_output_and_no_temp_files(
    tmp_path: Path, fake: FakeVerifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(_input_df(), src)
    out.write_text("old results\n", encoding="utf-8")

    def broken(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    result = _invoke(src, "-o", out)
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "old results\n"
    names = sorted(p.name for p in tmp_path.iterdir())
    # The checkpoint stays so the verified rows are not lost; no stray temp file.
    assert names == ["in.csv", "out.csv", "out.csv.partial.json", "out.csv.partial.jsonl"]


def test_output_file_mode_follows_umask(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_table(pd.DataFrame({"a": ["1"]}), out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_may_not_overwrite_input(tmp_path: Path, fake: FakeVerifier) -> None:
    src = tmp_path / "in.csv"
    write_table(_input_df(), src)
    before = src.read_bytes()
    result = _invoke(src, "-o", src)
    assert result.exit_code == 2 and "is the input file" in result.output
    assert src.read_bytes() == before
