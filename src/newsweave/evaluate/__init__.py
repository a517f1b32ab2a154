"""Evaluation against benchmark data: scorers and the datasets they read."""
