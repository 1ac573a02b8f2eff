"""A Forum edition's programme: sessions, their people and rooms, registration, the
High-Level Track, the iCalendar exports and the programme's pages and open data."""
