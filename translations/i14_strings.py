"""Finnish, Swedish and Vietnamese for branch i14: the partner features' stored texts
(app/partners/texts.py, app/assessments/texts.py, app/boards/texts.py) and what the
translation check of the main screens found. Format as in candidate_strings.py."""

T = {
# ---- app/partners/texts.py: the HTTP client and the delivery log
"No answer within %(seconds)s seconds.": (
    "Ei vastausta %(seconds)s sekunnissa.", "Inget svar inom %(seconds)s sekunder.",
    "Không có phản hồi trong vòng %(seconds)s giây."),
"The partner could not be reached (%(kind)s).": (
    "Kumppaniin ei saatu yhteyttä (%(kind)s).", "Det gick inte att nå partnern (%(kind)s).",
    "Không thể kết nối tới đối tác (%(kind)s)."),
"The partner answered with a redirect (HTTP %(status)s), which Haku does not follow.": (
    "Kumppani vastasi uudelleenohjauksella (HTTP %(status)s), jota Haku ei seuraa.",
    "Partnern svarade med en omdirigering (HTTP %(status)s), som Haku inte följer.",
    "Đối tác trả về một chuyển hướng (HTTP %(status)s), Haku không đi theo chuyển hướng này."),
"The partner refused the call (HTTP %(status)s).": (
    "Kumppani hylkäsi kutsun (HTTP %(status)s).", "Partnern avvisade anropet (HTTP %(status)s).",
    "Đối tác đã từ chối lệnh gọi (HTTP %(status)s)."),
"Haku may not call this address (%(detail)s).": (
    "Haku ei saa kutsua tätä osoitetta (%(detail)s).", "Haku får inte anropa den här adressen (%(detail)s).",
    "Haku không được phép gọi địa chỉ này (%(detail)s)."),
"The partner's answer was larger than Haku accepts.": (
    "Kumppanin vastaus oli suurempi kuin Haku hyväksyy.", "Partnerns svar var större än Haku tar emot.",
    "Phản hồi của đối tác lớn hơn mức Haku chấp nhận."),
"The partner's answer was not as expected: %(detail)s": (
    "Kumppanin vastaus ei ollut odotetun muotoinen: %(detail)s", "Partnerns svar var inte som väntat: %(detail)s",
    "Phản hồi của đối tác không như mong đợi: %(detail)s"),
"Haku could not finish this (internal error: %(kind)s).": (
    "Haku ei saanut tätä valmiiksi (sisäinen virhe: %(kind)s).",
    "Haku kunde inte slutföra detta (internt fel: %(kind)s).",
    "Haku không thể hoàn tất việc này (lỗi nội bộ: %(kind)s)."),
"Haku does not know the call %(call)s.": (
    "Haku ei tunne kutsua %(call)s.", "Haku känner inte till anropet %(call)s.",
    "Haku không biết lệnh gọi %(call)s."),
"Haku does not handle events of type %(type)s.": (
    "Haku ei käsittele tyypin %(type)s tapahtumia.", "Haku hanterar inte händelser av typen %(type)s.",
    "Haku không xử lý sự kiện loại %(type)s."),
"The partner's answer, as sent:": (
    "Kumppanin vastaus sellaisenaan:", "Partnerns svar, som det skickades:",
    "Phản hồi nguyên văn của đối tác:"),
# ---- app/assessments/texts.py
"The vendor refused the API key: %(cause)s": (
    "Palveluntarjoaja hylkäsi API-avaimen: %(cause)s", "Leverantören avvisade API-nyckeln: %(cause)s",
    "Nhà cung cấp đã từ chối khóa API: %(cause)s"),
"The list of tests could not be loaded: %(cause)s": (
    "Testien luetteloa ei saatu ladattua: %(cause)s", "Listan över test kunde inte hämtas: %(cause)s",
    "Không thể tải danh sách bài kiểm tra: %(cause)s"),
"No vendor API key is set for this integration.": (
    "Tälle integraatiolle ei ole asetettu palveluntarjoajan API-avainta.",
    "Ingen API-nyckel från leverantören är angiven för den här integrationen.",
    "Tích hợp này chưa có khóa API của nhà cung cấp."),
"The order no longer exists.": (
    "Tilausta ei ole enää olemassa.", "Beställningen finns inte längre.", "Yêu cầu không còn tồn tại."),
"The order is no longer waiting to be sent (%(status)s); nothing was sent.": (
    "Tilaus ei enää odota lähettämistä (%(status)s); mitään ei lähetetty.",
    "Beställningen väntar inte längre på att skickas (%(status)s); ingenting skickades.",
    "Yêu cầu không còn chờ gửi (%(status)s); không có gì được gửi."),
"Another order for this test is open for the candidate; nothing was sent.": (
    "Hakijalla on jo toinen avoin tilaus tähän testiin; mitään ei lähetetty.",
    "Kandidaten har redan en annan öppen beställning av det här testet; ingenting skickades.",
    "Ứng viên đang có một yêu cầu khác cho bài kiểm tra này; không có gì được gửi."),
"The integration is switched off or not connected; nothing was sent.": (
    "Integraatio on pois päältä tai ei yhdistetty; mitään ei lähetetty.",
    "Integrationen är avstängd eller inte ansluten; ingenting skickades.",
    "Tích hợp đang tắt hoặc chưa được kết nối; không có gì được gửi."),
"The vendor refused the test.": (
    "Palveluntarjoaja hylkäsi testin.", "Leverantören avvisade testet.", "Nhà cung cấp đã từ chối bài kiểm tra."),
"The vendor could not be reached: %(cause)s": (
    "Palveluntarjoajaan ei saatu yhteyttä: %(cause)s", "Det gick inte att nå leverantören: %(cause)s",
    "Không thể kết nối tới nhà cung cấp: %(cause)s"),
"The vendor could not be reached: no answer.": (
    "Palveluntarjoajaan ei saatu yhteyttä: ei vastausta.", "Det gick inte att nå leverantören: inget svar.",
    "Không thể kết nối tới nhà cung cấp: không có phản hồi."),
"No sent order to ask about.": (
    "Ei lähetettyä tilausta, jonka tilaa kysyä.", "Ingen skickad beställning att fråga om.",
    "Không có yêu cầu đã gửi nào để hỏi."),
"The integration is not connected (or switched off); nothing was changed.": (
    "Integraatiota ei ole yhdistetty (tai se on pois päältä); mitään ei muutettu.",
    "Integrationen är inte ansluten (eller avstängd); ingenting ändrades.",
    "Tích hợp chưa được kết nối (hoặc đang tắt); không có gì thay đổi."),
"The application_ref is unknown in this integration's company.": (
    "application_ref on tuntematon tämän integraation yrityksessä.",
    "application_ref är okänd i den här integrationens företag.",
    "application_ref không tồn tại trong công ty của tích hợp này."),
"data.vendor_account_ref must be a string of 1–200 characters.": (
    "data.vendor_account_ref on oltava 1–200 merkin merkkijono.",
    "data.vendor_account_ref måste vara en sträng på 1–200 tecken.",
    "data.vendor_account_ref phải là một chuỗi dài 1–200 ký tự."),
"The partner_interview_id is unknown for this integration (if the send was still running, replay this event).": (
    "partner_interview_id on tuntematon tälle integraatiolle (jos lähetys oli vielä kesken, aja tämä tapahtuma "
    "uudelleen).",
    "partner_interview_id är okänt för den här integrationen (om sändningen fortfarande pågick, kör händelsen igen).",
    "partner_interview_id không tồn tại với tích hợp này (nếu việc gửi vẫn đang chạy, hãy chạy lại sự kiện này)."),
"The data is not a test status: %(detail)s": (
    "Tiedot eivät ole testin tila: %(detail)s", "Datan är inte en teststatus: %(detail)s",
    "Dữ liệu không phải là trạng thái bài kiểm tra: %(detail)s"),
"No assessment was sent for this application with this integration.": (
    "Tälle hakemukselle ei ole lähetetty arviointia tällä integraatiolla.",
    "Inget test har skickats för den här ansökan med den här integrationen.",
    "Chưa có bài đánh giá nào được gửi cho hồ sơ này qua tích hợp này."),
"The data is not a result card: %(detail)s": (
    "Tiedot eivät ole tuloskortti: %(detail)s", "Datan är inte ett resultatkort: %(detail)s",
    "Dữ liệu không phải là thẻ kết quả: %(detail)s"),
"The data is not a list of log entries: %(detail)s": (
    "Tiedot eivät ole lokimerkintöjen luettelo: %(detail)s", "Datan är inte en lista med loggposter: %(detail)s",
    "Dữ liệu không phải là danh sách mục nhật ký: %(detail)s"),
"List the vendor's tests": (
    "Palveluntarjoajan testien luettelo", "Hämta leverantörens test", "Lấy danh sách bài kiểm tra của nhà cung cấp"),
"Ask for the status of %(interview)s": (
    "Kysy tilaa: %(interview)s", "Fråga efter status för %(interview)s", "Hỏi trạng thái của %(interview)s"),
"Send %(test)s (order %(order)s)": (
    "Lähetä %(test)s (tilaus %(order)s)", "Skicka %(test)s (beställning %(order)s)",
    "Gửi %(test)s (yêu cầu %(order)s)"),
"Order %(order)s sent as %(interview)s": (
    "Tilaus %(order)s lähetetty tunnuksella %(interview)s", "Beställning %(order)s skickad som %(interview)s",
    "Yêu cầu %(order)s đã gửi với mã %(interview)s"),
# ---- app/boards/texts.py
"TopCV refused the stored keys; paste new ones.": (
    "TopCV hylkäsi tallennetut avaimet; liitä uudet.", "TopCV avvisade de sparade nycklarna; klistra in nya.",
    "TopCV đã từ chối các khóa đã lưu; hãy dán khóa mới."),
"The last call failed: %(cause)s": (
    "Viimeisin kutsu epäonnistui: %(cause)s", "Det senaste anropet misslyckades: %(cause)s",
    "Lệnh gọi gần nhất thất bại: %(cause)s"),
"TopCV's answer had no board_job_id.": (
    "TopCV:n vastauksessa ei ollut board_job_id-tunnusta.", "TopCV:s svar saknade board_job_id.",
    "Phản hồi của TopCV không có board_job_id."),
"TopCV no longer knows this job.": (
    "TopCV ei enää tunne tätä ilmoitusta.", "TopCV känner inte längre till den här annonsen.",
    "TopCV không còn tin đăng này."),
"TopCV did not answer after %(attempts)s tries: %(cause)s": (
    "TopCV ei vastannut %(attempts)s yrityksen jälkeen: %(cause)s",
    "TopCV svarade inte efter %(attempts)s försök: %(cause)s",
    "TopCV không phản hồi sau %(attempts)s lần thử: %(cause)s"),
"The data must be an object.": (
    "Tietojen on oltava objekti.", "Datan måste vara ett objekt.", "Dữ liệu phải là một đối tượng."),
"Haku has no posting for TopCV job %(job)s.": (
    "Hakussa ei ole ilmoitusta TopCV-ilmoitukselle %(job)s.", "Haku har ingen annons för TopCV-annonsen %(job)s.",
    "Haku không có tin đăng nào cho tin TopCV %(job)s."),
"The applicant has no name, or no email, phone or application id.": (
    "Hakijalla ei ole nimeä tai sähköpostia, puhelinnumeroa tai hakemuksen tunnusta.",
    "Den sökande saknar namn, eller e-post, telefon och ansöknings-id.",
    "Người ứng tuyển không có tên, hoặc không có email, số điện thoại hay mã hồ sơ."),
"Check the keys": ("Tarkista avaimet", "Kontrollera nycklarna", "Kiểm tra các khóa"),
"Post “%(title)s”": ("Julkaise ”%(title)s”", "Publicera ”%(title)s”", "Đăng “%(title)s”"),
"Update “%(title)s”": ("Päivitä ”%(title)s”", "Uppdatera ”%(title)s”", "Cập nhật “%(title)s”"),
"Close %(job)s": ("Sulje %(job)s", "Stäng %(job)s", "Đóng %(job)s"),
"Check who owns %(job)s": ("Tarkista, kenen %(job)s on", "Kontrollera vem som äger %(job)s",
                           "Kiểm tra chủ sở hữu của %(job)s"),
"Notices in the same second about %(job)s": (
    "Saman sekunnin ilmoitukset: %(job)s", "Aviseringar inom samma sekund om %(job)s",
    "Các thông báo trong cùng một giây về %(job)s"),
"Check the status of %(job)s": ("Tarkista tila: %(job)s", "Kontrollera status för %(job)s",
                                "Kiểm tra trạng thái của %(job)s"),
}
