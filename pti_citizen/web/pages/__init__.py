"""The pages that need nothing from the server once loaded, rendered on the server without Reflex:
plain HTML from the same core (``content``, ``offers``), one stylesheet, our own small scripts —
no React, no websocket, no server session. Reflex keeps the simulator, the locator and the team space.

``site.py`` lists the pages, ``shell.py`` is their template, ``content.py``, ``offers.py``, ``home.py``
and ``feedback.py`` lay out each kind, ``html.py`` writes the markup, ``serve.py`` answers HTTP.
"""
