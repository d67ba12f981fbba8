"""``studyapp paper add|list``, ``export-bib`` and ``reading-list`` against a local server."""

import importlib.util
import io
import json
import sys
from pathlib import Path

import bibtexparser
import pytest

SERVER = Path(__file__).parents[1] / "fixtures" / "metadata" / "server.py"
PAPER_KEYS = ["id", "title", "authors", "venue", "year", "arxiv_id", "doi", "details_pending"]


def _server_module():
    name = "studyapp_test_metadata_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SERVER)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(autouse=True)
def server(monkeypatch):
    with _server_module().recorded_server() as running:
        monkeypatch.setenv("STUDYAPP_ARXIV_API", running.arxiv_api)
        monkeypatch.setenv("STUDYAPP_CROSSREF_API", running.crossref_api)
        yield running


def _papers(cli):
    result = cli("paper", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_add_arxiv_id_then_the_duplicate(cli):
    result = cli("paper", "add", "arXiv:2401.01234v2")
    assert result.code == 0, result.err
    assert result.out == (
        "Added #1 Tiny Teachers: Distilling Vision-Language Models into Small Students "
        "(CVPR 2024)\n"
    )
    again = cli("paper", "add", "https://arxiv.org/abs/2401.01234")
    assert again.code == 0
    assert again.out.startswith("Already in the library: #1 Tiny Teachers")


def test_add_doi_and_list_json(cli):
    assert cli("paper", "add", "https://doi.org/10.1145/3580305.3599390").code == 0
    assert cli("paper", "add", "hep-th/9901001").code == 0
    papers = _papers(cli)
    assert [list(paper) for paper in papers] == [PAPER_KEYS, PAPER_KEYS]
    kdd = next(p for p in papers if p["doi"])
    assert kdd["authors"] == ["김민지", "Alice O'Neil", "KD Study Consortium"]
    assert (kdd["venue"], kdd["year"], kdd["arxiv_id"]) == ("KDD '23", 2023, None)
    witten = next(p for p in papers if p["arxiv_id"])
    assert witten == {
        "id": witten["id"],
        "title": "Notes on D-Branes and Gauge Theory",
        "authors": ["Edward Witten"],
        "venue": "arXiv",
        "year": 1999,
        "arxiv_id": "hep-th/9901001",
        "doi": None,
        "details_pending": False,
    }


def test_add_bib_file_reports_each_entry(cli, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a, title={Small Models, Big Notes}, author={최유진}, journal={TPAMI},"
        " year=2023}\n@misc{b, title={Tiny Students}, year={2024}}\n",
        encoding="utf-8",
    )
    result = cli("paper", "add", path)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Added #1 Small Models, Big Notes (TPAMI 2023)",
        "Added #2 Tiny Students (2024)",
    ]
    again = cli("paper", "add", path)
    assert (
        again.out.splitlines()[0]
        == "Already in the library: #1 Small Models, Big Notes (TPAMI 2023)"
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("9999.99999", "studyapp: arXiv has no paper 9999.99999"),
        ("10.9999/unknown", "studyapp: Crossref has no record of DOI 10.9999/unknown"),
        ("not a paper", "studyapp: Not an arXiv id, DOI or BibTeX entry: not a paper"),
    ],
)
def test_failures_are_one_line_and_add_nothing(cli, source, message):
    result = cli("paper", "add", source)
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert result.err_lines[0].startswith(message)
    assert _papers(cli) == []


def test_malformed_bib_file(cli, tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text("@article{ok, title={Fine}}\n@article{bad, title={Never closed\n", "utf-8")
    result = cli("paper", "add", path)
    assert result.code == 1
    assert result.err_lines == [
        "studyapp: broken.bib: Malformed BibTeX, nothing was added: line 2: "
        "unexpectedly reached end of file in '@article{bad, title={Never closed'"
    ]
    assert _papers(cli) == []


def test_missing_bib_file(cli, tmp_path):
    result = cli("paper", "add", tmp_path / "nowhere.bib")
    assert result.code == 1
    assert result.err.startswith("studyapp: Cannot read ")


def test_add_from_stdin(cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("@misc{x, title={From a Pipe}}"))
    result = cli("paper", "add", "-")
    assert result.out == "Added #1 From a Pipe\n"


def test_usage_errors(cli):
    assert cli("paper").code == 2
    assert cli("paper", "add").code == 2
    assert cli("export-bib").code == 2


def test_export_bib_and_reading_list(cli, tmp_path):
    assert cli("paper", "add", "2401.01234").code == 0
    assert cli("paper", "add", "10.1016/j.patcog.2024.110123").code == 0
    bib = tmp_path / "papers.bib"
    result = cli("export-bib", bib)
    assert result.code == 0, result.err
    assert result.out == f"Wrote 2 papers to {bib}\n"
    library = bibtexparser.parse_file(str(bib))
    assert not library.failed_blocks
    assert len(library.entries) == 2

    page = tmp_path / "reading.md"
    result = cli("reading-list", page)
    assert result.code == 0, result.err
    text = page.read_text("utf-8")
    assert text.startswith("# Reading list")
    assert "Tiny Teachers" in text and "## 2024" in text

    stdout = cli("export-bib", "-")
    assert stdout.out == bib.read_text("utf-8")


def test_group_filter_names_unknown_groups(cli, tmp_path):
    result = cli("export-bib", tmp_path / "x.bib", "--group", "Nobody")
    assert result.code == 1
    assert result.err == "studyapp: There is no group named 'Nobody'.\n"
    assert not (tmp_path / "x.bib").exists()


def test_paper_trash_moves_it_out_of_the_list(tmp_path, capsys):
    from studyapp.cli import main

    url = f"sqlite:///{tmp_path / 'trash.sqlite3'}"
    assert main(["--database", url, "paper", "add", "2501.01234", "--no-fetch"]) == 0
    assert main(["--database", url, "paper", "trash", "1"]) == 0
    assert "to the trash" in capsys.readouterr().out
    assert main(["--database", url, "paper", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert main(["--database", url, "paper", "trash", "1"]) == 1


def test_offline_an_id_is_kept_and_the_lookup_retried_later(cli, offline, server, monkeypatch):
    result = cli("paper", "add", "https://arxiv.org/abs/2401.01234v2")
    assert result.code == 0, result.err
    assert result.err == ""
    (line,) = result.out.splitlines()
    assert line.startswith("Added #1 arXiv:2401.01234, details pending: could not reach arXiv (")
    assert "studyapp paper refresh" in line
    assert [(p["arxiv_id"], p["details_pending"]) for p in _papers(cli)] == [("2401.01234", True)]
    assert cli("paper", "list").out == "#1 arXiv:2401.01234 (details pending)\n"

    still = cli("paper", "refresh")
    assert still.code == 1
    assert still.out == ""
    (error,) = still.err_lines
    assert error.startswith("studyapp: Could not reach arXiv (")
    assert error.endswith("; 1 paper still pending, try again later")

    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.arxiv_api)  # the network is back
    done = cli("paper", "refresh")
    assert done.code == 0, done.err
    assert done.out.startswith("Looked up #1 Tiny Teachers: Distilling")
    assert done.out.rstrip().endswith(
        "filled in title, authors, venue, year, link, DOI and abstract"
    )
    assert cli("paper", "refresh").out == "No paper is waiting for its details.\n"


TINY_BIB = """@inproceedings{kim2024tiny,
  title     = {Tiny Teachers: Distilling Vision-Language Models into Small Students},
  author    = {김, 민지 and Lee, Dong-hoon},
  booktitle = {WACV},
  year      = {2024},
  eprint    = {2401.01234},
  archivePrefix = {arXiv},
  pages     = {100--110},
}
"""


def test_a_bib_fills_in_an_id_added_alone_and_exports_as_it_came(cli, tmp_path, server):
    assert cli("paper", "add", "2401.01234", "--no-fetch").code == 0
    bib = tmp_path / "tiny.bib"
    bib.write_text(TINY_BIB, encoding="utf-8")
    result = cli("paper", "add", bib)
    assert result.code == 0, result.err
    assert result.out == (
        "Already in the library: #1 Tiny Teachers: Distilling Vision-Language Models into "
        "Small Students (WACV 2024); filled in title, authors, venue, year and BibTeX entry\n"
    )
    (paper,) = _papers(cli)
    assert paper["authors"] == ["김민지", "Dong-hoon Lee"]
    out = tmp_path / "out.bib"
    assert cli("export-bib", out).code == 0
    (entry,) = bibtexparser.parse_file(str(out)).entries
    (given,) = bibtexparser.parse_string(TINY_BIB).entries
    assert (entry.entry_type, entry.key) == ("inproceedings", "kim2024tiny")
    assert {f.key: f.value for f in entry.fields} == {f.key: f.value for f in given.fields}
    assert server.requests == []  # --no-fetch and a .bib: nothing was asked
