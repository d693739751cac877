"""Finnish, Swedish and Vietnamese for the last English a user could see (issue 14): partner
alerts to admins, why an EMREX return brought no records (reason codes worded when shown) and
the request's history, the default stage names of a new job, and the language of each email
on the application card. Applied to the .po catalogues with the ``T`` of every other
``translations/*_strings.py``."""

T = {
# Partner alerts to the company's admins (a notification, in each admin's language)
"A %(vendor)s call failed for good: %(call)s": (
    "%(vendor)s-kutsu epäonnistui lopullisesti: %(call)s",
    "Ett anrop till %(vendor)s misslyckades slutgiltigt: %(call)s",
    "Lệnh gọi tới %(vendor)s đã thất bại và sẽ không được thử lại: %(call)s"),
"TopCV refused the stored keys: paste new ones": (
    "TopCV hylkäsi tallennetut avaimet: liitä uudet",
    "TopCV avvisade de sparade nycklarna: klistra in nya",
    "TopCV đã từ chối khóa đã lưu: hãy dán khóa mới"),

# Default stages of a new job or job template, in the company's default language
("stage", "New"): ("Uudet", "Nya", "Mới"),
("stage", "In progress"): ("Käsittelyssä", "Under behandling", "Đang xử lý"),
("stage", "Interview"): ("Haastattelu", "Intervju", "Phỏng vấn"),
("stage", "Offer"): ("Työtarjous", "Erbjudande", "Mời nhận việc"),
("stage", "Hired"): ("Palkattu", "Anställd", "Đã tuyển"),
("stage", "Rejected"): ("Hylätty", "Avvisad", "Bị từ chối"),

# Why an EMREX return brought no records (the card's EMREX panel and timeline)
"The return was too large to accept.": (
    "Korkeakoulun lähetys oli liian suuri vastaanotettavaksi.",
    "Svaret från lärosätet var för stort för att tas emot.",
    "Dữ liệu trường gửi về quá lớn để tiếp nhận."),
"The return had the wrong content type.": (
    "Korkeakoulun lähetyksen sisältötyyppi oli väärä.",
    "Svaret från lärosätet hade fel innehållstyp.",
    "Dữ liệu trường gửi về có kiểu nội dung không đúng."),
"The sessionId in the return does not match its return address.": (
    "Lähetyksen sessionId ei vastaa sen paluuosoitetta.",
    "Svarets sessionId stämmer inte med dess returadress.",
    "sessionId trong dữ liệu trường gửi về không khớp với địa chỉ trả về."),
"The return came after the 15-minute window.": (
    "Lähetys tuli vasta 15 minuutin aikarajan jälkeen.",
    "Svaret kom först efter 15-minutersgränsen.",
    "Dữ liệu trường gửi về đến sau giới hạn 15 phút."),
"No return within 15 minutes.": (
    "Korkeakoulusta ei palattu 15 minuutin kuluessa.",
    "Inget svar från lärosätet inom 15 minuter.",
    "Trường không gửi dữ liệu về trong vòng 15 phút."),
"The request was closed meanwhile.": (
    "Pyyntö oli sillä välin suljettu.",
    "Förfrågan hade stängts under tiden.",
    "Yêu cầu đã bị đóng trong lúc đó."),
"The university's signing certificate has expired.": (
    "Korkeakoulun allekirjoitusvarmenne on vanhentunut.",
    "Lärosätets signeringscertifikat har gått ut.",
    "Chứng thư ký số của trường đã hết hạn."),
"No transcript was sent.": (
    "Opintosuoritusotetta ei lähetetty.",
    "Inget resultatintyg skickades.",
    "Không có bảng điểm nào được gửi."),
"The transcript is not valid base64.": (
    "Opintosuoritusote ei ole kelvollista base64-muotoa.",
    "Resultatintyget är inte giltig base64.",
    "Bảng điểm không phải là base64 hợp lệ."),
"The transcript is not gzip-compressed.": (
    "Opintosuoritusotetta ei ole pakattu gzip-muotoon.",
    "Resultatintyget är inte gzip-komprimerat.",
    "Bảng điểm không được nén bằng gzip."),
"The transcript's compression is damaged.": (
    "Opintosuoritusotteen pakkaus on vioittunut.",
    "Resultatintygets komprimering är skadad.",
    "Phần nén của bảng điểm bị hỏng."),
"The transcript is incomplete (truncated).": (
    "Opintosuoritusote on vajaa (katkennut).",
    "Resultatintyget är ofullständigt (avkortat).",
    "Bảng điểm không đầy đủ (bị cắt cụt)."),
"The transcript has unexpected data after its end.": (
    "Opintosuoritusotteen lopun jälkeen on odottamatonta dataa.",
    "Resultatintyget har oväntade data efter sitt slut.",
    "Bảng điểm có dữ liệu không mong đợi sau phần kết thúc."),
"The transcript declares a DOCTYPE or entities, which is not allowed.": (
    "Opintosuoritusote määrittelee DOCTYPEn tai entiteettejä, mikä ei ole sallittua.",
    "Resultatintyget deklarerar en DOCTYPE eller entiteter, vilket inte är tillåtet.",
    "Bảng điểm khai báo DOCTYPE hoặc thực thể, điều này không được phép."),
"The transcript is not well-formed XML.": (
    "Opintosuoritusote ei ole hyvin muodostettua XML:ää.",
    "Resultatintyget är inte välformad XML.",
    "Bảng điểm không phải là XML đúng cú pháp."),
"The document is not an ELMO transcript.": (
    "Asiakirja ei ole ELMO-opintosuoritusote.",
    "Dokumentet är inte ett ELMO-resultatintyg.",
    "Tài liệu không phải là bảng điểm ELMO."),
"The signature's structure is not as expected.": (
    "Allekirjoituksen rakenne ei ole odotetunlainen.",
    "Signaturens struktur är inte den väntade.",
    "Cấu trúc của chữ ký không như mong đợi."),
"The transcript is not signed.": (
    "Opintosuoritusotetta ei ole allekirjoitettu.",
    "Resultatintyget är inte signerat.",
    "Bảng điểm chưa được ký."),
"The transcript carries more than one signature.": (
    "Opintosuoritusotteessa on useampi kuin yksi allekirjoitus.",
    "Resultatintyget har mer än en signatur.",
    "Bảng điểm có nhiều hơn một chữ ký."),
"The signature is not where it must be.": (
    "Allekirjoitus ei ole paikassa, jossa sen on oltava.",
    "Signaturen finns inte där den ska vara.",
    "Chữ ký không nằm ở vị trí bắt buộc."),
"The transcript is signed with an algorithm we do not accept.": (
    "Opintosuoritusote on allekirjoitettu algoritmilla, jota emme hyväksy.",
    "Resultatintyget är signerat med en algoritm som vi inte godtar.",
    "Bảng điểm được ký bằng thuật toán mà chúng tôi không chấp nhận."),
"The signature does not cover the whole transcript.": (
    "Allekirjoitus ei kata koko opintosuoritusotetta.",
    "Signaturen täcker inte hela resultatintyget.",
    "Chữ ký không bao trùm toàn bộ bảng điểm."),
"The signature's transforms are not accepted.": (
    "Allekirjoituksen muunnoksia (transforms) ei hyväksytä.",
    "Signaturens transformationer godtas inte.",
    "Các phép biến đổi (transforms) của chữ ký không được chấp nhận."),
"No certificate is registered for this university.": (
    "Tälle korkeakoululle ei ole rekisteröity varmennetta.",
    "Inget certifikat är registrerat för det här lärosätet.",
    "Chưa có chứng thư nào được đăng ký cho trường này."),
"The transcript's signature could not be verified.": (
    "Opintosuoritusotteen allekirjoitusta ei voitu tarkistaa.",
    "Resultatintygets signatur kunde inte verifieras.",
    "Không thể xác minh chữ ký của bảng điểm."),

# The EMREX request's history on the card
"Request sent": ("Pyyntö lähetetty", "Förfrågan skickad", "Đã gửi yêu cầu"),
"Reminder sent": ("Muistutus lähetetty", "Påminnelse skickad", "Đã gửi lời nhắc"),
"Link opened": ("Linkki avattu", "Länken öppnad", "Đã mở liên kết"),
"The candidate confirmed the request is theirs": (
    "Hakija vahvisti, että pyyntö koskee häntä",
    "Kandidaten bekräftade att förfrågan gäller hen",
    "Ứng viên đã xác nhận yêu cầu là của mình"),
"Reopened by the candidate": ("Hakija avasi uudelleen", "Öppnad igen av kandidaten", "Ứng viên đã mở lại"),
"Sent to the university": ("Ohjattu korkeakouluun", "Skickad till lärosätet", "Đã chuyển đến trường"),
"The return brought no records": (
    "Korkeakoulusta palattiin ilman tietoja", "Svaret från lärosätet innehöll inga resultat",
    "Trường đã gửi về nhưng không có kết quả nào"),
"The candidate declined": ("Hakija kieltäytyi", "Kandidaten tackade nej", "Ứng viên đã từ chối"),

# The card's timeline: why an EMREX request was sent, how the identity check came out
"sent by hand": ("lähetetty käsin", "skickad manuellt", "gửi thủ công"),
("identity", "match"): ("täsmää", "stämmer", "khớp"),
("identity", "names match"): ("nimet täsmäävät", "namnen stämmer", "tên khớp"),
("identity", "mismatch"): ("ei täsmää", "stämmer inte", "không khớp"),

# The language of each email to the candidate, on the card's timeline
"Confirmation email queued (%(language)s)": (
    "Vahvistussähköposti jonossa lähetettäväksi (%(language)s)",
    "Bekräftelsemejlet står i kö för att skickas (%(language)s)",
    "Email xác nhận đã được đưa vào hàng đợi gửi (%(language)s)"),
"Applied again (source: %(source)s); kept as this application, and the applicant was told by email (%(language)s)": (
    "Haki uudelleen (lähde: %(source)s); säilytetty tänä hakemuksena, ja hakijalle kerrottiin siitä "
    "sähköpostilla (%(language)s)",
    "Ansökte igen (källa: %(source)s); behålls som den här ansökan, och den sökande fick besked via mejl "
    "(%(language)s)",
    "Ứng tuyển lại (nguồn: %(source)s); được gộp vào hồ sơ này, và người ứng tuyển đã được báo qua email "
    "(%(language)s)"),
}
