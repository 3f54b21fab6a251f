"""The moderator window's remote strip: both links, a QR code each, devices connected, Rotate.

The QR codes are drawn from segno's module matrix straight into a QImage (no SVG, no HTML):
segno is imported only when the server runs, as the panel is first filled. The links carry the
tokens: they are shown here, to the moderator, and nowhere else in the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate

MODULE_PX = 3
QUIET = 4  # modules of white around the code, as the standard asks


def qr_image(text: str, module_px: int = MODULE_PX) -> QImage:
    """``text`` as a QR code: black modules on white, ``module_px`` pixels each."""
    import segno

    matrix = segno.make(text, error="m", micro=False).matrix
    size = len(matrix)
    side = (size + 2 * QUIET) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (x + QUIET) * module_px, (y + QUIET) * module_px, module_px, module_px, black
                )
    painter.end()
    return image


class RemotePanel(QFrame):
    rotate_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remote-panel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.viewer_qr, self.viewer_link = QLabel(self), QLabel(self)
        self.control_qr, self.control_link = QLabel(self), QLabel(self)
        self.viewer_title, self.control_title = QLabel(self), QLabel(self)
        for title, qr, link in (
            (self.viewer_title, self.viewer_qr, self.viewer_link),
            (self.control_title, self.control_qr, self.control_link),
        ):
            link.setTextFormat(Qt.TextFormat.PlainText)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            link.setWordWrap(True)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(link)
            column.addStretch(1)
            layout.addWidget(qr)
            layout.addLayout(column, 1)
        side = QVBoxLayout()
        self.devices = QLabel(self)
        self.rotate = QPushButton(self)
        self.rotate.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rotate.clicked.connect(self.rotate_clicked)
        side.addWidget(self.devices)
        side.addWidget(self.rotate)
        side.addStretch(1)
        layout.addLayout(side)
        self._clients = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.viewer_title.setText(translate("Remote", "Speaker view (phones, tablets)"))
        self.control_title.setText(translate("Remote", "Remote control (keep it private)"))
        self.rotate.setText(translate("Remote", "New links (drops every device)"))
        self.set_clients(self._clients)

    def set_links(self, viewer: str, control: str) -> None:
        self.viewer_link.setText(viewer)
        self.control_link.setText(control)
        try:
            self.viewer_qr.setPixmap(QPixmap.fromImage(qr_image(viewer)))
            self.control_qr.setPixmap(QPixmap.fromImage(qr_image(control)))
        except ImportError:  # segno missing (no `remote` extra): the links alone
            self.viewer_qr.clear()
            self.control_qr.clear()

    def set_clients(self, count: int) -> None:
        self._clients = count
        self.devices.setText(translate("Remote", "Devices connected: {n}").format(n=count))
