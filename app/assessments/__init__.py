"""Assessment vendors (Alva Labs): integrations per company × product, orders, results."""
