"""The wire contract between stations, sales channels and the server (pydantic schemas).

Shared by both sides so that a field exists once; imports ``domain`` only.
"""

API_VERSION = "1"
API_PREFIX = "/api/v1"
