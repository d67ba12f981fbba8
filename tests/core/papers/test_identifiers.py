"""arXiv ids and DOIs as people paste them."""

import pytest

from studyapp.core.papers.identifiers import (
    ArxivId,
    doi_link,
    normalize_arxiv,
    parse_arxiv,
    parse_doi,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2401.01234", ArxivId("2401.01234")),
        ("  2401.01234v2 ", ArxivId("2401.01234", 2)),
        ("1501.0001", ArxivId("1501.0001")),  # four digits before 2015
        ("9999.99999", ArxivId("9999.99999")),  # arXiv itself says there is no such paper
        ("arXiv:2401.01234v3", ArxivId("2401.01234", 3)),
        ("ARXIV:2401.01234", ArxivId("2401.01234")),
        ("https://arxiv.org/abs/2401.01234", ArxivId("2401.01234")),
        ("https://arxiv.org/abs/2401.01234v2?context=cs", ArxivId("2401.01234", 2)),
        ("http://arxiv.org/pdf/2401.01234v1.pdf", ArxivId("2401.01234", 1)),
        ("https://www.arxiv.org/html/2401.01234v1/", ArxivId("2401.01234", 1)),
        ("arxiv.org/abs/2401.01234", ArxivId("2401.01234")),
        ("https://export.arxiv.org/abs/2401.01234", ArxivId("2401.01234")),
        ("hep-th/9901001", ArxivId("hep-th/9901001")),
        ("hep-th/9901001v2", ArxivId("hep-th/9901001", 2)),
        ("arXiv:cond-mat/0207270", ArxivId("cond-mat/0207270")),
        ("math.gt/0309136", ArxivId("math.GT/0309136")),
        ("https://arxiv.org/abs/hep-th/9901001v3", ArxivId("hep-th/9901001", 3)),
    ],
)
def test_recognizes_arxiv_ids(text, expected):
    assert parse_arxiv(text) == expected
    assert normalize_arxiv(text) == expected.id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2401.123",
        "2401.01234v0",
        "https://example.com/abs/2401.01234",
        "https://arxiv.org/list/cs.CV/recent",
        "10.1109/CVPR.2024.01234",
        "Tiny Teachers",
    ],
)
def test_rejects_what_is_not_an_arxiv_id(text):
    assert parse_arxiv(text) is None


def test_version_is_kept_apart_from_the_id():
    found = parse_arxiv("2401.01234v2")
    assert str(found) == "2401.01234v2"
    assert found.id == "2401.01234"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1109/CVPR52733.2024.01234", "10.1109/cvpr52733.2024.01234"),
        ("doi:10.1145/3580305.3599390", "10.1145/3580305.3599390"),
        ("DOI: 10.1145/3580305.3599390", "10.1145/3580305.3599390"),
        ("https://doi.org/10.1016/j.patcog.2024.110123", "10.1016/j.patcog.2024.110123"),
        ("http://dx.doi.org/10.1016/J.PATCOG.2024.110123", "10.1016/j.patcog.2024.110123"),
        ("doi.org/10.1000/xyz123", "10.1000/xyz123"),
        (
            "https://doi.org/10.1002/(SICI)1097-4571%28199806%2949",
            "10.1002/(sici)1097-4571(199806)49",
        ),
        ("10.48550/arXiv.2401.01234", "10.48550/arxiv.2401.01234"),
        ("10.1000/xyz123.", "10.1000/xyz123"),  # a sentence's full stop is not part of it
    ],
)
def test_recognizes_dois(text, expected):
    assert parse_doi(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "10.1/x", "11.1000/xyz", "https://example.com/10.1000/xyz", "2401.01234", "doi:"],
)
def test_rejects_what_is_not_a_doi(text):
    assert parse_doi(text) is None


def test_doi_link_escapes_what_a_url_cannot_hold():
    assert doi_link("10.1000/a b") == "https://doi.org/10.1000/a%20b"
