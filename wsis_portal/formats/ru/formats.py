# "E" is the month in the genitive ("30 ноября 2026 г.").
DATE_FORMAT = "j E Y г."
DATETIME_FORMAT = "j E Y г., H:i T"
