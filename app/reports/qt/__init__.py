"""The report formats that need Qt's painting: HTML (with the chart as inline SVG), PDF,
PNG and SVG. QtGui only: no widget, so `timekeeper report --format pdf` runs without a
display (offscreen)."""
