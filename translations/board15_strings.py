"""Finnish, Swedish and Vietnamese for the pipeline board's "show more" (issue 15): the link at
the end of a long column, the page a column's next chips open on without JavaScript, and the
message for a broken link. Applied to the .po catalogues with the ``T`` of every other
``translations/*_strings.py``."""

T = {
"This “Show more” link is not valid. Open the board again.": (
    "Tämä linkki ei kelpaa. Avaa taulu uudelleen.",
    "Den här länken är inte giltig. Öppna tavlan igen.",
    "Liên kết này không hợp lệ. Vui lòng mở lại bảng."),
"Back to the board": ("Takaisin tauluun", "Tillbaka till tavlan", "Quay lại bảng"),
"No more applications in this stage.": (
    "Tässä vaiheessa ei ole enempää hakemuksia.",
    "Det finns inga fler ansökningar i det här steget.",
    "Không còn hồ sơ nào khác trong giai đoạn này."),
}

PLURALS = {
    ("Show more (%(num)d more)", "Show more (%(num)d more)"): (
        ("Näytä vielä %(num)d", "Näytä vielä %(num)d"),
        ("Visa %(num)d till", "Visa %(num)d till"),
        ("Xem thêm %(num)d hồ sơ",)),
    ("%(num)d application in %(stage)s", "%(num)d applications in %(stage)s"): (
        ("%(num)d hakemus vaiheessa %(stage)s", "%(num)d hakemusta vaiheessa %(stage)s"),
        ("%(num)d ansökan i %(stage)s", "%(num)d ansökningar i %(stage)s"),
        ("%(num)d hồ sơ trong giai đoạn %(stage)s",)),
}
