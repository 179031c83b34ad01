"""The team's screen for the Kiosques Insertion (a section of ``/equipe``); the feature's core is
``pti_citizen.kiosques``."""

from .section import kiosques_section

__all__ = ["kiosques_section"]
