"""Finnish, Swedish and Vietnamese for the email-template screens (merge fields only, issue 11
§2.3); applied to the catalogues by ``python translations/candidate_strings.py``."""

T = {
# merge fields (app/messaging/rendering.py)
"Candidate's full name": ("Hakijan koko nimi", "Kandidatens fullständiga namn", "Họ tên đầy đủ của ứng viên"),
"Candidate's given name(s)": ("Hakijan etunimi (tai etunimet)", "Kandidatens förnamn", "Tên của ứng viên"),
"Job title": ("Tehtävänimike", "Tjänstens titel", "Chức danh công việc"),
"Company name": ("Yrityksen nimi", "Företagets namn", "Tên công ty"),
"Stage the application is in": ("Hakemuksen vaihe", "Steget som ansökan är i", "Giai đoạn hiện tại của hồ sơ"),
"Link to the job on the careers page": ("Linkki ilmoitukseen urasivulla", "Länk till tjänsten på karriärsidan",
                                        "Liên kết đến vị trí trên trang tuyển dụng"),
"Link to the company's careers page": ("Linkki yrityksen urasivulle", "Länk till företagets karriärsida",
                                       "Liên kết đến trang tuyển dụng của công ty"),
"The action link of the email (e.g. the EMREX invite), when there is one": (
    "Viestin toimintolinkki (esim. EMREX-kutsu), jos viestissä on sellainen",
    "E-postens åtgärdslänk (t.ex. EMREX-inbjudan), om det finns en",
    "Liên kết hành động của email (ví dụ lời mời EMREX), nếu có"),

# refusals at save (app/admin/forms.py)
"“%(text)s” is not a merge field. You can use these fields: %(fields)s.": (
    "”%(text)s” ei ole yhdistämiskenttä. Voit käyttää näitä kenttiä: %(fields)s.",
    "”%(text)s” är inte ett kopplingsfält. Du kan använda de här fälten: %(fields)s.",
    "“%(text)s” không phải là trường trộn. Bạn có thể dùng các trường sau: %(fields)s."),
"“%(text)s” is not allowed: write a merge field as {{ field_name }}, without filters, dots or expressions. "
"You can use these fields: %(fields)s.": (
    "”%(text)s” ei ole sallittu: kirjoita yhdistämiskenttä muodossa {{ kentän_nimi }} ilman suodattimia, "
    "pisteitä tai lausekkeita. Voit käyttää näitä kenttiä: %(fields)s.",
    "”%(text)s” är inte tillåtet: skriv ett kopplingsfält som {{ fältnamn }}, utan filter, punkter eller "
    "uttryck. Du kan använda de här fälten: %(fields)s.",
    "“%(text)s” không được phép: hãy viết trường trộn dạng {{ tên_trường }}, không kèm bộ lọc, dấu chấm hay "
    "biểu thức. Bạn có thể dùng các trường sau: %(fields)s."),
"“%(text)s” is template code, which email templates do not support. Write plain text with merge fields only: "
"%(fields)s.": (
    "”%(text)s” on mallikoodia, jota sähköpostipohjat eivät tue. Kirjoita pelkkää tekstiä ja käytä vain "
    "yhdistämiskenttiä: %(fields)s.",
    "”%(text)s” är mallkod, som e-postmallar inte stöder. Skriv vanlig text med enbart kopplingsfält: "
    "%(fields)s.",
    "“%(text)s” là mã mẫu, mẫu email không hỗ trợ. Hãy viết văn bản thuần và chỉ dùng các trường trộn: "
    "%(fields)s."),
"“%(text)s” opens a merge field with {{ but does not close it with }}. You can use these fields: %(fields)s.": (
    "”%(text)s” aloittaa yhdistämiskentän merkeillä {{ mutta ei sulje sitä merkeillä }}. Voit käyttää näitä "
    "kenttiä: %(fields)s.",
    "”%(text)s” öppnar ett kopplingsfält med {{ men stänger det inte med }}. Du kan använda de här fälten: "
    "%(fields)s.",
    "“%(text)s” mở một trường trộn bằng {{ nhưng không đóng bằng }}. Bạn có thể dùng các trường sau: "
    "%(fields)s."),
"“}}” has no opening {{. Double braces are only for merge fields, such as {{ job_title }}.": (
    "”}}” ilman aloittavaa {{. Kaksoisaaltosulkeita käytetään vain yhdistämiskentissä, kuten {{ job_title }}.",
    "”}}” saknar inledande {{. Dubbla klammerparenteser används bara för kopplingsfält, som {{ job_title }}.",
    "“}}” không có {{ mở tương ứng. Dấu ngoặc nhọn kép chỉ dùng cho trường trộn, ví dụ {{ job_title }}."),
"The template is too long: %(count)s characters in the subject and body together (at most %(max)s).": (
    "Pohja on liian pitkä: otsikossa ja tekstissä on yhteensä %(count)s merkkiä (enintään %(max)s).",
    "Mallen är för lång: %(count)s tecken i ämne och text tillsammans (högst %(max)s).",
    "Mẫu quá dài: tiêu đề và nội dung có tổng cộng %(count)s ký tự (tối đa %(max)s)."),
"The template has %(count)s merge fields (at most %(max)s).": (
    "Pohjassa on %(count)s yhdistämiskenttää (enintään %(max)s).",
    "Mallen har %(count)s kopplingsfält (högst %(max)s).",
    "Mẫu có %(count)s trường trộn (tối đa %(max)s)."),

# the edit screen and the templates pages
"Write a field in double braces, e.g. %(field)s: it is replaced with the value when the email is sent. "
"Nothing else may go in double braces, and template code such as %(example)s is not supported.": (
    "Kirjoita kenttä kaksoisaaltosulkeisiin, esim. %(field)s: se korvataan arvollaan, kun viesti "
    "lähetetään. Kaksoisaaltosulkeisiin ei voi kirjoittaa muuta, eikä mallikoodia, kuten %(example)s, tueta.",
    "Skriv ett fält inom dubbla klammerparenteser, t.ex. %(field)s: det ersätts med sitt värde när "
    "e-posten skickas. Inget annat får stå inom dubbla klammerparenteser, och mallkod som %(example)s stöds inte.",
    "Viết trường trong cặp ngoặc nhọn kép, ví dụ %(field)s: trường sẽ được thay bằng giá trị khi gửi "
    "email. Không được đặt gì khác trong ngoặc nhọn kép, và mã mẫu như %(example)s không được hỗ trợ."),
"Some templates were reset to the default": ("Joitakin pohjia palautettiin oletukseen",
                                             "Några mallar har återställts till standard",
                                             "Một số mẫu đã được đặt lại về mặc định"),
"Email templates now take merge fields only, such as %(field)s. These templates used other template code "
"that could not be converted, so they now have the default text. Their old text is shown on each template's "
"page; check it and save the template to dismiss this notice.": (
    "Sähköpostipohjissa voi nyt käyttää vain yhdistämiskenttiä, kuten %(field)s. Näissä pohjissa oli "
    "muuta mallikoodia, jota ei voitu muuntaa, joten niissä on nyt oletusteksti. Vanha teksti näkyy kunkin "
    "pohjan sivulla: tarkista se ja tallenna pohja, niin tämä ilmoitus poistuu.",
    "E-postmallar tar nu bara kopplingsfält, som %(field)s. De här mallarna innehöll annan mallkod som "
    "inte kunde konverteras, så de har nu standardtexten. Den gamla texten visas på varje malls sida: "
    "kontrollera den och spara mallen för att ta bort det här meddelandet.",
    "Mẫu email giờ chỉ nhận các trường trộn, ví dụ %(field)s. Các mẫu dưới đây dùng mã mẫu khác không "
    "chuyển đổi được nên đã được thay bằng nội dung mặc định. Nội dung cũ hiển thị trên trang của từng mẫu; "
    "hãy kiểm tra và lưu mẫu để ẩn thông báo này."),
"This template was reset to the default": ("Tämä pohja palautettiin oletukseen",
                                           "Den här mallen har återställts till standard",
                                           "Mẫu này đã được đặt lại về mặc định"),
"Its old text used template code that email templates no longer support, so it was replaced with the default "
"text below on %(date)s. Save the template to dismiss this notice.": (
    "Sen vanhassa tekstissä oli mallikoodia, jota sähköpostipohjat eivät enää tue, joten se korvattiin "
    "%(date)s alla olevalla oletustekstillä. Tallenna pohja, niin tämä ilmoitus poistuu.",
    "Den gamla texten innehöll mallkod som e-postmallar inte längre stöder, så den ersattes med "
    "standardtexten nedan den %(date)s. Spara mallen för att ta bort det här meddelandet.",
    "Nội dung cũ dùng mã mẫu mà mẫu email không còn hỗ trợ, nên đã được thay bằng nội dung mặc định bên "
    "dưới vào %(date)s. Hãy lưu mẫu để ẩn thông báo này."),
"Old text": ("Vanha teksti", "Gammal text", "Nội dung cũ"),
"Name": ("Nimi", "Namn", "Tên"),
"Owner": ("Omistaja", "Ägare", "Chủ sở hữu"),
"No email templates yet.": ("Sähköpostipohjia ei ole vielä.", "Inga e-postmallar än.", "Chưa có mẫu email nào."),

# labels on the email-template screens (admin and staff), untranslated until now
"Email templates": ("Sähköpostipohjat", "E-postmallar", "Mẫu email"),
"Email template": ("Sähköpostipohja", "E-postmall", "Mẫu email"),
"New email template": ("Uusi sähköpostipohja", "Ny e-postmall", "Mẫu email mới"),
"New global email template": ("Uusi yleinen sähköpostipohja", "Ny global e-postmall", "Mẫu email chung mới"),
"Global email templates": ("Yleiset sähköpostipohjat", "Globala e-postmallar", "Mẫu email chung"),
"New template": ("Uusi pohja", "Ny mall", "Mẫu mới"),
"Haku default": ("Haku-oletus", "Hakus standard", "Mặc định của Haku"),
"Your company": ("Oma yritys", "Ert företag", "Công ty của bạn"),
"Customise": ("Muokkaa omaksi", "Anpassa", "Tùy chỉnh"),
"Key": ("Tunniste", "Nyckel", "Mã"),
"Subject": ("Otsikko", "Ämne", "Tiêu đề"),
"Body": ("Viestin teksti", "Brödtext", "Nội dung"),
"Same key as a default overrides it for your company.": (
    "Sama tunniste kuin oletuspohjalla korvaa sen yrityksessänne.",
    "Samma nyckel som en standardmall ersätter den för ert företag.",
    "Dùng cùng mã với một mẫu mặc định sẽ thay thế mẫu đó cho công ty của bạn."),
"Save template": ("Tallenna pohja", "Spara mallen", "Lưu mẫu"),
"Merge fields": ("Yhdistämiskentät", "Kopplingsfält", "Trường trộn"),
}
