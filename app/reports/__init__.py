"""Reports of a past session: the report model and its formats.

Pure (no Qt): ``model`` (the figures, read off the engine's time line), ``chart_data`` (what
the chart shows), ``summary`` (the rows and headline figures every printed format shows) and
``formats`` (text, CSV, JSON). ``qt`` draws HTML, SVG, PNG and PDF with QtGui only.
"""
