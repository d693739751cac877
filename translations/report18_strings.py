"""Finnish, Swedish and Vietnamese for the reports (issue 18, item 6): the list of reports,
the filters and their messages, the tables, the charts' figures and the notes under them.
Same format as ``candidate_strings.py``."""

T = {
"Reports": ("Raportit", "Rapporter", "Báo cáo"),
# the date range's two ends, with a context ("To" alone is an email's recipient)
("date range", "From"): ("Alkaen", "Från", "Từ ngày"),
("date range", "To"): ("Päättyen", "Till", "Đến ngày"),
# the filters and what a bad one says
"%(field)s is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31.": (
    "%(field)s ei ole päivämäärä: kirjoita se muodossa VVVV-KK-PP, esim. 2026-12-31.",
    "%(field)s är inget datum: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-12-31.",
    "%(field)s không phải là ngày: hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-12-31."),
"%(field)s must be between the years %(first)s and %(last)s.": (
    "%(field)s: vuoden on oltava välillä %(first)s–%(last)s.",
    "%(field)s måste ligga mellan åren %(first)s och %(last)s.",
    "%(field)s phải nằm trong khoảng từ năm %(first)s đến năm %(last)s."),
"The end of the range is before its start.": ("Aikavälin loppu on ennen sen alkua.",
                                               "Intervallets slut ligger före dess början.",
                                               "Ngày kết thúc đang ở trước ngày bắt đầu."),
"Choose a range of at most ten years.": ("Valitse enintään kymmenen vuoden aikaväli.",
                                         "Välj ett intervall på högst tio år.",
                                         "Hãy chọn khoảng thời gian tối đa mười năm."),
"Choose a job from the list.": ("Valitse tehtävä luettelosta.", "Välj en tjänst i listan.",
                                "Hãy chọn một vị trí trong danh sách."),
"Choose a department from the list.": ("Valitse osasto luettelosta.", "Välj en avdelning i listan.",
                                       "Hãy chọn một phòng ban trong danh sách."),
"Show": ("Näytä", "Visa", "Xem"),
"Download CSV": ("Lataa CSV", "Ladda ner CSV", "Tải xuống CSV"),
"Nothing to report for these filters yet.": ("Näillä rajauksilla ei ole vielä raportoitavaa.",
                                             "Inget att rapportera för de här filtren ännu.",
                                             "Chưa có dữ liệu cho các bộ lọc này."),
"Try a longer date range, or all jobs.": ("Kokeile pidempää aikaväliä tai kaikkia tehtäviä.",
                                          "Prova ett längre datumintervall eller alla tjänster.",
                                          "Hãy thử khoảng thời gian dài hơn hoặc tất cả vị trí."),
# the reports and what each counts
"Time to hire": ("Palkkaamisen kesto", "Tid till anställning", "Thời gian tuyển dụng"),
"Days from application to hire, median and 90th percentile, per job.": (
    "Päivät hakemuksesta palkkaamiseen tehtävittäin: mediaani ja 90. persentiili.",
    "Dagar från ansökan till anställning per tjänst: median och 90:e percentil.",
    "Số ngày từ khi nộp hồ sơ đến khi tuyển, theo vị trí: trung vị và phân vị thứ 90."),
"Time in each stage": ("Aika kussakin vaiheessa", "Tid i varje steg", "Thời gian ở mỗi giai đoạn"),
"Days an application stays in each stage, median and 90th percentile.": (
    "Montako päivää hakemus on kussakin vaiheessa: mediaani ja 90. persentiili.",
    "Hur många dagar en ansökan stannar i varje steg: median och 90:e percentil.",
    "Số ngày hồ sơ nằm ở mỗi giai đoạn: trung vị và phân vị thứ 90."),
"Pipeline conversion": ("Eteneminen rekrytointiprosessissa", "Konvertering i rekryteringsflödet",
                        "Tỷ lệ chuyển đổi trong quy trình tuyển dụng"),
"Per job, how many applications went on from each stage to the next.": (
    "Tehtävittäin: montako hakemusta eteni kustakin vaiheesta seuraavaan.",
    "Per tjänst: hur många ansökningar gick vidare från varje steg till nästa.",
    "Theo vị trí: bao nhiêu hồ sơ đi tiếp từ mỗi giai đoạn sang giai đoạn sau."),
"Applications and hires by source": ("Hakemukset ja palkatut lähteittäin", "Ansökningar och anställningar per källa",
                                     "Hồ sơ và số người được tuyển theo nguồn"),
"Where applications came from and which sources led to hires.": (
    "Mistä hakemukset tulivat ja mistä lähteistä palkattiin.",
    "Varifrån ansökningarna kom och vilka källor som ledde till anställningar.",
    "Hồ sơ đến từ đâu và nguồn nào dẫn đến việc tuyển dụng."),
"Why applications were rejected: count and share.": ("Miksi hakemuksia hylättiin: määrä ja osuus.",
                                                      "Varför ansökningar avvisades: antal och andel.",
                                                      "Lý do hồ sơ bị loại: số lượng và tỷ lệ."),
"EMREX and assessment completion": ("EMREX ja arvioinnit: valmistuneet", "EMREX och tester: slutförda",
                                    "Mức hoàn thành EMREX và bài đánh giá"),
"Study records and tests asked for, and how many were completed.": (
    "Pyydetyt opintotiedot ja testit sekä montako niistä valmistui.",
    "Begärda studieresultat och tester, och hur många som slutfördes.",
    "Số yêu cầu kết quả học tập và bài kiểm tra đã gửi, và bao nhiêu đã hoàn thành."),
"Open jobs and their age": ("Avoimet tehtävät ja niiden ikä", "Öppna tjänster och deras ålder",
                            "Vị trí đang tuyển và thời gian mở"),
"Published jobs, how long they have been open and their applications.": (
    "Julkaistut tehtävät, kauanko ne ovat olleet auki ja niiden hakemukset.",
    "Publicerade tjänster, hur länge de har varit öppna och deras ansökningar.",
    "Các vị trí đã đăng, đã mở bao lâu và số hồ sơ của chúng."),
# the tables' columns
"Hires": ("Palkatut", "Anställningar", "Số người được tuyển"),
"Median days": ("Mediaani, päivää", "Median, dagar", "Trung vị (ngày)"),
"90th percentile days": ("90. persentiili, päivää", "90:e percentil, dagar", "Phân vị 90 (ngày)"),
"Stays": ("Jaksoja", "Perioder", "Số lượt"),
"Reached": ("Saavuttaneet", "Nådde steget", "Đã đến"),
"Reached the next stage": ("Eteni seuraavaan vaiheeseen", "Nådde nästa steg", "Đã sang giai đoạn sau"),
"Conversion": ("Eteneminen", "Konvertering", "Tỷ lệ chuyển đổi"),
"Hired": ("Palkatut", "Anställda", "Đã tuyển"),
"Hire rate": ("Palkattujen osuus", "Andel anställda", "Tỷ lệ được tuyển"),
"Rejections": ("Hylkäykset", "Avslag", "Số lần loại"),
"Share": ("Osuus", "Andel", "Tỷ lệ"),
"EMREX study records": ("EMREX-opintotiedot", "EMREX-studieresultat", "Kết quả học tập EMREX"),
"What was asked": ("Mitä pyydettiin", "Vad som begärdes", "Yêu cầu"),
"Asked": ("Pyydetty", "Begärda", "Đã yêu cầu"),
"Completed": ("Valmistunut", "Slutförda", "Đã hoàn thành"),
"Completion rate": ("Valmistuneiden osuus", "Andel slutförda", "Tỷ lệ hoàn thành"),
"Days open": ("Auki, päivää", "Öppen, dagar", "Số ngày mở"),
# the charts' figures
"median %(median)s d · p90 %(p90)s d · %(hires)s": ("mediaani %(median)s pv · p90 %(p90)s pv · %(hires)s",
                                                    "median %(median)s d · p90 %(p90)s d · %(hires)s",
                                                    "trung vị %(median)s ngày · p90 %(p90)s ngày · %(hires)s"),
"median %(median)s d · p90 %(p90)s d": ("mediaani %(median)s pv · p90 %(p90)s pv",
                                        "median %(median)s d · p90 %(p90)s d",
                                        "trung vị %(median)s ngày · p90 %(p90)s ngày"),
"%(rate)s on": ("%(rate)s eteni", "%(rate)s gick vidare", "%(rate)s đi tiếp"),
"%(applications)s · %(hired)s hired": ("%(applications)s · %(hired)s palkattu", "%(applications)s · %(hired)s anställda",
                                       "%(applications)s · %(hired)s đã tuyển"),
"%(done)s of %(asked)s · %(rate)s": ("%(done)s / %(asked)s · %(rate)s", "%(done)s av %(asked)s · %(rate)s",
                                     "%(done)s trên %(asked)s · %(rate)s"),
"%(days)s · %(applications)s": ("%(days)s · %(applications)s", "%(days)s · %(applications)s",
                                "%(days)s · %(applications)s"),
# the notes under each report
"From the application to its first entry into a hired stage; the range picks the hires made in it.": (
    "Hakemuksesta sen ensimmäiseen siirtoon Palkattu-vaiheeseen; aikaväli valitsee sen aikana tehdyt palkkaukset.",
    "Från ansökan till dess första steg av typen Anställd; intervallet väljer anställningarna som gjordes under det.",
    "Từ lúc nộp hồ sơ đến lần đầu vào giai đoạn Đã tuyển; khoảng thời gian chọn các lượt tuyển diễn ra trong đó."),
"From entering a stage to the next move; stays that have not ended are left out. Stages of the same name in different jobs count together; the range picks the stays that began in it.": (
    "Vaiheeseen siirrosta seuraavaan siirtoon; päättymättömiä jaksoja ei lasketa. Eri tehtävien samannimiset "
    "vaiheet lasketaan yhteen; aikaväli valitsee sen aikana alkaneet jaksot.",
    "Från att ansökan kom till ett steg till nästa flytt; perioder som inte har slutat räknas inte. Steg med samma "
    "namn i olika tjänster räknas tillsammans; intervallet väljer perioderna som började under det.",
    "Từ lúc vào một giai đoạn đến lần chuyển tiếp theo; các lượt chưa kết thúc không được tính. Các giai đoạn cùng "
    "tên ở những vị trí khác nhau được tính chung; khoảng thời gian chọn các lượt bắt đầu trong đó."),
"An application reached a stage when it entered it or a later one; the range picks the applications created in it.": (
    "Hakemus on saavuttanut vaiheen, kun se on siirretty siihen tai myöhempään vaiheeseen; aikaväli valitsee sen "
    "aikana saapuneet hakemukset.",
    "En ansökan har nått ett steg när den har flyttats dit eller till ett senare steg; intervallet väljer "
    "ansökningarna som kom in under det.",
    "Hồ sơ được tính là đã đến một giai đoạn khi nó vào giai đoạn đó hoặc giai đoạn sau; khoảng thời gian chọn các "
    "hồ sơ được tạo trong đó."),
"The chart shows %(job)s; choose a job to see another. The table has every job.": (
    "Kaavio näyttää tehtävän %(job)s; valitse tehtävä nähdäksesi toisen. Taulukossa ovat kaikki tehtävät.",
    "Diagrammet visar %(job)s; välj en tjänst för att se en annan. Tabellen har alla tjänster.",
    "Biểu đồ đang hiển thị %(job)s; hãy chọn vị trí để xem vị trí khác. Bảng có tất cả vị trí."),
"Applications created in the range, and how many of them have been hired.": (
    "Aikavälillä saapuneet hakemukset ja montako heistä on palkattu.",
    "Ansökningar som kom in under intervallet och hur många av dem som har anställts.",
    "Hồ sơ được tạo trong khoảng thời gian và bao nhiêu trong số đó đã được tuyển."),
"Applications rejected in the range, by the reason given.": (
    "Aikavälillä hylätyt hakemukset hylkäyksen syyn mukaan.",
    "Ansökningar som avvisades under intervallet, per angiven avslagsorsak.",
    "Hồ sơ bị loại trong khoảng thời gian, theo lý do loại."),
"Requests for study records and assessment orders made in the range; completed: the records came or the test was finished.": (
    "Aikavälillä lähetetyt opintotietopyynnöt ja arviointitilaukset; valmistunut: opintotiedot saapuivat tai testi "
    "tehtiin loppuun.",
    "Begäranden om studieresultat och testbeställningar under intervallet; slutförd: resultaten kom eller testet "
    "gjordes klart.",
    "Các yêu cầu kết quả học tập và đơn bài đánh giá trong khoảng thời gian; đã hoàn thành: đã nhận kết quả học tập "
    "hoặc bài kiểm tra đã làm xong."),
"Published jobs now, oldest first; days since the job was created. The date range does not apply.": (
    "Nyt julkaistut tehtävät vanhimmasta alkaen; päivät tehtävän luomisesta. Aikaväli ei vaikuta tähän.",
    "Tjänster som är publicerade nu, äldst först; dagar sedan tjänsten skapades. Datumintervallet gäller inte här.",
    "Các vị trí đang đăng, cũ nhất trước; số ngày kể từ khi tạo vị trí. Khoảng thời gian không áp dụng ở đây."),
}

PLURALS = {
    ("%(num)d hire", "%(num)d hires"): (
        ("%(num)d palkattu", "%(num)d palkattua"),
        ("%(num)d anställd", "%(num)d anställda"),
        ("%(num)d người được tuyển",)),
    ("%(num)d reached", "%(num)d reached"): (
        ("%(num)d saavutti", "%(num)d saavutti"),
        ("%(num)d nådde steget", "%(num)d nådde steget"),
        ("%(num)d đã đến",)),
    ("%(num)d day", "%(num)d days"): (
        ("%(num)d päivä", "%(num)d päivää"),
        ("%(num)d dag", "%(num)d dagar"),
        ("%(num)d ngày",)),
}
