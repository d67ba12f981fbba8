"""A note's embedded images are imported with it, found where Obsidian would find them."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.markdown.html import render_fragment
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.exports import ExportService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _import(database, *paths: Path):
    return ImportService(database).import_paths(list(paths))


def _images(database, session_id: int) -> list[tuple[str, bytes]]:
    return AttachmentService(database).files(session_id)


def test_an_image_beside_the_note_is_kept_with_its_session(database, tmp_path):
    (tmp_path / "slide-0317.png").write_bytes(PNG)
    note = tmp_path / "0317 스터디.md"
    note.write_text("# 0317 스터디\n\n![[slide-0317.png]]\n![[IMG_8158.heic]]\n", "utf-8")
    [outcome] = _import(database, note).outcomes
    assert outcome.status == "created"
    assert _images(database, outcome.session_id) == [("slide-0317.png", PNG)]


def test_the_vaults_attachment_folder_and_any_folder_of_the_vault(database, tmp_path):
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / ".obsidian" / "app.json").write_text('{"attachmentFolderPath": "Files"}', "utf-8")
    (vault / "Files").mkdir()
    (vault / "Files" / "a.png").write_bytes(PNG)
    (vault / "deep" / "er").mkdir(parents=True)
    (vault / "deep" / "er" / "b.jpg").write_bytes(b"\xff\xd8\xff" + b"1" * 20)
    (vault / "notes").mkdir()
    note = vault / "notes" / "2025-03-10 모임.md"
    note.write_text("![[a.png]]\n\n![[er/b.jpg|300]]\n", "utf-8")
    [outcome] = _import(database, note).outcomes
    images = dict(_images(database, outcome.session_id))
    assert images.keys() == {"a.png", "b.jpg"}
    assert images["a.png"] == PNG


def test_an_embed_never_reads_outside_the_notes(database, tmp_path):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "key.png").write_bytes(PNG)
    notes = tmp_path / "notes"
    notes.mkdir()
    note = notes / "2025-03-10.md"
    note.write_text("![[../secret/key.png]]\n", "utf-8")
    (notes / "link.png").symlink_to(outside / "key.png")
    note.write_text("![[../secret/key.png]]\n![[link.png]]\n", "utf-8")
    [outcome] = _import(database, note).outcomes
    assert _images(database, outcome.session_id) == []


def test_an_image_that_appears_later_is_imported_again(database, tmp_path):
    note = tmp_path / "2025-03-10.md"
    note.write_text("# 모임\n\n![[whiteboard.png]]\n", "utf-8")
    [first] = _import(database, note).outcomes
    assert _images(database, first.session_id) == []
    assert [o.status for o in _import(database, note).outcomes] == ["unchanged"]

    (tmp_path / "whiteboard.png").write_bytes(PNG)
    [again] = _import(database, note).outcomes
    assert (again.status, again.session_id) == ("updated", first.session_id)
    assert _images(database, first.session_id) == [("whiteboard.png", PNG)]
    changed = PNG + b"more"
    (tmp_path / "whiteboard.png").write_bytes(changed)
    _import(database, note)
    assert _images(database, first.session_id) == [("whiteboard.png", changed)]


def test_each_meeting_of_a_log_keeps_the_images_it_embeds(database, tmp_path):
    (tmp_path / "slide-0317.png").write_bytes(PNG)
    log = tmp_path / "log-2025.md"
    log.write_text("# 0310 MUG\n- a\n\n# 0317 스터디\n![[slide-0317.png]]\n", "utf-8")
    first, second = _import(database, log).outcomes
    assert _images(database, first.session_id) == []
    assert _images(database, second.session_id) == [("slide-0317.png", PNG)]


def _linked_note(tmp_path: Path) -> Path:
    """A note showing images with standard links into folders, as Typora, VS Code and
    Obsidian (with wikilinks off) write them."""
    notes = tmp_path / "notes"
    (notes / "attachments").mkdir(parents=True)
    (notes / "attachments" / "my slide.png").write_bytes(PNG)
    (notes / "img").mkdir()
    (notes / "img" / "photo one.jpg").write_bytes(JPEG)
    (tmp_path / "secret.png").write_bytes(PNG + b"secret")
    note = notes / "2025-03-10 모임.md"
    note.write_text(
        "# 모임\n\n![슬라이드](attachments/my%20slide.png)\n"
        '![](<img/photo one.jpg> "칠판")\n![](https://example.com/web.png)\n'
        "![](../secret.png)\n`![](attachments/my%20slide.png)` in code stays code\n",
        "utf-8",
    )
    return notes


JPEG = b"\xff\xd8\xff" + b"1" * 20


def test_an_image_linked_by_its_folder_is_kept_and_nothing_outside(database, tmp_path):
    [outcome] = _import(database, _linked_note(tmp_path)).outcomes
    assert outcome.status == "created"
    assert dict(_images(database, outcome.session_id)) == {
        "my slide.png": PNG,
        "photo one.jpg": JPEG,
    }


def test_an_image_linked_by_its_folder_shows_in_every_export(database, tmp_path):
    [outcome] = _import(database, _linked_note(tmp_path)).outcomes
    detail = SessionService(database).get(outcome.session_id)  # type: ignore[arg-type]
    fragment = render_fragment(detail.body, detail.attachments)
    assert '<img alt="슬라이드" src="my slide.png"' in fragment  # the preview finds it by name
    assert 'src="photo one.jpg"' in fragment
    assert 'src="https://example.com/web.png"' in fragment

    # Markdown: the links as written, the images where they lead.
    out = tmp_path / "vault-out"
    ExportService(database).export(out, flavor="obsidian")
    assert (out / "attachments" / "my slide.png").read_bytes() == PNG
    assert (out / "img" / "photo one.jpg").read_bytes() == JPEG
    [page] = out.glob("*.md")
    assert "![슬라이드](attachments/my%20slide.png)" in page.read_text("utf-8")

    # A blog: served from the post's assets.
    blog = tmp_path / "blog"
    ExportService(database).export(blog, flavor="jekyll")
    [post] = blog.glob("*.md")
    text = post.read_text("utf-8")
    assert f"![슬라이드](/assets/{post.stem}/my%20slide.png)" in text
    assert "`![](attachments/my%20slide.png)`" in text  # code is left as written
    assert (blog / "assets" / post.stem / "my slide.png").read_bytes() == PNG

    # HTML: beside the page, by name.
    site = tmp_path / "html"
    ExportService(database).export(site, flavor="html")
    assert (site / "my slide.png").read_bytes() == PNG
    assert 'src="my slide.png"' in next(site.glob("*.html")).read_text("utf-8")
