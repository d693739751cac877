"""Finnish, Swedish and Vietnamese for job ads in Markdown (issue 18, item 1): the form's
preview, the department, the workplace and the salary period. Same format as
``candidate_strings.py``."""

T = {
"Department": ("Osasto", "Avdelning", "Phòng ban"),
"Workplace": ("Työskentelypaikka", "Arbetsplats", "Nơi làm việc"),
"On-site": ("Työpaikalla", "På plats", "Tại văn phòng"),
"Hybrid": ("Hybridi", "Hybrid", "Kết hợp"),
"Remote": ("Etätyö", "Distans", "Từ xa"),
"Salary period": ("Palkkajakso", "Löneperiod", "Kỳ trả lương"),
"per hour": ("tunnilta", "per timme", "mỗi giờ"),
"per month": ("kuukaudessa", "per månad", "mỗi tháng"),
"per year": ("vuodessa", "per år", "mỗi năm"),
"Preview of the ad": ("Ilmoituksen esikatselu", "Förhandsvisning av annonsen", "Xem trước tin tuyển dụng"),
"Update preview": ("Päivitä esikatselu", "Uppdatera förhandsvisningen", "Cập nhật bản xem trước"),
"Markdown: # heading, - list item, **bold**, [link text](https://…). Plain text works as before.": (
    "Markdown: # otsikko, - luettelon kohta, **lihavointi**, [linkin teksti](https://…). "
    "Pelkkä teksti toimii kuten ennenkin.",
    "Markdown: # rubrik, - punkt i en lista, **fetstil**, [länktext](https://…). "
    "Vanlig text fungerar som förut.",
    "Markdown: # tiêu đề, - mục danh sách, **chữ đậm**, [nội dung liên kết](https://…). "
    "Văn bản thường vẫn hiển thị như trước."),
# the apply form that never loses work (issue 18, item 3)
"The file is larger than %(mb)s MB. Please attach a smaller PDF; your other answers are kept below.": (
    "Tiedosto on suurempi kuin %(mb)s Mt. Liitä pienempi PDF-tiedosto; muut vastauksesi ovat tallessa alla.",
    "Filen är större än %(mb)s MB. Bifoga en mindre PDF; dina övriga svar finns kvar nedan.",
    "Tệp lớn hơn %(mb)s MB. Vui lòng đính kèm tệp PDF nhỏ hơn; các câu trả lời khác của bạn vẫn được giữ bên dưới."),
"The file is larger than %(mb)s MB. Please attach a smaller PDF.": (
    "Tiedosto on suurempi kuin %(mb)s Mt. Liitä pienempi PDF-tiedosto.",
    "Filen är större än %(mb)s MB. Bifoga en mindre PDF.",
    "Tệp lớn hơn %(mb)s MB. Vui lòng đính kèm tệp PDF nhỏ hơn."),
# the feed (issue 18, item 2)
"Open positions at %(company)s": ("Avoimet paikat: %(company)s", "Lediga tjänster hos %(company)s",
                                  "Vị trí đang tuyển tại %(company)s"),
# the privacy notice (issue 18, items 2 and 3)
"Your privacy notice (address)": ("Oma tietosuojaselosteenne (osoite)", "Er integritetspolicy (adress)",
                                  "Thông báo quyền riêng tư của bạn (địa chỉ)"),
"Privacy notice": ("Tietosuojaseloste", "Integritetspolicy", "Thông báo quyền riêng tư"),
"The apply form links to it beside the consent. Without one, it links to the notice Haku writes for %(company)s from these settings.": (
    "Hakulomake linkittää siihen suostumuksen vieressä. Ilman sitä lomake linkittää selosteeseen, jonka Haku "
    "kirjoittaa yritykselle %(company)s näiden asetusten pohjalta.",
    "Ansökningsformuläret länkar till den bredvid samtycket. Utan den länkar formuläret till den policy som Haku "
    "skriver för %(company)s utifrån de här inställningarna.",
    "Biểu mẫu ứng tuyển liên kết đến thông báo này bên cạnh phần đồng ý. Nếu không có, biểu mẫu liên kết đến thông "
    "báo mà Haku soạn cho %(company)s dựa trên các cài đặt này."),
"See Haku's notice for %(company)s": ("Katso Hakun seloste yritykselle %(company)s",
                                      "Visa Hakus policy för %(company)s",
                                      "Xem thông báo Haku soạn cho %(company)s"),
"Read the privacy notice of %(company)s": ("Lue yrityksen %(company)s tietosuojaseloste",
                                           "Läs integritetspolicyn för %(company)s",
                                           "Đọc thông báo quyền riêng tư của %(company)s"),
"Privacy notice for applicants of %(company)s": ("Tietosuojaseloste: %(company)s, hakijat",
                                                 "Integritetspolicy för sökande till %(company)s",
                                                 "Thông báo quyền riêng tư cho người ứng tuyển vào %(company)s"),
"The privacy notice of %(company)s": ("Yrityksen %(company)s oma tietosuojaseloste",
                                      "Integritetspolicyn för %(company)s",
                                      "Thông báo quyền riêng tư của %(company)s"),
"Who is responsible": ("Kuka vastaa tiedoista", "Vem som ansvarar", "Ai chịu trách nhiệm"),
"%(company)s is responsible for the data you give when you apply. Haku, the recruitment system %(company)s uses, processes it on their behalf.": (
    "%(company)s vastaa tiedoista, jotka annat hakiessasi. Haku on rekrytointijärjestelmä, jota %(company)s "
    "käyttää, ja se käsittelee tietoja yrityksen puolesta.",
    "%(company)s ansvarar för de uppgifter du lämnar när du söker. Haku, rekryteringssystemet som %(company)s "
    "använder, behandlar dem för deras räkning.",
    "%(company)s chịu trách nhiệm về dữ liệu bạn cung cấp khi ứng tuyển. Haku, hệ thống tuyển dụng mà "
    "%(company)s sử dụng, xử lý dữ liệu này thay mặt họ."),
"What is kept": ("Mitä tietoja säilytetään", "Vad som sparas", "Những gì được lưu giữ"),
"Your name, email address and phone number, your CV, cover letter and answers, and the steps of your application. Study records from your university and assessment results only if you choose to share them.": (
    "Nimesi, sähköpostiosoitteesi ja puhelinnumerosi, CV:si, saatekirjeesi ja vastauksesi sekä hakemuksesi "
    "vaiheet. Opintosuoritukset korkeakoulustasi ja arviointien tulokset vain, jos itse päätät jakaa ne.",
    "Ditt namn, din e-postadress och ditt telefonnummer, ditt cv, ditt personliga brev och dina svar samt "
    "stegen i din ansökan. Studieresultat från ditt lärosäte och testresultat bara om du själv väljer att dela dem.",
    "Họ tên, địa chỉ email và số điện thoại, CV, thư xin việc và câu trả lời của bạn, cùng các bước của hồ sơ. "
    "Kết quả học tập từ trường của bạn và kết quả đánh giá chỉ khi bạn chọn chia sẻ."),
"Why it is kept": ("Miksi tietoja säilytetään", "Varför de sparas", "Vì sao dữ liệu được lưu giữ"),
"To consider your application for the position you applied for and to contact you about it. The legal basis is your consent, which you give when you apply and may withdraw at any time.": (
    "Jotta hakemuksesi voidaan arvioida haettuun tehtävään ja sinuun voidaan olla yhteydessä siitä. "
    "Käsittelyn peruste on suostumuksesi, jonka annat hakiessasi ja voit perua milloin tahansa.",
    "För att bedöma din ansökan till tjänsten du sökte och kontakta dig om den. Den rättsliga grunden är ditt "
    "samtycke, som du ger när du söker och kan återkalla när som helst.",
    "Để xem xét hồ sơ của bạn cho vị trí bạn ứng tuyển và liên hệ với bạn về hồ sơ đó. Cơ sở pháp lý là sự "
    "đồng ý của bạn, được đưa ra khi ứng tuyển và có thể rút lại bất cứ lúc nào."),
"How long": ("Kuinka kauan", "Hur länge", "Trong bao lâu"),
"You can download your data or ask for it to be deleted at any time. You may also lodge a complaint with your data protection authority.": (
    "Voit ladata tietosi tai pyytää niiden poistamista milloin tahansa. Voit myös tehdä valituksen "
    "tietosuojaviranomaiselle.",
    "Du kan när som helst ladda ner dina uppgifter eller be att de raderas. Du kan också lämna in ett klagomål "
    "till din dataskyddsmyndighet.",
    "Bạn có thể tải xuống dữ liệu của mình hoặc yêu cầu xóa bất cứ lúc nào. Bạn cũng có thể khiếu nại với cơ "
    "quan bảo vệ dữ liệu."),
"Your rights": ("Oikeutesi", "Dina rättigheter", "Quyền của bạn"),
"The privacy notice's address must start with https:// and be at most 500 characters.": (
    "Tietosuojaselosteen osoitteen on alettava https:// ja oltava enintään 500 merkkiä.",
    "Integritetspolicyns adress måste börja med https:// och vara högst 500 tecken.",
    "Địa chỉ thông báo quyền riêng tư phải bắt đầu bằng https:// và tối đa 500 ký tự."),
"How long candidates are kept after their last activity, and your privacy notice.": (
    "Kuinka kauan hakijoiden tiedot säilytetään viimeisen tapahtuman jälkeen, ja tietosuojaselosteenne.",
    "Hur länge kandidater sparas efter sin senaste aktivitet, och er integritetspolicy.",
    "Ứng viên được lưu giữ bao lâu sau hoạt động cuối cùng, và thông báo quyền riêng tư của bạn."),
}

PLURALS = {
    ("Your data is deleted automatically %(num)d month after the last activity on your application.",
     "Your data is deleted automatically %(num)d months after the last activity on your application."): (
        ("Tietosi poistetaan automaattisesti %(num)d kuukauden kuluttua hakemuksesi viimeisestä tapahtumasta.",
         "Tietosi poistetaan automaattisesti %(num)d kuukauden kuluttua hakemuksesi viimeisestä tapahtumasta."),
        ("Dina uppgifter raderas automatiskt %(num)d månad efter den senaste aktiviteten i din ansökan.",
         "Dina uppgifter raderas automatiskt %(num)d månader efter den senaste aktiviteten i din ansökan."),
        ("Dữ liệu của bạn tự động bị xóa %(num)d tháng sau hoạt động cuối cùng trên hồ sơ.",)),
}
