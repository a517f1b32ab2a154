"""Entities, timeline, claims and conflicts across sources (filled as analysis lands)."""
