"""Render resources/icons/rmdesk.svg to the PNG sizes the desktops use (run after editing
the SVG: `.venv/bin/python scripts/render-icons.py`; the PNGs are kept in git)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

app = QGuiApplication([])
renderer = QSvgRenderer(str(ICONS / "rmdesk.svg"))
for size in SIZES:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.save(str(ICONS / f"rmdesk-{size}.png"))
