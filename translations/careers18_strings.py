"""Finnish, Swedish and Vietnamese for the careers page's search and filters (issue 18,
item 2). Same format as ``candidate_strings.py``. Finnish "Search" is *Hae*, never *Haku*."""

T = {
"Search positions": ("Hae paikkoja", "Sök tjänster", "Tìm vị trí"),
"All locations": ("Kaikki sijainnit", "Alla orter", "Tất cả địa điểm"),
"All departments": ("Kaikki osastot", "Alla avdelningar", "Tất cả phòng ban"),
"All types": ("Kaikki tyypit", "Alla anställningsformer", "Tất cả hình thức"),
"Any workplace": ("Mikä tahansa työskentelypaikka", "Alla arbetsplatser", "Mọi nơi làm việc"),
"Show positions": ("Näytä paikat", "Visa tjänster", "Xem vị trí"),
"Clear the search": ("Tyhjennä hakuehdot", "Rensa sökningen", "Xóa tìm kiếm"),
"No open position matches your search.": ("Yksikään avoin paikka ei vastaa hakuehtojasi.",
                                          "Ingen ledig tjänst matchar din sökning.",
                                          "Không có vị trí nào phù hợp với tìm kiếm của bạn."),
"See the open positions at %(company)s": ("Katso avoimet paikat: %(company)s",
                                          "Se lediga tjänster hos %(company)s",
                                          "Xem các vị trí đang tuyển tại %(company)s"),
# My interviews: the scorecards to fill (issue 17)
"Fill in the scorecard": ("Täytä arviokortti", "Fyll i bedömningskortet", "Điền phiếu đánh giá"),
"Scorecards to fill": ("Täytettävät arviokortit", "Bedömningskort att fylla i", "Phiếu đánh giá cần điền"),
"Nothing to fill in: every scorecard asked of you is in.": (
    "Ei täytettävää: kaikki sinulta pyydetyt arviokortit on lähetetty.",
    "Inget att fylla i: alla bedömningskort du ombetts om är inskickade.",
    "Không có gì cần điền: mọi phiếu đánh giá được yêu cầu đều đã gửi."),
("scorecard", "draft"): ("luonnos", "utkast", "bản nháp"),
"asked %(date)s": ("pyydetty %(date)s", "begärd %(date)s", "được yêu cầu ngày %(date)s"),
# the careers site's look (issue 18, item 2)
"Careers site": ("Urasivusto", "Karriärsajt", "Trang tuyển dụng"),
"Brand colour": ("Brändiväri", "Profilfärg", "Màu thương hiệu"),
"About the company": ("Tietoa yrityksestä", "Om företaget", "Giới thiệu công ty"),
"Logo (PNG or JPEG, at most 256 KB)": ("Logo (PNG tai JPEG, enintään 256 kt)", "Logotyp (PNG eller JPEG, högst 256 kB)",
                                        "Logo (PNG hoặc JPEG, tối đa 256 KB)"),
"Remove the logo": ("Poista logo", "Ta bort logotypen", "Xóa logo"),
"Your logo": ("Logonne", "Er logotyp", "Logo của bạn"),
"Your careers pages": ("Urasivunne", "Era karriärsidor", "Các trang tuyển dụng của bạn"),
"Open your careers page": ("Avaa urasivunne", "Öppna er karriärsida", "Mở trang tuyển dụng của bạn"),
"Careers site saved.": ("Urasivusto tallennettu.", "Karriärsajten har sparats.", "Đã lưu trang tuyển dụng."),
"Changed the careers site's look": ("Muutti urasivuston ulkoasua", "Ändrade karriärsajtens utseende",
                                    "Đã thay đổi giao diện trang tuyển dụng"),
"Changed the privacy notice's address": ("Muutti tietosuojaselosteen osoitetta", "Ändrade integritetspolicyns adress",
                                         "Đã thay đổi địa chỉ thông báo quyền riêng tư"),
"Your logo, brand colour and a few words about the company on your careers pages.": (
    "Logonne, brändivärinne ja muutama sana yrityksestä urasivuillanne.",
    "Er logotyp, profilfärg och några ord om företaget på era karriärsidor.",
    "Logo, màu thương hiệu và vài dòng giới thiệu công ty trên các trang tuyển dụng của bạn."),
"As #rrggbb. Buttons and links use it; white text must be readable on it (contrast at least 4.5:1), so very light colours are refused.": (
    "Muodossa #rrggbb. Painikkeet ja linkit käyttävät sitä; valkoisen tekstin on erotuttava siitä (kontrasti "
    "vähintään 4,5:1), joten hyvin vaaleita värejä ei hyväksytä.",
    "Som #rrggbb. Knappar och länkar använder den; vit text måste gå att läsa på den (kontrast minst 4,5:1), "
    "så mycket ljusa färger godtas inte.",
    "Dạng #rrggbb. Nút và liên kết dùng màu này; chữ trắng phải đọc được trên nền đó (độ tương phản ít nhất "
    "4,5:1), nên màu quá nhạt sẽ không được chấp nhận."),
"A few sentences at the top of your careers page. Markdown works: **bold**, lists, links.": (
    "Muutama lause urasivunne alkuun. Markdown toimii: **lihavointi**, luettelot, linkit.",
    "Några meningar överst på er karriärsida. Markdown fungerar: **fetstil**, listor, länkar.",
    "Vài câu ở đầu trang tuyển dụng. Có thể dùng Markdown: **chữ đậm**, danh sách, liên kết."),
"The careers page, job ads, the apply form and their error pages show your logo and colour.": (
    "Urasivu, työpaikkailmoitukset, hakulomake ja niiden virhesivut näyttävät logonne ja värinne.",
    "Karriärsidan, annonserna, ansökningsformuläret och deras felsidor visar er logotyp och färg.",
    "Trang tuyển dụng, tin tuyển dụng, biểu mẫu ứng tuyển và các trang lỗi đều hiển thị logo và màu của bạn."),
"Give the colour as #rrggbb, for example #2a5bd7.": ("Anna väri muodossa #rrggbb, esimerkiksi #2a5bd7.",
                                                      "Ange färgen som #rrggbb, till exempel #2a5bd7.",
                                                      "Nhập màu dạng #rrggbb, ví dụ #2a5bd7."),
"White text on %(colour)s has a contrast of %(ratio)s:1; choose a darker colour (at least 4.5:1).": (
    "Valkoisen tekstin kontrasti värillä %(colour)s on %(ratio)s:1; valitse tummempi väri (vähintään 4,5:1).",
    "Vit text på %(colour)s har kontrasten %(ratio)s:1; välj en mörkare färg (minst 4,5:1).",
    "Chữ trắng trên nền %(colour)s có độ tương phản %(ratio)s:1; hãy chọn màu đậm hơn (ít nhất 4,5:1)."),
"The about text is at most 2,000 characters.": ("Esittelyteksti on enintään 2 000 merkkiä.",
                                                "Texten om företaget är högst 2 000 tecken.",
                                                "Phần giới thiệu tối đa 2.000 ký tự."),
"The logo must be a PNG or JPEG image.": ("Logon on oltava PNG- tai JPEG-kuva.", "Logotypen måste vara en PNG- eller JPEG-bild.",
                                          "Logo phải là ảnh PNG hoặc JPEG."),
"The logo is at most 256 KB.": ("Logo on enintään 256 kt.", "Logotypen är högst 256 kB.", "Logo tối đa 256 KB."),
"Show all positions": ("Näytä kaikki paikat", "Visa alla tjänster", "Xem tất cả vị trí"),
}

PLURALS = {
    ("%(num)d position matches your search.", "%(num)d positions match your search."): (
        ("%(num)d paikka vastaa hakuehtojasi.", "%(num)d paikkaa vastaa hakuehtojasi."),
        ("%(num)d tjänst matchar din sökning.", "%(num)d tjänster matchar din sökning."),
        ("%(num)d vị trí phù hợp với tìm kiếm của bạn.",)),
}
