"""Themes: readable palettes (WCAG contrast) and switching between light, dark and system."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLineEdit, QToolTip

from studyapp.ui import theme
from studyapp.ui.theme import apply_theme, current_theme, dark_palette, light_palette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Foreground/background pairs a person reads; each must reach WCAG AA for normal text.
READ_PAIRS = [
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
]


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def restore_theme(qapp):
    yield qapp
    apply_theme(qapp, "system")


@pytest.mark.parametrize("make_palette", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize(("foreground", "background"), READ_PAIRS)
def test_palette_text_is_readable(make_palette, foreground, background):
    palette = make_palette()
    for group in (Group.Active, Group.Inactive):
        ratio = contrast(palette.color(group, foreground), palette.color(group, background))
        assert ratio >= 4.5, f"{foreground.name} on {background.name}: {ratio:.2f}"


@pytest.mark.parametrize("make_palette", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize(
    ("foreground", "background"),
    [(Role.Text, Role.Base), (Role.WindowText, Role.Window), (Role.ButtonText, Role.Button)],
)
def test_disabled_text_is_dimmer_but_legible(make_palette, foreground, background):
    palette = make_palette()
    active = contrast(palette.color(Group.Active, foreground), palette.color(background))
    disabled = contrast(
        palette.color(Group.Disabled, foreground), palette.color(Group.Disabled, background)
    )
    assert 2.5 <= disabled < active


def test_dark_palette_is_dark_and_light_is_light():
    dark, light = dark_palette(), light_palette()
    for role in (Role.Window, Role.Base, Role.Button):
        assert luminance(dark.color(role)) < 0.05
        assert luminance(light.color(role)) > 0.8
    assert luminance(dark.color(Role.Text)) > 0.7
    assert luminance(light.color(Role.Text)) < 0.05
    # The selection must stand out from the background it sits on.
    for palette in (dark, light):
        assert contrast(palette.color(Role.Highlight), palette.color(Role.Base)) >= 1.8


def test_dark_theme_reaches_widgets_and_system_restores(restore_theme, qtbot):
    app = restore_theme
    apply_theme(app, "system")
    original_style = app.style().name()
    original_window = app.palette().color(Role.Window).name()

    apply_theme(app, "dark")
    assert current_theme(app) == "dark"
    assert app.style().name().lower() == "fusion"
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert edit.palette().color(Role.Base) == dark_palette().color(Role.Base)
    assert edit.palette().color(Role.Text) == dark_palette().color(Role.Text)
    assert QToolTip.palette().color(Role.ToolTipBase) == dark_palette().color(Role.ToolTipBase)

    apply_theme(app, "light")
    assert app.palette().color(Role.Window) == light_palette().color(Role.Window)

    apply_theme(app, "system")
    assert current_theme(app) == "system"
    assert app.style().name() == original_style
    assert app.palette().color(Role.Window).name() == original_window


def test_unknown_theme_means_system(restore_theme):
    apply_theme(restore_theme, "sepia")
    assert current_theme(restore_theme) == "system"


def test_system_theme_follows_a_dark_desktop(restore_theme, monkeypatch):
    app = restore_theme
    apply_theme(app, "system")
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    # The desktop switches to dark while the app runs with "system".
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert app.palette().color(Role.Window) == dark_palette().color(Role.Window)
    assert current_theme(app) == "system"

    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert app.palette().color(Role.Window) != dark_palette().color(Role.Window)


def test_explicit_theme_ignores_the_desktop(restore_theme, monkeypatch):
    app = restore_theme
    apply_theme(app, "system")  # connects to the desktop's color scheme
    apply_theme(app, "light")
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert app.palette().color(Role.Window) == light_palette().color(Role.Window)
