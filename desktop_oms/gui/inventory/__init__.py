"""The manager's inventory view: departments, stock lists, aged pickups, today's figures."""
