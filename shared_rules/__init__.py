"""The rule bundles as data, and the one merge of base and council (compose.py)."""
