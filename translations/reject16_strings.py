"""Finnish, Swedish and Vietnamese for rejecting with a reason (issue 16, item 1): the reject
dialog and its page, undo on the card, the reasons' settings page, the list column and the
audit labels. Same format as ``candidate_strings.py`` (``T``: msgid or (context, msgid) →
(fi, sv, vi); ``PLURALS``)."""

T = {
# audit log
"Rejected an application": ("Hylkäsi hakemuksen", "Avvisade en ansökan", "Đã loại một hồ sơ"),
"Undid a rejection": ("Perui hylkäyksen", "Ångrade ett avslag", "Đã hoàn tác việc loại"),
"Added a rejection reason": ("Lisäsi hylkäyssyyn", "Lade till en avslagsorsak", "Đã thêm một lý do loại"),
"Renamed a rejection reason": ("Nimesi hylkäyssyyn uudelleen", "Bytte namn på en avslagsorsak",
                               "Đã đổi tên một lý do loại"),
"Reordered the rejection reasons": ("Järjesti hylkäyssyyt uudelleen", "Ändrade ordningen på avslagsorsakerna",
                                    "Đã sắp xếp lại các lý do loại"),
"Switched a rejection reason on": ("Otti hylkäyssyyn käyttöön", "Slog på en avslagsorsak", "Đã bật một lý do loại"),
"Switched a rejection reason off": ("Poisti hylkäyssyyn käytöstä", "Stängde av en avslagsorsak",
                                    "Đã tắt một lý do loại"),
"Deleted a rejection reason": ("Poisti hylkäyssyyn", "Raderade en avslagsorsak", "Đã xóa một lý do loại"),
# the dialog
"Note (only your team sees it)": ("Muistiinpano (näkyy vain tiimillesi)", "Anteckning (syns bara för ditt team)",
                                  "Ghi chú (chỉ nhóm của bạn thấy)"),
"Rejection email": ("Hylkäysviesti", "Avslagsbesked", "Email từ chối"),
"No email": ("Ei viestiä", "Inget mejl", "Không gửi email"),
"Send now": ("Lähetä nyt", "Skicka nu", "Gửi ngay"),
"Send later": ("Lähetä myöhemmin", "Skicka senare", "Gửi sau"),
"Send after": ("Lähetysaika", "Skicka efter", "Thời điểm gửi"),
"Choose a reason…": ("Valitse syy…", "Välj en orsak …", "Chọn lý do…"),
"Reject %(name)s": ("Hylkää hakija %(name)s", "Avvisa %(name)s", "Loại ứng viên %(name)s"),
"The candidate has no email address: no email can be sent.": (
    "Hakijalla ei ole sähköpostiosoitetta, joten viestiä ei voi lähettää.",
    "Kandidaten har ingen e-postadress, så inget mejl kan skickas.",
    "Ứng viên không có địa chỉ email nên không thể gửi email."),
"There is no rejection email template yet.": (
    "Hylkäysviestin sähköpostipohjaa ei ole vielä.", "Det finns ingen e-postmall för avslag ännu.",
    "Chưa có mẫu email từ chối."),
"Used with “Send later”. Until then you can undo the rejection.": (
    "Koskee valintaa ”Lähetä myöhemmin”. Siihen asti voit perua hylkäyksen.",
    "Gäller ”Skicka senare”. Fram till dess kan du ångra avslaget.",
    "Áp dụng khi chọn “Gửi sau”. Trước thời điểm đó bạn có thể hoàn tác việc loại."),
"Written in %(language)s, the candidate's language.": (
    "Kirjoitettu hakijan kielellä (%(language)s).", "Skrivet på kandidatens språk (%(language)s).",
    "Viết bằng ngôn ngữ của ứng viên (%(language)s)."),
# answers
"Rejected. The email goes on %(when)s; you can undo until then.": (
    "Hylätty. Viesti lähtee %(when)s; siihen asti voit perua hylkäyksen.",
    "Avvisad. Mejlet skickas %(when)s; fram till dess kan du ångra.",
    "Đã loại. Email sẽ được gửi vào %(when)s; trước đó bạn có thể hoàn tác."),
"Rejected: %(reason)s": ("Hylätty: %(reason)s", "Avvisad: %(reason)s", "Đã loại: %(reason)s"),
"Rejection undone: back in %(stage)s, the email will not be sent.": (
    "Hylkäys peruttu: takaisin vaiheessa %(stage)s, eikä viestiä lähetetä.",
    "Avslaget ångrat: tillbaka i steget %(stage)s, och mejlet skickas inte.",
    "Đã hoàn tác việc loại: trở lại giai đoạn %(stage)s, email sẽ không được gửi."),
"Rejection undone: back in %(stage)s; the email was not sent": (
    "Hylkäys peruttu: takaisin vaiheessa %(stage)s; viestiä ei lähetetty",
    "Avslaget ångrat: tillbaka i steget %(stage)s; mejlet skickades inte",
    "Đã hoàn tác việc loại: trở lại giai đoạn %(stage)s; email không được gửi"),
"Reason added.": ("Syy lisätty.", "Orsaken har lagts till.", "Đã thêm lý do."),
"Reason renamed.": ("Syy nimetty uudelleen.", "Orsaken har bytt namn.", "Đã đổi tên lý do."),
"Reason switched off.": ("Syy poistettu käytöstä.", "Orsaken är avstängd.", "Đã tắt lý do."),
"Reason switched on.": ("Syy otettu käyttöön.", "Orsaken är påslagen.", "Đã bật lý do."),
"Reason deleted.": ("Syy poistettu.", "Orsaken har raderats.", "Đã xóa lý do."),
"The reason is in use, so it was switched off instead of deleted.": (
    "Syytä on käytetty, joten se poistettiin käytöstä eikä sitä poistettu kokonaan.",
    "Orsaken används, så den stängdes av i stället för att raderas.",
    "Lý do này đang được sử dụng nên đã được tắt thay vì xóa."),
# settings
"Rejection reasons": ("Hylkäyssyyt", "Avslagsorsaker", "Lý do loại"),
"The reasons recruiters choose from when they reject an application.": (
    "Syyt, joista rekrytoijat valitsevat hylätessään hakemuksen.",
    "Orsakerna som rekryterare väljer mellan när de avvisar en ansökan.",
    "Các lý do chuyên viên tuyển dụng chọn khi loại một hồ sơ."),
"Recruiters choose one of the switched-on reasons when they reject an application, in this order. A reason that was used is switched off instead of deleted, so earlier rejections keep it.": (
    "Rekrytoijat valitsevat hakemusta hylätessään yhden käytössä olevista syistä, tässä järjestyksessä. "
    "Käytettyä syytä ei poisteta vaan se poistetaan käytöstä, jotta aiemmat hylkäykset säilyttävät sen.",
    "Rekryterare väljer en av de påslagna orsakerna när de avvisar en ansökan, i den här ordningen. En orsak "
    "som har använts stängs av i stället för att raderas, så att tidigare avslag behåller den.",
    "Khi loại một hồ sơ, chuyên viên tuyển dụng chọn một trong các lý do đang bật, theo thứ tự này. Lý do đã "
    "được sử dụng sẽ bị tắt thay vì xóa, để các lần loại trước vẫn giữ lý do đó."),
"Reasons": ("Syyt", "Orsaker", "Lý do"),
"in use": ("käytössä", "används", "đang dùng"),
"Move %(reason)s up": ("Siirrä syy %(reason)s ylemmäs", "Flytta upp %(reason)s", "Chuyển %(reason)s lên"),
"Move %(reason)s down": ("Siirrä syy %(reason)s alemmas", "Flytta ned %(reason)s", "Chuyển %(reason)s xuống"),
"Switch off": ("Poista käytöstä", "Stäng av", "Tắt"),
"Switch on": ("Ota käyttöön", "Slå på", "Bật"),
"No reasons yet.": ("Ei vielä syitä.", "Inga orsaker ännu.", "Chưa có lý do nào."),
"Add a reason": ("Lisää syy", "Lägg till en orsak", "Thêm lý do"),
"Add": ("Lisää", "Lägg till", "Thêm"),
# the card and the list
"Reject…": ("Hylkää…", "Avvisa …", "Loại…"),
"Rejection reason": ("Hylkäyksen syy", "Avslagsorsak", "Lý do loại"),
"scheduled for %(when)s": ("ajastettu: %(when)s", "schemalagt till %(when)s", "đã lên lịch vào %(when)s"),
"Rejected — email scheduled for %(when)s": (
    "Hylätty — viesti ajastettu: %(when)s", "Avvisad — mejlet är schemalagt till %(when)s",
    "Đã loại — email được lên lịch vào %(when)s"),
"rejection email “%(template)s” (%(language)s) scheduled for %(when)s": (
    "hylkäysviesti ”%(template)s” (%(language)s) ajastettu: %(when)s",
    "avslagsmejlet ”%(template)s” (%(language)s) schemalagt till %(when)s",
    "email từ chối “%(template)s” (%(language)s) được lên lịch vào %(when)s"),
"rejection email “%(template)s” queued (%(language)s)": (
    "hylkäysviesti ”%(template)s” jonossa (%(language)s)",
    "avslagsmejlet ”%(template)s” har lagts i kö (%(language)s)",
    "email từ chối “%(template)s” đã vào hàng đợi (%(language)s)"),
"Undo": ("Peru", "Ångra", "Hoàn tác"),
"no longer in the list": ("ei enää luettelossa", "finns inte längre i listan", "không còn trong danh sách"),
"No reason recorded": ("Syytä ei kirjattu", "Ingen orsak angiven", "Không ghi nhận lý do"),
"By": ("Tekijä", "Av", "Người thực hiện"),
"When": ("Aika", "När", "Thời gian"),
("email", "cancelled"): ("peruttu", "inställt", "đã hủy"),
# service refusals
"Choose a reason for the rejection.": ("Valitse hylkäyksen syy.", "Välj en orsak till avslaget.",
                                       "Hãy chọn lý do loại."),
"That reason is not in your company's list.": ("Syy ei ole yrityksesi luettelossa.",
                                               "Orsaken finns inte i ert företags lista.",
                                               "Lý do này không có trong danh sách của công ty bạn."),
"This job's pipeline has no rejection stage.": ("Tämän tehtävän prosessissa ei ole hylkäysvaihetta.",
                                                "Tjänstens process har inget avslagssteg.",
                                                "Quy trình của vị trí này không có giai đoạn loại."),
"This application is already rejected.": ("Hakemus on jo hylätty.", "Ansökan är redan avvisad.",
                                          "Hồ sơ này đã bị loại."),
"The note is too long (at most 2,000 characters).": (
    "Muistiinpano on liian pitkä (enintään 2 000 merkkiä).", "Anteckningen är för lång (högst 2 000 tecken).",
    "Ghi chú quá dài (tối đa 2.000 ký tự)."),
"Choose one of the rejection emails.": ("Valitse jokin hylkäysviesteistä.", "Välj ett av avslagsmejlen.",
                                        "Hãy chọn một email từ chối."),
"Choose when the email is sent.": ("Valitse, milloin viesti lähetetään.", "Välj när mejlet skickas.",
                                   "Hãy chọn thời điểm gửi email."),
"There is no rejection to undo.": ("Peruttavaa hylkäystä ei ole.", "Det finns inget avslag att ångra.",
                                   "Không có việc loại nào để hoàn tác."),
"The rejection email has already been sent: it can no longer be undone.": (
    "Hylkäysviesti on jo lähetetty, joten hylkäystä ei voi enää perua.",
    "Avslagsmejlet har redan skickats, så det går inte längre att ångra.",
    "Email từ chối đã được gửi nên không thể hoàn tác nữa."),
"The reason is empty.": ("Syy on tyhjä.", "Orsaken är tom.", "Lý do đang để trống."),
"The reason is too long (at most 120 characters).": ("Syy on liian pitkä (enintään 120 merkkiä).",
                                                     "Orsaken är för lång (högst 120 tecken).",
                                                     "Lý do quá dài (tối đa 120 ký tự)."),
"That reason is already in the list.": ("Syy on jo luettelossa.", "Orsaken finns redan i listan.",
                                        "Lý do này đã có trong danh sách."),
# the default reasons, created in the company's language
("rejection reason", "Not qualified"): ("Ei riittävää pätevyyttä", "Uppfyller inte kraven",
                                        "Không đáp ứng yêu cầu"),
("rejection reason", "Chose another candidate"): ("Valittiin toinen hakija", "Annan kandidat valdes",
                                                  "Đã chọn ứng viên khác"),
("rejection reason", "Candidate withdrew"): ("Hakija perui hakemuksensa", "Kandidaten drog tillbaka sin ansökan",
                                             "Ứng viên đã rút hồ sơ"),
("rejection reason", "No response from the candidate"): ("Hakija ei vastannut", "Inget svar från kandidaten",
                                                         "Ứng viên không phản hồi"),
("rejection reason", "Position filled"): ("Paikka on täytetty", "Tjänsten är tillsatt", "Vị trí đã được tuyển"),
("rejection reason", "Position cancelled"): ("Rekrytointi peruttu", "Rekryteringen avbröts",
                                             "Vị trí đã bị hủy tuyển"),
}

PLURALS = {
    ("%(num)d day later", "%(num)d days later"): (
        ("%(num)d päivän päästä", "%(num)d päivän päästä"),
        ("%(num)d dag senare", "%(num)d dagar senare"),
        ("%(num)d ngày sau",)),
}
