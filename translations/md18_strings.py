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
}
