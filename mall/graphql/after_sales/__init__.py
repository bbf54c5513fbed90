"""After-sales (退换货) in GraphQL: the customer's requests, staff decisions, and the refund of one."""
