"""« Trouver une Maison des Solidarités »: the page (``page.register``), its state and pure helpers."""
