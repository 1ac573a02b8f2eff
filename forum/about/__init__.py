"""The WSIS process's own facts: the events calendar, published figures and partnership
packages, and the portal's news."""
