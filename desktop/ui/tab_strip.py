"""Every tab of a tab widget at once: the tabs wrap into a second (third …) row when the width
is short, instead of a tab bar whose scroll arrows hide tabs (1366×768 at 150 % scaling).

The tabs are drawn by the style as a tab bar's tabs are, so in one row they look as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QSizePolicy,
    QStyle,
    QStyleOptionTab,
    QStyleOptionTabBarBase,
    QStylePainter,
    QTabBar,
    QTabWidget,
    QToolTip,
    QWidget,
)

_POSITIONS = {
    (True, True): QStyleOptionTab.TabPosition.OnlyOneTab,
    (True, False): QStyleOptionTab.TabPosition.Beginning,
    (False, True): QStyleOptionTab.TabPosition.End,
    (False, False): QStyleOptionTab.TabPosition.Middle,
}

# Changes that can change a tab's size (its font, style, screen).
_RESIZING = (
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.LayoutDirectionChange,
    QEvent.Type.DevicePixelRatioChange,
    QEvent.Type.ScreenChangeInternal,
)


class TabButton(QAbstractButton):
    """One tab: shows its tab's text, its tab's tooltip, and selects its tab when clicked."""

    def __init__(self, strip: TabStrip, index: int) -> None:
        super().__init__(strip)
        self.strip = strip
        self.index = index
        self.first = self.last = True  # its place in its row
        # sizeHint by (text, place in row, selected): the layout asks hundreds of times while
        # the window is shown; a change of font, style or screen forgets them (event).
        self._hints: dict[tuple[str, bool, bool, bool], QSize] = {}
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def option(self) -> QStyleOptionTab:
        """The style option a tab bar would draw this tab with."""
        opt = QStyleOptionTab()
        opt.initFrom(self)
        opt.shape = QTabBar.Shape.RoundedNorth
        opt.documentMode = True
        opt.text = self.text()
        opt.position = _POSITIONS[(self.first, self.last)]
        if self.isChecked():
            opt.state |= QStyle.StateFlag.State_Selected
        return opt

    def sizeHint(self) -> QSize:
        """The size a tab bar gives a tab with this text."""
        key = (self.text(), self.first, self.last, self.isChecked())
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = self._size_hint()
        return QSize(hint)

    def _size_hint(self) -> QSize:
        opt = self.option()
        style = self.style()
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text())
        hspace = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, opt, self)
        vspace = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabVSpace, opt, self)
        size = QSize(text.width() + hspace, text.height() + vspace)
        return style.sizeFromContents(QStyle.ContentsType.CT_TabBarTab, opt, size, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_TabBarTab, self.option())

    def event(self, event: QEvent) -> bool:
        if event.type() in _RESIZING:
            self._hints.clear()
        if event.type() == QEvent.Type.ToolTip:
            tip = self.strip.tabs.tabToolTip(self.index)
            if tip:
                QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), tip, self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tab is selected on press, as in a tab bar."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.strip.tabs.setCurrentIndex(self.index)
            event.accept()
            return
        super().mousePressEvent(event)


class TabStrip(QWidget):
    """The tabs of ``tabs`` (whose own tab bar it hides) in as many rows as the width needs."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.buttons: list[TabButton] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        tabs.tabBar().hide()
        tabs.currentChanged.connect(self._show_current)
        self.sync()

    def sync(self) -> None:
        """Follow the tab widget's tabs (after a tab was added or removed)."""
        while len(self.buttons) < self.tabs.count():
            button = TabButton(self, len(self.buttons))
            button.show()
            self.buttons.append(button)
        while len(self.buttons) > self.tabs.count():
            self.buttons.pop().deleteLater()
        for index, button in enumerate(self.buttons):
            button.setText(self.tabs.tabText(index))
        self.updateGeometry()
        self._show_current(self.tabs.currentIndex())

    def _show_current(self, index: int) -> None:
        for button in self.buttons:
            button.setChecked(button.index == index)
            button.update()
        self._place(self.width())
        self.update()

    # ----- rows -----------------------------------------------------------------------------
    def rows(self, width: int) -> list[list[TabButton]]:
        """The buttons of each row when the strip is ``width`` wide (each row as full as fits)."""
        out: list[list[TabButton]] = []
        used = 0
        for button in self.buttons:
            need = button.sizeHint().width()
            if out and used + need <= width:
                out[-1].append(button)
                used += need
            else:
                out.append([button])
                used = need
        return out

    def _row_height(self) -> int:
        return max((b.sizeHint().height() for b in self.buttons), default=0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(len(self.rows(width)), 1) * self._row_height()

    def sizeHint(self) -> QSize:
        width = sum(b.sizeHint().width() for b in self.buttons)
        return QSize(width, self._row_height())

    def minimumSizeHint(self) -> QSize:
        width = max((b.sizeHint().width() for b in self.buttons), default=0)
        return QSize(width, self._row_height())

    def _place(self, width: int) -> None:
        height = self._row_height()
        rows = self.rows(width)  # in tab order: a click never moves the tabs under the mouse
        for top, row in enumerate(rows):
            x = 0
            for button in row:
                button.first, button.last = button is row[0], button is row[-1]
                hint = button.sizeHint()
                button.setGeometry(QRect(x, top * height, hint.width(), height))
                x += hint.width()
        if self.height() != max(len(rows), 1) * height:
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(event.size().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The base line under the tabs that a document-mode tab bar draws."""
        opt = QStyleOptionTabBarBase()
        opt.initFrom(self)
        opt.shape = QTabBar.Shape.RoundedNorth
        opt.documentMode = True
        base = self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarBaseOverlap, None, self)
        opt.rect = QRect(0, self.height() - base, self.width(), base)
        current = next((b for b in self.buttons if b.isChecked()), None)
        if current is not None:
            opt.selectedTabRect = current.geometry()
        painter = QStylePainter(self)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameTabBarBase, opt)
