"""pti_citizen — « Le RSA et moi » for Haute-Garonne.

The package root imports nothing: the core (``simulator``, ``directory``, ``content``, ``i18n``)
must stay usable without Reflex, e.g. ``python -m pti_citizen.simulator``.
"""
