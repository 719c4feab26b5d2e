"""The pure domain: entities, the fulfillment status machine, roles, reason codes and codes.

Nothing here imports Qt, SQLAlchemy, requests or FastAPI; both the server and the
station use these names so that a rule or a status exists exactly once.
"""
