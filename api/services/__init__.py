"""Logic and transactions; nothing here reads the request."""
