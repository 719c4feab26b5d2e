"""desktop_oms: a store-side order management station and the central OMS it syncs with."""

__version__ = "0.1.0"
