"""The benchmark scripts still run end to end on a tiny corpus and report every figure.

Not a timing test: the numbers only have to be present and plausible.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
KEYS = {
    "cold_start_s", "switch_p95_ms", "keystroke_p95_ms", "search_p50_ms", "search_p95_ms",
    "scan_p95_ms", "search_vs_scan_ratio", "korean_recall", "import_1000_s", "export_all_s",
    "peak_rss_mb", "db_size_mb", "sessions", "body_save_p95_ms",
}  # fmt: skip


def _run(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYAPP_DATA_DIR=str(tmp_path / "data"))
    env.pop("STUDYAPP_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=True
    )


def test_generate_then_run_reports_every_figure(tmp_path):
    corpus = tmp_path / "corpus" / "50"
    _run([str(BENCHMARKS / "generate.py"), "--sessions", "50", "--out", str(corpus)], tmp_path)
    truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))
    assert truth["sessions"] == 50
    assert len(list((corpus / "markdown").glob("*.md"))) == 50
    assert 0 < len(truth["queries"]["교사"]) <= 50  # a word written inside "교사가", "교사-학생"

    figures_file = tmp_path / "figures.json"
    args = ["--sessions", "50", "--data-dir", str(tmp_path / "corpus"), "--json", str(figures_file)]
    result = _run([str(BENCHMARKS / "run.py"), *args], tmp_path)

    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert set(figures) == KEYS
    assert json.loads(result.stdout) == figures
    assert figures["sessions"] == 50
    for key in KEYS - {"sessions", "korean_recall"}:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert 0 < figures["cold_start_s"] < 30
    assert 0 < figures["peak_rss_mb"] < 4000
    assert 0 <= figures["korean_recall"] <= 1
    assert figures["search_p50_ms"] <= figures["search_p95_ms"]
    assert figures["search_vs_scan_ratio"] == round(
        figures["scan_p95_ms"] / figures["search_p95_ms"], 1
    )


def test_the_odd_files_import_reports_its_peak_memory(tmp_path):
    figures_file = tmp_path / "odd.json"
    args = ["--megabytes", "1", "--json", str(figures_file)]
    result = _run([str(BENCHMARKS / "odd_files.py"), *args], tmp_path)
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == figures
    assert set(figures) == {
        "megabytes", "files", "import_s", "peak_rss_mb", "baseline_rss_mb", "outcomes"
    }  # fmt: skip
    assert 0.5 < figures["megabytes"] < 2 and figures["files"] > 1000
    assert 0 < figures["baseline_rss_mb"] <= figures["peak_rss_mb"] < 4000
    # The photo and the archive are refused; the rest (odd names, NUL bytes) imported.
    assert figures["outcomes"]["failed"] == 2
    assert figures["outcomes"]["created"] == figures["files"] - 2


def test_the_group_run_reports_every_figure_and_loses_nothing(postgres_server, tmp_path):
    url = postgres_server.new_database()
    try:
        result = _run(
            [
                str(BENCHMARKS / "group_run.py"),
                f"--url={url}",
                "--writers=2",
                "--seconds=2",
                "--interval=0.1",
            ],
            tmp_path,
        )
    finally:
        postgres_server.drop(url)
    figures = json.loads(result.stdout)
    assert figures["saves"] > 10 and figures["markers"] == figures["saves"]
    assert figures["characters_lost"] == 0 and figures["markers_lost"] == 0
    assert figures["merged"] > 0  # the shared saves went through the merge
    # Every save made while another writer listened was heard by it; what was sent before
    # a late writer listened is counted apart.
    assert figures["seen_by_others_ms"]["not_heard"] == 0
    assert figures["seen_by_others_ms"]["before_listening"] >= 0
    assert figures["save_latency_ms"]["p95"] > 0
