"""Draw the program's icon: resources/icons/jixiao.svg, PNGs at 16–256 px and jixiao.ico.

    python packaging/make_icons.py

A red rounded square with a white report sheet, its text lines and a gold tick (self-evaluation
passed). Drawn here from geometry, no font and no third-party artwork: the icon is the
project's own, under the project's licence. The PNGs are rendered from the SVG with QtSvg, the
.ico (Windows) with Pillow.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>绩效自评报告编辑器</title>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="#c0272d"/>
  <path d="M68 40 H160 L192 72 V216 H68 Z" fill="#ffffff"/>
  <path d="M160 40 V72 H192 Z" fill="#f0c9cb"/>
  <rect x="88" y="86" width="56" height="12" rx="6" fill="#9a9a9a"/>
  <rect x="88" y="114" width="84" height="12" rx="6" fill="#9a9a9a"/>
  <rect x="88" y="142" width="84" height="12" rx="6" fill="#9a9a9a"/>
  <path d="M118 186 L144 210 L204 146" fill="none" stroke="#f2b705" stroke-width="22"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def main() -> int:
    """Write the SVG, the PNGs and the .ico."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "jixiao.svg").write_text(SVG, encoding="utf-8")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(OUT / f"jixiao-{size}.png"))
    del app
    from PIL import Image

    Image.open(OUT / "jixiao-256.png").save(
        OUT / "jixiao.ico", sizes=[(s, s) for s in SIZES if s != 24]
    )
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
