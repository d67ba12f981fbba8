"""The papers library as a person uses it: filter, sort, read the details, open, add."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices

from studyapp.core.papers.fields import PaperFields
from studyapp.core.services.papers import PaperService
from studyapp.ui.models.paper_model import PaperColumn, PaperRole, PaperTableModel
from studyapp.ui.papers.papers_view import PapersView

PAPERS = [
    PaperFields(
        title="Attention Is All You Need",
        authors=("Ashish Vaswani", "Noam Shazeer"),
        venue="NeurIPS 2017",
        year=2017,
        arxiv_id="1706.03762",
        abstract="The Transformer.",
        tags=("transformer",),
    ),
    PaperFields(
        title="지식 증류를 통한 경량 모델 학습",
        authors=("이동훈", "박서연"),
        venue="KCC 2024",
        year=2024,
        doi="10.1234/kcc.2024.77",
        tags=("증류",),
    ),
    PaperFields(
        title="UCDR-Adapter",
        authors=("Haoyu Jiang",),
        venue="WACV 2025",
        year=2025,
        url="https://example.org/ucdr",
    ),
]


@pytest.fixture
def view(qtbot, database):
    service = PaperService(database)
    for fields in PAPERS:
        service.add(fields)
    widget = PapersView(database)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def visible_titles(view):
    proxy = view.proxy
    return [proxy.index(row, PaperColumn.TITLE).data() for row in range(proxy.rowCount())]


def click_row(qtbot, view, row):
    table = view.table
    rect = table.visualRect(view.proxy.index(row, PaperColumn.TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_filter_as_you_type_is_case_insensitive(qtbot, view):
    assert len(visible_titles(view)) == 3
    qtbot.keyClicks(view.findChild(type(view.filter_edit), "papersFilter"), "VASWANI")
    assert visible_titles(view) == ["Attention Is All You Need"]
    view.filter_edit.clear()
    view.filter_edit.setText("증류")  # Hangul is set directly; key clicks cannot send it
    assert visible_titles(view) == ["지식 증류를 통한 경량 모델 학습"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "wacv")
    assert visible_titles(view) == ["UCDR-Adapter"]


def test_year_sorts_as_a_number(qtbot, view):
    header = view.table.horizontalHeader()
    section = QPoint(header.sectionViewportPosition(PaperColumn.YEAR) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
    years = [view.proxy.index(r, PaperColumn.YEAR).data() for r in range(3)]
    assert years in (["2017", "2024", "2025"], ["2025", "2024", "2017"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
    assert [view.proxy.index(r, PaperColumn.YEAR).data() for r in range(3)] == years[::-1]


def test_details_and_open_link(qtbot, view, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    open_button = view.findChild(type(view.open_button), "openPaperLinkButton")
    assert not open_button.isEnabled()
    row = visible_titles(view).index("지식 증류를 통한 경량 모델 학습")
    click_row(qtbot, view, row)
    assert view.title_label.text() == "지식 증류를 통한 경량 모델 학습"
    assert view.authors_label.text() == "이동훈, 박서연"
    assert "KCC 2024" in view.venue_label.text()
    assert "10.1234/kcc.2024.77" in view.ids_label.text()
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://doi.org/10.1234/kcc.2024.77"]


def test_add_paper_selects_it_and_emits_changed(qtbot, view, database):
    qtbot.mouseClick(
        view.findChild(type(view.add_button), "addPaperButton"), Qt.MouseButton.LeftButton
    )
    dialog = view.add_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title_edit, "Deep Residual Learning")
    qtbot.keyClicks(dialog.year_edit, "2016")
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert {row.paper.title for row in PaperService(database).rows()} >= {"Deep Residual Learning"}
    assert view.current_paper().title == "Deep Residual Learning"
    assert view.title_label.text() == "Deep Residual Learning"


def test_duplicate_in_dialog_opens_the_existing_paper(qtbot, view):
    view.filter_edit.setText("wacv")
    dialog = view.add_paper()
    qtbot.keyClicks(dialog.title_edit, "Attention is all you need!")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Attention Is All You Need" in dialog.error.text()
    qtbot.mouseClick(dialog.open_existing, Qt.MouseButton.LeftButton)
    assert view.current_paper().title == "Attention Is All You Need"
    assert view.filter_edit.text() == ""  # the filter hid it, so it was cleared


def test_model_roles_without_a_view(database, qtmodeltester):
    service = PaperService(database)
    for fields in PAPERS:
        service.add(fields)
    model = PaperTableModel()
    model.set_rows(service.rows())
    qtmodeltester.check(model)
    index = model.index(0, PaperColumn.YEAR)
    assert isinstance(index.data(PaperRole.SORT), int)
    assert index.data(PaperRole.PAPER).id == index.data(PaperRole.ID)
    assert model.headerData(PaperColumn.TIMES_PRESENTED, Qt.Orientation.Horizontal) == "Presented"


def test_move_to_trash_hides_the_paper_and_the_trash_brings_it_back(qtbot, view, database):
    from studyapp.core.services.trash import TrashService

    click_row(qtbot, view, 0)
    title = view.current_paper().title
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(view.trash_button, Qt.MouseButton.LeftButton)
    assert title not in visible_titles(view)
    trash = TrashService(database)
    [item] = [i for i in trash.items() if i.kind == "paper"]
    assert item.title == title
    trash.restore("paper", item.id)
    view.reload()
    assert title in visible_titles(view)


def test_the_library_is_read_when_the_tab_is_first_shown(qtbot, database):
    service = PaperService(database)
    for fields in PAPERS:
        service.add(fields)
    widget = PapersView(database)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0  # building the window reads no papers
    service.add(PaperFields(title="Added while the tab was hidden"))
    widget.reload()  # hidden: only marked stale
    assert widget.model.rowCount() == 0
    widget.show()
    assert widget.model.rowCount() == len(PAPERS) + 1
    assert "Added while the tab was hidden" in visible_titles(widget)


def test_selecting_a_paper_reads_a_library_not_shown_yet(qtbot, database):
    paper_id = PaperService(database).add(PAPERS[1]).id
    widget = PapersView(database)
    qtbot.addWidget(widget)
    assert widget.select_paper(paper_id)
    assert widget.current_paper().title == PAPERS[1].title


def test_sorting_keeps_the_selected_paper_and_the_filter(qtbot, view):
    row = visible_titles(view).index("UCDR-Adapter")
    click_row(qtbot, view, row)
    header = view.table.horizontalHeader()
    for column in (PaperColumn.YEAR, PaperColumn.AUTHORS, PaperColumn.TITLE):
        section = QPoint(header.sectionViewportPosition(column) + 5, 5)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
        assert view.current_paper().title == "UCDR-Adapter"
        assert view.title_label.text() == "UCDR-Adapter"
    assert visible_titles(view) == sorted(visible_titles(view), key=str.casefold)
    view.filter_edit.setText("20")  # every venue has a year in it
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
    assert visible_titles(view) == sorted(
        ["Attention Is All You Need", "지식 증류를 통한 경량 모델 학습", "UCDR-Adapter"],
        key=str.casefold,
        reverse=True,
    )


def test_a_reload_keeps_the_chosen_order(qtbot, view, database):
    header = view.table.horizontalHeader()
    section = QPoint(header.sectionViewportPosition(PaperColumn.YEAR) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
    years = [view.proxy.index(r, PaperColumn.YEAR).data() for r in range(3)]
    PaperService(database).add(PaperFields(title="Older", year=2001))
    view.reload()
    after = [view.proxy.index(r, PaperColumn.YEAR).data() for r in range(4)]
    assert after == sorted([*years, "2001"], reverse=years[0] > years[-1])
