"""Finnish, Swedish and Vietnamese for each user's language and time zone (the Account page,
company settings), the language an email went out in, and team notifications written in
each member's language (issue 14 items 1–2). Applied to the .po catalogues with the ``T`` of
every other ``translations/*_strings.py``."""

T = {
# Account page and company settings
"Language and time zone": ("Kieli ja aikavyöhyke", "Språk och tidszon", "Ngôn ngữ và múi giờ"),
"Time zone": ("Aikavyöhyke", "Tidszon", "Múi giờ"),
"Language and time zone saved.": (
    "Kieli ja aikavyöhyke tallennettiin.", "Språk och tidszon har sparats.", "Đã lưu ngôn ngữ và múi giờ."),
"The language of my browser": ("Selaimeni kieli", "Min webbläsares språk", "Ngôn ngữ của trình duyệt"),
"The company's time zone (%(zone)s)": (
    "Yrityksen aikavyöhyke (%(zone)s)", "Företagets tidszon (%(zone)s)", "Múi giờ của công ty (%(zone)s)"),
"The language of Haku's screens and of the emails Haku sends you.": (
    "Hakun näkymien ja sinulle lähetettävien sähköpostien kieli.",
    "Språket i Hakus vyer och i mejlen som Haku skickar till dig.",
    "Ngôn ngữ của các màn hình Haku và của email Haku gửi cho bạn."),
"Dates and times are shown in this time zone.": (
    "Päivämäärät ja kellonajat näytetään tällä aikavyöhykkeellä.",
    "Datum och tider visas i den här tidszonen.",
    "Ngày giờ được hiển thị theo múi giờ này."),
"The company's default language and time zone.": (
    "Yrityksen oletuskieli ja -aikavyöhyke.", "Företagets standardspråk och tidszon.",
    "Ngôn ngữ và múi giờ mặc định của công ty."),
"Password, language, time zone and notification emails.": (
    "Salasana, kieli, aikavyöhyke ja ilmoitukset sähköpostiin.",
    "Lösenord, språk, tidszon och aviseringar via e-post.",
    "Mật khẩu, ngôn ngữ, múi giờ và email thông báo."),
"Emails to candidates go in the language they applied in; when there is no template in that language, in this one. Users who have not chosen a language and whose browser asks for none of Haku's see Haku in it too.": (
    "Hakijoille lähetetään sähköpostit sillä kielellä, jolla he hakivat; jos sillä kielellä ei ole "
    "viestipohjaa, tällä kielellä. Myös käyttäjät, jotka eivät ole valinneet kieltä ja joiden selain ei "
    "pyydä mitään Hakun kielistä, näkevät Hakun tällä kielellä.",
    "Mejl till kandidater skickas på det språk de sökte på; finns ingen mall på det språket skickas de på "
    "det här. Användare som inte har valt något språk och vars webbläsare inte ber om något av Hakus språk "
    "ser också Haku på det här språket.",
    "Email gửi ứng viên dùng ngôn ngữ họ đã dùng khi ứng tuyển; nếu không có mẫu email bằng ngôn ngữ đó "
    "thì dùng ngôn ngữ này. Người dùng chưa chọn ngôn ngữ và trình duyệt không yêu cầu ngôn ngữ nào Haku "
    "hỗ trợ cũng thấy Haku bằng ngôn ngữ này."),
"Dates and times are shown in this time zone to users who have not chosen their own.": (
    "Päivämäärät ja kellonajat näytetään tällä aikavyöhykkeellä käyttäjille, jotka eivät ole valinneet omaansa.",
    "Datum och tider visas i den här tidszonen för användare som inte har valt en egen.",
    "Ngày giờ được hiển thị theo múi giờ này cho người dùng chưa chọn múi giờ riêng."),
"Each user's own choice": ("Käyttäjän oma valinta", "Varje användares eget val", "Lựa chọn riêng của từng người dùng"),
"Every user can choose their own language and time zone on their Account page.": (
    "Jokainen käyttäjä voi valita oman kielensä ja aikavyöhykkeensä Tili-sivulla.",
    "Varje användare kan välja sitt eget språk och sin egen tidszon på sin Konto-sida.",
    "Mỗi người dùng có thể chọn ngôn ngữ và múi giờ riêng trên trang Tài khoản của mình."),
# The card's timeline: which language an email went out in
"Email “%(template)s” queued (%(language)s)": (
    "Sähköposti ”%(template)s” jonossa lähetettäväksi (%(language)s)",
    "Mejlet ”%(template)s” står i kö för att skickas (%(language)s)",
    "Email “%(template)s” đã được đưa vào hàng đợi gửi (%(language)s)"),
"Assessment “%(test)s” sent to the candidate (%(language)s)": (
    "Arviointitesti ”%(test)s” lähetettiin hakijalle (%(language)s)",
    "Testet ”%(test)s” skickades till kandidaten (%(language)s)",
    "Đã gửi bài đánh giá “%(test)s” cho ứng viên (%(language)s)"),
# Team notifications (the bell and the email copy), in each member's language
"New application: %(name)s for %(job)s": (
    "Uusi hakemus: %(name)s tehtävään %(job)s", "Ny ansökan: %(name)s till %(job)s",
    "Hồ sơ mới: %(name)s ứng tuyển vị trí %(job)s"),
"%(name)s is waiting in the Pending pool": (
    "%(name)s on lisätty odottaviin hakijoihin", "%(name)s finns nu bland väntande sökande",
    "%(name)s đang ở danh sách ứng viên chờ xử lý"),
"%(name)s moved to %(stage)s": (
    "%(name)s siirrettiin vaiheeseen %(stage)s", "%(name)s flyttades till steget %(stage)s",
    "%(name)s đã được chuyển sang vòng %(stage)s"),
"Study records for %(name)s need review": (
    "Hakijan %(name)s opintotiedot on tarkistettava", "Studieresultaten för %(name)s behöver granskas",
    "Kết quả học tập của %(name)s cần được xem xét"),
"%(name)s transferred study records": (
    "%(name)s siirsi opintotietonsa", "%(name)s har överfört sina studieresultat",
    "%(name)s đã chuyển kết quả học tập"),
"TopCV approved the posting of %(job)s": (
    "TopCV hyväksyi tehtävän %(job)s ilmoituksen", "TopCV godkände annonsen för %(job)s",
    "TopCV đã duyệt tin tuyển dụng %(job)s"),
"TopCV rejected the posting of %(job)s: %(reason)s": (
    "TopCV hylkäsi tehtävän %(job)s ilmoituksen: %(reason)s", "TopCV avvisade annonsen för %(job)s: %(reason)s",
    "TopCV đã từ chối tin tuyển dụng %(job)s: %(reason)s"),
"TopCV rejected the posting of %(job)s (no reason given)": (
    "TopCV hylkäsi tehtävän %(job)s ilmoituksen (syytä ei kerrottu)",
    "TopCV avvisade annonsen för %(job)s (inget skäl angavs)",
    "TopCV đã từ chối tin tuyển dụng %(job)s (không nêu lý do)"),
}
