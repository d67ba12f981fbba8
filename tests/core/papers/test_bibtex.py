"""BibTeX in and out; files written here parse back with bibtexparser to the same fields."""

import bibtexparser
import pytest

from studyapp.core.dto import PaperInfo
from studyapp.core.errors import ValidationError
from studyapp.core.papers.bibtex import looks_like_bibtex, parse_bibtex
from studyapp.core.papers.bibtex_out import make_key, write_bibtex

PAPERS = [
    PaperInfo(
        id=1,
        title="Tiny Teachers: Distilling CLIP & 50% of $O(n)$ Models",
        authors=("김민지", "Jürgen Müller"),
        venue="CVPR 2024",
        year=2024,
        url="https://example.org/paper_v1%20final",
        doi="10.1109/cvpr52733.2024.01234",
        abstract="We show “tiny” teachers — and students — work.",
        tags=("distillation", "비전"),
    ),
    PaperInfo(
        id=2,
        title="Tiny Students",
        authors=("Minji Kim", "Dong-hoon Lee"),
        venue="arXiv",
        year=2024,
        arxiv_id="2401.01234",
    ),
    PaperInfo(
        id=3,
        title="Notes on D-Branes",
        authors=("Edward Witten",),
        venue="Nuclear Physics B",
        year=1999,
        arxiv_id="hep-th/9901001",
    ),
    PaperInfo(id=4, title="Tiny Students, again", authors=("Minji Kim",), year=2024),
]


def test_round_trip_through_a_file(tmp_path):
    path = tmp_path / "library.bib"
    path.write_text(write_bibtex(PAPERS), encoding="utf-8")
    # The library itself reads the file back...
    library = bibtexparser.parse_file(str(path))
    assert not library.failed_blocks
    # 김민지's family name is 김, Kim: the three Kim 2024 "Tiny" papers take a, b in order.
    assert [entry.key for entry in library.entries] == [
        "kim2024tiny",
        "kim2024tinya",
        "witten1999notes",
        "kim2024tinyb",
    ]
    # ...and so does our reader, to the same fields.
    back = parse_bibtex(path.read_text(encoding="utf-8"))
    for paper, fields in zip(PAPERS, back, strict=True):
        assert fields.title == paper.title
        assert fields.authors == paper.authors
        assert fields.year == paper.year
        assert fields.url == paper.url
        assert fields.doi == paper.doi
        assert fields.arxiv_id == paper.arxiv_id
        assert fields.abstract == paper.abstract
        assert fields.tags == paper.tags
        assert fields.venue == (None if paper.venue == "arXiv" else paper.venue)


def test_writing_escapes_latex_and_picks_entry_types():
    text = write_bibtex(PAPERS)
    assert r"CLIP \& 50\% of $O(n)$" in text
    assert r"J\"urgen M\"uller" in text
    assert "김민지" in text  # Hangul stays UTF-8
    assert "url = {https://example.org/paper_v1%20final}" in text  # links are not escaped
    assert "@inproceedings{kim2024tiny," in text
    assert "@misc{kim2024tinya," in text
    assert "@article{witten1999notes," in text
    assert "archiveprefix = {arXiv}" in text


def test_keys_are_stable_and_user_keys_win():
    assert write_bibtex(PAPERS) == write_bibtex(PAPERS)
    own = PaperInfo(id=9, title="X", bibtex_key="myKey2020")
    assert "@misc{myKey2020," in write_bibtex([own])
    assert make_key(PAPERS[1]) == "kim2024tiny"
    assert make_key(PaperInfo(id=5, title="On the Theory of Everything")) == "papertheory"


def test_reads_common_entry_shapes():
    text = r"""
    % from a reference manager
    @String{cvpr = "Conference on Computer Vision and Pattern Recognition (CVPR)"}
    @inproceedings{lee2024,
      title     = {{UCDR}-Adapter: Exploring Adaptation of Pre-Trained Models},
      author    = {Lee, Dong-hoon and van der Berg, Jan and M{\"u}ller, J.},
      booktitle = cvpr,
      year      = 2024,
      doi       = {https://doi.org/10.1109/CVPR52733.2024.00001},
      keywords  = {retrieval; adapters},
    }
    @misc{kim2025,
      title         = "Tiny Teachers",
      author        = "김민지 and 이동훈",
      eprint        = {2501.06614v2},
      archivePrefix = {arXiv},
      url           = {\url{https://arxiv.org/abs/2501.06614}},
      year          = {2025},
    }
    """
    first, second = parse_bibtex(text)
    assert first.title == "UCDR-Adapter: Exploring Adaptation of Pre-Trained Models"
    assert first.authors == ("Dong-hoon Lee", "Jan van der Berg", "J. Müller")
    assert first.venue == "Conference on Computer Vision and Pattern Recognition (CVPR)"
    assert first.year == 2024
    assert first.doi == "10.1109/cvpr52733.2024.00001"
    assert first.bibtex_key == "lee2024"
    assert first.tags == ("retrieval", "adapters")
    assert second.authors == ("김민지", "이동훈")
    assert second.arxiv_id == "2501.06614"
    assert second.url == "https://arxiv.org/abs/2501.06614"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@article{a, title={Fine}}\n@article{b, title={Broken, year=2024\n", "line 2"),
        ("@article{a title = {No comma}}", "line 1"),
        ("@article{a, title={One}}\n@article{a, title={Two}}", "the key 'a' is used by two"),
        ("@misc{b, title={T}, title={U}}", "gives title twice"),
        ("just some words", "No BibTeX entry found"),
        ("@article{a, author={Nobody}}", "entry 'a' has no title"),
    ],
)
def test_malformed_bibtex_names_the_problem(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_bibtex(text)


def test_malformed_bibtex_message_is_one_line(capsys):
    with pytest.raises(ValidationError) as caught:
        parse_bibtex("@article{b, title={Broken, year=2024\n")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("Malformed BibTeX, nothing was added: line 1:")
    assert capsys.readouterr().err == ""  # the library's own log lines are kept quiet


def test_looks_like_bibtex():
    assert looks_like_bibtex("@article{a, title={x}}")
    assert looks_like_bibtex("  @InProceedings ( a, title={x})")
    assert not looks_like_bibtex("2401.01234")
    assert not looks_like_bibtex("mail me at someone@example.org")
