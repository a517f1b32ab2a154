"""Small tables and weights that ship with newsweave (statistics only, never benchmark text)."""
