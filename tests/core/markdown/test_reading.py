"""Reading note files: encodings, line ends, Unicode normalization, binary refusal."""

import unicodedata

import pytest

from studyapp.core.errors import ImportFileError
from studyapp.core.markdown.reading import NOTE_SUFFIXES, content_hash, read_note_text


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_crlf(tmp_path):
    path = _write(tmp_path, "a.md", "\ufeff# 제목\r\n\r\n본문\rline\n".encode())
    assert read_note_text(path) == "# 제목\n\n본문\nline\n"


def test_utf16_with_bom(tmp_path):
    for encoding in ("utf-16", "utf-16-be"):
        data = "\ufeff# 회의록\r\n- [ ] 할 일\r\n".encode(encoding)
        assert read_note_text(_write(tmp_path, f"{encoding}.md", data)) == "# 회의록\n- [ ] 할 일\n"


def test_cp949_and_euc_kr(tmp_path):
    text = "회의 메모\n교사-학생 용량 차이\n"
    assert read_note_text(_write(tmp_path, "a.txt", text.encode("cp949"))) == text
    assert read_note_text(_write(tmp_path, "b.txt", text.encode("euc-kr"))) == text
    # A CP949-only syllable (not in EUC-KR's 2,350).
    assert read_note_text(_write(tmp_path, "c.txt", "똠방각하".encode("cp949"))) == "똠방각하"


def test_decomposed_hangul_is_composed(tmp_path):
    nfd = unicodedata.normalize("NFD", "교사 모델 정리")
    assert nfd != "교사 모델 정리"
    assert read_note_text(_write(tmp_path, "a.md", nfd.encode())) == "교사 모델 정리"


def test_binary_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match=r"photo\.md: not a text file"):
        read_note_text(_write(tmp_path, "photo.md", bytes(range(256)) * 8))
    with pytest.raises(ImportFileError, match="not a text file"):
        read_note_text(_write(tmp_path, "nul.md", b"text\x00more"))
    with pytest.raises(ImportFileError, match="not a text file"):
        read_note_text(_write(tmp_path, "ctl.md", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"abc"))


def test_undecodable_bytes_give_a_readable_message(tmp_path):
    with pytest.raises(ImportFileError, match=r"bad.md: not UTF-8.*UTF-8"):
        read_note_text(_write(tmp_path, "bad.md", b"ok \xff\xfe\xff\xff\xc0 end" * 3))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFileError, match=r"nope\.md"):
        read_note_text(tmp_path / "nope.md")
    with pytest.raises(ImportFileError, match="folder"):
        read_note_text(tmp_path)


def test_empty_file(tmp_path):
    assert read_note_text(_write(tmp_path, "empty.md", b"")) == ""


def test_hash_is_of_the_normalized_text(tmp_path):
    crlf = read_note_text(_write(tmp_path, "a.md", "\ufeffx\r\ny".encode()))
    lf = read_note_text(_write(tmp_path, "b.md", b"x\ny"))
    assert content_hash(crlf) == content_hash(lf)
    assert len(content_hash(lf)) == 64
    assert content_hash("a") != content_hash("b")


def test_note_suffixes():
    assert NOTE_SUFFIXES == (".md", ".markdown", ".txt")
