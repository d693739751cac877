"""Finnish, Swedish and Vietnamese for the board's richer chips (issue 16, item 3): how long an
application has been in its stage, and the EMREX and assessment badges."""

T = {
"New in stage today": ("Siirtyi vaiheeseen tänään", "Kom till steget i dag", "Vào giai đoạn hôm nay"),
"EMREX: %(status)s": ("EMREX: %(status)s", "EMREX: %(status)s", "EMREX: %(status)s"),
"Assessment: %(value)s": ("Arviointi: %(value)s", "Test: %(value)s", "Bài đánh giá: %(value)s"),
}

PLURALS = {
    ("%(num)d day in stage", "%(num)d days in stage"): (
        ("%(num)d päivä vaiheessa", "%(num)d päivää vaiheessa"),
        ("%(num)d dag i steget", "%(num)d dagar i steget"),
        ("%(num)d ngày ở giai đoạn này",)),
}
