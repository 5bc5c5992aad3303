"""Councils and their rule bundles: the API phones read."""
