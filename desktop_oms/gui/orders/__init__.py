"""The Orders page: order search, one order in full, its timeline (issue #8)."""
