"""Finnish, Swedish and Vietnamese for the conversation on the card ("Send email", the
thread with the candidate's replies, the inbound mailbox's notification); applied by
``python translations/candidate_strings.py`` with every other ``translations/*_strings.py``."""

T = {
"Template": ("Sähköpostipohja", "E-postmall", "Mẫu email"),
"Message": ("Viesti", "Meddelande", "Nội dung"),
"Email “%(subject)s” sent to the candidate (%(language)s)": (
    "Sähköposti ”%(subject)s” lähetetty hakijalle (%(language)s)",
    "Mejlet ”%(subject)s” skickat till kandidaten (%(language)s)",
    "Đã gửi email “%(subject)s” cho ứng viên (%(language)s)"),
"Email “%(subject)s” sent to the candidate": (
    "Sähköposti ”%(subject)s” lähetetty hakijalle",
    "Mejlet ”%(subject)s” skickat till kandidaten",
    "Đã gửi email “%(subject)s” cho ứng viên"),
"The candidate replied by email: “%(subject)s”": (
    "Hakija vastasi sähköpostilla: ”%(subject)s”",
    "Kandidaten svarade per mejl: ”%(subject)s”",
    "Ứng viên đã trả lời qua email: “%(subject)s”"),
"Free text": ("Vapaa teksti", "Fritext", "Tự soạn"),
"Email queued for %(email)s.": (
    "Sähköposti osoitteeseen %(email)s on lähtevissä viesteissä.",
    "Mejlet till %(email)s ligger i utkorgen.",
    "Email gửi %(email)s đã được đưa vào hộp thư đi."),
"%(name)s replied by email": (
    "%(name)s vastasi sähköpostilla", "%(name)s svarade per mejl", "%(name)s đã trả lời qua email"),
"This candidate has no email address.": (
    "Hakijalla ei ole sähköpostiosoitetta.", "Kandidaten har ingen e-postadress.",
    "Ứng viên này không có địa chỉ email."),
"Pick one of the templates in the list.": (
    "Valitse jokin luettelon pohjista.", "Välj en av mallarna i listan.", "Hãy chọn một mẫu trong danh sách."),
"Write a subject.": ("Kirjoita aihe.", "Skriv en ämnesrad.", "Hãy nhập tiêu đề."),
"Write a message.": ("Kirjoita viesti.", "Skriv ett meddelande.", "Hãy nhập nội dung."),
"The subject is longer than %(max)s characters.": (
    "Aihe on yli %(max)s merkkiä pitkä.", "Ämnesraden är längre än %(max)s tecken.",
    "Tiêu đề dài hơn %(max)s ký tự."),
"The message is longer than %(max)s characters.": (
    "Viesti on yli %(max)s merkkiä pitkä.", "Meddelandet är längre än %(max)s tecken.",
    "Nội dung dài hơn %(max)s ký tự."),
"The text has a merge field that cannot be filled: %(text)s": (
    "Tekstissä on yhdistämiskenttä, jota ei voi täyttää: %(text)s",
    "Texten har ett kopplingsfält som inte kan fyllas i: %(text)s",
    "Văn bản có trường trộn không thể điền: %(text)s"),
"The form has expired. Open it again.": (
    "Lomake on vanhentunut. Avaa se uudelleen.", "Formuläret har gått ut. Öppna det igen.",
    "Biểu mẫu đã hết hạn. Hãy mở lại."),
"A candidate replied by email": (
    "Hakija vastasi sähköpostilla", "En kandidat svarade per mejl", "Ứng viên trả lời qua email"),
"To": ("Vastaanottaja", "Till", "Người nhận"),
"A template is written in the candidate's language when it has that language. Pick “Free text” to write your own.": (
    "Pohja lähetetään hakijan kielellä, jos pohjasta on se kieliversio. Valitse ”Vapaa teksti”, jos haluat "
    "kirjoittaa viestin itse.",
    "Mallen skickas på kandidatens språk när den finns på det språket. Välj ”Fritext” om du vill skriva själv.",
    "Mẫu được gửi bằng ngôn ngữ của ứng viên nếu mẫu có ngôn ngữ đó. Hãy chọn “Tự soạn” để tự viết."),
"Only for free text.": ("Vain vapaalle tekstille.", "Endast för fritext.", "Chỉ dùng khi tự soạn."),
"Only for free text. Merge fields you can use: %(fields)s": (
    "Vain vapaalle tekstille. Käytettävissä olevat yhdistämiskentät: %(fields)s",
    "Endast för fritext. Kopplingsfält du kan använda: %(fields)s",
    "Chỉ dùng khi tự soạn. Các trường trộn có thể dùng: %(fields)s"),
"Preview": ("Esikatsele", "Förhandsgranska", "Xem trước"),
"Conversation": ("Viestit", "Konversation", "Hội thoại"),
"Reply": ("Vastaus", "Svar", "Trả lời"),
"(no subject)": ("(ei aihetta)", "(ingen ämnesrad)", "(không có tiêu đề)"),
"Replies come back to this card.": (
    "Vastaukset tulevat tälle hakemuskortille.", "Svaren kommer tillbaka till det här ansökningskortet.",
    "Thư trả lời sẽ hiển thị trên thẻ hồ sơ này."),
"Send": ("Lähetä", "Skicka", "Gửi"),
}
