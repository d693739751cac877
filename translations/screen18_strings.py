"""Finnish, Swedish and Vietnamese for screening questions (issue 18, item 4): the question
editor of a job and a template, the questions on the apply form and their messages, the card's
answers panel, the list column and the knock-out's timeline lines. Same format as
``candidate_strings.py``."""

T = {
# the editor
"Screening questions": ("Karsintakysymykset", "Urvalsfrågor", "Câu hỏi sàng lọc"),
"Applicants answer these on the apply form, after their contact details. Applicants from TopCV are not asked. "
"A yes/no or choice question can knock out: a wrong answer rejects the application with the reason you choose.": (
    "Hakijat vastaavat näihin hakulomakkeella yhteystietojensa jälkeen. TopCV:n kautta tulleilta hakijoilta ei "
    "kysytä. Kyllä/ei- tai monivalintakysymys voi olla karsiva: väärä vastaus hylkää hakemuksen valitsemallasi "
    "syyllä.",
    "Sökande besvarar dessa i ansökningsformuläret, efter sina kontaktuppgifter. Sökande från TopCV får inga frågor. "
    "En ja/nej- eller flervalsfråga kan vara en utslagsfråga: ett fel svar avvisar ansökan med den orsak du väljer.",
    "Người ứng tuyển trả lời các câu hỏi này trong mẫu ứng tuyển, sau thông tin liên hệ. Người ứng tuyển từ TopCV "
    "không được hỏi. Câu hỏi có/không hoặc câu hỏi lựa chọn có thể là câu hỏi loại trực tiếp: trả lời sai sẽ loại "
    "hồ sơ với lý do bạn chọn."),
"required": ("pakollinen", "obligatorisk", "bắt buộc"),
"knock-out": ("karsiva", "utslagsfråga", "loại trực tiếp"),
"Knock-out": ("Karsiva kysymys", "Utslagsfråga", "Câu hỏi loại trực tiếp"),
"Move “%(question)s” up": ("Siirrä ”%(question)s” ylemmäs", "Flytta ”%(question)s” uppåt",
                           "Chuyển “%(question)s” lên trên"),
"Move “%(question)s” down": ("Siirrä ”%(question)s” alemmas", "Flytta ”%(question)s” nedåt",
                             "Chuyển “%(question)s” xuống dưới"),
"No screening questions yet: applicants only fill in the standard form.": (
    "Ei vielä karsintakysymyksiä: hakijat täyttävät vain tavallisen lomakkeen.",
    "Inga urvalsfrågor ännu: sökande fyller bara i det vanliga formuläret.",
    "Chưa có câu hỏi sàng lọc: người ứng tuyển chỉ điền mẫu thông thường."),
"Add a question": ("Lisää kysymys", "Lägg till en fråga", "Thêm câu hỏi"),
"Add question": ("Lisää kysymys", "Lägg till fråga", "Thêm câu hỏi"),
"A knock-out is set on a yes/no or choice question once it is added.": (
    "Karsinnan voi asettaa kyllä/ei- tai monivalintakysymykselle, kun kysymys on lisätty.",
    "En utslagsregel ställs in på en ja/nej- eller flervalsfråga när frågan har lagts till.",
    "Có thể đặt điều kiện loại trực tiếp cho câu hỏi có/không hoặc câu hỏi lựa chọn sau khi đã thêm câu hỏi."),
"Question": ("Kysymys", "Fråga", "Câu hỏi"),
"Kind of answer": ("Vastauksen tyyppi", "Typ av svar", "Loại câu trả lời"),
"Help text (optional)": ("Ohjeteksti (valinnainen)", "Hjälptext (valfri)", "Văn bản hướng dẫn (không bắt buộc)"),
"Choices, one per line (single and multiple choice)": (
    "Vaihtoehdot, yksi kullekin riville (yksi- ja monivalinta)",
    "Alternativ, ett per rad (enkel- och flerval)",
    "Các lựa chọn, mỗi dòng một lựa chọn (chọn một và chọn nhiều)"),
"An answer is required": ("Vastaus on pakollinen", "Ett svar krävs", "Bắt buộc trả lời"),
"Reject the application when the answer is not one of those ticked below": (
    "Hylkää hakemus, jos vastaus ei ole jokin alla valituista",
    "Avvisa ansökan om svaret inte är något av dem som är markerade nedan",
    "Loại hồ sơ khi câu trả lời không thuộc các lựa chọn được đánh dấu dưới đây"),
"Answers that pass": ("Hyväksyttävät vastaukset", "Svar som godkänns", "Câu trả lời đạt"),
"The applicant sees the same confirmation either way; the email, if chosen, is the company's rejection email in "
"their language.": (
    "Hakija näkee saman vahvistuksen joka tapauksessa; valittu sähköposti on yrityksen hylkäysviesti hakijan "
    "kielellä.",
    "Den sökande ser samma bekräftelse i båda fallen; e-postmeddelandet, om det väljs, är företagets avslagsmejl "
    "på den sökandes språk.",
    "Người ứng tuyển thấy cùng một xác nhận trong mọi trường hợp; email, nếu được chọn, là email từ chối của công ty "
    "bằng ngôn ngữ của họ."),
"Question added.": ("Kysymys lisätty.", "Frågan har lagts till.", "Đã thêm câu hỏi."),
"Question saved.": ("Kysymys tallennettu.", "Frågan har sparats.", "Đã lưu câu hỏi."),
"Question deleted. The answers already given stay with their applications.": (
    "Kysymys poistettu. Jo annetut vastaukset säilyvät hakemuksissa.",
    "Frågan har tagits bort. Svar som redan getts finns kvar i ansökningarna.",
    "Đã xóa câu hỏi. Các câu trả lời đã gửi vẫn được giữ trong hồ sơ."),
# the kinds of question
"Short text": ("Lyhyt teksti", "Kort text", "Văn bản ngắn"),
"Long text": ("Pitkä teksti", "Lång text", "Văn bản dài"),
"Yes / no": ("Kyllä / ei", "Ja / nej", "Có / không"),
"Single choice": ("Yksi vaihtoehto", "Enkelval", "Chọn một"),
"Multiple choice": ("Monivalinta", "Flerval", "Chọn nhiều"),
"Number": ("Numero", "Tal", "Số"),
"File (PDF)": ("Tiedosto (PDF)", "Fil (PDF)", "Tệp (PDF)"),
# the editor's refusals
"Choose the kind of question.": ("Valitse kysymyksen tyyppi.", "Välj typ av fråga.", "Hãy chọn loại câu hỏi."),
"The question is empty.": ("Kysymys on tyhjä.", "Frågan är tom.", "Câu hỏi đang để trống."),
"The question is too long (at most %(max)s characters).": (
    "Kysymys on liian pitkä (enintään %(max)s merkkiä).", "Frågan är för lång (högst %(max)s tecken).",
    "Câu hỏi quá dài (tối đa %(max)s ký tự)."),
"The help text is too long (at most %(max)s characters).": (
    "Ohjeteksti on liian pitkä (enintään %(max)s merkkiä).", "Hjälptexten är för lång (högst %(max)s tecken).",
    "Văn bản hướng dẫn quá dài (tối đa %(max)s ký tự)."),
"A choice question needs at least two choices, one per line.": (
    "Valintakysymyksessä on oltava vähintään kaksi vaihtoehtoa, yksi kullekin riville.",
    "En flervalsfråga behöver minst två alternativ, ett per rad.",
    "Câu hỏi lựa chọn cần ít nhất hai lựa chọn, mỗi dòng một lựa chọn."),
"A question can have at most %(max)s choices, each at most 200 characters.": (
    "Kysymyksessä voi olla enintään %(max)s vaihtoehtoa, kukin enintään 200 merkkiä.",
    "En fråga kan ha högst %(max)s alternativ, vart och ett högst 200 tecken.",
    "Một câu hỏi có tối đa %(max)s lựa chọn, mỗi lựa chọn tối đa 200 ký tự."),
"A job can have at most %(max)s screening questions.": (
    "Tehtävällä voi olla enintään %(max)s karsintakysymystä.",
    "En tjänst kan ha högst %(max)s urvalsfrågor.",
    "Một vị trí có tối đa %(max)s câu hỏi sàng lọc."),
"Only yes/no and choice questions can knock out.": (
    "Vain kyllä/ei- ja valintakysymykset voivat olla karsivia.",
    "Endast ja/nej- och flervalsfrågor kan vara utslagsfrågor.",
    "Chỉ câu hỏi có/không và câu hỏi lựa chọn mới có thể loại trực tiếp."),
"Choose which answers pass the knock-out (at least one, not all).": (
    "Valitse, mitkä vastaukset läpäisevät karsinnan (vähintään yksi, ei kaikkia).",
    "Välj vilka svar som klarar utslagsfrågan (minst ett, inte alla).",
    "Hãy chọn những câu trả lời đạt (ít nhất một, không phải tất cả)."),
"Choose an active rejection reason for the knock-out.": (
    "Valitse karsinnalle käytössä oleva hylkäyksen syy.",
    "Välj en aktiv avslagsorsak för utslagsfrågan.",
    "Hãy chọn một lý do loại đang dùng cho câu hỏi loại trực tiếp."),
"Choose when the rejection email is sent.": (
    "Valitse, milloin hylkäysviesti lähetetään.", "Välj när avslagsmejlet skickas.",
    "Hãy chọn thời điểm gửi email từ chối."),
"That question is not in this job's screening questions.": (
    "Kysymys ei ole tämän tehtävän karsintakysymyksissä.",
    "Frågan finns inte bland tjänstens urvalsfrågor.",
    "Câu hỏi này không thuộc các câu hỏi sàng lọc của vị trí."),
# the apply form
"(required)": ("(pakollinen)", "(obligatorisk)", "(bắt buộc)"),
"(optional)": ("(valinnainen)", "(valfri)", "(không bắt buộc)"),
"A PDF file, at most %(mb)s MB.": ("PDF-tiedosto, enintään %(mb)s Mt.", "En PDF-fil, högst %(mb)s MB.",
                                   "Tệp PDF, tối đa %(mb)s MB."),
"Please answer this question.": ("Vastaa tähän kysymykseen.", "Besvara den här frågan.",
                                 "Vui lòng trả lời câu hỏi này."),
"Please attach a PDF.": ("Liitä PDF-tiedosto.", "Bifoga en PDF.", "Vui lòng đính kèm tệp PDF."),
"Please choose one of the answers given.": ("Valitse jokin annetuista vastauksista.",
                                            "Välj ett av de givna svaren.",
                                            "Vui lòng chọn một trong các câu trả lời có sẵn."),
"Please enter a number, e.g. 3 or 2.5.": ("Kirjoita numero, esim. 3 tai 2,5.", "Ange ett tal, t.ex. 3 eller 2,5.",
                                          "Vui lòng nhập một số, ví dụ 3 hoặc 2.5."),
"The answer is too long (at most %(max)s characters).": (
    "Vastaus on liian pitkä (enintään %(max)s merkkiä).", "Svaret är för långt (högst %(max)s tecken).",
    "Câu trả lời quá dài (tối đa %(max)s ký tự)."),
# the card, the list and the timeline
"Screening answers": ("Karsintakysymysten vastaukset", "Svar på urvalsfrågor", "Câu trả lời sàng lọc"),
"not asked": ("ei kysytty", "inte tillfrågad", "không được hỏi"),
"Not asked: this application came through TopCV, which does not show the screening questions.": (
    "Ei kysytty: hakemus tuli TopCV:n kautta, joka ei näytä karsintakysymyksiä.",
    "Inte tillfrågad: ansökan kom via TopCV, som inte visar urvalsfrågorna.",
    "Không được hỏi: hồ sơ đến từ TopCV, nơi không hiển thị các câu hỏi sàng lọc."),
"No answer": ("Ei vastausta", "Inget svar", "Không trả lời"),
"Rejected by the screening question “%(question)s”: %(reason)s": (
    "Hylätty karsintakysymyksen ”%(question)s” perusteella: %(reason)s",
    "Avvisad av urvalsfrågan ”%(question)s”: %(reason)s",
    "Bị loại bởi câu hỏi sàng lọc “%(question)s”: %(reason)s"),
"Entered %(stage)s: the answer to the screening question “%(question)s” knocked it out": (
    "Siirtyi vaiheeseen %(stage)s: vastaus karsintakysymykseen ”%(question)s” karsi hakemuksen",
    "Flyttades till %(stage)s: svaret på urvalsfrågan ”%(question)s” slog ut ansökan",
    "Chuyển sang %(stage)s: câu trả lời cho câu hỏi sàng lọc “%(question)s” đã loại hồ sơ"),
"The screening question “%(question)s” was answered the wrong way, but the application could not be rejected: "
"%(error)s": (
    "Karsintakysymykseen ”%(question)s” vastattiin väärin, mutta hakemusta ei voitu hylätä: %(error)s",
    "Urvalsfrågan ”%(question)s” besvarades fel, men ansökan kunde inte avvisas: %(error)s",
    "Câu hỏi sàng lọc “%(question)s” bị trả lời sai, nhưng không thể loại hồ sơ: %(error)s"),
}

PLURALS = {}
