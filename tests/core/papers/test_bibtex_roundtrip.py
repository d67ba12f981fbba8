"""A .bib imported and exported again reads back the same: types, keys and every field."""

import dataclasses

import bibtexparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.papers.bibtex import parse_bibtex
from studyapp.core.papers.bibtex_out import make_key, unique_keys, write_bibtex
from studyapp.core.papers.fields import PaperFields
from studyapp.core.services.papers import PaperService

LIBRARY = r"""
% as reference managers and Google Scholar write them
@string{wacv = {IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)}}

@InProceedings{Kim_2025_WACV,
  Title     = {{UCDR}-Adapter: Exploring Adaptation of Pre-Trained Vision-Language Models},
  author    = {김, 동훈 and M{\"u}ller, J{\"u}rgen and van der Berg, Jan},
  booktitle = wacv,
  month     = jan,
  year      = 2025,
  pages     = {1--10},
  doi       = {10.1109/WACV61041.2025.00001},
  note      = "Oral",
}

@article{choi2023small,
  title     = {Small Models, Big Notes},
  author    = {최유진 and Smith, Anna},
  journal   = {IEEE Transactions on Pattern Analysis and Machine Intelligence},
  volume    = {45},
  number    = {3},
  year      = {2023},
  keywords  = {vision, 요약, adapters},
  publisher = {IEEE},
}

@misc{hinton2015distilling,
  title         = {Distilling the Knowledge in a Neural Network},
  author        = {Geoffrey Hinton and Oriol Vinyals and Jeff Dean},
  year          = {2015},
  eprint        = {1503.02531},
  archivePrefix = {arXiv},
  primaryClass  = {stat.ML},
  url           = {https://arxiv.org/abs/1503.02531},
}

@book{goodfellow2016deep,
  title     = {Deep Learning},
  author    = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},
  publisher = {MIT Press},
  year      = {2016},
  url       = {http://www.deeplearningbook.org},
  abstract  = {An introduction to a broad range of topics in deep learning \& more.},
}

@phdthesis{lee2022thesis,
  title  = {Teaching Small Models},
  author = {이, 서연},
  school = {KAIST},
  year   = {2022},
}
"""


def _entries(library):
    return [
        (entry.entry_type, entry.key, {field.key: field.value for field in entry.fields})
        for entry in library.entries
    ]


@pytest.fixture
def service(database, offline):
    return PaperService(database)


def test_a_bib_file_comes_back_as_it_went_in(service, tmp_path):
    source = tmp_path / "refs.bib"
    source.write_text(LIBRARY, encoding="utf-8")
    assert len(service.add_from_file(source).created) == 5
    out = tmp_path / "out.bib"
    service.export_bibtex(out)
    exported = bibtexparser.parse_file(str(out))
    assert not exported.failed_blocks
    assert _entries(exported) == _entries(bibtexparser.parse_string(LIBRARY))
    # Exporting again writes the very same text.
    assert service.bibtex() == out.read_text(encoding="utf-8")


def test_an_inproceedings_stays_one_with_its_booktitle(service):
    service.add_from_text("@inproceedings{ucdr, title = {UCDR-Adapter}, booktitle = {WACV}}")
    (entry,) = bibtexparser.parse_string(service.bibtex()).entries
    assert (entry.entry_type, entry.key) == ("inproceedings", "ucdr")
    assert {field.key: field.value for field in entry.fields} == {
        "title": "UCDR-Adapter",
        "booktitle": "WACV",
    }


def test_what_changed_since_the_import_is_written_and_the_rest_kept(service):
    (paper,) = service.add_from_text(LIBRARY.split("@article")[0]).created
    fields = PaperFields(
        **{f.name: getattr(paper, f.name) for f in dataclasses.fields(PaperFields)}
    )
    service.update(paper.id, dataclasses.replace(fields, title="UCDR-Adapter, revised", year=2026))
    (entry,) = bibtexparser.parse_string(service.bibtex()).entries
    (original,) = [e for e in bibtexparser.parse_string(LIBRARY).entries if e.key == entry.key]
    now = {field.key: field.value for field in entry.fields}
    then = {field.key: field.value for field in original.fields}
    assert (now["Title"], now["year"]) == ("{UCDR-Adapter, revised}", "2026")
    assert entry.entry_type == original.entry_type
    assert [key for key in now] == [key for key in then]
    unchanged = set(then) - {"Title", "year"}
    assert {key: now[key] for key in unchanged} == {key: then[key] for key in unchanged}


def test_korean_names_stay_family_name_first():
    (read,) = parse_bibtex("@misc{k, title={T}, author={김, 철수 and Hinton, Geoffrey}}")
    assert read.authors == ("김철수", "Geoffrey Hinton")
    text = write_bibtex([_info(1, title="T", authors=("김철수", "Geoffrey Hinton"), year=2024)])
    (entry,) = bibtexparser.parse_string(text).entries
    assert entry["author"] == "김철수 and Geoffrey Hinton"
    assert entry.key == "kim2024t"


def _info(paper_id, **values):
    from studyapp.core.dto import PaperInfo

    return PaperInfo(id=paper_id, **values)


def test_keys_a_bib_gave_are_kept_and_others_made_around_them():
    hinton = _info(1, title="Distilling the Knowledge", authors=("Geoffrey Hinton",), year=2015)
    given = _info(2, title="Other", bibtex_key=make_key(hinton))
    pending = _info(3, title="arXiv:1503.02531", arxiv_id="1503.02531")
    doi_only = _info(4, title="doi:10.1145/3580305.3599390", doi="10.1145/3580305.3599390")
    keys = unique_keys([hinton, given, pending, doi_only])
    assert keys[1] == make_key(hinton)  # the .bib's own key wins
    assert keys[0] == f"{make_key(hinton)}a"
    assert keys[2] == "arxiv150302531"  # not "paperarxiv"
    assert keys[3] == "doi" + "".join(ch for ch in doi_only.doi if ch.isalnum())
    assert len(set(keys)) == len(keys)


def test_keys_stay_the_same_when_the_library_grows():
    first = _info(1, title="Tiny Teachers", authors=("Minji Kim",), year=2024)
    second = _info(2, title="Tiny Students", authors=("김민지",), year=2024)
    before = unique_keys([first, second])
    later = _info(3, title="Tiny Things", authors=("Kim, Minji",), year=2024)
    assert unique_keys([first, second, later])[:2] == before
    assert before == ["kim2024tiny", "kim2024tinya"]


# Titles as people write them: Hangul, accents, protected {CAPS}, LaTeX specials.
_titles = st.lists(
    st.sampled_from(["Tiny", "김철수", "Müller", "{CLIP}", r"\&", "50\\%", "$O(n)$", "a-b:"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    entry_type=st.sampled_from(["article", "inproceedings", "misc", "book", "techreport"]),
    extra=st.dictionaries(
        st.sampled_from(["pages", "volume", "note", "publisher", "series", "editor"]),
        st.text(alphabet="abc 123-철수", min_size=1, max_size=12).filter(str.strip),
        max_size=4,
    ),
    title=_titles,
)
def test_any_entry_reads_back_with_the_same_fields(entry_type, extra, title):
    fields = "".join(f",\n  {name} = {{{value}}}" for name, value in extra.items())
    text = f"@{entry_type}{{key1,\n  title = {{{title}}}{fields}\n}}\n"
    (read,) = parse_bibtex(text)
    paper = _info(1, **{f.name: getattr(read, f.name) for f in dataclasses.fields(PaperFields)})
    assert _entries(bibtexparser.parse_string(write_bibtex([paper]))) == _entries(
        bibtexparser.parse_string(text)
    )
