"""Finnish, Swedish and Vietnamese for forwarded EMREX links: the picker's "Is this you?",
the page for someone who says it is not them, and the held / accepted / discarded states of a
transcript on the recruiter's card (SECURITY_BAR 47). Applied to the catalogues by
``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- the candidate's pages
"Is this you?": ("Oletko sinä tämä hakija?", "Är det här du?", "Đây có phải là bạn không?"),
"This request is for:": ("Pyyntö on osoitettu hakijalle:", "Förfrågan gäller:", "Yêu cầu này dành cho:"),
"the applicant": ("hakija", "den sökande", "người ứng tuyển"),
"applied for %(job)s": ("haki tehtävään %(job)s", "sökte tjänsten %(job)s", "đã ứng tuyển vị trí %(job)s"),
"For privacy we show only the first letter of each name.": (
    "Yksityisyyden suojaamiseksi näytämme vain jokaisen nimen ensimmäisen kirjaimen.",
    "Av integritetsskäl visar vi bara den första bokstaven i varje namn.",
    "Để bảo vệ quyền riêng tư, chúng tôi chỉ hiển thị chữ cái đầu của mỗi tên."),
"Yes, this is me": ("Kyllä, tämä olen minä", "Ja, det är jag", "Vâng, đây là tôi"),
"No, this is not me": ("Ei, tämä en ole minä", "Nej, det är inte jag", "Không, đây không phải tôi"),
"Your university's records are checked against this application. Records of another person are not added to it.": (
    "Korkeakoulusi tietoja verrataan tähän hakemukseen. Toisen henkilön tietoja ei liitetä siihen.",
    "Uppgifterna från ditt lärosäte jämförs med den här ansökan. En annan persons resultat läggs inte till i den.",
    "Dữ liệu từ trường của bạn sẽ được đối chiếu với hồ sơ ứng tuyển này. Kết quả của người khác sẽ không được "
    "thêm vào hồ sơ."),
"For %(name)s, applied for %(job)s": ("Hakija %(name)s, tehtävä %(job)s", "Gäller %(name)s, som sökte %(job)s",
                                      "Dành cho %(name)s, ứng tuyển vị trí %(job)s"),
"Please tell us whether this request is for you.": (
    "Kerro meille, onko tämä pyyntö osoitettu sinulle.", "Tala om för oss om förfrågan gäller dig.",
    "Vui lòng cho chúng tôi biết yêu cầu này có dành cho bạn không."),
"Please confirm first that this request is for you.": (
    "Vahvista ensin, että tämä pyyntö on osoitettu sinulle.", "Bekräfta först att förfrågan gäller dig.",
    "Vui lòng xác nhận trước rằng yêu cầu này dành cho bạn."),
"This link is personal": ("Tämä linkki on henkilökohtainen", "Den här länken är personlig",
                          "Đường liên kết này là của riêng một người"),
"This request for study records is for someone else, so you cannot share records with it. Nothing was shared and nothing was changed.": (
    "Tämä opintotietopyyntö on osoitettu toiselle henkilölle, joten et voi jakaa sen kautta tietoja. Mitään ei "
    "jaettu eikä mitään muutettu.",
    "Den här förfrågan om studieresultat gäller någon annan, så du kan inte dela resultat med den. Ingenting "
    "delades och ingenting ändrades.",
    "Yêu cầu chia sẻ kết quả học tập này dành cho người khác, nên bạn không thể dùng nó để chia sẻ. Không có gì "
    "được chia sẻ và không có gì bị thay đổi."),
"If someone forwarded this link to you, ask them to use it themselves. If you applied yourself, ask the employer to send you your own link — it comes to the email address you applied with.": (
    "Jos joku välitti linkin sinulle, pyydä häntä käyttämään sitä itse. Jos hait itse, pyydä työnantajaa "
    "lähettämään sinulle oma linkki — se tulee sähköpostiosoitteeseen, jolla hait.",
    "Om någon vidarebefordrade länken till dig, be personen att använda den själv. Om du själv har sökt, be "
    "arbetsgivaren skicka en egen länk till dig — den kommer till e-postadressen du sökte med.",
    "Nếu ai đó chuyển tiếp đường liên kết này cho bạn, hãy nhờ họ tự sử dụng. Nếu chính bạn đã ứng tuyển, hãy đề "
    "nghị nhà tuyển dụng gửi cho bạn đường liên kết riêng — liên kết sẽ được gửi đến email bạn đã dùng để ứng "
    "tuyển."),
"The request came from %(company)s.": ("Pyynnön lähetti %(company)s.", "Förfrågan kom från %(company)s.",
                                       "Yêu cầu được gửi từ %(company)s."),
"You can close this page.": ("Voit sulkea tämän sivun.", "Du kan stänga den här sidan.",
                             "Bạn có thể đóng trang này."),

# ---------------------------------------------------------------- the recruiter's card and list
"Held for review": ("Odottaa tarkistusta", "Väntar på granskning", "Chờ xem xét"),
"Records discarded": ("Tiedot hylätty", "Resultaten kasserade", "Đã loại bỏ kết quả"),
"EMREX records received but held for review: the identity check did not match": (
    "EMREX-tiedot vastaanotettiin, mutta ne odottavat tarkistusta: henkilöllisyyden tarkistus ei täsmännyt",
    "EMREX-resultat togs emot men väntar på granskning: identitetskontrollen stämde inte",
    "Đã nhận kết quả EMREX nhưng đang chờ xem xét: kiểm tra danh tính không khớp"),
"EMREX records accepted after review (%(inst)s)": (
    "EMREX-tiedot hyväksyttiin tarkistuksen jälkeen (%(inst)s)",
    "EMREX-resultat godkändes efter granskning (%(inst)s)",
    "Kết quả EMREX đã được chấp nhận sau khi xem xét (%(inst)s)"),
"EMREX records discarded after review: they were not this candidate's": (
    "EMREX-tiedot hylättiin tarkistuksen jälkeen: ne eivät olleet tämän hakijan",
    "EMREX-resultat kasserades efter granskning: de tillhörde inte den här kandidaten",
    "Kết quả EMREX đã bị loại bỏ sau khi xem xét: không phải của ứng viên này"),
"This transcript is no longer held: someone already decided. The card shows the current state.": (
    "Tiedot eivät enää odota tarkistusta: joku on jo tehnyt päätöksen. Kortilla näkyy nykyinen tila.",
    "Resultaten väntar inte längre på granskning: någon har redan beslutat. Kortet visar det aktuella läget.",
    "Kết quả này không còn chờ xem xét: đã có người quyết định. Thẻ hồ sơ hiển thị trạng thái hiện tại."),
"Accepted: the records now count for this candidate.": (
    "Hyväksytty: tiedot lasketaan nyt tämän hakijan tiedoiksi.",
    "Godkänt: resultaten räknas nu för den här kandidaten.",
    "Đã chấp nhận: kết quả giờ được tính cho ứng viên này."),
"Discarded: the records were deleted and do not count for this candidate.": (
    "Hylätty: tiedot poistettiin eikä niitä lasketa tämän hakijan tiedoiksi.",
    "Kasserat: resultaten raderades och räknas inte för den här kandidaten.",
    "Đã loại bỏ: kết quả đã bị xóa và không được tính cho ứng viên này."),
"They did not belong to this candidate and their content was deleted. To ask the candidate for their own records, send a new EMREX request from the ⋯ menu.": (
    "Tiedot eivät kuuluneet tälle hakijalle, ja niiden sisältö poistettiin. Voit pyytää hakijalta hänen omat "
    "tietonsa lähettämällä uuden EMREX-pyynnön ⋯-valikosta.",
    "De tillhörde inte den här kandidaten och innehållet raderades. Be kandidaten om egna resultat genom att "
    "skicka en ny EMREX-förfrågan från ⋯-menyn.",
    "Kết quả này không thuộc về ứng viên và nội dung đã bị xóa. Để đề nghị ứng viên gửi kết quả của chính họ, hãy "
    "gửi yêu cầu EMREX mới từ menu ⋯."),
"These records did not pass the identity check, so they do not count yet: they are not in the GPA, the list columns or the candidate's data export. Someone else may have opened the candidate's link.": (
    "Tiedot eivät läpäisseet henkilöllisyyden tarkistusta, joten niitä ei vielä lasketa: ne eivät näy "
    "keskiarvossa, listan sarakkeissa eivätkä hakijan tietopyynnön aineistossa. Joku muu on ehkä avannut "
    "hakijan linkin.",
    "Resultaten klarade inte identitetskontrollen och räknas därför inte ännu: de ingår inte i snittbetyget, "
    "listans kolumner eller kandidatens dataexport. Någon annan kan ha öppnat kandidatens länk.",
    "Kết quả này không vượt qua bước kiểm tra danh tính nên chưa được tính: không có trong điểm trung bình, các "
    "cột danh sách hay dữ liệu xuất của ứng viên. Có thể người khác đã mở đường liên kết của ứng viên."),
"Names differ: the records are for %(name)s, the application is from %(applicant)s.": (
    "Nimet eroavat: tiedot ovat henkilön %(name)s, hakemuksen teki %(applicant)s.",
    "Namnen skiljer sig: resultaten gäller %(name)s, ansökan kommer från %(applicant)s.",
    "Tên không khớp: kết quả là của %(name)s, hồ sơ ứng tuyển là của %(applicant)s."),
"Birth date differs: the records say %(bday)s, which is not the birth date the applicant gave.": (
    "Syntymäaika eroaa: tiedoissa on %(bday)s, mikä ei ole hakijan ilmoittama syntymäaika.",
    "Födelsedatumet skiljer sig: resultaten anger %(bday)s, vilket inte är det datum den sökande uppgav.",
    "Ngày sinh không khớp: kết quả ghi %(bday)s, khác với ngày sinh ứng viên đã khai."),
"Birth date not compared: the applicant gave none or the records have none.": (
    "Syntymäaikaa ei verrattu: hakija ei ilmoittanut sitä tai se puuttuu tiedoista.",
    "Födelsedatumet jämfördes inte: den sökande angav inget eller så saknas det i resultaten.",
    "Chưa đối chiếu ngày sinh: ứng viên không khai hoặc kết quả không có ngày sinh."),
"Accept: these are the candidate's records": ("Hyväksy: nämä ovat hakijan tiedot",
                                              "Godkänn: resultaten tillhör kandidaten",
                                              "Chấp nhận: đây là kết quả của ứng viên"),
"Discard these records? Their content is deleted and cannot be restored.": (
    "Hylätäänkö nämä tiedot? Niiden sisältö poistetaan eikä sitä voi palauttaa.",
    "Kassera resultaten? Innehållet raderas och kan inte återställas.",
    "Loại bỏ kết quả này? Nội dung sẽ bị xóa và không thể khôi phục."),
"Discard": ("Hylkää", "Kassera", "Loại bỏ"),
"identity mismatch — accepted after review": ("henkilöllisyys ei täsmää — hyväksytty tarkistuksen jälkeen",
                                              "identiteten stämmer inte — godkänd efter granskning",
                                              "danh tính không khớp — đã chấp nhận sau khi xem xét"),
"Accepted by %(name)s on %(date)s: the records count for this candidate.": (
    "Hyväksyjä %(name)s, %(date)s: tiedot lasketaan tämän hakijan tiedoiksi.",
    "Godkänt av %(name)s %(date)s: resultaten räknas för den här kandidaten.",
    "%(name)s đã chấp nhận lúc %(date)s: kết quả được tính cho ứng viên này."),
"Show the courses in these records": ("Näytä tietojen opintojaksot", "Visa kurserna i resultaten",
                                      "Xem các học phần trong kết quả này"),
"not counted while held": ("ei lasketa tarkistuksen aikana", "räknas inte under granskning",
                           "chưa được tính khi đang chờ xem xét"),
}
