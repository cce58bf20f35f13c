"""A PDF viewer with page navigation and zoom (适合宽度 / 整页 / percentages)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = "适合宽度"
FIT_PAGE = "整页"


def _button(text: str, tip: str, shortcut: str = "") -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(f"{tip}（{shortcut}）" if shortcut else tip)
    button.setAutoRaise(True)
    return button


class PdfViewer(QWidget):
    """QPdfView with a bar: 首页 上一页 [页码]/N 下一页 末页 · 适合宽度 整页 − 缩放 +."""

    page_changed = Signal(int)  # 0-based

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.view = QPdfView(self)
        self.view.setDocument(document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.first_button = _button("首页", "第一页", "Home")
        self.prev_button = _button("上一页", "上一页", "PgUp")
        self.next_button = _button("下一页", "下一页", "PgDown")
        self.last_button = _button("末页", "最后一页", "End")
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName("页码")
        self.page_box.setKeyboardTracking(False)
        self.count_label = QLabel()
        self.fit_width_button = _button(FIT_WIDTH, "页面宽度适合窗口", "Ctrl+1")
        self.fit_page_button = _button(FIT_PAGE, "整页显示", "Ctrl+2")
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        self.zoom_out_button = _button("−", "缩小", "Ctrl+-")
        self.zoom_in_button = _button("+", "放大", "Ctrl++")
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName("缩放")
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(step * 100)}%", step)
        self.zoom_box.setEditable(True)  # shows 适合宽度/整页 too; chosen from the list only
        line = self.zoom_box.lineEdit()
        if line is not None:
            line.setReadOnly(True)
        self.zoom_box.setMinimumContentsLength(6)
        self._build()
        self._connect()
        self._sync_pages()
        self._sync_zoom()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.setSpacing(2)
        for w in (self.first_button, self.prev_button, self.page_box, self.count_label):
            bar.addWidget(w)
        bar.addWidget(self.next_button)
        bar.addWidget(self.last_button)
        bar.addStretch(1)
        for w in (self.fit_width_button, self.fit_page_button, self.zoom_out_button):
            bar.addWidget(w)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect(self) -> None:
        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._on_page)
        self.document.pageCountChanged.connect(self._on_page_count)
        self.first_button.clicked.connect(lambda: self.go_to(0))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.last_button.clicked.connect(lambda: self.go_to(self.page_count() - 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_box.activated.connect(lambda i: self.set_zoom(float(self.zoom_box.itemData(i))))
        self.view.zoomModeChanged.connect(lambda _m: self._sync_zoom())
        self.view.zoomFactorChanged.connect(lambda _f: self._sync_zoom())
        keys = (
            ("Ctrl+1", self.fit_width),
            ("Ctrl+2", self.fit_page),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            ("Ctrl+=", lambda: self.step_zoom(1)),
            ("Home", lambda: self.go_to(0)),
            ("End", lambda: self.go_to(self.page_count() - 1)),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ----- pages ----------------------------------------------------------------------------
    def page_count(self) -> int:
        """Pages in the document (0 once it is gone)."""
        if not isValid(self.document):
            return 0
        return max(int(self.document.pageCount()), 0)

    def current_page(self) -> int:
        """The page at the top of the view (0-based)."""
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        """Show a page (clamped to the document)."""
        count = self.page_count()
        if count <= 0:
            return
        page = min(max(page, 0), count - 1)
        self.view.pageNavigator().jump(page, QPointF(0, 0), 0)
        self._on_page(page)

    def _on_page(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        count = self.page_count()
        self.first_button.setEnabled(page > 0)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)
        self.last_button.setEnabled(page < count - 1)
        self.page_changed.emit(page)

    def _on_page_count(self, _count: int) -> None:
        if isValid(self) and isValid(self.document):  # not while the dialog is torn down
            self._sync_pages()

    def _sync_pages(self) -> None:
        count = self.page_count()
        self.page_box.setRange(1, max(count, 1))
        self.count_label.setText(f" / {count} 页 ")
        self._on_page(self.current_page())

    # ----- zoom -----------------------------------------------------------------------------
    def fit_width(self) -> None:
        """The page's width fills the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        """A whole page in the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def set_zoom(self, factor: float) -> None:
        """A fixed zoom (1.0 = 100 %)."""
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def zoom(self) -> float:
        """The zoom factor shown (in the fitted modes: the factor they give now)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count() <= 0:
            return float(self.view.zoomFactor())
        page = self.document.pagePointSize(max(self.current_page(), 0))
        scale = self.logicalDpiX() / 72
        margin = 2 * self.view.documentMargins().left()
        port = self.view.viewport().size()
        across = (port.width() - margin) / max(page.width() * scale, 1.0)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return across
        return min(across, (port.height() - margin) / max(page.height() * scale, 1.0))

    def step_zoom(self, direction: int) -> None:
        """The next larger (1) or smaller (−1) step from the current zoom."""
        current = self.zoom()
        if direction > 0:
            steps = [s for s in ZOOM_STEPS if s > current + 1e-3]
            self.set_zoom(steps[0] if steps else ZOOM_STEPS[-1])
        else:
            steps = [s for s in ZOOM_STEPS if s < current - 1e-3]
            self.set_zoom(steps[-1] if steps else ZOOM_STEPS[0])

    def _sync_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        if mode == QPdfView.ZoomMode.Custom:
            text = f"{round(self.zoom() * 100)}%"
        else:
            text = FIT_WIDTH if mode == QPdfView.ZoomMode.FitToWidth else FIT_PAGE
        self.zoom_box.setEditText(text)
