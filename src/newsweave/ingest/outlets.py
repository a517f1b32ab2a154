"""Names of news outlets and the aliases they go by, to recognise an outlet on a page."""

from __future__ import annotations

import re

OUTLET_ALIASES: dict[str, tuple[str, ...]] = {
    "ABC News": ("ABC News", "ABC"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Al Jazeera": ("Al Jazeera", "Aljazeera", "Al-Jazeera"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "BBC": ("BBC", "BBC News", "The BBC"),
    "Bloomberg": ("Bloomberg",),
    "CBS News": ("CBS News", "CBS"),
    "CNN": ("CNN",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "Financial Times": ("Financial Times", "FT"),
    "Fox News": ("Fox News",),
    "NBC News": ("NBC News", "NBC"),
    "NPR": ("NPR",),
    "NYT": ("New York Times", "The New York Times", "NYT"),
    "RFE/RL": ("RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe"),
    "Reuters": ("Reuters",),
    "The Guardian": ("The Guardian", "Guardian"),
    "The Telegraph": ("The Telegraph", "Telegraph"),
    "UPI": ("UPI", "United Press International"),
    "Washington Post": ("Washington Post", "The Washington Post"),
    "Xinhua": ("Xinhua",),
}

_BY_ALIAS = {alias.lower(): name for name, aliases in OUTLET_ALIASES.items() for alias in aliases}


def canonical_outlet(alias: str) -> str | None:
    """The outlet's canonical name for one of its aliases ("Associated Press" -> "AP")."""
    return _BY_ALIAS.get(alias.strip().lower())


def outlet_alternation() -> str:
    """A regex alternation of every alias, longest first so "BBC News" wins over "BBC"."""
    aliases = sorted((a for names in OUTLET_ALIASES.values() for a in names), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases) + ")"


def alias_endings() -> tuple[str, ...]:
    """The last word of every alias ("Press" of "Associated Press"): text naming an outlet
    just before a possessive ends in one of them, a test ``str.endswith`` makes at once."""
    return tuple(sorted({a.split()[-1] for names in OUTLET_ALIASES.values() for a in names}))
