"""The conflict inbox: commands the server refused, why, the order now, acknowledge or retry."""
