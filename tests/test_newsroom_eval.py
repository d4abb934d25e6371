"""scripts/newsroom_eval.py: the newsroom QA sets are well formed and scored as documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ne():
    spec = importlib.util.spec_from_file_location("newsroom_eval", ROOT / "scripts" / "newsroom_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_set_has_stories_and_labelled_claims(ne) -> None:
    sets = sorted((ROOT / "eval" / "newsroom").iterdir())
    assert len(sets) >= 5
    for folder in sets:
        rows = ne.read_claims(folder / "claims.csv")
        stories = {p.stem for p in (folder / "corpus").glob("*.txt")}
        assert len(rows) == 160 and len({r["id"] for r in rows}) == 160, folder
        assert {r["story"] for r in rows} - stories <= {""}, folder  # out-of-corpus claims name no story
        assert all((folder / "corpus" / f"{s}.meta.json").exists() for s in stories), folder


def test_scores_count_right_answers_by_kind(ne) -> None:
    rows = [
        {"id": "a", "claim": "x", "label": "supported", "kind": "figure"},
        {"id": "b", "claim": "y", "label": "unknown", "kind": "figure"},
        {"id": "c", "claim": "z", "label": "contradicted", "kind": "date"},
    ]
    result = ne.score(rows, ["supported", "supported", "contradicted"])
    assert (result["right"], result["claims"]) == (2, 3)
    assert result["kinds"] == {"figure": [1, 2], "date": [1, 1]}
    assert result["confusion"]["unknown->supported"] == 1


def test_a_row_without_a_known_label_is_refused(ne, tmp_path: Path) -> None:
    bad = tmp_path / "claims.csv"
    bad.write_text("id,claim,label,story,kind\nq1,Some claim,true,s,figure\n", encoding="utf-8")
    with pytest.raises(ValueError, match="q1"):
        ne.read_claims(bad)
