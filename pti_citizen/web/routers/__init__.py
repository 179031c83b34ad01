"""One router per domain of the JSON API: ``simulator`` (RSA estimate, QR code of a result link),
``places`` (the directory, Kiosques Insertion included), ``feedback`` (the team's CSV export).

Kiosques Insertion have no endpoint of their own: they are published in ``/equipe`` and read through
``GET /api/v1/places/nearest`` (on the MDS's card, and with ``kind=kiosque``).
"""
