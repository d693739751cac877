"""Finnish, Swedish and Vietnamese for the hiring team (issue 17, items 1 and 4): the hiring
manager and interviewer roles, "Ask to review…" on the card, mentions in notes, their
notifications and audit labels. Same format as ``candidate_strings.py`` (``T``: msgid or
(context, msgid) → (fi, sv, vi))."""

T = {
# roles (Settings → Users)
"Hiring manager": ("Rekrytoiva esihenkilö", "Rekryterande chef", "Quản lý tuyển dụng"),
"Interviewer": ("Haastattelija", "Intervjuare", "Người phỏng vấn"),
"Pick one of the roles offered.": ("Valitse jokin tarjolla olevista rooleista.", "Välj en av de roller som erbjuds.",
                                   "Hãy chọn một trong các vai trò có sẵn."),
"Change role to %(role)s": ("Vaihda rooliksi %(role)s", "Byt roll till %(role)s", "Đổi vai trò thành %(role)s"),
# notifications (Account page choices, the bell)
"Someone mentioned you in a note": ("Joku mainitsi sinut muistiinpanossa", "Någon nämnde dig i en anteckning",
                                    "Có người nhắc đến bạn trong một ghi chú"),
"Someone asked you to review an application": ("Sinua pyydettiin arvioimaan hakemus",
                                               "Någon bad dig bedöma en ansökan",
                                               "Có người nhờ bạn đánh giá một hồ sơ"),
"%(name)s mentioned you in a note on %(candidate)s": (
    "%(name)s mainitsi sinut hakijan %(candidate)s muistiinpanossa",
    "%(name)s nämnde dig i en anteckning om %(candidate)s",
    "%(name)s đã nhắc đến bạn trong một ghi chú về %(candidate)s"),
"%(name)s asked you to review %(candidate)s": (
    "%(name)s pyysi sinua arvioimaan hakijan %(candidate)s",
    "%(name)s bad dig bedöma %(candidate)s",
    "%(name)s đã nhờ bạn đánh giá %(candidate)s"),
"Note added. Not notified, as they cannot see this application: %(names)s.": (
    "Muistiinpano lisätty. Ilmoitusta ei lähetetty näille henkilöille, koska he eivät näe tätä hakemusta: %(names)s.",
    "Anteckningen har lagts till. De här personerna aviserades inte, eftersom de inte ser ansökan: %(names)s.",
    "Đã thêm ghi chú. Những người sau không được thông báo vì họ không xem được hồ sơ này: %(names)s."),
# Ask to review… (the card)
"Ask to review…": ("Pyydä arvioimaan…", "Be om bedömning …", "Nhờ đánh giá…"),
"Ask to review": ("Pyydä arvioimaan", "Be om bedömning", "Nhờ đánh giá"),
"Ask": ("Pyydä", "Be", "Nhờ"),
"Asked to review": ("Pyydetty arvioimaan", "Ombedda att bedöma", "Được nhờ đánh giá"),
"No one is asked to review this application yet.": ("Ketään ei ole vielä pyydetty arvioimaan tätä hakemusta.",
                                                    "Ingen har ännu ombetts att bedöma ansökan.",
                                                    "Chưa có ai được nhờ đánh giá hồ sơ này."),
"Stop asking %(name)s to review": ("Peru henkilön %(name)s arviointipyyntö", "Sluta be %(name)s om bedömning",
                                   "Thôi nhờ %(name)s đánh giá"),
"Asked %(name)s to review": ("Pyysi henkilöä %(name)s arvioimaan", "Bad %(name)s om bedömning",
                             "Đã nhờ %(name)s đánh giá"),
"No longer asks %(name)s to review": ("Perui henkilön %(name)s arviointipyynnön",
                                      "Ber inte längre %(name)s om bedömning", "Đã thôi nhờ %(name)s đánh giá"),
"%(name)s is asked to review.": ("Henkilöä %(name)s pyydettiin arvioimaan.", "%(name)s har ombetts att bedöma.",
                                 "Đã nhờ %(name)s đánh giá."),
"%(name)s is no longer asked to review.": ("Henkilön %(name)s arviointipyyntö peruttiin.",
                                           "%(name)s ombeds inte längre att bedöma.",
                                           "Đã thôi nhờ %(name)s đánh giá."),
"You cannot ask anyone to review this application.": ("Et voi pyytää ketään arvioimaan tätä hakemusta.",
                                                      "Du kan inte be någon bedöma den här ansökan.",
                                                      "Bạn không thể nhờ ai đánh giá hồ sơ này."),
"Pick someone of your team.": ("Valitse joku tiimistäsi.", "Välj någon i ditt team.",
                               "Hãy chọn một người trong nhóm của bạn."),
"They are already asked to review it.": ("Häntä on jo pyydetty arvioimaan se.", "Personen har redan ombetts att bedöma den.",
                                         "Người này đã được nhờ đánh giá rồi."),
# audit log
"Mentioned team members in a note": ("Mainitsi tiimin jäseniä muistiinpanossa", "Nämnde teammedlemmar i en anteckning",
                                     "Đã nhắc đến thành viên nhóm trong một ghi chú"),
"Asked someone to review an application": ("Pyysi arvioimaan hakemuksen", "Bad någon bedöma en ansökan",
                                           "Đã nhờ người đánh giá một hồ sơ"),
"Stopped asking someone to review an application": ("Perui hakemuksen arviointipyynnön",
                                                    "Slutade be någon bedöma en ansökan",
                                                    "Đã thôi nhờ người đánh giá một hồ sơ"),
}
