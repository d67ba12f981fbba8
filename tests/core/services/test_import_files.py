"""Files read ahead of their turn: bounded, and read again when the people known changed."""

from pathlib import Path

from studyapp.core.services import import_files
from studyapp.core.services.import_files import ReadAhead, SourceFile, collect_files


def _files(folder: Path, count: int, size: int = 10) -> list[SourceFile]:
    folder.mkdir(exist_ok=True)
    sources = []
    for number in range(count):
        path = folder / f"2025-03-{number + 1:02d}.md"
        path.write_text(f"# 회의 {number}\n\n" + "가" * size + "\n", "utf-8")
        sources.append(SourceFile(path, folder, from_folder=True))
    return sources


def _reading(monkeypatch) -> list[Path]:
    read: list[Path] = []
    original = import_files.read_note

    def counted(source, people, **options):
        read.append(source.path)
        return original(source, people, **options)

    monkeypatch.setattr(import_files, "read_note", counted)
    return read


def test_reading_ahead_stops_when_no_longer_busy(tmp_path, monkeypatch):
    files = _files(tmp_path / "notes", 6)
    ahead = ReadAhead()
    read = _reading(monkeypatch)
    answers = iter([True, True, False])
    ahead.read_while(lambda: next(answers), files, 1, [])
    assert read == [files[1].path, files[2].path]
    taken = ahead.take(1, files[1], [])
    assert taken.parts and taken.parts[0].note.title == "회의 1"
    assert read == [files[1].path, files[2].path]  # not read again


def test_reading_ahead_keeps_a_bounded_number_of_files_and_characters(tmp_path, monkeypatch):
    files = _files(tmp_path / "notes", 8, size=100)
    monkeypatch.setattr(import_files, "READ_AHEAD_FILES", 3)
    ahead = ReadAhead()
    read = _reading(monkeypatch)
    ahead.read_while(lambda: True, files, 0, [])
    assert len(read) == 3
    ahead.take(0, files[0], [])
    ahead.read_while(lambda: True, files, 1, [])
    assert read[3:] == [files[3].path]  # one place freed, one more file read

    monkeypatch.setattr(import_files, "READ_AHEAD_CHARS", 250)
    fresh = ReadAhead()
    read.clear()
    fresh.read_while(lambda: True, files, 0, [])
    assert len(read) == 3  # 3 files of over 100 characters pass 250


def test_a_file_read_ahead_is_read_again_once_someone_new_is_known(tmp_path, monkeypatch):
    folder = tmp_path / "notes"
    folder.mkdir()
    path = folder / "2025-03-04.md"
    path.write_text("## Transformers by Zed\n\n노트\n", "utf-8")
    source = SourceFile(path, folder, from_folder=True)
    people = ["Alice"]
    ahead = ReadAhead()
    ahead.read_while(lambda: True, [source], 0, people)
    people.append("Zed")  # the presenter of a note imported meanwhile
    taken = ahead.take(0, source, people)
    assert taken.parts
    assert [slot.presenter for slot in taken.parts[0].note.presentations] == ["Zed"]


def test_a_file_that_breaks_while_read_ahead_is_left_for_its_turn(tmp_path, monkeypatch):
    files = _files(tmp_path / "notes", 3)
    original = import_files.read_note
    broken = {files[1].path}

    def breaking(source, people, **options):
        if source.path in broken:
            raise MemoryError("too big")
        return original(source, people, **options)

    monkeypatch.setattr(import_files, "read_note", breaking)
    ahead = ReadAhead()
    ahead.read_while(lambda: True, files, 0, [])  # stops at the broken file, quietly
    broken.clear()
    taken = ahead.take(1, files[1], [])  # read in its turn
    assert taken.parts and taken.parts[0].note.title == "회의 1"
    assert ahead.take(2, files[2], []).parts


def test_a_file_larger_than_what_is_left_of_the_budget_waits_for_its_turn(tmp_path, monkeypatch):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, size in (("2025-03-01.md", 50), ("2025-03-02.md", 5000), ("2025-03-03.md", 50)):
        (folder / name).write_text("# 회의\n\n" + "가" * size + "\n", "utf-8")
    files = collect_files([folder])
    assert [source.size for source in files][1] > 3 * 5000  # bytes on disk, known before reading
    monkeypatch.setattr(import_files, "READ_AHEAD_CHARS", 3000)
    ahead = ReadAhead()
    read = _reading(monkeypatch)
    ahead.read_while(lambda: True, files, 0, [])
    assert read == [files[0].path]  # the large one is not read ahead, nor what follows it
    assert ahead.take(1, files[1], []).parts  # it is read in its turn


def test_a_skipped_file_is_never_read_ahead(tmp_path, monkeypatch):
    files = _files(tmp_path / "notes", 3)
    files[1] = SourceFile(files[1].path, files[1].root, True, skipped="a named pipe, not a file")
    ahead = ReadAhead()
    read = _reading(monkeypatch)
    ahead.read_while(lambda: True, files, 0, [])
    assert read == [files[0].path, files[2].path]  # past it, and nothing of it kept
    assert ahead.take(1, files[1], []).problem == "a named pipe, not a file"
