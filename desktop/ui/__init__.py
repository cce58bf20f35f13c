"""The only package that imports Qt."""

from desktop.ui import qt_compat as _qt_compat  # noqa: F401  (applies binding workarounds)
