import datetime as dt

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.sessions import SessionService

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_images_are_kept_with_unique_safe_names(database):
    session = SessionService(database).create(group="G", title="t", date=dt.date(2025, 3, 10))
    images = AttachmentService(database)
    now = dt.datetime(2025, 3, 10, 19, 3, 12)
    first = images.add(session.id, PNG, "image/png", now=now)
    second = images.add(session.id, PNG, "image/png", now=now)
    odd = images.add(session.id, PNG, "image/jpeg", stem="../../화이트보드 사진", now=now)
    assert first == "slide-20250310-190312.png"
    assert second == "slide-20250310-190312-2.png"
    assert "/" not in odd and odd.endswith(".jpg") and "화이트보드" in odd
    assert images.names(session.id) == [first, second, odd]
    assert images.data(session.id, first) == PNG
    assert [name for name, _ in images.files(session.id)] == [first, second, odd]


def test_not_an_image_or_missing_session(database):
    session = SessionService(database).create(group="G", title="t", date=dt.date(2025, 3, 10))
    images = AttachmentService(database)
    with pytest.raises(ValidationError):
        images.add(session.id, b"MZ", "application/x-msdownload")
    with pytest.raises(ValidationError):
        images.add(session.id, b"", "image/png")
    with pytest.raises(NotFoundError):
        images.add(999, PNG, "image/png")
    with pytest.raises(NotFoundError):
        images.data(session.id, "nope.png")


@pytest.mark.parametrize(
    ("flavor", "folder", "link"),
    [
        # A blog serves a post's images from its assets, a folder for each post.
        (
            "jekyll",
            "assets/2025-03-10-슬라이드",
            "![](/assets/2025-03-10-슬라이드/slide-20250310-190312.png)",
        ),
        ("obsidian", ".", "![[slide-20250310-190312.png]]"),
    ],
)
def test_images_are_exported_beside_the_minutes(database, tmp_path, flavor, folder, link):
    from studyapp.core.services.exports import ExportService

    sessions = SessionService(database)
    session = sessions.create(group="G", title="슬라이드", date=dt.date(2025, 3, 10))
    name = AttachmentService(database).add(
        session.id, PNG, "image/png", now=dt.datetime(2025, 3, 10, 19, 3, 12)
    )
    sessions.set_body(session.id, f"발표 자료\n\n![]({name})")
    out = tmp_path / "out"
    ExportService(database).export(out, flavor=flavor)
    assert (out / folder / name).read_bytes() == PNG
    page = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert link in page
