"""Finnish, Swedish and Vietnamese for scorecards (issue 17, item 2): the scorecard form, "Ask
for feedback", the card's summary, the Score column and chip badge, the job's scorecard
settings, the export, the errors, notifications and audit labels. Same format as
``candidate_strings.py`` (``T``: msgid or (context, msgid) → (fi, sv, vi); ``PLURALS``).
Terms: scorecard = arviokortti / bedömningskort / phiếu đánh giá; recommendation = suositus /
rekommendation / đề xuất."""

T = {
# screens and links
"Scorecard": ("Arviokortti", "Bedömningskort", "Phiếu đánh giá"),
"Scorecards": ("Arviokortit", "Bedömningskort", "Phiếu đánh giá"),
"Export scorecards": ("Lataa arviokortit", "Exportera bedömningskort", "Xuất phiếu đánh giá"),
"Submit scorecard": ("Lähetä arviokortti", "Skicka in bedömningskort", "Gửi phiếu đánh giá"),
"Ask for feedback": ("Pyydä palautetta", "Be om feedback", "Đề nghị đánh giá"),
"Scorecard submitted.": ("Arviokortti lähetetty.", "Bedömningskortet har skickats in.", "Đã gửi phiếu đánh giá."),
"Draft saved.": ("Luonnos tallennettu.", "Utkastet har sparats.", "Đã lưu bản nháp."),
"Feedback asked of %(name)s.": ("Palautetta pyydetty käyttäjältä %(name)s.", "Feedback har begärts av %(name)s.",
                                "Đã đề nghị %(name)s đánh giá."),
"Scorecard saved.": ("Arviokortti tallennettu.", "Bedömningskortet har sparats.", "Đã lưu phiếu đánh giá."),
"Team member": ("Tiimin jäsen", "Teammedlem", "Thành viên nhóm"),
"They are notified and see the others' scorecards only after submitting theirs.": (
    "Hän saa ilmoituksen ja näkee muiden arviokortit vasta lähetettyään omansa.",
    "Hen får en avisering och ser de andras bedömningskort först när hen har skickat in sitt eget.",
    "Người này sẽ nhận thông báo và chỉ xem được phiếu đánh giá của người khác sau khi gửi phiếu của mình."),
"Submitted %(when)s. You can still correct it for %(hours)s hours after submitting.": (
    "Lähetetty %(when)s. Voit vielä korjata sitä %(hours)s tunnin ajan lähettämisestä.",
    "Inskickat %(when)s. Du kan fortfarande rätta det i %(hours)s timmar efter att du skickade in det.",
    "Đã gửi lúc %(when)s. Bạn vẫn có thể sửa trong vòng %(hours)s giờ sau khi gửi."),
"Draft: the team sees it once you submit it.": (
    "Luonnos: tiimi näkee sen, kun lähetät sen.", "Utkast: teamet ser det när du skickar in det.",
    "Bản nháp: nhóm sẽ thấy khi bạn gửi."),
"No rating": ("Ei arviota", "Inget betyg", "Không chấm"),
"Overall recommendation": ("Kokonaissuositus", "Samlad rekommendation", "Đề xuất chung"),
"Internal: the candidate never sees the scorecard.": (
    "Sisäinen: hakija ei koskaan näe arviokorttia.", "Internt: kandidaten ser aldrig bedömningskortet.",
    "Nội bộ: ứng viên không bao giờ thấy phiếu đánh giá."),
"Save draft": ("Tallenna luonnos", "Spara utkast", "Lưu nháp"),
"Your feedback is asked: the other scorecards show once you have submitted yours.": (
    "Sinulta pyydetään palautetta: muiden arviokortit näkyvät, kun olet lähettänyt omasi.",
    "Din feedback efterfrågas: de andras bedömningskort visas när du har skickat in ditt.",
    "Bạn được đề nghị đánh giá: phiếu của người khác sẽ hiện sau khi bạn gửi phiếu của mình."),
"Average recommendation: %(average)s / 4": ("Suositusten keskiarvo: %(average)s / 4",
                                            "Genomsnittlig rekommendation: %(average)s / 4",
                                            "Đề xuất trung bình: %(average)s / 4"),
"Attribute": ("Ominaisuus", "Egenskap", "Tiêu chí"),
"Average": ("Keskiarvo", "Genomsnitt", "Trung bình"),
"interview %(id)s": ("haastattelu %(id)s", "intervju %(id)s", "phỏng vấn %(id)s"),
"No scorecards yet.": ("Ei vielä arviokortteja.", "Inga bedömningskort ännu.", "Chưa có phiếu đánh giá nào."),
"Waiting for: %(names)s": ("Odotetaan: %(names)s", "Väntar på: %(names)s", "Đang chờ: %(names)s"),
"Your scorecard is a draft: finish and submit it": (
    "Arviokorttisi on luonnos: viimeistele ja lähetä se", "Ditt bedömningskort är ett utkast: gör klart och skicka in det",
    "Phiếu đánh giá của bạn đang là bản nháp: hãy hoàn thành và gửi"),
"Write your scorecard": ("Täytä arviokorttisi", "Fyll i ditt bedömningskort", "Điền phiếu đánh giá của bạn"),
"Each attribute is rated from 1 to 4: %(scale)s. The overall recommendation is one of: %(recommendations)s.": (
    "Jokainen ominaisuus arvioidaan asteikolla 1–4: %(scale)s. Kokonaissuositus on jokin näistä: %(recommendations)s.",
    "Varje egenskap bedöms från 1 till 4: %(scale)s. Den samlade rekommendationen är en av: %(recommendations)s.",
    "Mỗi tiêu chí được chấm từ 1 đến 4: %(scale)s. Đề xuất chung là một trong các mức: %(recommendations)s."),
"Clear an attribute's name to remove it. Attributes with the same group name show together.": (
    "Poista ominaisuus tyhjentämällä sen nimi. Saman ryhmän ominaisuudet näytetään yhdessä.",
    "Töm en egenskaps namn för att ta bort den. Egenskaper med samma gruppnamn visas tillsammans.",
    "Xóa tên một tiêu chí để bỏ tiêu chí đó. Các tiêu chí cùng tên nhóm được hiển thị cùng nhau."),
"Group": ("Ryhmä", "Grupp", "Nhóm"),
"New attribute": ("Uusi ominaisuus", "Ny egenskap", "Tiêu chí mới"),
"Save scorecard": ("Tallenna arviokortti", "Spara bedömningskort", "Lưu phiếu đánh giá"),
# the list column and the board's badge
"Score": ("Arvio", "Bedömning", "Điểm đánh giá"),
"hidden until yours is in": ("piilossa, kunnes lähetät omasi", "dold tills du har skickat in ditt",
                             "ẩn cho đến khi bạn gửi phiếu"),
"%(average)s / 4 (%(count)s)": ("%(average)s / 4 (%(count)s)", "%(average)s / 4 (%(count)s)",
                                "%(average)s / 4 (%(count)s)"),
"Score %(average)s / 4": ("Arvio %(average)s / 4", "Bedömning %(average)s / 4", "Điểm đánh giá %(average)s / 4"),
# the scale, the recommendations and the default attributes
"Poor": ("Heikko", "Svag", "Yếu"),
"Fair": ("Kohtalainen", "Godtagbar", "Tạm được"),
"Good": ("Hyvä", "Bra", "Tốt"),
"Excellent": ("Erinomainen", "Utmärkt", "Xuất sắc"),
"Definitely not": ("Ehdottomasti ei", "Absolut inte", "Chắc chắn không"),
"No": ("Ei", "Nej", "Không"),
"Yes": ("Kyllä", "Ja", "Có"),
"Strong yes": ("Ehdottomasti kyllä", "Absolut ja", "Chắc chắn có"),
"Skills": ("Taidot", "Färdigheter", "Kỹ năng"),
"Technical skills": ("Tekninen osaaminen", "Tekniska färdigheter", "Kỹ năng chuyên môn"),
"Problem solving": ("Ongelmanratkaisu", "Problemlösning", "Giải quyết vấn đề"),
"Qualities": ("Ominaisuudet", "Egenskaper", "Phẩm chất"),
"Communication": ("Viestintä", "Kommunikation", "Giao tiếp"),
"Teamwork": ("Tiimityö", "Samarbete", "Làm việc nhóm"),
"Motivation": ("Motivaatio", "Motivation", "Động lực"),
"Other": ("Muut", "Övrigt", "Khác"),
# the export
"Author": ("Kirjoittaja", "Författare", "Người đánh giá"),
"Interview": ("Haastattelu", "Intervju", "Phỏng vấn"),
"Recommendation": ("Suositus", "Rekommendation", "Đề xuất"),
# errors
"A scorecard needs at least one attribute.": ("Arviokortissa on oltava vähintään yksi ominaisuus.",
                                              "Ett bedömningskort behöver minst en egenskap.",
                                              "Phiếu đánh giá cần ít nhất một tiêu chí."),
"A scorecard can have at most %(max)s attributes.": ("Arviokortissa voi olla enintään %(max)s ominaisuutta.",
                                                     "Ett bedömningskort kan ha högst %(max)s egenskaper.",
                                                     "Phiếu đánh giá có tối đa %(max)s tiêu chí."),
"Names can be at most %(max)s characters.": ("Nimet voivat olla enintään %(max)s merkkiä pitkiä.",
                                             "Namnen får vara högst %(max)s tecken långa.",
                                             "Tên dài tối đa %(max)s ký tự."),
"This scorecard has no attribute “%(attribute)s”.": ("Arviokortissa ei ole ominaisuutta ”%(attribute)s”.",
                                                    "Bedömningskortet har ingen egenskap ”%(attribute)s”.",
                                                    "Phiếu đánh giá không có tiêu chí “%(attribute)s”."),
"Ratings go from 1 to 4.": ("Arviot ovat asteikolla 1–4.", "Betygen går från 1 till 4.",
                            "Điểm chấm từ 1 đến 4."),
"Choose one of the recommendations.": ("Valitse jokin suosituksista.", "Välj en av rekommendationerna.",
                                       "Vui lòng chọn một trong các mức đề xuất."),
"Choose an overall recommendation before submitting.": (
    "Valitse kokonaissuositus ennen lähettämistä.", "Välj en samlad rekommendation innan du skickar in.",
    "Vui lòng chọn đề xuất chung trước khi gửi."),
"This scorecard was submitted more than %(hours)s hours ago and can no longer be changed.": (
    "Arviokortti lähetettiin yli %(hours)s tuntia sitten, eikä sitä voi enää muuttaa.",
    "Bedömningskortet skickades in för mer än %(hours)s timmar sedan och kan inte längre ändras.",
    "Phiếu đánh giá này đã được gửi hơn %(hours)s giờ trước nên không thể sửa nữa."),
"The candidate's data was erased: no scorecard can be written.": (
    "Hakijan tiedot on poistettu, joten arviokorttia ei voi kirjoittaa.",
    "Kandidatens uppgifter har raderats, så inget bedömningskort kan skrivas.",
    "Dữ liệu của ứng viên đã bị xóa nên không thể viết phiếu đánh giá."),
"Only an application to a job has a scorecard.": (
    "Arviokortti on vain tehtävään tehdyllä hakemuksella.", "Bara en ansökan till en tjänst har bedömningskort.",
    "Chỉ hồ sơ ứng tuyển vào một vị trí mới có phiếu đánh giá."),
"Choose someone of your company.": ("Valitse joku yrityksestäsi.", "Välj någon i ditt företag.",
                                    "Vui lòng chọn một người trong công ty của bạn."),
"The notes can be at most %(max)s characters.": ("Muistiinpanot voivat olla enintään %(max)s merkkiä pitkiä.",
                                                 "Anteckningarna får vara högst %(max)s tecken långa.",
                                                 "Ghi chú dài tối đa %(max)s ký tự."),
# notifications
"Feedback asked of you": ("Sinulta pyydetty palaute", "Feedback som du ombetts ge", "Đề nghị bạn đánh giá"),
"Scorecard submitted": ("Arviokortti lähetetty", "Bedömningskort inskickat", "Đã gửi phiếu đánh giá"),
"Your feedback is asked on %(name)s": ("Sinulta pyydetään palautetta hakijasta %(name)s",
                                       "Din feedback efterfrågas om %(name)s",
                                       "Bạn được đề nghị đánh giá ứng viên %(name)s"),
"%(author)s submitted a scorecard on %(name)s": ("%(author)s lähetti arviokortin hakijasta %(name)s",
                                                 "%(author)s skickade in ett bedömningskort om %(name)s",
                                                 "%(author)s đã gửi phiếu đánh giá cho ứng viên %(name)s"),
# audit log
"Asked for a scorecard": ("Pyysi arviokorttia", "Bad om ett bedömningskort", "Đã đề nghị viết phiếu đánh giá"),
"Saved a scorecard draft": ("Tallensi arviokortin luonnoksen", "Sparade ett utkast till bedömningskort",
                            "Đã lưu nháp phiếu đánh giá"),
"Submitted a scorecard": ("Lähetti arviokortin", "Skickade in ett bedömningskort", "Đã gửi phiếu đánh giá"),
"Corrected a submitted scorecard": ("Korjasi lähetettyä arviokorttia", "Rättade ett inskickat bedömningskort",
                                    "Đã sửa một phiếu đánh giá đã gửi"),
"Changed a scorecard's attributes": ("Muutti arviokortin ominaisuuksia", "Ändrade ett bedömningskorts egenskaper",
                                     "Đã thay đổi các tiêu chí của phiếu đánh giá"),
}

PLURALS = {
    ("%(num)d scorecard", "%(num)d scorecards"): (
        ("%(num)d arviokortti", "%(num)d arviokorttia"),
        ("%(num)d bedömningskort", "%(num)d bedömningskort"),
        ("%(num)d phiếu đánh giá",)),
}
