"""What every partner integration shares (PARTNERS.md §0): the integration record (one per
company × partner product, with its external ID and encrypted keys), the delivery log of
calls both ways with retries and replay, and signed inbound intake."""
