"""The station's sync engine: HTTP client, snapshot, change feed, push, backoff, resets.

No Qt here: progress goes out through plain callbacks, results as return values.
"""
