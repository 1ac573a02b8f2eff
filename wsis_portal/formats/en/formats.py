# The UN style ("30 November 2026"), with the time zone: the portal shows Geneva time.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i T"
MONTH_DAY_FORMAT = "j F"
