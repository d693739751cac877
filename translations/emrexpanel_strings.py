"""Finnish, Swedish and Vietnamese for the recruiter's EMREX panel (issue 12 §3, §4, §7, §8):
the status column, the GPA sentence and the per-row average markers, unreadable cells, the last
attempt without records, the groups per degree programme — plus the panel's older labels that
had no translation yet. Applied to the catalogues by ``python translations/candidate_strings.py``."""

T = {
# ---------------------------------------------------------------- the panel's frame (older strings)
"Study records (EMREX)": ("Opintotiedot (EMREX)", "Studieresultat (EMREX)", "Kết quả học tập (EMREX)"),
"History": ("Historia", "Historik", "Lịch sử"),
"Institution": ("Korkeakoulu", "Lärosäte", "Trường"),
"Degree": ("Tutkinto", "Examen", "Bằng cấp"),
"Total credits": ("Opintopisteet yhteensä", "Poäng totalt", "Tổng số tín chỉ"),
"GPA": ("Keskiarvo", "Medelbetyg", "Điểm trung bình"),
"Received": ("Vastaanotettu", "Mottagen", "Đã nhận"),
"Title": ("Nimi", "Titel", "Tiêu đề"),
"Credits": ("Opintopisteet", "Poäng", "Tín chỉ"),
"Credits (ECTS)": ("Opintopisteet (ECTS)", "Poäng (ECTS)", "Tín chỉ (ECTS)"),
"Grade": ("Arvosana", "Betyg", "Điểm"),
"Date": ("Päivämäärä", "Datum", "Ngày"),
"Report": ("Opintosuoritusote", "Resultatintyg", "Bảng điểm"),
"Attachments": ("Liitteet", "Bilagor", "Tệp đính kèm"),
"signature verified": ("allekirjoitus tarkistettu", "signaturen verifierad", "đã xác minh chữ ký"),
"identity match": ("henkilöllisyys täsmää", "identiteten stämmer", "danh tính khớp"),
"identity: names match, birth date not compared": (
    "henkilöllisyys: nimet täsmäävät, syntymäaikaa ei verrattu",
    "identitet: namnen stämmer, födelsedatum inte jämfört",
    "danh tính: tên khớp, chưa so sánh ngày sinh"),
"legacy format": ("vanha muoto", "äldre format", "định dạng cũ"),
"university certificate expired": ("korkeakoulun varmenne vanhentunut", "lärosätets certifikat har gått ut",
                                   "chứng chỉ của trường đã hết hạn"),
"schema: not strict": ("skeema: ei tarkka", "schema: inte strikt", "lược đồ: không chặt chẽ"),
"The document does not follow the ELMO 1.7 schema strictly; the data was read anyway.": (
    "Asiakirja ei noudata ELMO 1.7 -skeemaa tarkasti; tiedot luettiin silti.",
    "Dokumentet följer inte ELMO 1.7-schemat strikt; uppgifterna lästes ändå.",
    "Tài liệu không tuân thủ chặt chẽ lược đồ ELMO 1.7; dữ liệu vẫn được đọc."),
"Download the signed document (XML)": ("Lataa allekirjoitettu asiakirja (XML)",
                                       "Ladda ned det signerade dokumentet (XML)",
                                       "Tải xuống tài liệu đã ký (XML)"),
"EMREX status": ("EMREX-tila", "EMREX-status", "Trạng thái EMREX"),
"No EMREX request yet. Use “Request EMREX” in the ⋯ menu, or set a trigger stage in the job's EMREX settings.": (
    "EMREX-pyyntöä ei ole vielä lähetetty. Valitse ⋯-valikosta ”Pyydä EMREX” tai aseta käynnistävä vaihe "
    "tehtävän EMREX-asetuksissa.",
    "Ingen EMREX-förfrågan ännu. Välj ”Begär EMREX” i ⋯-menyn eller ange ett startsteg i tjänstens "
    "EMREX-inställningar.",
    "Chưa có yêu cầu EMREX. Dùng “Yêu cầu EMREX” trong menu ⋯, hoặc đặt giai đoạn kích hoạt trong cài đặt EMREX "
    "của vị trí."),
"Request EMREX": ("Pyydä EMREX", "Begär EMREX", "Yêu cầu EMREX"),
"No records were transferred": ("Tietoja ei siirretty", "Inga resultat överfördes", "Không có kết quả nào được chuyển"),
"the candidate declined.": ("hakija kieltäytyi.", "den sökande tackade nej.", "ứng viên đã từ chối."),
"No records were transferred.": ("Tietoja ei siirretty.", "Inga resultat överfördes.",
                                 "Không có kết quả nào được chuyển."),
"identity mismatch — needs review": ("henkilöllisyys ei täsmää — tarkistettava",
                                     "identiteten stämmer inte — behöver granskas",
                                     "danh tính không khớp — cần xem xét"),
"not a PDF, not kept": ("ei PDF-tiedosto, ei tallennettu", "inte en PDF, sparades inte",
                        "không phải PDF, không được lưu"),
"Requested": ("Pyydetty", "Begärd", "Đã yêu cầu"),
"Opened": ("Avattu", "Öppnad", "Đã mở"),
"At university": ("Korkeakoulun palvelussa", "Hos lärosätet", "Đang ở trang của trường"),
"Records received": ("Tiedot vastaanotettu", "Resultat mottagna", "Đã nhận kết quả"),
"Cancelled": ("Peruttu", "Avbruten", "Đã hủy"),
"Expired": ("Vanhentunut", "Utgången", "Đã hết hạn"),
"Pending": ("Odottaa", "Väntande", "Đang chờ"),
# ---------------------------------------------------------------- status column
"passed": ("hyväksytty", "godkänd", "đạt"),
"failed": ("hylätty", "underkänd", "không đạt"),
"in progress": ("kesken", "pågår", "đang học"),
"unknown": ("ei tiedossa", "okänd", "không rõ"),
"Status": ("Tila", "Status", "Trạng thái"),
"Derived from the grade: the document states no status.": (
    "Päätelty arvosanasta: asiakirjassa ei ole tilaa.",
    "Härlett från betyget: dokumentet anger ingen status.",
    "Suy ra từ điểm: tài liệu không ghi trạng thái."),
"* Status derived from the grade: the document states none.": (
    "* Tila päätelty arvosanasta: asiakirjassa sitä ei ole.",
    "* Status härledd från betyget: dokumentet anger ingen.",
    "* Trạng thái suy ra từ điểm: tài liệu không ghi."),
"unreadable": ("ei luettavissa", "oläsbar", "không đọc được"),
"The document states a value here, but it could not be read.": (
    "Asiakirjassa on tässä arvo, mutta sitä ei voitu lukea.",
    "Dokumentet anger ett värde här, men det kunde inte läsas.",
    "Tài liệu có giá trị ở đây nhưng không thể đọc được."),
# ---------------------------------------------------------------- the average
"In GPA": ("Keskiarvossa", "I medelbetyget", "Trong điểm TB"),
"Counted in the average": ("Mukana keskiarvossa", "Räknas in i medelbetyget", "Được tính vào điểm trung bình"),
"pass/fail": ("hyväksytty/hylätty", "godkänd/underkänd", "đạt/không đạt"),
"not convertible": ("ei muunnettavissa", "kan inte räknas om", "không quy đổi được"),
"no credits": ("ei opintopisteitä", "inga poäng", "không có tín chỉ"),
"via its course": ("opintojakson kautta", "via sin kurs", "tính qua học phần"),
"Left out of the average: a failed result.": (
    "Ei mukana keskiarvossa: hylätty suoritus.", "Inte med i medelbetyget: ett underkänt resultat.",
    "Không tính vào điểm trung bình: kết quả không đạt."),
"Left out of the average: pass/fail results have no points.": (
    "Ei mukana keskiarvossa: hyväksytty/hylätty-arvioinnilla ei ole numeroarvoa.",
    "Inte med i medelbetyget: godkänd/underkänd-resultat ger inga poäng i snittet.",
    "Không tính vào điểm trung bình: kết quả đạt/không đạt không có điểm số."),
"Left out of the average: the grade does not convert to the scale.": (
    "Ei mukana keskiarvossa: arvosanaa ei voi muuntaa asteikolle.",
    "Inte med i medelbetyget: betyget kan inte räknas om till skalan.",
    "Không tính vào điểm trung bình: điểm không quy đổi được sang thang điểm."),
"Left out of the average: no ECTS credits.": (
    "Ei mukana keskiarvossa: ei ECTS-opintopisteitä.", "Inte med i medelbetyget: inga ECTS-poäng.",
    "Không tính vào điểm trung bình: không có tín chỉ ECTS."),
"Left out of the average: its course has its own grade, which is counted instead.": (
    "Ei mukana keskiarvossa: opintojaksolla on oma arvosanansa, joka lasketaan sen sijaan.",
    "Inte med i medelbetyget: kursen har ett eget betyg, som räknas i stället.",
    "Không tính vào điểm trung bình: học phần có điểm riêng, điểm đó được tính thay thế."),
"✓ counted in the average; other graded rows say why they were left out.": (
    "✓ mukana keskiarvossa; muilla arvioiduilla riveillä kerrotaan, miksi ne jätettiin pois.",
    "✓ räknas in i medelbetyget; övriga betygsatta rader anger varför de lämnades utanför.",
    "✓ được tính vào điểm trung bình; các dòng có điểm khác ghi lý do không được tính."),
"Left out: %(items)s.": ("Ei mukana: %(items)s.", "Inte medräknat: %(items)s.", "Không tính: %(items)s."),
"No graded results with ECTS credits: no average.": (
    "Ei arvosteltuja suorituksia ECTS-opintopisteineen: keskiarvoa ei ole.",
    "Inga betygsatta resultat med ECTS-poäng: inget medelbetyg.",
    "Không có kết quả có điểm kèm tín chỉ ECTS: không có điểm trung bình."),
"Credits could not be read from the document": (
    "Opintopisteitä ei voitu lukea asiakirjasta", "Poängen kunde inte läsas i dokumentet",
    "Không đọc được tín chỉ từ tài liệu"),
"No credits were stated for passed results": (
    "Hyväksytyille suorituksille ei ole ilmoitettu opintopisteitä", "Inga poäng angavs för godkända resultat",
    "Không có tín chỉ nào được ghi cho các kết quả đạt"),
# ---------------------------------------------------------------- degree programmes
"No courses are listed under this programme.": (
    "Tämän koulutusohjelman alla ei ole opintojaksoja.", "Inga kurser anges under det här programmet.",
    "Không có học phần nào trong chương trình này."),
"Degree programme": ("Koulutusohjelma", "Utbildningsprogram", "Chương trình đào tạo"),
"Module": ("Opintokokonaisuus", "Modul", "Mô-đun"),
"Module group": ("Opintokokonaisuuksien ryhmä", "Modulgrupp", "Nhóm mô-đun"),
"Course": ("Opintojakso", "Kurs", "Học phần"),
"Component": ("Osasuoritus", "Delmoment", "Phần học"),
"Other results": ("Muut suoritukset", "Övriga resultat", "Kết quả khác"),
# ---------------------------------------------------------------- the last attempt without records
"Rejected": ("Hylätty", "Avvisad", "Bị từ chối"),
"Cancelled at the university": ("Peruttu korkeakoulun palvelussa", "Avbruten hos lärosätet",
                                "Đã hủy tại trang của trường"),
"University error": ("Korkeakoulun virhe", "Fel hos lärosätet", "Lỗi từ trường"),
"Returned too late": ("Palasi liian myöhään", "Återkom för sent", "Quay lại quá muộn"),
"No results sent": ("Ei lähetettyjä suorituksia", "Inga resultat skickades", "Không có kết quả được gửi"),
"Not completed": ("Jäi kesken", "Inte slutfört", "Chưa hoàn tất"),
"The records could not be accepted.": ("Tietoja ei voitu hyväksyä.", "Resultaten kunde inte tas emot.",
                                       "Không thể chấp nhận kết quả."),
"The candidate cancelled at the university; they can try again with the same link.": (
    "Hakija perui korkeakoulun palvelussa; hän voi yrittää uudelleen samalla linkillä.",
    "Den sökande avbröt hos lärosätet; hen kan försöka igen med samma länk.",
    "Ứng viên đã hủy tại trang của trường; họ có thể thử lại bằng cùng liên kết."),
"The university reported an error.": ("Korkeakoulu ilmoitti virheestä.", "Lärosätet rapporterade ett fel.",
                                      "Trường đã báo lỗi."),
"The candidate came back from the university more than 15 minutes after leaving; they can try again with the "
"same link.": (
    "Hakija palasi korkeakoulun palvelusta yli 15 minuutin kuluttua; hän voi yrittää uudelleen samalla linkillä.",
    "Den sökande kom tillbaka från lärosätet mer än 15 minuter senare; hen kan försöka igen med samma länk.",
    "Ứng viên quay lại từ trang của trường sau hơn 15 phút; họ có thể thử lại bằng cùng liên kết."),
"The university had no results to send.": ("Korkeakoululla ei ollut lähetettäviä suorituksia.",
                                           "Lärosätet hade inga resultat att skicka.",
                                           "Trường không có kết quả nào để gửi."),
"The candidate did not come back from the university within 15 minutes.": (
    "Hakija ei palannut korkeakoulun palvelusta 15 minuutin kuluessa.",
    "Den sökande kom inte tillbaka från lärosätet inom 15 minuter.",
    "Ứng viên không quay lại từ trang của trường trong vòng 15 phút."),
}

PLURALS = {
    ("%(num)d failed result", "%(num)d failed results"): (
        ("%(num)d hylätty suoritus", "%(num)d hylättyä suoritusta"),
        ("%(num)d underkänt resultat", "%(num)d underkända resultat"),
        ("%(num)d kết quả không đạt",)),
    ("%(num)d pass/fail result", "%(num)d pass/fail results"): (
        ("%(num)d hyväksytty/hylätty-suoritus", "%(num)d hyväksytty/hylätty-suoritusta"),
        ("%(num)d resultat med godkänd/underkänd", "%(num)d resultat med godkänd/underkänd"),
        ("%(num)d kết quả đạt/không đạt",)),
    ("%(num)d result not convertible", "%(num)d results not convertible"): (
        ("%(num)d suoritus, jota ei voi muuntaa", "%(num)d suoritusta, joita ei voi muuntaa"),
        ("%(num)d resultat som inte kan räknas om", "%(num)d resultat som inte kan räknas om"),
        ("%(num)d kết quả không quy đổi được",)),
    ("%(num)d component counted through its course", "%(num)d components counted through their course"): (
        ("%(num)d osasuoritus, joka sisältyy opintojaksonsa arvosanaan",
         "%(num)d osasuoritusta, jotka sisältyvät opintojaksonsa arvosanaan"),
        ("%(num)d delmoment som räknas via sin kurs", "%(num)d delmoment som räknas via sina kurser"),
        ("%(num)d phần thi được tính qua học phần của nó",)),
    ("%(num)d result without credits", "%(num)d results without credits"): (
        ("%(num)d suoritus ilman opintopisteitä", "%(num)d suoritusta ilman opintopisteitä"),
        ("%(num)d resultat utan poäng", "%(num)d resultat utan poäng"),
        ("%(num)d kết quả không có tín chỉ",)),
    ("Average of %(num)d course grade (%(credits)s ECTS) on the %(scale)s scale.",
     "Average of %(num)d course grades (%(credits)s ECTS) on the %(scale)s scale."): (
        ("Keskiarvo %(num)d opintojakson arvosanasta (%(credits)s ECTS) asteikolla %(scale)s.",
         "Keskiarvo %(num)d opintojakson arvosanasta (%(credits)s ECTS) asteikolla %(scale)s."),
        ("Medelvärde av %(num)d kursbetyg (%(credits)s ECTS) på skalan %(scale)s.",
         "Medelvärde av %(num)d kursbetyg (%(credits)s ECTS) på skalan %(scale)s."),
        ("Điểm trung bình của %(num)d điểm học phần (%(credits)s ECTS) theo thang %(scale)s.",)),
    ("Average of %(num)d graded result (%(credits)s ECTS) on the %(scale)s scale.",
     "Average of %(num)d graded results (%(credits)s ECTS) on the %(scale)s scale."): (
        ("Keskiarvo %(num)d arvosanasta (%(credits)s ECTS) asteikolla %(scale)s.",
         "Keskiarvo %(num)d arvosanasta (%(credits)s ECTS) asteikolla %(scale)s."),
        ("Medelvärde av %(num)d betygsatt resultat (%(credits)s ECTS) på skalan %(scale)s.",
         "Medelvärde av %(num)d betygsatta resultat (%(credits)s ECTS) på skalan %(scale)s."),
        ("Điểm trung bình của %(num)d kết quả có điểm (%(credits)s ECTS) theo thang %(scale)s.",)),
}
