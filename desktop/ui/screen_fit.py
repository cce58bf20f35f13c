"""Every window and dialog inside the screen's available area, at the size the user left it.

Laptops of 1366×768 at 150 % scaling give a program 911×512 logical pixels (less the task bar).
``ScreenFitter`` watches every top-level window as it is shown: it restores the size the user
last gave that kind of window, shrinks it to the available area and moves it fully inside.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

SIZE_KEY = "sizes/{name}"


def available_area(widget: QWidget | None = None) -> QRect:
    """The available geometry (without task bars) of the widget's screen, else the primary's."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def frame_allowance(widget: QWidget) -> QSize:
    """Room the window frame takes around the client area (title bar, borders)."""
    if widget.isVisible():
        frame = widget.frameGeometry().size() - widget.geometry().size()
        return QSize(max(frame.width(), 0), max(frame.height(), 0))
    return QSize(0, 0)


def fitted_size(wanted: QSize, area: QRect, frame: QSize) -> QSize:
    """``wanted`` shrunk so that it and its frame fit in ``area``."""
    return QSize(
        max(1, min(wanted.width(), area.width() - frame.width())),
        max(1, min(wanted.height(), area.height() - frame.height())),
    )


def inside(rect: QRect, area: QRect, frame: QSize) -> QPoint:
    """The top-left that moves ``rect`` (plus frame) fully into ``area``."""
    x = min(max(rect.x(), area.left()), area.right() + 1 - rect.width() - frame.width())
    y = min(max(rect.y(), area.top()), area.bottom() + 1 - rect.height() - frame.height())
    return QPoint(max(x, area.left()), max(y, area.top()))


def fit_to_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """Resize ``widget`` (to ``wanted`` if given) within the available area and move it inside.

    A window whose minimum size is larger than the area cannot shrink further: it is then
    placed at the area's top-left corner so its top (title, first buttons) stays reachable.
    """
    area = available_area(widget)
    frame = frame_allowance(widget)
    size = fitted_size(wanted if wanted is not None else widget.size(), area, frame)
    if size != widget.size():
        widget.resize(size)
    rect = QRect(widget.pos(), widget.size())
    target = inside(rect, area, frame)
    if target != widget.pos():
        widget.move(target)


def size_key(widget: QWidget) -> str:
    """The settings key a kind of window remembers its size under."""
    name = widget.objectName() or type(widget).__name__
    return SIZE_KEY.format(name=name)


class ScreenFitter(QObject):
    """Application-wide: fits every window shown; remembers dialogs' sizes between runs.

    Only windows of the program's own classes (``remember`` = True) keep their size; Qt's
    message boxes and file dialogs are only fitted. The main window keeps its geometry itself.
    """

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self._restored: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On Show of a top-level window: restore its size, fit it; on Hide: remember."""
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide):
            return False
        if not isinstance(watched, QWidget) or not watched.isWindow():
            return False
        if kind == QEvent.Type.Show:
            self._on_show(watched)
        elif self._remembers(watched):
            self.settings.setValue(size_key(watched), watched.size())
        return False

    def _remembers(self, widget: QWidget) -> bool:
        module = type(widget).__module__
        return module.startswith("desktop.") and not isinstance(widget, QMainWindow)

    def _on_show(self, widget: QWidget) -> None:
        wanted = None
        if self._remembers(widget) and id(widget) not in self._restored:
            self._restored.add(id(widget))
            saved = self.settings.value(size_key(widget))
            if isinstance(saved, QSize) and saved.isValid():
                wanted = saved.expandedTo(widget.minimumSizeHint())
        fit_to_screen(widget, wanted)


def install(app: QApplication, settings: QSettings | None = None) -> ScreenFitter:
    """Fit every window the application shows from now on (once per application)."""
    existing = app.findChild(ScreenFitter)
    if isinstance(existing, ScreenFitter):
        if settings is not None:
            existing.settings = settings
        return existing
    fitter = ScreenFitter(settings, app)
    app.installEventFilter(fitter)
    return fitter
