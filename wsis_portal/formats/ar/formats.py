DATE_FORMAT = "j F، Y"
DATETIME_FORMAT = "j F، Y، H:i T"
# CLDR's separators (Western digits); Django's own Arabic and Chinese formats leave figures
# ungrouped. Counts on pages go through wsis_portal.numbers, which follows CLDR too.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
