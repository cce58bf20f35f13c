"""绩效自评报告编辑器 — the ``jixiao`` desktop program."""

__version__ = "0.1.0"
