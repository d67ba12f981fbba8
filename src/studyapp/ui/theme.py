"""Light, dark and system themes for the whole application.

"light" and "dark" use the Fusion style, which draws everything from the palette, so a
complete palette is all a theme needs. "system" puts back the platform's own style and
palette, and follows the desktop into dark mode where Qt reports the color scheme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QToolTip

THEMES = ("system", "light", "dark")

# Remembered on the application object so repeated calls (and tests) stay consistent.
_DEFAULT_STYLE_PROPERTY = "studyappDefaultStyle"
_THEME_PROPERTY = "studyappTheme"
_SCHEME_HOOK_PROPERTY = "studyappFollowsColorScheme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f2f2f2",
    Role.WindowText: "#1b1b1b",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f7",
    Role.Text: "#1b1b1b",
    Role.Button: "#e9e9e9",
    Role.ButtonText: "#1b1b1b",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#f7f7f7",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9a9a9a",
    Role.Shadow: "#707070",
    Role.Highlight: "#2b63c4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a3ab2",
    Role.ToolTipBase: "#ffffe1",
    Role.ToolTipText: "#1b1b1b",
    Role.PlaceholderText: "#676767",
}

_DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262626",
    Role.Text: "#e6e6e6",
    Role.Button: "#363636",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ffffff",
    Role.Light: "#505050",
    Role.Midlight: "#424242",
    Role.Mid: "#2f2f2f",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#0c0c0c",
    Role.Highlight: "#2f65c0",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7cb4ff",
    Role.LinkVisited: "#c7a2ff",
    Role.ToolTipBase: "#3c3c3c",
    Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#9c9c9c",
}

# Disabled widgets: dimmer than active text, still legible.
_LIGHT_DISABLED = {"text": "#8c8c8c", "highlight": "#c4c4c4", "highlighted_text": "#4a4a4a"}
_DARK_DISABLED = {"text": "#858585", "highlight": "#3f3f3f", "highlighted_text": "#a8a8a8"}


def _build_palette(colors: dict[QPalette.ColorRole, str], disabled: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(Group.All, role, QColor(color))
    dim = QColor(disabled["text"])
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, dim)
    palette.setColor(Group.Disabled, Role.Highlight, QColor(disabled["highlight"]))
    palette.setColor(Group.Disabled, Role.HighlightedText, QColor(disabled["highlighted_text"]))
    palette.setColor(Group.Disabled, Role.Link, dim)
    return palette


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way toward ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def light_palette() -> QPalette:
    return _build_palette(_LIGHT, _LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _build_palette(_DARK, _DARK_DISABLED)


def system_prefers_dark() -> bool:
    """True when the desktop reports a dark color scheme (Qt 6.5+ on most platforms)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:
        return False
    return bool(scheme() == Qt.ColorScheme.Dark)


def current_theme(app: QApplication) -> str:
    value = app.property(_THEME_PROPERTY)
    return value if isinstance(value, str) and value in THEMES else "system"


def _default_style_name(app: QApplication) -> str:
    name = app.property(_DEFAULT_STYLE_PROPERTY)
    if isinstance(name, str) and name:
        return name
    name = app.style().name()
    app.setProperty(_DEFAULT_STYLE_PROPERTY, name)
    return name


def _set_palette(app: QApplication, palette: QPalette) -> None:
    app.setPalette(palette)
    # Tooltips keep their own palette, copied once; give them the new colors too.
    QToolTip.setPalette(app.palette())


def _use_fusion(app: QApplication, palette: QPalette) -> None:
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    _set_palette(app, palette)


def _follow_color_scheme(app: QApplication) -> None:
    if app.property(_SCHEME_HOOK_PROPERTY):
        return
    hints = QGuiApplication.styleHints()
    signal = getattr(hints, "colorSchemeChanged", None)
    if signal is None:
        return
    app.setProperty(_SCHEME_HOOK_PROPERTY, True)

    def scheme_changed(*_args: object) -> None:
        if current_theme(app) == "system":
            apply_theme(app, "system")

    signal.connect(scheme_changed)


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "system", "light" or "dark" to every widget of ``app`` (unknown -> system)."""
    if theme not in THEMES:
        theme = "system"
    default_style = _default_style_name(app)  # read before the first change of style
    app.setProperty(_THEME_PROPERTY, theme)
    if theme == "light":
        _use_fusion(app, light_palette())
        return
    if theme == "dark":
        _use_fusion(app, dark_palette())
        return
    _follow_color_scheme(app)
    if system_prefers_dark():
        # Native styles draw with their own colors and ignore a dark palette; Fusion doesn't.
        _use_fusion(app, dark_palette())
        return
    if app.style().name().lower() != default_style.lower():
        style = QStyleFactory.create(default_style)
        if style is not None:
            app.setStyle(style)
    # An empty palette resolves to the platform's (or the style's standard) palette.
    _set_palette(app, QPalette())
